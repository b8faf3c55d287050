import { Project } from '../core/project';
import { Check, Prerequisite, Problem } from '../core/types';
import { metadataTypeModel } from '../metadata/shared-model';
import { deployableTypeNames } from '../metadata/sdr-registry';
import { MetadataXmlValidator } from '../metadata/validator';
import { readXml } from '../metadata/xml-reader';

let sharedValidator: MetadataXmlValidator | undefined;

/** The model takes ~0.2 s to build: build it once per process, on first use. */
function validator(): MetadataXmlValidator {
  sharedValidator ??= new MetadataXmlValidator(metadataTypeModel(), deployableTypeNames());
  return sharedValidator;
}

/**
 * Problems of one `-meta.xml` file: well-formedness first; the types only when the structure can be trusted.
 * `projectApiVersion` is the project's sourceApiVersion: the version the deploy reads the file against.
 */
export function checkMetadataFile(file: string, text: string, projectApiVersion?: string): Problem[] {
  const document = readXml(text);
  const issues = document.root
    ? [...document.issues, ...validator().validate(document.root, projectApiVersion)]
    : document.issues;
  return issues.map((issue) => ({
    file,
    line: issue.line,
    message: issue.message,
    severity: issue.severity,
    ...(issue.housePolicy ? { basis: 'house-policy' as const } : {})
  }));
}

/**
 * For checks that read the metadata: a file that is not well-formed XML would look like missing metadata to them
 * (a field that "does not exist"), so they wait until every -meta.xml parses.
 */
export const WELL_FORMED_METADATA: Prerequisite = {
  check: 'metadata-xml',
  blocks: (problem) => problem.message.startsWith('malformed XML'),
  what: 'malformed XML file'
};

export const metadataXmlCheck: Check = {
  id: 'metadata-xml',
  title:
    'every -meta.xml is well-formed and matches the Metadata API types: elements, values, order, required elements',
  basis: 'deploy-fact',
  focusAware: true,
  async run(project: Project) {
    const all = [
      ...project.packageFilesEndingWith('-meta.xml'),
      ...project.separatelyDeployedFiles().filter((file) => file.endsWith('-meta.xml'))
    ];
    const focus = project.focus;
    // Each file is judged by itself and the project's sourceApiVersion: a changed version concerns every file.
    const files = focus && !focus.has('sfdx-project.json') ? all.filter((file) => focus.has(file)) : all;
    const problems = files.flatMap((file) => checkMetadataFile(file, project.read(file), project.sourceApiVersion));
    return { filesSeen: files.length, problems };
  }
};
