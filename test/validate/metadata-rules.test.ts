import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metadataRulesCheck } from '../../scripts/validate/checks/metadata-rules';
import { Project } from '../../scripts/validate/core/project';
import { Problem } from '../../scripts/validate/core/types';
import { APEX_RULES } from '../../scripts/validate/rules/apex';
import { CUSTOM_FIELD_RULES } from '../../scripts/validate/rules/custom-field';
import { CUSTOM_OBJECT_RULES } from '../../scripts/validate/rules/custom-object';
import { FLOW_RULES } from '../../scripts/validate/rules/flow';
import { PERMISSION_SET_RULES } from '../../scripts/validate/rules/permission-set';
import { PICKLIST_VALUE_RULES } from '../../scripts/validate/rules/picklist-values';
import { STANDARD_VALUE_SET_RULES } from '../../scripts/validate/rules/standard-value-set';
import { FixtureCopy } from '../support/fixture';

const D = 'force-app/main/default';
const OBJECTS = `${D}/objects`;
const INVOICE_EMAIL = `${OBJECTS}/Account/fields/Invoice_Email__c.field-meta.xml`;
const PREFIX = `${OBJECTS}/Invoice_Setting__mdt/fields/Prefix__c.field-meta.xml`;
const SETTING_OBJECT = `${OBJECTS}/Invoice_Setting__mdt/Invoice_Setting__mdt.object-meta.xml`;
const INVOICE_OBJECT = `${OBJECTS}/Invoice__c/Invoice__c.object-meta.xml`;
const ACCOUNT_LOOKUP = `${OBJECTS}/Invoice__c/fields/Account__c.field-meta.xml`;
const AMOUNT = `${OBJECTS}/Invoice__c/fields/Amount__c.field-meta.xml`;
const SENT_AT = `${OBJECTS}/Invoice__c/fields/Sent_At__c.field-meta.xml`;
const STATUS = `${OBJECTS}/Invoice__c/fields/Status__c.field-meta.xml`;
const LINE_OBJECT = `${OBJECTS}/Invoice_Line__c/Invoice_Line__c.object-meta.xml`;
const LINE_MASTER = `${OBJECTS}/Invoice_Line__c/fields/Invoice__c.field-meta.xml`;
const EVENT_OBJECT = `${OBJECTS}/Invoice_Sent__e/Invoice_Sent__e.object-meta.xml`;
const EVENT_FIELD = `${OBJECTS}/Invoice_Sent__e/fields/Invoice_Id__c.field-meta.xml`;
const ORDER_STATUS = `${D}/standardValueSets/OrderStatus.standardValueSet-meta.xml`;
const OPPORTUNITY_STAGE = `${D}/standardValueSets/OpportunityStage.standardValueSet-meta.xml`;
const FLOW = `${D}/flows/Invoice_Stamp_Sent_At.flow-meta.xml`;
const PERMISSION_SET = `${D}/permissionsets/Invoice_Manager.permissionset-meta.xml`;
const TRIGGER = `${D}/triggers/InvoiceTrigger.trigger`;
const ROOT_LINE = 2;

const ALL_RULE_IDS = [
  ...CUSTOM_FIELD_RULES,
  ...PICKLIST_VALUE_RULES,
  ...STANDARD_VALUE_SET_RULES,
  ...CUSTOM_OBJECT_RULES,
  ...FLOW_RULES,
  ...PERMISSION_SET_RULES,
  ...APEX_RULES
].map((rule) => rule.id);
/** Rules a test below has made fire: every rule must be proven by a planted mistake. */
const provenRules = new Set<string>();

/** 1-based line of the first occurrence of `needle` at or after the `nth` (0 = first). */
function lineOf(text: string, needle: string, nth = 0): number {
  let index = -1;
  for (let seen = 0; seen <= nth; seen++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) {
      throw new Error(`planted text has no ${JSON.stringify(needle)}`);
    }
  }
  return text.slice(0, index).split('\n').length;
}

describe('metadata-rules check', () => {
  let copy: FixtureCopy;

  beforeEach(() => {
    copy = new FixtureCopy('clean-project');
  });

  afterEach(() => {
    copy.dispose();
  });

  afterAll(() => {
    expect(ALL_RULE_IDS.filter((id) => !provenRules.has(id))).toEqual([]);
  });

  async function run(): Promise<Problem[]> {
    return (await metadataRulesCheck.run(new Project(copy.root))).problems;
  }

  /** Rewrites one file; fails if nothing changed (a test that plants nothing proves nothing). Returns the new text. */
  function plant(file: string, rewrite: (text: string) => string): string {
    const before = copy.read(file);
    const after = rewrite(before);
    expect(after).not.toBe(before);
    copy.write(file, after);
    return after;
  }

  /** Writes a new file made from an existing one. */
  function derive(from: string, to: string, rewrite: (text: string) => string): string {
    const text = rewrite(copy.read(from));
    copy.write(to, text);
    return text;
  }

  /** Expects exactly one problem: of that severity, at that file and line, naming the rule and saying `says`. */
  async function expectSingle(
    severity: Problem['severity'],
    rule: string,
    file: string,
    line: number,
    ...says: string[]
  ): Promise<void> {
    const problems = await run();
    expect(problems).toEqual([expect.objectContaining({ file, line, severity })]);
    expect(problems[0].message).toContain(`[${rule}]`);
    for (const words of says) {
      expect(problems[0].message).toContain(words);
    }
    provenRules.add(rule);
  }

  const expectError = (rule: string, file: string, line: number, ...says: string[]): Promise<void> =>
    expectSingle('error', rule, file, line, ...says);
  const expectWarning = (rule: string, file: string, line: number, ...says: string[]): Promise<void> =>
    expectSingle('warning', rule, file, line, ...says);

  it('passes the clean fixture without any problem and reads its fields, objects, value sets, flow, permission set and trigger', async () => {
    const outcome = await metadataRulesCheck.run(new Project(copy.root));
    expect(outcome.problems).toEqual([]);
    expect(outcome.filesSeen).toBe(18);
  });

  it('documents every rule in docs/quality-gate/metadata-rules.md', () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'quality-gate', 'metadata-rules.md'), 'utf8');
    expect(ALL_RULE_IDS.filter((id) => !doc.includes(`\`${id}\``))).toEqual([]);
    expect(new Set(ALL_RULE_IDS).size).toBe(ALL_RULE_IDS.length);
  });

  describe('custom fields', () => {
    it('rejects a field file name that is not an API name', async () => {
      const file = `${OBJECTS}/Invoice__c/fields/2nd_Sent_At__c.field-meta.xml`;
      derive(SENT_AT, file, (xml) => xml.replace('Sent_At__c', '2nd_Sent_At__c'));
      await expectError('field-api-name', file, ROOT_LINE, '2nd_Sent_At__c is not a valid API name');
    });

    it('rejects a field name longer than 40 characters', async () => {
      const name = `${'Long'.repeat(10)}X__c`;
      const file = `${OBJECTS}/Invoice__c/fields/${name}.field-meta.xml`;
      derive(SENT_AT, file, (text) => text.replace('Sent_At__c', name));
      await expectError('field-api-name', file, ROOT_LINE, 'has 41 characters before __c');
    });

    it('rejects a <fullName> that differs from the file name', async () => {
      const text = plant(SENT_AT, (xml) =>
        xml.replace('<fullName>Sent_At__c</fullName>', '<fullName>Sent_On__c</fullName>')
      );
      await expectError(
        'field-full-name',
        SENT_AT,
        lineOf(text, '<fullName>'),
        'Sent_On__c',
        'does not match the file name'
      );
    });

    it('rejects a custom field without a <type>', async () => {
      plant(SENT_AT, (xml) => xml.replace('    <type>DateTime</type>\n', ''));
      await expectError('field-type', SENT_AT, ROOT_LINE, 'has no <type>');
    });

    it('rejects a field label over 40 characters, counting &amp; as one', async () => {
      const label = 'Invoice Email for the Accounts &amp; Billing Team';
      const text = plant(INVOICE_EMAIL, (xml) =>
        xml.replace('<label>Invoice Email</label>', `<label>${label}</label>`)
      );
      await expectError(
        'field-label-length',
        INVOICE_EMAIL,
        lineOf(text, '<label>'),
        'at most 40 characters',
        'has 45'
      );

      plant(INVOICE_EMAIL, (xml) =>
        xml.replace(`<label>${label}</label>`, '<label>Invoice Email for Accounts &amp; Billing</label>')
      );
      expect(await run()).toEqual([]);
    });

    it('rejects a Text field longer than 255 characters', async () => {
      const text = plant(PREFIX, (xml) => xml.replace('<length>10</length>', '<length>300</length>'));
      await expectError('field-text-length', PREFIX, lineOf(text, '<length>'), 'between 1 and 255', 'found 300');
    });

    it('rejects a LongTextArea without a <length>', async () => {
      plant(SENT_AT, (xml) =>
        xml.replace('<type>DateTime</type>', '<type>LongTextArea</type>\n    <visibleLines>3</visibleLines>')
      );
      await expectError('field-long-text-length', SENT_AT, ROOT_LINE, 'between 256 and 131072', 'found none');
    });

    it('rejects a <length> on a type that takes none (Email)', async () => {
      const text = plant(INVOICE_EMAIL, (xml) =>
        xml.replace('<label>Invoice Email</label>', '<label>Invoice Email</label>\n    <length>80</length>')
      );
      await expectError(
        'field-length-not-allowed',
        INVOICE_EMAIL,
        lineOf(text, '<length>'),
        "Can not specify 'length' for a CustomField of type Email"
      );
    });

    it('warns about a <length> on a Text formula', async () => {
      const text = plant(INVOICE_EMAIL, (xml) =>
        xml
          .replace('<externalId>false</externalId>', '<externalId>false</externalId>\n    <formula>Name</formula>')
          .replace('<label>Invoice Email</label>', '<label>Invoice Email</label>\n    <length>80</length>')
          .replace('<type>Email</type>', '<type>Text</type>')
      );
      await expectWarning(
        'field-length-not-allowed',
        INVOICE_EMAIL,
        lineOf(text, '<length>'),
        'formula field takes no <length>'
      );
    });

    it('rejects a precision above 18 digits', async () => {
      const text = plant(AMOUNT, (xml) => xml.replace('<precision>16</precision>', '<precision>19</precision>'));
      await expectError(
        'field-number-precision',
        AMOUNT,
        lineOf(text, '<precision>'),
        "Must specify 'precision' for a CustomField of type Currency",
        'found 19'
      );
    });

    it('rejects a scale larger than the precision', async () => {
      const text = plant(AMOUNT, (xml) => xml.replace('<scale>2</scale>', '<scale>17</scale>'));
      await expectError(
        'field-number-precision',
        AMOUNT,
        lineOf(text, '<scale>'),
        'between 0 and the precision 16',
        'found 17'
      );
    });

    it('rejects a <precision> on a DateTime field', async () => {
      const text = plant(SENT_AT, (xml) => xml.replace('<required>', '<precision>5</precision>\n    <required>'));
      await expectError(
        'field-precision-not-allowed',
        SENT_AT,
        lineOf(text, '<precision>'),
        "Can not specify 'precision' for a CustomField of type DateTime"
      );
    });

    it('rejects a picklist with both its own values and a global value set', async () => {
      const text = plant(STATUS, (xml) =>
        xml.replace(
          '</valueSetDefinition>',
          '</valueSetDefinition>\n        <valueSetName>Invoice_Statuses</valueSetName>'
        )
      );
      await expectError(
        'field-picklist-value-set',
        STATUS,
        lineOf(text, '<valueSet>'),
        'Value set must reference a value set name or define a value set, but not both'
      );
    });

    it('rejects a LongTextArea without <visibleLines>', async () => {
      plant(SENT_AT, (xml) =>
        xml
          .replace('<type>DateTime</type>', '<type>LongTextArea</type>')
          .replace('<required>', '<length>32768</length>\n    <required>')
      );
      await expectError(
        'field-visible-lines',
        SENT_AT,
        ROOT_LINE,
        "Must specify 'visibleLines' for a CustomField of type LongTextArea"
      );
    });

    it('rejects a lookup without <referenceTo>', async () => {
      const text = plant(ACCOUNT_LOOKUP, (xml) => xml.replace('    <referenceTo>Account</referenceTo>\n', ''));
      await expectError('field-relationship-target', ACCOUNT_LOOKUP, lineOf(text, '<type>'), 'needs <referenceTo>');
    });

    it('rejects a relationship name that carries __r', async () => {
      const text = plant(ACCOUNT_LOOKUP, (xml) =>
        xml.replace('<relationshipName>Invoices</relationshipName>', '<relationshipName>Invoices__r</relationshipName>')
      );
      await expectError(
        'field-relationship-name',
        ACCOUNT_LOOKUP,
        lineOf(text, '<relationshipName>'),
        'Invoices__r',
        'not a valid child relationship name'
      );
    });

    it('rejects two lookups to the same object with the same relationship name', async () => {
      const file = `${OBJECTS}/Invoice__c/fields/Billing_Account__c.field-meta.xml`;
      const text = derive(ACCOUNT_LOOKUP, file, (xml) =>
        xml.replace('<fullName>Account__c</fullName>', '<fullName>Billing_Account__c</fullName>')
      );
      await expectError(
        'field-relationship-name-unique',
        file,
        lineOf(text, '<relationshipName>'),
        'There is already a Child Relationship named Invoices on Account',
        ACCOUNT_LOOKUP
      );
    });

    it('rejects a relationshipOrder on a lookup', async () => {
      const text = plant(ACCOUNT_LOOKUP, (xml) =>
        xml.replace('<required>', '<relationshipOrder>0</relationshipOrder>\n    <required>')
      );
      await expectError(
        'field-relationship-order',
        ACCOUNT_LOOKUP,
        lineOf(text, '<relationshipOrder>'),
        "Can not specify 'relationshipOrder' for a CustomField of type Lookup"
      );
    });

    it('rejects a master-detail field without a relationshipOrder', async () => {
      plant(LINE_MASTER, (xml) => xml.replace('    <relationshipOrder>0</relationshipOrder>\n', ''));
      await expectError('field-relationship-order', LINE_MASTER, ROOT_LINE, '<relationshipOrder> 0', 'found none');
    });

    it('rejects a master-detail field marked required', async () => {
      const text = plant(LINE_MASTER, (xml) => xml.replace('<type>', '<required>true</required>\n    <type>'));
      await expectError(
        'field-master-detail-attributes',
        LINE_MASTER,
        lineOf(text, '<required>'),
        'Master-Detail Relationship Fields Cannot be Optional or Required'
      );
    });

    it('rejects a deleteConstraint on a master-detail field', async () => {
      const text = plant(LINE_MASTER, (xml) =>
        xml.replace('<description>', '<deleteConstraint>Cascade</deleteConstraint>\n    <description>')
      );
      await expectError(
        'field-master-detail-attributes',
        LINE_MASTER,
        lineOf(text, '<deleteConstraint>'),
        "Can not specify 'deleteConstraint' for a CustomField of type MasterDetail"
      );
    });

    it('rejects a master-detail field on a standard object', async () => {
      const file = `${OBJECTS}/Account/fields/Main_Invoice__c.field-meta.xml`;
      const text = derive(LINE_MASTER, file, (xml) =>
        xml
          .replace('<fullName>Invoice__c</fullName>', '<fullName>Main_Invoice__c</fullName>')
          .replace('<relationshipName>Lines</relationshipName>', '<relationshipName>Accounts</relationshipName>')
      );
      await expectError(
        'field-master-detail-on-custom-object',
        file,
        lineOf(text, '<type>'),
        'Account is a standard object and cannot be the detail'
      );
    });

    it('rejects a required lookup that would be cleared when its parent is deleted', async () => {
      const text = plant(ACCOUNT_LOOKUP, (xml) =>
        xml.replace('<required>false</required>', '<required>true</required>')
      );
      await expectError(
        'field-required-lookup-delete',
        ACCOUNT_LOOKUP,
        lineOf(text, '<deleteConstraint>'),
        'must specify either cascade delete or restrict delete for required lookup foreign key'
      );
    });

    it('warns about a lookup that leaves its deleteConstraint to the default', async () => {
      const text = plant(ACCOUNT_LOOKUP, (xml) =>
        xml.replace('    <deleteConstraint>SetNull</deleteConstraint>\n', '')
      );
      await expectWarning(
        'field-lookup-delete-constraint',
        ACCOUNT_LOOKUP,
        lineOf(text, '<type>'),
        'without <deleteConstraint>'
      );
    });

    it('warns about a formula field marked required', async () => {
      const text = plant(AMOUNT, (xml) =>
        xml
          .replace('<externalId>false</externalId>', '<externalId>false</externalId>\n    <formula>1</formula>')
          .replace('<required>false</required>', '<required>true</required>')
      );
      await expectWarning(
        'field-formula-attributes',
        AMOUNT,
        lineOf(text, '<required>'),
        'formula field is calculated'
      );
    });

    it('rejects an external ID on a DateTime field', async () => {
      const text = plant(SENT_AT, (xml) =>
        xml.replace('<inlineHelpText>', '<externalId>true</externalId>\n    <inlineHelpText>')
      );
      await expectError(
        'field-external-id-type',
        SENT_AT,
        lineOf(text, '<externalId>'),
        "Can not specify 'externalId' for a CustomField of type DateTime"
      );
    });

    it('rejects a unique lookup', async () => {
      const text = plant(ACCOUNT_LOOKUP, (xml) =>
        xml.replace('</CustomField>', '    <unique>true</unique>\n</CustomField>')
      );
      await expectError(
        'field-external-id-type',
        ACCOUNT_LOOKUP,
        lineOf(text, '<unique>'),
        "Can not specify 'unique' for a CustomField of type Lookup"
      );
    });

    it('accepts a unique metadata relationship of a custom metadata type, as trailheadapps/easy-spaces-lwc deploys it', async () => {
      // es-base-code/.../Customer_Fields__mdt/fields/Sobject_Type__c.field-meta.xml @065fb8b: <unique>true</unique>.
      derive(PREFIX, `${OBJECTS}/Invoice_Setting__mdt/fields/Object__c.field-meta.xml`, () =>
        [
          '<?xml version="1.0" encoding="UTF-8" ?>',
          '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">',
          '    <fullName>Object__c</fullName>',
          '    <description>The object the setting is for.</description>',
          '    <externalId>false</externalId>',
          '    <fieldManageability>SubscriberControlled</fieldManageability>',
          '    <label>Object</label>',
          '    <referenceTo>EntityDefinition</referenceTo>',
          '    <relationshipLabel>Invoice Settings</relationshipLabel>',
          '    <relationshipName>Invoice_Settings</relationshipName>',
          '    <required>false</required>',
          '    <type>MetadataRelationship</type>',
          '    <unique>true</unique>',
          '</CustomField>',
          ''
        ].join('\n')
      );
      expect(await run()).toEqual([]);
    });

    it('rejects an AutoNumber display format without a number placeholder', async () => {
      const text = plant(SENT_AT, (xml) =>
        xml
          .replace('<type>DateTime</type>', '<type>AutoNumber</type>')
          .replace('<description>', '<displayFormat>INV-</displayFormat>\n    <description>')
      );
      await expectError('field-auto-number-format', SENT_AT, lineOf(text, '<displayFormat>'), 'number placeholder');
    });

    it('rejects a Checkbox without a default value', async () => {
      plant(SENT_AT, (xml) => xml.replace('<type>DateTime</type>', '<type>Checkbox</type>'));
      await expectError(
        'field-checkbox-default',
        SENT_AT,
        ROOT_LINE,
        "Must specify 'defaultValue' for a CustomField of type Checkbox"
      );
    });

    it('rejects a platform event field of a type events do not support', async () => {
      const text = plant(EVENT_FIELD, (xml) =>
        xml.replace('    <length>18</length>\n', '').replace('<type>Text</type>', '<type>Email</type>')
      );
      await expectError(
        'field-platform-event-type',
        EVENT_FIELD,
        lineOf(text, '<type>'),
        'platform event fields cannot be of type Email'
      );
    });

    it('rejects a custom metadata type field of an unsupported type', async () => {
      const text = plant(PREFIX, (xml) =>
        xml.replace('    <length>10</length>\n', '').replace('<type>Text</type>', '<type>Time</type>')
      );
      await expectError(
        'field-custom-metadata-type',
        PREFIX,
        lineOf(text, '<type>'),
        'custom metadata type fields cannot be of type Time'
      );
    });

    it('warns about a custom metadata type field without fieldManageability', async () => {
      const text = plant(PREFIX, (xml) =>
        xml.replace('    <fieldManageability>DeveloperControlled</fieldManageability>\n', '')
      );
      await expectWarning('field-custom-metadata-type', PREFIX, lineOf(text, '<type>'), 'without <fieldManageability>');
    });
  });

  describe('picklist values', () => {
    it('rejects two values whose names differ only in case', async () => {
      const text = plant(STATUS, (xml) => xml.replace('<fullName>Sent</fullName>', '<fullName>draft</fullName>'));
      await expectError(
        'picklist-duplicate-value',
        STATUS,
        lineOf(text, '<value>', 1),
        'picklist Status__c',
        '"draft" is defined twice'
      );
    });

    it('rejects a second default value', async () => {
      const text = plant(STATUS, (xml) => xml.replace('<default>false</default>', '<default>true</default>'));
      await expectError(
        'picklist-single-default',
        STATUS,
        lineOf(text, '<default>', 1),
        '"Sent" is a second default value'
      );
    });

    it('rejects a value name longer than 255 characters', async () => {
      const text = plant(STATUS, (xml) =>
        xml.replace('<fullName>Sent</fullName>', `<fullName>${'S'.repeat(256)}</fullName>`)
      );
      await expectError('picklist-value-length', STATUS, lineOf(text, 'SSSS'), 'has 256 characters');
    });
  });

  describe('standard value sets', () => {
    it('rejects a standard value set without values', async () => {
      plant(ORDER_STATUS, (xml) => xml.replace(/\s*<standardValue>[\s\S]*<\/standardValue>/, ''));
      await expectError('value-set-not-empty', ORDER_STATUS, ROOT_LINE, 'Required field is missing: standardValue');
    });

    it('rejects an order status whose category is neither Draft nor Activated', async () => {
      const text = plant(ORDER_STATUS, (xml) =>
        xml.replace('<groupingString>Activated</groupingString>', '<groupingString>Approved</groupingString>')
      );
      await expectError(
        'order-status-category',
        ORDER_STATUS,
        lineOf(text, 'Approved'),
        '"Activated" has the status category "Approved"'
      );
    });

    it('warns about an order status without a category', async () => {
      const text = plant(ORDER_STATUS, (xml) =>
        xml.replace('        <groupingString>Activated</groupingString>\n', '')
      );
      await expectWarning(
        'order-status-category',
        ORDER_STATUS,
        lineOf(text, '<standardValue>', 1),
        '"Activated" has no <groupingString>'
      );
    });

    it('rejects an opportunity stage probability above 100', async () => {
      const text = plant(OPPORTUNITY_STAGE, (xml) =>
        xml.replace('<probability>100</probability>', '<probability>150</probability>')
      );
      await expectError('opportunity-stage-attributes', OPPORTUNITY_STAGE, lineOf(text, '150'), 'probability 150');
    });

    it('warns about a won opportunity stage that is not closed', async () => {
      const text = plant(OPPORTUNITY_STAGE, (xml) => xml.replace('<closed>true</closed>', '<closed>false</closed>'));
      await expectWarning(
        'opportunity-stage-attributes',
        OPPORTUNITY_STAGE,
        lineOf(text, '<won>true</won>'),
        '"Closed Won" is won but not closed'
      );
    });
  });

  describe('custom objects', () => {
    it('rejects a custom object without a plural label', async () => {
      plant(INVOICE_OBJECT, (xml) => xml.replace('    <pluralLabel>Invoices</pluralLabel>\n', ''));
      await expectError(
        'object-required-elements',
        INVOICE_OBJECT,
        ROOT_LINE,
        'Required field is missing: pluralLabel'
      );
    });

    it('warns about a custom object without a sharing model', async () => {
      plant(INVOICE_OBJECT, (xml) => xml.replace('    <sharingModel>ReadWrite</sharingModel>\n', ''));
      await expectWarning('object-sharing-and-status', INVOICE_OBJECT, ROOT_LINE, 'without <sharingModel>');
    });

    it('rejects an AutoNumber name field without a number placeholder', async () => {
      const text = plant(LINE_OBJECT, (xml) => xml.replace('IL-{00000}', 'IL-'));
      await expectError('object-name-field', LINE_OBJECT, lineOf(text, '<displayFormat>'), 'number placeholder');
    });

    it('rejects a detail object whose sharing model is not ControlledByParent', async () => {
      const text = plant(LINE_OBJECT, (xml) =>
        xml.replace('<sharingModel>ControlledByParent</sharingModel>', '<sharingModel>ReadWrite</sharingModel>')
      );
      await expectError(
        'object-master-detail-sharing',
        LINE_OBJECT,
        lineOf(text, '<sharingModel>'),
        'Cannot set sharingModel to ReadWrite on a CustomObject with a MasterDetail relationship field (Invoice__c)'
      );
    });

    it('rejects a third master-detail field on one object', async () => {
      for (const [name, parent, relationship] of [
        ['Account__c', 'Account', 'AccountInvoiceLines'],
        ['Contact__c', 'Contact', 'ContactInvoiceLines']
      ]) {
        derive(LINE_MASTER, `${OBJECTS}/Invoice_Line__c/fields/${name}.field-meta.xml`, (xml) =>
          xml
            .replace('<fullName>Invoice__c</fullName>', `<fullName>${name}</fullName>`)
            .replace('<referenceTo>Invoice__c</referenceTo>', `<referenceTo>${parent}</referenceTo>`)
            .replace(
              '<relationshipName>Lines</relationshipName>',
              `<relationshipName>${relationship}</relationshipName>`
            )
            .replace('<relationshipOrder>0</relationshipOrder>', '<relationshipOrder>1</relationshipOrder>')
        );
      }
      await expectError(
        'object-master-detail-count',
        LINE_MASTER,
        lineOf(copy.read(LINE_MASTER), '<type>'),
        'Invoice_Line__c already has 2 master-detail fields (Account__c, Contact__c): make Invoice__c a Lookup'
      );
    });

    it('rejects a StandardVolume platform event', async () => {
      const text = plant(EVENT_OBJECT, (xml) => xml.replace('HighVolume', 'StandardVolume'));
      await expectError(
        'object-platform-event',
        EVENT_OBJECT,
        lineOf(text, '<eventType>'),
        'StandardVolume platform events can no longer be created'
      );
    });

    it('warns about a platform event without a publish behaviour', async () => {
      plant(EVENT_OBJECT, (xml) => xml.replace('    <publishBehavior>PublishAfterCommit</publishBehavior>\n', ''));
      await expectWarning('object-platform-event', EVENT_OBJECT, ROOT_LINE, 'without <publishBehavior>');
    });

    it('rejects a deploymentStatus on a custom metadata type', async () => {
      const text = plant(SETTING_OBJECT, (xml) =>
        xml.replace('<description>', '<deploymentStatus>Deployed</deploymentStatus>\n    <description>')
      );
      await expectError(
        'object-custom-metadata-type',
        SETTING_OBJECT,
        lineOf(text, '<deploymentStatus>'),
        'takes no <deploymentStatus>'
      );
    });
  });

  describe('flows', () => {
    it('rejects a connector that leads to no element', async () => {
      const text = plant(FLOW, (xml) =>
        xml.replace(
          '<targetReference>Stamp_Account</targetReference>',
          '<targetReference>Stamp_Acount</targetReference>'
        )
      );
      await expectError(
        'flow-connector-target',
        FLOW,
        lineOf(text, 'Stamp_Acount'),
        'connector leads to "Stamp_Acount", which is no element of this flow'
      );
    });

    it('rejects a resource named like an element', async () => {
      const text = plant(FLOW, (xml) =>
        xml.replace(
          '</Flow>',
          '    <variables>\n        <name>stamp_account</name>\n        <dataType>String</dataType>\n        <isCollection>false</isCollection>\n        <isInput>false</isInput>\n        <isOutput>false</isOutput>\n    </variables>\n</Flow>'
        )
      );
      await expectError(
        'flow-unique-names',
        FLOW,
        lineOf(text, '<name>stamp_account</name>'),
        'the name stamp_account is used twice (first by <recordUpdates>'
      );
    });

    it('rejects a record-triggered flow without its object', async () => {
      const text = plant(FLOW, (xml) => xml.replace('        <object>Invoice__c</object>\n', ''));
      await expectError(
        'flow-record-trigger',
        FLOW,
        lineOf(text, '<triggerType>'),
        'a RecordAfterSave flow needs <start><object>'
      );
    });

    it('rejects a before-save flow that updates another record', async () => {
      const text = plant(FLOW, (xml) => xml.replace('RecordAfterSave', 'RecordBeforeSave'));
      await expectError(
        'flow-before-save-elements',
        FLOW,
        lineOf(text, '<name>Stamp_Account</name>'),
        'a before-save flow can update only the triggering record'
      );
    });

    it('rejects a before-save flow that creates records', async () => {
      const text = plant(FLOW, (xml) =>
        xml
          .replace('RecordAfterSave', 'RecordBeforeSave')
          .replace('<recordUpdates>', '<recordCreates>')
          .replace('</recordUpdates>', '</recordCreates>')
      );
      await expectError(
        'flow-before-save-elements',
        FLOW,
        lineOf(text, '<name>Stamp_Account</name>'),
        'a before-save flow cannot have <recordCreates> (Stamp_Account)'
      );
    });

    it('warns about a start with both a formula and filters', async () => {
      const text = plant(FLOW, (xml) =>
        xml.replace(
          '<filterLogic>and</filterLogic>\n        <filters>\n            <field>Status__c',
          '<filterFormula>true</filterFormula>\n        <filterLogic>and</filterLogic>\n        <filters>\n            <field>Status__c'
        )
      );
      await expectWarning(
        'flow-entry-conditions',
        FLOW,
        lineOf(text, '<filterFormula>'),
        'both <filterFormula> and <filters>'
      );
    });
  });

  describe('permission sets', () => {
    it('rejects an object permission without its prerequisite', async () => {
      const text = plant(PERMISSION_SET, (xml) =>
        xml.replace('<allowDelete>false</allowDelete>', '<allowDelete>true</allowDelete>')
      );
      await expectError(
        'permission-object-dependencies',
        PERMISSION_SET,
        lineOf(text, '<allowDelete>true'),
        'Permission Delete Account depends on permission(s): Edit Account'
      );
    });

    it('rejects access to a detail object without Read on its master', async () => {
      const text = plant(PERMISSION_SET, (xml) =>
        xml.replace('<object>Invoice__c</object>', '<object>Invoice_Line__c</object>')
      );
      const errors = (await run()).filter((problem) => problem.severity === 'error');
      expect(errors).toEqual([
        expect.objectContaining({
          file: PERMISSION_SET,
          line: lineOf(text, '<object>Invoice_Line__c'),
          message: expect.stringContaining(
            'Permission Read Invoice_Line__c depends on permission(s): Read Invoice__c (Invoice_Line__c is a detail of Invoice__c through Invoice__c)'
          )
        })
      ]);
      expect(errors[0].message).toContain('[permission-master-read]');
      provenRules.add('permission-master-read');
    });

    it('warns about field access on a custom object the permission set cannot read', async () => {
      const text = plant(PERMISSION_SET, (xml) =>
        xml.replace('<object>Invoice__c</object>', '<object>Invoice_Line__c</object>')
      );
      const warnings = (await run()).filter((problem) => problem.severity === 'warning');
      expect(warnings.map((problem) => problem.line)).toEqual(
        ['Invoice__c.Account__c', 'Invoice__c.Amount__c', 'Invoice__c.Sent_At__c', 'Invoice__c.Status__c'].map(
          (field) => lineOf(text, field)
        )
      );
      expect(warnings[0]).toMatchObject({ file: PERMISSION_SET });
      expect(warnings[0].message).toContain('grants access to Invoice__c.Account__c but not <allowRead> on Invoice__c');
      expect(warnings[0].message).toContain('[permission-field-without-object]');
      provenRules.add('permission-field-without-object');
    });

    it('warns about access to an account-related standard object without Read Account', async () => {
      const text = plant(PERMISSION_SET, (xml) => xml.replace('<object>Account</object>', '<object>Order</object>'));
      await expectWarning(
        'permission-account-parent-read',
        PERMISSION_SET,
        lineOf(text, '<object>Order</object>'),
        'grants Order access without <allowRead> on Account'
      );
    });

    it('warns about an editable field that is not readable', async () => {
      const text = plant(PERMISSION_SET, (xml) =>
        xml.replace(
          '<field>Account.Invoice_Email__c</field>\n        <readable>true</readable>',
          '<field>Account.Invoice_Email__c</field>\n        <readable>false</readable>'
        )
      );
      await expectWarning(
        'permission-field-readable',
        PERMISSION_SET,
        lineOf(text, '<readable>false'),
        'Account.Invoice_Email__c is editable but not readable'
      );
    });

    it('warns about Edit on a platform event, which takes only Read and Create', async () => {
      const entry =
        '    <objectPermissions>\n        <allowCreate>true</allowCreate>\n        <allowDelete>false</allowDelete>\n        <allowEdit>true</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>false</modifyAllRecords>\n        <object>Invoice_Sent__e</object>\n        <viewAllRecords>false</viewAllRecords>\n    </objectPermissions>\n';
      const text = plant(PERMISSION_SET, (xml) => xml.replace('</PermissionSet>', `${entry}</PermissionSet>`));
      await expectWarning(
        'permission-platform-event-access',
        PERMISSION_SET,
        lineOf(
          text,
          '<allowEdit>true</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>false</modifyAllRecords>\n        <object>Invoice_Sent__e'
        ),
        'Invoice_Sent__e is a platform event: it takes only Read and Create, not <allowEdit>'
      );
    });

    it('warns about a field listed twice', async () => {
      const entry =
        '    <fieldPermissions>\n        <editable>true</editable>\n        <field>Account.Invoice_Email__c</field>\n        <readable>true</readable>\n    </fieldPermissions>\n';
      const text = plant(PERMISSION_SET, (xml) => xml.replace(entry, entry + entry));
      await expectWarning(
        'permission-duplicate-entry',
        PERMISSION_SET,
        lineOf(text, '<fieldPermissions>', 1),
        'Account.Invoice_Email__c is listed twice'
      );
    });
  });

  describe('Apex', () => {
    it('rejects a trigger whose declared name differs from its file', async () => {
      plant(TRIGGER, (source) => source.replace('trigger InvoiceTrigger on', 'trigger InvoiceTriggers on'));
      await expectError(
        'apex-trigger-name',
        TRIGGER,
        1,
        'trigger InvoiceTriggers is declared in InvoiceTrigger.trigger'
      );
    });
  });
});
