import { Project } from '../core/project';
import { allProjectFilesViewing } from '../core/cache';
import { Check } from '../core/types';
import { APEX_OUTLINE_VIEW, isApexClass } from '../references/apex-views';
import { APEX_RULES } from '../rules/apex';
import { APEX_CLASS_RULES, loadApexClasses } from '../rules/apex-classes';
import { CUSTOM_FIELD_RULES, isCustomField } from '../rules/custom-field';
import { CUSTOM_OBJECT_RULES } from '../rules/custom-object';
import { FLOW_RULES } from '../rules/flow';
import { LIST_VIEW_RULES, loadListViews, OBJECT_ACCESS_RULES } from '../rules/object-access';
import { applyRules, loadMetadataModel } from '../rules/model';
import { PERMISSION_SET_RULES } from '../rules/permission-set';
import { PICKLIST_VALUE_RULES, valueLists } from '../rules/picklist-values';
import { STANDARD_VALUE_SET_RULES } from '../rules/standard-value-set';
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
  async run(project: Project) {
    const model = loadMetadataModel(project);
    const problems = [
      ...applyRules(CUSTOM_FIELD_RULES, model.fields.filter(isCustomField), model),
      ...applyRules(PICKLIST_VALUE_RULES, valueLists(model), model),
      ...applyRules(STANDARD_VALUE_SET_RULES, model.standardValueSets, model),
      ...applyRules(CUSTOM_OBJECT_RULES, model.objects, model),
      ...applyRules(FLOW_RULES, model.flows, model),
      ...applyRules(PERMISSION_SET_RULES, model.permissionSets, model),
      ...applyRules(APEX_RULES, model.triggers, model),
      ...applyRules(OBJECT_ACCESS_RULES, model.objects, model),
      ...applyRules(LIST_VIEW_RULES, loadListViews(project), model),
      ...applyRules(APEX_CLASS_RULES, loadApexClasses(project), model)
    ];
    return { filesSeen: model.filesSeen, problems };
  }
};
