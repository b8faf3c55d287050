import { Project } from '../../core/project';
import { CheckOutcome } from '../../core/types';
import { APEX_RULES } from '../../rules/apex';
import { APEX_CLASS_RULES, loadApexClasses } from '../../rules/apex-classes';
import { APEX_FUTURE_RULES } from '../../rules/apex-future';
import { APEX_INVOCABLE_VARIABLE_RULES } from '../../rules/apex-invocable-variable';
import { CUSTOM_FIELD_RULES, isCustomField } from '../../rules/custom-field';
import { CUSTOM_LABEL_RULES, loadCustomLabels } from '../../rules/custom-label';
import { CUSTOM_OBJECT_RULES } from '../../rules/custom-object';
import { FLOW_RULES } from '../../rules/flow';
import { LIST_VIEW_RULES, loadListViews, OBJECT_ACCESS_RULES } from '../../rules/object-access';
import { applyRules, loadMetadataModel } from '../../rules/model';
import { PERMISSION_SET_RULES } from '../../rules/permission-set';
import { PICKLIST_VALUE_RULES, valueLists } from '../../rules/picklist-values';
import { STANDARD_VALUE_SET_RULES } from '../../rules/standard-value-set';

/** The metadata-rules check's run (see checks/metadata-rules.ts): loaded only when the check runs. */
export async function runMetadataRules(project: Project): Promise<CheckOutcome> {
  const model = loadMetadataModel(project);
  const apexClasses = loadApexClasses(project);
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
    ...applyRules(APEX_CLASS_RULES, apexClasses, model),
    ...applyRules(APEX_FUTURE_RULES, apexClasses, model),
    ...applyRules(APEX_INVOCABLE_VARIABLE_RULES, apexClasses, model),
    ...applyRules(CUSTOM_LABEL_RULES, loadCustomLabels(project), model)
  ];
  return { filesSeen: model.filesSeen, problems };
}
