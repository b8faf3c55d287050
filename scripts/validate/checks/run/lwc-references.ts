import { readFileSync } from 'node:fs';
import { Project } from '../../core/project';
import { CheckOutcome } from '../../core/types';
import { buildCatalog } from '../../references/catalog-builder';
import { ComponentMarkupReferences } from '../../references/component-markup';
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
  const catalog = buildCatalog(files, standardSchema(), projectNamespace(project));
  const references = new LwcReferences(files, catalog);
  references.run();
  const markup = new ComponentMarkupReferences(files, catalog);
  markup.run();
  return {
    filesSeen: references.filesSeen + markup.filesSeen,
    problems: [...files.unparsable, ...references.problems, ...markup.problems]
  };
}
