import { readFileSync } from 'node:fs';
import { Project } from '../../core/project';
import { CheckOutcome } from '../../core/types';
import { checkApexSoql } from '../../references/apex-soql';
import { buildCatalog } from '../../references/catalog-builder';
import { checkCustomMetadataRecord } from '../../references/custom-metadata';
import { Findings } from '../../references/findings';
import { checkFlowElements } from '../../references/flow-elements';
import { checkFlow } from '../../references/flows';
import { checkFieldFormula, checkFlowFormulas, checkValidationRule } from '../../references/formulas';
import { checkLayout } from '../../references/layouts';
import {
  checkCompactLayoutAssignment,
  checkCustomMetadataValues,
  checkLayoutBehaviour,
  checkUserPermissions
} from '../../references/named-targets';
import { checkCustomField, checkFieldList, checkListView, checkRecordTypeFile } from '../../references/object-metadata';
import { checkPermissions, checkPermissionSetGroup } from '../../references/permissions';
import { checkRollupSummary } from '../../references/rollup-summary';
import { SourceFiles } from '../../references/source-files';
import { standardSchema } from '../../references/standard-schema';
import {
  checkApplication,
  checkFlexiPageFields,
  checkFlexiPageOverrides,
  checkQuickAction,
  checkTab
} from '../../references/ui-metadata';
type Extractor = (findings: Findings, file: string) => void;

/** Two readers of the same file, counted as one file seen. */
function both(first: Extractor, second: Extractor): Extractor {
  return (findings, file) => {
    first(findings, file);
    second(findings, file);
  };
}

/** Which files name other metadata, and who reads them. */
const EXTRACTORS: Array<[suffix: string, extract: Extractor]> = [
  ['.permissionset-meta.xml', both(checkPermissions, checkUserPermissions)],
  ['.mutingpermissionset-meta.xml', both(checkPermissions, checkUserPermissions)],
  ['.profile-meta.xml', both(both(checkPermissions, checkUserPermissions), checkFlexiPageOverrides)],
  ['.permissionsetgroup-meta.xml', checkPermissionSetGroup],
  ['.flow-meta.xml', both(checkFlow, both(checkFlowElements, checkFlowFormulas))],
  ['.layout-meta.xml', both(checkLayout, checkLayoutBehaviour)],
  ['.md-meta.xml', both(checkCustomMetadataRecord, checkCustomMetadataValues)],
  ['.field-meta.xml', both(both(checkCustomField, checkFieldFormula), checkRollupSummary)],
  ['.validationRule-meta.xml', checkValidationRule],
  ['.listView-meta.xml', checkListView],
  ['.recordType-meta.xml', checkRecordTypeFile],
  ['.object-meta.xml', both(checkCompactLayoutAssignment, checkFlexiPageOverrides)],
  ['.compactLayout-meta.xml', checkFieldList],
  ['.fieldSet-meta.xml', checkFieldList],
  ['.quickAction-meta.xml', checkQuickAction],
  ['.tab-meta.xml', checkTab],
  ['.app-meta.xml', checkApplication],
  ['.flexipage-meta.xml', checkFlexiPageFields],
  ['.cls', checkApexSoql],
  ['.trigger', checkApexSoql]
];

/** The project's own namespace: names with it are the project's, names with any other come from packages. */
function projectNamespace(project: Project): string | undefined {
  try {
    const config = JSON.parse(readFileSync(project.abs('sfdx-project.json'), 'utf8')) as { namespace?: unknown };
    return typeof config.namespace === 'string' && config.namespace ? config.namespace : undefined;
  } catch {
    return undefined;
  }
}

/** The cross-references check's run (see checks/cross-references.ts): loaded only when the check runs. */
export async function runCrossReferences(project: Project): Promise<CheckOutcome> {
  const files = new SourceFiles(project);
  const catalog = buildCatalog(files, standardSchema(), projectNamespace(project));
  const findings = new Findings(files, catalog);
  let filesSeen = 0;
  for (const [suffix, extract] of EXTRACTORS) {
    for (const file of files.withSuffix(suffix)) {
      extract(findings, file);
      filesSeen++;
    }
  }
  return { filesSeen, problems: [...files.unparsable, ...findings.problems] };
}
