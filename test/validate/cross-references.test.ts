import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { crossReferencesCheck } from '../../scripts/validate/checks/cross-references';
import { Project } from '../../scripts/validate/core/project';
import { Problem } from '../../scripts/validate/core/types';
import { parseSoql } from '../../scripts/validate/references/soql';
import { readStandardSchema, sobjectTypesJar } from '../../scripts/validate/references/standard-schema';
import { FixtureCopy, fixturePath } from '../support/fixture';

const RICH = 'cross-references/rich-project';
const SOURCE = 'force-app/main/default';
const PERMISSION_SET = `${SOURCE}/permissionsets/Invoice_Manager.permissionset-meta.xml`;
const SEND_FLOW = `${SOURCE}/flows/Invoice_Send.flow-meta.xml`;
const STAMP_FLOW = `${SOURCE}/flows/Invoice_Stamp_Sent_At.flow-meta.xml`;
const STATUS_FLOW = `${SOURCE}/flows/Invoice_Track_Status.flow-meta.xml`;
const LAYOUT = `${SOURCE}/layouts/Invoice__c-Invoice Layout.layout-meta.xml`;
const SETTING_RECORD = `${SOURCE}/customMetadata/Invoice_Setting.Default.md-meta.xml`;
const SERVICE_CLASS = `${SOURCE}/classes/InvoiceService.cls`;
const QUERIES_CLASS = `${SOURCE}/classes/InvoiceQueries.cls`;
const ACTIONS_CLASS = `${SOURCE}/classes/InvoiceActions.cls`;

async function problemsIn(root: string): Promise<Problem[]> {
  return (await crossReferencesCheck.run(new Project(root))).problems;
}

/** The 1-based line of the first occurrence of `needle` in a file of the copy (after planting). */
function lineOf(copy: FixtureCopy, file: string, needle: string): number {
  const text = copy.read(file);
  const index = text.indexOf(needle);
  if (index < 0) {
    throw new Error(`${file} does not contain ${needle}`);
  }
  return text.slice(0, index).split('\n').length;
}

/** The copy's problems, with the planted mistakes; fails with the full list if the expected one is not among them. */
function expectProblem(problems: Problem[], file: string, line: number, ...fragments: string[]): void {
  expect(problems).toContainEqual(
    expect.objectContaining({
      file,
      line,
      severity: 'error',
      message: expect.stringMatching(new RegExp(fragments.map(escapeRegExp).join('.*')))
    })
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('cross-references check', () => {
  let copy: FixtureCopy;

  afterEach(() => copy?.dispose());

  it('passes the shared clean fixture with zero errors in under 2 s, standard schema included', async () => {
    const started = performance.now();
    const outcome = await crossReferencesCheck.run(new Project(fixturePath('clean-project')));
    const seconds = (performance.now() - started) / 1000;

    expect(outcome.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(outcome.filesSeen).toBeGreaterThan(10);
    expect(seconds).toBeLessThan(2);
  });

  it('passes its own rich fixture (master-detail, roll-ups, record types, CMDT relationships, SOQL) with no problem', async () => {
    expect(await problemsIn(fixturePath(RICH))).toEqual([]);
  });

  describe('permission sets', () => {
    beforeEach(() => (copy = new FixtureCopy(RICH)));

    it('reports a field, an object and an Apex class that do not exist', async () => {
      copy.replace(PERMISSION_SET, '<field>Invoice__c.Amount__c</field>', '<field>Invoice__c.Amont__c</field>');
      copy.replace(PERMISSION_SET, '<object>Invoice_Line__c</object>', '<object>Invoice_Lines__c</object>');
      copy.replace(PERMISSION_SET, '<apexClass>InvoiceService</apexClass>', '<apexClass>InvoiceServices</apexClass>');

      const problems = await problemsIn(copy.root);

      expectProblem(
        problems,
        PERMISSION_SET,
        lineOf(copy, PERMISSION_SET, 'Invoice__c.Amont__c'),
        'fieldPermissions.field',
        "'Invoice__c.Amont__c'",
        'objects/Invoice__c/fields/Amont__c.field-meta.xml'
      );
      expectProblem(
        problems,
        PERMISSION_SET,
        lineOf(copy, PERMISSION_SET, 'Invoice_Lines__c'),
        'objectPermissions.object',
        "object 'Invoice_Lines__c'"
      );
      expectProblem(
        problems,
        PERMISSION_SET,
        lineOf(copy, PERMISSION_SET, 'InvoiceServices'),
        "Apex class 'InvoiceServices'",
        'classes/InvoiceServices.cls'
      );
      expect(problems.filter((problem) => problem.severity === 'error')).toHaveLength(3);
    });

    it('reports field permissions the Metadata API rejects: required, master-detail, system and editable formula fields', async () => {
      const grant = (field: string, editable: boolean): string =>
        `<fieldPermissions><editable>${editable}</editable><field>${field}</field><readable>true</readable></fieldPermissions>`;
      copy.replace(
        PERMISSION_SET,
        '<hasActivationRequired>',
        [
          grant('Invoice_Line__c.Quantity__c', true),
          grant('Invoice_Line__c.Invoice__c', false),
          grant('Invoice__c.OwnerId', false),
          grant('Opportunity.StageName', true),
          '<hasActivationRequired>'
        ].join('\n')
      );
      copy.replace(
        PERMISSION_SET,
        '<editable>false</editable>\n        <field>Invoice__c.Amount_With_Tax__c',
        '<editable>true</editable>\n        <field>Invoice__c.Amount_With_Tax__c'
      );

      const problems = await problemsIn(copy.root);

      expectProblem(
        problems,
        PERMISSION_SET,
        lineOf(copy, PERMISSION_SET, 'Invoice_Line__c.Quantity__c'),
        "'Invoice_Line__c.Quantity__c', a required field",
        'You cannot deploy to a required field'
      );
      expectProblem(
        problems,
        PERMISSION_SET,
        lineOf(copy, PERMISSION_SET, 'Invoice_Line__c.Invoice__c'),
        'a master-detail field'
      );
      expectProblem(problems, PERMISSION_SET, lineOf(copy, PERMISSION_SET, 'Invoice__c.OwnerId'), 'a system field');
      expectProblem(
        problems,
        PERMISSION_SET,
        lineOf(copy, PERMISSION_SET, 'Opportunity.StageName'),
        'a standard field that every org requires'
      );
      expectProblem(
        problems,
        PERMISSION_SET,
        lineOf(copy, PERMISSION_SET, 'Invoice__c.Amount_With_Tax__c'),
        "editable true on 'Invoice__c.Amount_With_Tax__c', a formula field"
      );
    });

    it('reports missing flows, record types, tabs, pages, custom permissions, CMDT types and group members', async () => {
      copy.replace(PERMISSION_SET, '<flow>Invoice_Send</flow>', '<flow>Invoice_Sending</flow>');
      copy.replace(
        PERMISSION_SET,
        '<recordType>Invoice__c.Standard</recordType>',
        '<recordType>Invoice__c.Special</recordType>'
      );
      copy.replace(PERMISSION_SET, '<tab>Invoice__c</tab>', '<tab>Invoice_Line__c</tab>');
      copy.replace(PERMISSION_SET, '<apexPage>InvoicePreview</apexPage>', '<apexPage>InvoicePrint</apexPage>');
      copy.replace(PERMISSION_SET, '<name>Send_Invoices</name>', '<name>Void_Invoices</name>');
      copy.replace(PERMISSION_SET, '<name>Invoice_Setting__mdt</name>', '<name>Invoice__c</name>');
      const group = `${SOURCE}/permissionsetgroups/Invoicing.permissionsetgroup-meta.xml`;
      copy.replace(
        group,
        '<permissionSets>Invoice_Manager</permissionSets>',
        '<permissionSets>Invoice_Admin</permissionSets>'
      );

      const problems = await problemsIn(copy.root);

      expectProblem(
        problems,
        PERMISSION_SET,
        lineOf(copy, PERMISSION_SET, 'Invoice_Sending'),
        "flow 'Invoice_Sending'"
      );
      expectProblem(
        problems,
        PERMISSION_SET,
        lineOf(copy, PERMISSION_SET, 'Invoice__c.Special'),
        "record type 'Invoice__c.Special'",
        'objects/Invoice__c/recordTypes/Special.recordType-meta.xml'
      );
      expectProblem(
        problems,
        PERMISSION_SET,
        lineOf(copy, PERMISSION_SET, '<tab>Invoice_Line__c'),
        "tab 'Invoice_Line__c'"
      );
      expectProblem(
        problems,
        PERMISSION_SET,
        lineOf(copy, PERMISSION_SET, 'InvoicePrint'),
        "Visualforce page 'InvoicePrint'"
      );
      expectProblem(
        problems,
        PERMISSION_SET,
        lineOf(copy, PERMISSION_SET, 'Void_Invoices'),
        "custom permission 'Void_Invoices'"
      );
      expectProblem(
        problems,
        PERMISSION_SET,
        lineOf(copy, PERMISSION_SET, '<name>Invoice__c'),
        "'Invoice__c', which is not a custom metadata type"
      );
      expectProblem(problems, group, lineOf(copy, group, 'Invoice_Admin'), "permission set 'Invoice_Admin'");
    });

    it('passes standard fields that exist and reports one that does not', async () => {
      copy.replace(PERMISSION_SET, '<field>Account.Industry</field>', '<field>Account.Industri</field>');

      const problems = await problemsIn(copy.root);

      expectProblem(
        problems,
        PERMISSION_SET,
        lineOf(copy, PERMISSION_SET, 'Account.Industri'),
        "'Account.Industri'",
        'a standard field of Account'
      );
      expect(problems).toHaveLength(1);
    });

    it('only warns about names of another package namespace', async () => {
      copy.replace(PERMISSION_SET, '<field>Account.Industry</field>', '<field>Account.acme__Rating__c</field>');

      const problems = await problemsIn(copy.root);

      expect(problems).toEqual([
        expect.objectContaining({
          file: PERMISSION_SET,
          severity: 'warning',
          message: expect.stringContaining("namespace 'acme'")
        })
      ]);
    });
  });

  describe('flows', () => {
    beforeEach(() => (copy = new FixtureCopy(RICH)));

    it('reports a filter on a missing field and an update of a missing field', async () => {
      copy.replace(STAMP_FLOW, '<field>Status__c</field>', '<field>Stage__c</field>');
      copy.replace(STAMP_FLOW, '<field>Last_Invoice_Sent_At__c</field>', '<field>Last_Sent__c</field>');

      const problems = await problemsIn(copy.root);

      expectProblem(
        problems,
        STAMP_FLOW,
        lineOf(copy, STAMP_FLOW, 'Stage__c'),
        'start.filters.field',
        "'Invoice__c.Stage__c'"
      );
      expectProblem(
        problems,
        STAMP_FLOW,
        lineOf(copy, STAMP_FLOW, 'Last_Sent__c'),
        'recordUpdates.inputAssignments.field',
        "'Account.Last_Sent__c'"
      );
    });

    it('reports $Record fields that do not exist, in references and in formulas', async () => {
      copy.replace(STATUS_FLOW, '<assignToReference>$Record.Sent_At__c', '<assignToReference>$Record.Nope__c');
      copy.replace(STATUS_FLOW, '{!$Record.Account__r.Name}', '{!$Record.Account__r.Nme}');
      copy.replace(STATUS_FLOW, '$Record__Prior.Status__c', '$Record__Prior.Account__c.Name');

      const problems = await problemsIn(copy.root);

      expectProblem(
        problems,
        STATUS_FLOW,
        lineOf(copy, STATUS_FLOW, '$Record.Nope__c'),
        "assignToReference '$Record.Nope__c'",
        "'Invoice__c.Nope__c'"
      );
      expectProblem(
        problems,
        STATUS_FLOW,
        lineOf(copy, STATUS_FLOW, 'Account__r.Nme'),
        "'Account__r.Nme' (Account has no field 'Nme')"
      );
      expectProblem(
        problems,
        STATUS_FLOW,
        lineOf(copy, STATUS_FLOW, 'Account__c.Name'),
        'Invoice__c.Account__c is not a relationship',
        'Account__r'
      );
    });

    it('reports picklist values that start filters and entry formulas compare with but the field does not have', async () => {
      copy.replace(STAMP_FLOW, '<stringValue>Sent</stringValue>', '<stringValue>Posted</stringValue>');
      copy.replace(STATUS_FLOW, "ISPICKVAL({!$Record.Status__c}, 'Sent')", "ISPICKVAL({!$Record.Status__c}, 'Mailed')");

      const problems = await problemsIn(copy.root);

      expectProblem(
        problems,
        STAMP_FLOW,
        lineOf(copy, STAMP_FLOW, 'Posted'),
        "'Posted' is not a value of picklist Invoice__c.Status__c",
        'Draft, Sent'
      );
      expectProblem(
        problems,
        STATUS_FLOW,
        lineOf(copy, STATUS_FLOW, 'Mailed'),
        'start.filterFormula ISPICKVAL',
        "'Mailed' is not a value of picklist Invoice__c.Status__c"
      );
    });

    it('reports Apex actions that are missing or not invocable, missing subflows and fields of record lookups', async () => {
      copy.replace(SEND_FLOW, '<actionName>InvoiceActions</actionName>', '<actionName>InvoiceService</actionName>');
      copy.replace(SEND_FLOW, '<flowName>Invoice_Notify</flowName>', '<flowName>Invoice_Notification</flowName>');
      copy.replace(SEND_FLOW, '<queriedFields>Channel__c</queriedFields>', '<queriedFields>Chanel__c</queriedFields>');
      copy.replace(SEND_FLOW, '<leftValueReference>Get_Invoice.Status__c', '<leftValueReference>Get_Invoice.State__c');

      const problems = await problemsIn(copy.root);

      expectProblem(
        problems,
        SEND_FLOW,
        lineOf(copy, SEND_FLOW, '<actionName>InvoiceService'),
        "Apex class 'InvoiceService', which declares no @InvocableMethod"
      );
      expectProblem(
        problems,
        SEND_FLOW,
        lineOf(copy, SEND_FLOW, 'Invoice_Notification'),
        "flow 'Invoice_Notification'"
      );
      expectProblem(
        problems,
        SEND_FLOW,
        lineOf(copy, SEND_FLOW, 'Chanel__c'),
        'recordLookups.queriedFields',
        "'Invoice__c.Chanel__c'"
      );
      expectProblem(problems, SEND_FLOW, lineOf(copy, SEND_FLOW, 'Get_Invoice.State__c'), "'Invoice__c.State__c'");
    });
  });

  describe('layouts, objects and custom metadata', () => {
    beforeEach(() => (copy = new FixtureCopy(RICH)));

    it('reports a layout field, related list column, button and quick action that do not exist', async () => {
      copy.replace(LAYOUT, '<field>Amount__c</field>', '<field>Amont__c</field>');
      copy.replace(LAYOUT, '<fields>Quantity__c</fields>', '<fields>Qty__c</fields>');
      copy.replace(LAYOUT, '<customButtons>Preview</customButtons>', '<customButtons>Print</customButtons>');
      copy.replace(
        LAYOUT,
        '<quickActionName>Invoice__c.Send</quickActionName>',
        '<quickActionName>Invoice__c.Resend</quickActionName>'
      );

      const problems = await problemsIn(copy.root);

      expectProblem(problems, LAYOUT, lineOf(copy, LAYOUT, 'Amont__c'), 'layoutItems.field', "'Invoice__c.Amont__c'");
      expectProblem(
        problems,
        LAYOUT,
        lineOf(copy, LAYOUT, 'Qty__c'),
        'relatedLists.fields',
        "'Invoice_Line__c.Qty__c'"
      );
      expectProblem(
        problems,
        LAYOUT,
        lineOf(copy, LAYOUT, 'Print'),
        "custom button 'Print'",
        'webLinks/Print.webLink-meta.xml'
      );
      expectProblem(problems, LAYOUT, lineOf(copy, LAYOUT, 'Invoice__c.Resend'), "quick action 'Invoice__c.Resend'");
    });

    it('reports a custom metadata record field and relationship values that do not exist', async () => {
      copy.replace(SETTING_RECORD, '<field>Prefix__c</field>', '<field>Prefx__c</field>');
      copy.replace(SETTING_RECORD, '>Amount__c</value>', '>Amount_Due__c</value>');

      const problems = await problemsIn(copy.root);

      expectProblem(
        problems,
        SETTING_RECORD,
        lineOf(copy, SETTING_RECORD, 'Prefx__c'),
        'values.field',
        "'Invoice_Setting__mdt.Prefx__c'"
      );
      expectProblem(
        problems,
        SETTING_RECORD,
        lineOf(copy, SETTING_RECORD, 'Amount_Due__c'),
        'values.value of Target_Field__c',
        "'Invoice__c.Amount_Due__c'"
      );
    });

    it('reports lookups, roll-ups, global value sets, list views and record type values that point nowhere', async () => {
      const product = `${SOURCE}/objects/Invoice_Line__c/fields/Product__c.field-meta.xml`;
      const rollUp = `${SOURCE}/objects/Invoice__c/fields/Lines_Total__c.field-meta.xml`;
      const channel = `${SOURCE}/objects/Invoice__c/fields/Channel__c.field-meta.xml`;
      const listView = `${SOURCE}/objects/Invoice__c/listViews/Drafts.listView-meta.xml`;
      const recordType = `${SOURCE}/objects/Invoice__c/recordTypes/Standard.recordType-meta.xml`;
      copy.replace(product, '<referenceTo>Product2</referenceTo>', '<referenceTo>Product</referenceTo>');
      copy.replace(
        rollUp,
        '<summarizedField>Invoice_Line__c.Line_Amount__c',
        '<summarizedField>Invoice_Line__c.Amount__c'
      );
      copy.replace(channel, '<valueSetName>Invoice_Channel</valueSetName>', '<valueSetName>Channels</valueSetName>');
      copy.replace(listView, '<field>Status__c</field>', '<field>Stage__c</field>');
      copy.replace(recordType, '<fullName>Sent</fullName>', '<fullName>Posted</fullName>');

      const problems = await problemsIn(copy.root);

      expectProblem(problems, product, lineOf(copy, product, '<referenceTo>'), 'referenceTo', "object 'Product'");
      expectProblem(
        problems,
        rollUp,
        lineOf(copy, rollUp, '<summarizedField>'),
        'summarizedField',
        "'Invoice_Line__c.Amount__c'"
      );
      expectProblem(problems, channel, lineOf(copy, channel, 'Channels'), "global value set 'Channels'");
      expectProblem(problems, listView, lineOf(copy, listView, 'Stage__c'), 'filters.field', "'Invoice__c.Stage__c'");
      expectProblem(
        problems,
        recordType,
        lineOf(copy, recordType, 'Posted'),
        "'Posted', which is not a value of picklist Invoice__c.Status__c"
      );
    });

    it('reports a field file whose object is neither in the project nor standard', async () => {
      const orphan = `${SOURCE}/objects/Receipt__c/fields/Total__c.field-meta.xml`;
      copy.write(
        orphan,
        copy.read(`${SOURCE}/objects/Invoice__c/fields/Amount__c.field-meta.xml`).replace(/Amount__c/g, 'Total__c')
      );

      const problems = await problemsIn(copy.root);

      expectProblem(
        problems,
        orphan,
        2,
        "belongs to object 'Receipt__c'",
        'objects/Receipt__c/Receipt__c.object-meta.xml'
      );
    });
  });

  describe('static SOQL in Apex', () => {
    beforeEach(() => (copy = new FixtureCopy(RICH)));

    it('reports a selected field and an object that do not exist', async () => {
      copy.replace(SERVICE_CLASS, 'SELECT Id, Status__c, Account__c', 'SELECT Id, Nope__c, Account__c');
      copy.replace(SERVICE_CLASS, 'FROM Invoice__c', 'FROM Invoices__c');
      copy.replace(ACTIONS_CLASS, 'SELECT Id, Status__c\n', 'SELECT Id, Stat__c\n');

      const problems = await problemsIn(copy.root);

      expectProblem(
        problems,
        SERVICE_CLASS,
        lineOf(copy, SERVICE_CLASS, 'FROM Invoices__c'),
        'static SOQL FROM',
        "object 'Invoices__c'"
      );
      expectProblem(
        problems,
        ACTIONS_CLASS,
        lineOf(copy, ACTIONS_CLASS, 'Stat__c'),
        'static SOQL',
        "'Invoice__c.Stat__c'"
      );
      // The object is missing, so the fields of that query are not judged a second time.
      expect(problems.some((problem) => problem.message.includes('Nope__c'))).toBe(false);
    });

    it('reports a missing field in a relationship path of a sub-query and a missing child relationship', async () => {
      copy.replace(QUERIES_CLASS, 'Amount__c, Account__r.Name\n', 'Amount__c, Account__r.Nme\n');
      copy.replace(QUERIES_CLASS, '(SELECT Id FROM Invoice_Lines__r)', '(SELECT Id FROM Invoice_Lines)');
      copy.replace(QUERIES_CLASS, 'Invoice__r.Account__r.Owner.Email', 'Invoice__r.Account__r.Owner.Emial');

      const problems = await problemsIn(copy.root);

      expectProblem(
        problems,
        QUERIES_CLASS,
        lineOf(copy, QUERIES_CLASS, 'Account__r.Nme'),
        "'Account__r.Nme' (Account has no field 'Nme')"
      );
      expectProblem(
        problems,
        QUERIES_CLASS,
        lineOf(copy, QUERIES_CLASS, 'FROM Invoice_Lines)'),
        "'Invoice_Lines', which is not a child relationship of Product2",
        'Did you mean Invoice_Lines__r?'
      );
      expectProblem(problems, QUERIES_CLASS, lineOf(copy, QUERIES_CLASS, 'Owner.Emial'), "(User has no field 'Emial')");
    });

    it('checks standard objects and fields: Account.Name, Account.Industry and Contact.Email pass, a typo fails', async () => {
      const file = `${SOURCE}/classes/StandardQueries.cls`;
      copy.write(
        file,
        [
          'public with sharing class StandardQueries {',
          '  public static List<Account> accounts() {',
          '    return [SELECT Name, Industry, (SELECT Email FROM Contacts) FROM Account WITH USER_MODE];',
          '  }',
          '  public static List<Contact> contacts() {',
          '    return [SELECT Email, Account.Name, Account.Industri FROM Contact WITH USER_MODE];',
          '  }',
          '}'
        ].join('\n')
      );

      const problems = await problemsIn(copy.root);

      expect(problems).toEqual([
        expect.objectContaining({
          file,
          line: 6,
          severity: 'error',
          message: expect.stringContaining("'Account.Industri' (Account has no field 'Industri')")
        })
      ]);
    });

    it('skips dynamic SOQL and comments, and warns about static SOQL it cannot parse', async () => {
      copy.replace(QUERIES_CLASS, 'FOR VIEW', 'FOR VIEW SOMETHING ELSE');

      const problems = await problemsIn(copy.root);

      expect(problems).toEqual([
        expect.objectContaining({
          file: QUERIES_CLASS,
          severity: 'warning',
          message: expect.stringContaining('was not checked')
        })
      ]);
    });
  });
});

describe('SOQL parser', () => {
  it('collects the fields of every clause, without binds, literals and aliases', () => {
    const query = parseSoql(
      'SELECT Status__c, COUNT(Id) n, toLabel(Type__c) FROM Invoice__c i WHERE i.Amount__c > :acc.Limits[0].Max AND ' +
        "CreatedDate = LAST_N_DAYS:7 AND Name LIKE 'A\\'%' GROUP BY Status__c, Type__c HAVING COUNT(Id) > 1 ORDER BY n DESC LIMIT :max"
    );

    expect(query.from).toBe('Invoice__c');
    expect(query.alias).toBe('i');
    expect(query.fields.map((field) => field.path)).toEqual([
      'Status__c',
      'Id',
      'Type__c',
      'i.Amount__c',
      'CreatedDate',
      'Name',
      'Status__c',
      'Type__c',
      'Id'
    ]);
  });

  it('separates child sub-queries from semi-joins', () => {
    const query = parseSoql(
      'SELECT Id, (SELECT Email FROM Contacts WHERE Email != null) FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity) WITH SECURITY_ENFORCED'
    );

    expect(query.childQueries.map((child) => [child.from, child.fields.map((field) => field.path)])).toEqual([
      ['Contacts', ['Email', 'Email']]
    ]);
    expect(query.semiJoins.map((join) => [join.from, join.fields.map((field) => field.path)])).toEqual([
      ['Opportunity', ['AccountId']]
    ]);
  });
});

describe('standard schema from the apex-ls jar', () => {
  it('holds standard objects with their fields, relationships and child relationships', () => {
    const schema = readStandardSchema(readFileSync(sobjectTypesJar()));
    const account = schema.get('account');
    const contact = schema.get('contact');

    expect(schema.size).toBeGreaterThan(1000);
    expect(account?.fields.get('industry')).toEqual({ name: 'Industry', kind: 'value', targets: [] });
    expect(account?.fields.get('owner')).toEqual({ name: 'Owner', kind: 'reference', targets: ['User'] });
    expect(account?.fields.get('contacts')).toEqual({ name: 'Contacts', kind: 'children', targets: ['Contact'] });
    expect(account?.fields.get('billingaddress')?.kind).toBe('value');
    expect(contact?.fields.get('email')?.name).toBe('Email');
  });
});
