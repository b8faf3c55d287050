import { readFileSync } from 'node:fs';
import { Project } from '../../core/project';
import { CheckOutcome } from '../../core/types';
import { buildCatalog } from '../../references/catalog-builder';
import { LwcReferences } from '../../references/lwc';
import { SourceFiles } from '../../references/source-files';
import { standardSchema } from '../../references/standard-schema';

function projectNamespace(project: Project): string | undefined {
  try {
    const config = JSON.parse(readFileSync(project.abs('sfdx-project.json'), 'utf8')) as { namespace?: unknown };
    return typeof config.namespace === 'string' && config.namespace ? config.namespace : undefined;
  } catch {
    return undefined;
  }
}

/** The lwc-references check's run (see checks/lwc-references.ts): loaded only when the check runs. */
export async function runLwcReferences(project: Project): Promise<CheckOutcome> {
  const files = new SourceFiles(project);
  const references = new LwcReferences(files, buildCatalog(files, standardSchema(), projectNamespace(project)));
  references.run();
  return { filesSeen: references.filesSeen, problems: [...files.unparsable, ...references.problems] };
}
