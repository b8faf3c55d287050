import { allProjectFilesViewing } from '../core/cache';
import { Check } from '../core/types';
import { APEX_CATALOG_VIEW, isApexClass } from '../references/apex-views';

/**
 * Lightning web components: what they import (`@salesforce/apex`, `@salesforce/schema`, labels, message channels,
 * static resources, `c/*` and `lightning/*` modules), the child components their templates use, their js-meta.xml
 * targets, and every FlexiPage, quick action, tab and flow screen that names a component; also the components and
 * Apex controllers Aura and Visualforce markup names and the properties FlexiPages set on project components. See
 * docs/quality-gate/cross-references.md, "Lightning web components" and "Component markup".
 */
export const lwcReferencesCheck: Check = {
  id: 'lwc-references',
  title: 'Lightning web components: imports, child components, targets, and the metadata that names them exist',
  inputs: allProjectFilesViewing(isApexClass, APEX_CATALOG_VIEW),
  async run(project) {
    // The implementation and its libraries load only when the check runs, not when its outcome comes from the cache.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runLwcReferences } = require('./run/lwc-references') as typeof import('./run/lwc-references');
    return runLwcReferences(project);
  }
};
