import { allProjectFilesViewing } from '../core/cache';
import { Check } from '../core/types';
import { APEX_OUTLINE_VIEW, isApexClass } from '../references/apex-views';
import { WELL_FORMED_METADATA } from './metadata-xml';

/**
 * Deploy rules that the Metadata API types cannot express because they depend on combinations of values: what a
 * field's <type> needs and refuses, picklist values, object kinds and master-detail relationships, flow connectors
 * and triggers, permission dependencies, trigger names. Each rule lives in `scripts/validate/rules/` with its reason
 * and source; docs/quality-gate/metadata-rules.md lists them all.
 */
export const metadataRulesCheck: Check = {
  id: 'metadata-rules',
  title: 'deploy rules the Metadata API types cannot express: field types, picklists, objects, flows, permissions',
  basis: 'deploy-fact',
  prerequisites: [WELL_FORMED_METADATA],
  inputs: allProjectFilesViewing(isApexClass, APEX_OUTLINE_VIEW),
  async run(project) {
    // The implementation and its libraries load only when the check runs, not when its outcome comes from the cache.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runMetadataRules } = require('./run/metadata-rules') as typeof import('./run/metadata-rules');
    return runMetadataRules(project);
  }
};
