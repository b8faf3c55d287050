import { crossReferencesCheck } from '../../../scripts/validate/checks/cross-references';
import { Problem } from '../../../scripts/validate/core/types';
import { customObject, D, field, PlantedChange, runOnce, withPlanted, withRule } from './mini-project';

const INVOICE = `${D}/objects/Invoice__c`;
const LINE = `${D}/objects/Invoice_Line__c`;
const TOTAL = `${INVOICE}/fields/Total__c.field-meta.xml`;
const LATEST = `${INVOICE}/fields/Latest_Due__c.field-meta.xml`;

const rollup = (name: string, operation: string, summarized?: string) =>
  field(
    name,
    (summarized ? `    <summarizedField>Invoice_Line__c.${summarized}</summarizedField>\n` : '') +
      `    <summaryForeignKey>Invoice_Line__c.Invoice__c</summaryForeignKey>\n    <summaryOperation>${operation}</summaryOperation>\n    <type>Summary</type>`
  );

/** An invoice with SUM, MAX and COUNT roll-ups of its lines over their master-detail field. */
function correctFiles(): Record<string, string> {
  return {
    [`${INVOICE}/Invoice__c.object-meta.xml`]: customObject(),
    [`${INVOICE}/fields/Customer__c.field-meta.xml`]: field(
      'Customer__c',
      '    <referenceTo>Account</referenceTo>\n    <relationshipName>Invoices</relationshipName>\n    <type>Lookup</type>'
    ),
    [TOTAL]: rollup('Total__c', 'sum', 'Amount__c'),
    [LATEST]: rollup('Latest_Due__c', 'max', 'Due__c'),
    [`${INVOICE}/fields/Line_Count__c.field-meta.xml`]: rollup('Line_Count__c', 'count'),
    [`${LINE}/Invoice_Line__c.object-meta.xml`]: customObject().replace('ReadWrite', 'ControlledByParent'),
    [`${LINE}/fields/Invoice__c.field-meta.xml`]: field(
      'Invoice__c',
      '    <referenceTo>Invoice__c</referenceTo>\n    <relationshipName>Lines</relationshipName>\n    <relationshipOrder>0</relationshipOrder>\n    <type>MasterDetail</type>'
    ),
    [`${LINE}/fields/Previous__c.field-meta.xml`]: field(
      'Previous__c',
      '    <referenceTo>Invoice__c</referenceTo>\n    <relationshipName>Followers</relationshipName>\n    <type>Lookup</type>'
    ),
    [`${LINE}/fields/Amount__c.field-meta.xml`]: field(
      'Amount__c',
      '    <precision>16</precision>\n    <scale>2</scale>\n    <type>Currency</type>'
    ),
    [`${LINE}/fields/Due__c.field-meta.xml`]: field('Due__c', '    <type>Date</type>'),
    [`${LINE}/fields/Note__c.field-meta.xml`]: field('Note__c', '    <length>80</length>\n    <type>Text</type>')
  };
}

async function run(change?: PlantedChange, extraFiles: Record<string, string> = {}): Promise<Problem[]> {
  return runOnce(crossReferencesCheck, { ...withPlanted(correctFiles(), change), ...extraFiles });
}

describe('recall: roll-up summary fields (cross-references)', () => {
  it('accepts SUM, MAX and COUNT over a master-detail relationship', async () => {
    expect(await run()).toEqual([]);
  });

  it.each<[string, PlantedChange, string]>([
    ['SUM of a Text field', [TOTAL, 'Invoice_Line__c.Amount__c', 'Invoice_Line__c.Note__c'], 'a Text field, which SUM'],
    [
      'MAX of a Text field',
      [LATEST, 'Invoice_Line__c.Due__c', 'Invoice_Line__c.Note__c'],
      'which MAX cannot aggregate'
    ],
    [
      'a roll-up over a lookup',
      [TOTAL, '<summaryForeignKey>Invoice_Line__c.Invoice__c', '<summaryForeignKey>Invoice_Line__c.Previous__c'],
      'a Lookup field: a roll-up summary summarizes detail records over a master-detail relationship'
    ]
  ])('reports %s [field-rollup-summary]', async (_what, change, text) => {
    const problems = await run(change);
    expect(problems).toHaveLength(1);
    expect(withRule(problems, 'field-rollup-summary')).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: change[0], severity: 'error' });
    expect(problems[0].message).toContain(text);
  });

  it('reports a roll-up placed on an object that is not the master of its relationship', async () => {
    const misplaced = `${D}/objects/Account/fields/Invoice_Total__c.field-meta.xml`;
    const problems = await run(undefined, { [misplaced]: rollup('Invoice_Total__c', 'sum', 'Amount__c') });
    expect(withRule(problems, 'field-rollup-summary')).toEqual([
      expect.objectContaining({ file: misplaced, severity: 'error', message: expect.stringContaining('not Account') })
    ]);
  });
});
