import { allProjectFilesViewing } from '../core/cache';
import { Check } from '../core/types';
import { APEX_REFERENCES_VIEW, isApexClass } from '../references/apex-views';
import { WELL_FORMED_METADATA } from './metadata-xml';

/**
 * A reference to something that does not exist breaks a deploy (or, in SOQL, the Apex compile) in an org. This check
 * resolves every name the metadata and the static SOQL use against the project's own metadata and the standard
 * schema that apex-ls ships, offline. See docs/quality-gate/cross-references.md.
 */
export const crossReferencesCheck: Check = {
  id: 'cross-references',
  title: 'every object, field, class, flow and other component the metadata names exists',
  basis: 'deploy-fact',
  prerequisites: [WELL_FORMED_METADATA],
  inputs: allProjectFilesViewing(isApexClass, APEX_REFERENCES_VIEW),
  async run(project) {
    // The implementation and its libraries load only when the check runs, not when its outcome comes from the cache.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runCrossReferences } = require('./run/cross-references') as typeof import('./run/cross-references');
    return runCrossReferences(project);
  }
};
