import { readFileSync } from 'node:fs';
import { Project } from '../core/project';
import { allProjectFilesViewing } from '../core/cache';
import { Check, CheckOutcome } from '../core/types';
import { APEX_CATALOG_VIEW, isApexClass } from '../references/apex-views';
import { buildCatalog } from '../references/catalog-builder';
import { LwcReferences } from '../references/lwc';
import { SourceFiles } from '../references/source-files';
import { standardSchema } from '../references/standard-schema';

/**
 * Lightning web components: what they import (`@salesforce/apex`, `@salesforce/schema`, labels, message channels,
 * static resources, `c/*` and `lightning/*` modules), the child components their templates use, their js-meta.xml
 * targets, and every FlexiPage, quick action, tab and flow screen that names a component. See
 * docs/quality-gate/cross-references.md, "Lightning web components".
 */
export const lwcReferencesCheck: Check = {
  id: 'lwc-references',
  title: 'Lightning web components: imports, child components, targets, and the metadata that names them exist',
  inputs: allProjectFilesViewing(isApexClass, APEX_CATALOG_VIEW),
  async run(project: Project): Promise<CheckOutcome> {
    const files = new SourceFiles(project);
    const references = new LwcReferences(files, buildCatalog(files, standardSchema(), projectNamespace(project)));
    references.run();
    return { filesSeen: references.filesSeen, problems: [...files.unparsable, ...references.problems] };
  }
};

function projectNamespace(project: Project): string | undefined {
  try {
    const config = JSON.parse(readFileSync(project.abs('sfdx-project.json'), 'utf8')) as { namespace?: unknown };
    return typeof config.namespace === 'string' && config.namespace ? config.namespace : undefined;
  } catch {
    return undefined;
  }
}
