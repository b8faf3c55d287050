import { readFileSync } from 'node:fs';
import { Project } from '../core/project';
import { Check, CheckOutcome } from '../core/types';
import { checkApexSoql } from '../references/apex-soql';
import { buildCatalog } from '../references/catalog-builder';
import { checkCustomMetadataRecord } from '../references/custom-metadata';
import { Findings } from '../references/findings';
import { checkFlowElements } from '../references/flow-elements';
import { checkFlow } from '../references/flows';
import { checkFieldFormula, checkFlowFormulas, checkValidationRule } from '../references/formulas';
import { checkLayout } from '../references/layouts';
import { checkCustomField, checkFieldList, checkListView, checkRecordTypeFile } from '../references/object-metadata';
import { checkPermissions, checkPermissionSetGroup } from '../references/permissions';
import { SourceFiles } from '../references/source-files';
import { standardSchema } from '../references/standard-schema';
import { checkApplication, checkQuickAction, checkTab } from '../references/ui-metadata';

/** Which files name other metadata, and who reads them. */
const EXTRACTORS: Array<[suffix: string, extract: (findings: Findings, file: string) => void]> = [
  ['.permissionset-meta.xml', checkPermissions],
  ['.mutingpermissionset-meta.xml', checkPermissions],
  ['.profile-meta.xml', checkPermissions],
  ['.permissionsetgroup-meta.xml', checkPermissionSetGroup],
  [
    '.flow-meta.xml',
    (findings, file) => {
      checkFlow(findings, file);
      checkFlowElements(findings, file);
      checkFlowFormulas(findings, file);
    }
  ],
  ['.layout-meta.xml', checkLayout],
  ['.md-meta.xml', checkCustomMetadataRecord],
  [
    '.field-meta.xml',
    (findings, file) => {
      checkCustomField(findings, file);
      checkFieldFormula(findings, file);
    }
  ],
  ['.validationRule-meta.xml', checkValidationRule],
  ['.listView-meta.xml', checkListView],
  ['.recordType-meta.xml', checkRecordTypeFile],
  ['.compactLayout-meta.xml', checkFieldList],
  ['.fieldSet-meta.xml', checkFieldList],
  ['.quickAction-meta.xml', checkQuickAction],
  ['.tab-meta.xml', checkTab],
  ['.app-meta.xml', checkApplication],
  ['.cls', checkApexSoql],
  ['.trigger', checkApexSoql]
];

/**
 * A reference to something that does not exist breaks a deploy (or, in SOQL, the Apex compile) in an org. This check
 * resolves every name the metadata and the static SOQL use against the project's own metadata and the standard
 * schema that apex-ls ships, offline. See docs/quality-gate/cross-references.md.
 */
export const crossReferencesCheck: Check = {
  id: 'cross-references',
  title: 'every object, field, class, flow and other component the metadata names exists',
  async run(project: Project): Promise<CheckOutcome> {
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
};

/** The project's own namespace: names with it are the project's, names with any other come from packages. */
function projectNamespace(project: Project): string | undefined {
  try {
    const config = JSON.parse(readFileSync(project.abs('sfdx-project.json'), 'utf8')) as { namespace?: unknown };
    return typeof config.namespace === 'string' && config.namespace ? config.namespace : undefined;
  } catch {
    return undefined;
  }
}
