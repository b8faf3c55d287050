import { buildMetadataReference, REFERENCE_PATH } from '../../docs/metadata-reference';
import { allProjectFiles, isApexBody } from '../core/cache';
import { Check, CheckOutcome, error } from '../core/types';
import { Project } from '../core/project';
import { WELL_FORMED_METADATA } from './metadata-xml';

/** The committed metadata reference must be what `npm run docs` generates from the metadata now. */
export const docsReferenceCheck: Check = {
  id: 'docs-reference',
  title: `${REFERENCE_PATH} is up to date with the metadata`,
  basis: 'house-policy',
  prerequisites: [WELL_FORMED_METADATA],
  // The reference is built from the metadata XML: an Apex body is never read.
  inputs: (project) => {
    const files = allProjectFiles(project);
    return { contents: files.filter((file) => !isApexBody(file)), names: files.filter(isApexBody) };
  },
  async run(project: Project): Promise<CheckOutcome> {
    const expected = buildMetadataReference(project);
    let committed: string;
    try {
      committed = project.read(REFERENCE_PATH);
    } catch {
      return { filesSeen: 0, problems: [error(REFERENCE_PATH, 'missing: run npm run docs and commit the result')] };
    }
    if (committed === expected) {
      return { filesSeen: 1, problems: [] };
    }
    const committedLines = committed.split('\n');
    const expectedLines = expected.split('\n');
    const firstDifference = expectedLines.findIndex((line, index) => committedLines[index] !== line);
    const line = (firstDifference < 0 ? expectedLines.length : firstDifference) + 1;
    return {
      filesSeen: 1,
      problems: [
        error(
          REFERENCE_PATH,
          `out of date with the metadata (first difference here): run npm run docs and commit the result`,
          line
        )
      ]
    };
  }
};
