import { FieldDef } from './catalog';
import { Findings } from './findings';
import { nameKey } from './names';
import { childElement } from './xml';

/**
 * A roll-up summary field (`<type>Summary</type>`) sums, counts or takes the minimum or maximum of its detail records
 * over a master-detail relationship, and only fields of some types can be aggregated. Salesforce Help, "Roll-Up
 * Summary Field": "The detail record must be related to the master through a master-detail relationship"; SUM "Only
 * number, currency, and percent fields are available"; MIN and MAX "Only number, currency, percent, date, and
 * date/time fields are available". Metadata API CustomField: `summaryForeignKey` "represents the master-detail field
 * on the child". Only the project's custom fields are judged (their type is known offline); that the names exist is
 * checked with the other field references. Evidence: docs/quality-gate/cross-references.md, "Roll-up summary fields".
 */

const FIELD_FILE = /(?:^|\/)objects\/([^/]+)\/fields\/[^/]+\.field-meta\.xml$/;
const NUMERIC = ['number', 'currency', 'percent'];
const SUMMARIZABLE: Record<string, string[]> = {
  sum: NUMERIC,
  min: [...NUMERIC, 'date', 'datetime'],
  max: [...NUMERIC, 'date', 'datetime']
};

export function checkRollupSummary(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  const masterName = FIELD_FILE.exec(file)?.[1];
  if (!root || !masterName || nameKey(childElement(root, 'type')?.text ?? '') !== 'summary') {
    return;
  }
  const foreignKey = childElement(root, 'summaryForeignKey');
  const [detailName, foreignKeyName] = foreignKey?.text.split('.') ?? [];
  const detail = detailName ? findings.catalog.object(detailName) : undefined;
  const relationship = detail && foreignKeyName ? findings.catalog.field(detail, foreignKeyName) : undefined;
  const relationshipInfo = relationship?.custom;
  if (foreignKey && relationshipInfo) {
    if (nameKey(relationshipInfo.type) !== 'masterdetail') {
      findings.error(
        { file, line: foreignKey.line, what: 'summaryForeignKey' },
        `names ${foreignKey.text}, a ${relationshipInfo.type} field: a roll-up summary summarizes detail records ` +
          'over a master-detail relationship (make it MasterDetail, or compute the value with a flow or Apex) ' +
          '[field-rollup-summary]'
      );
    } else if (!relationshipInfo.referenceTo.some((target) => nameKey(target) === nameKey(masterName))) {
      findings.error(
        { file, line: foreignKey.line, what: 'summaryForeignKey' },
        `names ${foreignKey.text}, whose master is ${relationshipInfo.referenceTo.join(', ')}, not ${masterName}: ` +
          'a roll-up summary sits on the master of its relationship [field-rollup-summary]'
      );
    }
  }
  const operation = childElement(root, 'summaryOperation');
  const allowed = SUMMARIZABLE[nameKey(operation?.text ?? '')];
  const summarized = childElement(root, 'summarizedField');
  const [summarizedObject, summarizedName] = summarized?.text.split('.') ?? [];
  const summarizedOn = summarizedObject ? findings.catalog.object(summarizedObject) : undefined;
  const aggregated: FieldDef | undefined =
    summarizedOn && summarizedName ? findings.catalog.field(summarizedOn, summarizedName) : undefined;
  const aggregatedType = aggregated?.custom?.type;
  if (operation && summarized && allowed && aggregatedType && !allowed.includes(nameKey(aggregatedType))) {
    findings.error(
      { file, line: summarized.line, what: 'summarizedField' },
      `names ${summarized.text}, a ${aggregatedType} field, which ${operation.text.toUpperCase()} cannot aggregate ` +
        `(only ${allowed.join(', ')} fields) [field-rollup-summary]`
    );
  }
}
