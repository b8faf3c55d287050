import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchema, SchemaModel } from '../../../scripts/apex-runtime/schema';

const FIXTURE = join(__dirname, '../../fixtures/apex-runtime/project');
const PROJECT_ROOT = join(__dirname, '../../..');
const APEX_RECIPES = join(PROJECT_ROOT, '../../shared/peers/apex-recipes');

describe('schema model', () => {
  let schema: SchemaModel;
  beforeAll(() => {
    schema = loadSchema({ root: FIXTURE });
  });

  it('loads the fixture without warnings', () => {
    expect(schema.warnings).toEqual([]);
  });

  describe('standard objects (apex-ls jar plus SOAP API Object Reference facts)', () => {
    it('finds objects and fields case-insensitively with their canonical names', () => {
      expect(schema.object('account')?.describe.name).toBe('Account');
      expect(schema.field('ACCOUNT', 'name')?.name).toBe('Name');
      expect(schema.object('NoSuchObject')).toBeUndefined();
      expect(schema.field('Account', 'NoSuchField')).toBeUndefined();
    });

    it('lists every object name without building the catalogue', () => {
      const names = schema.objectNames();
      expect(names).toEqual(expect.arrayContaining(['Account', 'OrderItem', 'Invoice__c', 'Routing__mdt', 'Paid__e']));
      expect(names.length).toBeGreaterThan(4000);
      expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    });

    it('uses the documented key prefixes', () => {
      const prefixes = Object.fromEntries(
        [
          'Account',
          'Contact',
          'Opportunity',
          'Case',
          'Product2',
          'Pricebook2',
          'PricebookEntry',
          'Order',
          'OrderItem',
          'User',
          'Profile',
          'PermissionSet',
          'PermissionSetAssignment',
          'ContentVersion',
          'ContentDocument',
          'ContentDocumentLink',
          'AsyncApexJob',
          'CronTrigger'
        ].map((name) => [name, schema.object(name)?.describe.keyPrefix])
      );
      expect(prefixes).toEqual({
        Account: '001',
        Contact: '003',
        Opportunity: '006',
        Case: '500',
        Product2: '01t',
        Pricebook2: '01s',
        PricebookEntry: '01u',
        Order: '801',
        OrderItem: '802',
        User: '005',
        Profile: '00e',
        PermissionSet: '0PS',
        PermissionSetAssignment: '0Pa',
        ContentVersion: '068',
        ContentDocument: '069',
        ContentDocumentLink: '06A',
        AsyncApexJob: '707',
        CronTrigger: '08e'
      });
      expect(schema.objectByKeyPrefix('801')?.describe.name).toBe('Order');
      expect(schema.objectOfId('001000000000001AAA')?.describe.name).toBe('Account');
    });

    it('gives undocumented standard objects a stable generated prefix that maps back', () => {
      const object = schema.object('WorkOrder');
      expect(object).toBeDefined();
      const prefix = object?.describe.keyPrefix as string;
      expect(loadSchema({ root: FIXTURE }).object('WorkOrder')?.describe.keyPrefix).toBe(prefix);
      expect(schema.objectByKeyPrefix(prefix)?.describe.name).toBe('WorkOrder');
    });

    it('marks required-on-create fields (Object Reference: not nillable, not defaulted)', () => {
      const required = (name: string): string[] =>
        (schema.object(name)?.fields ?? [])
          .filter((field) => field.requiredOnCreate)
          .map((field) => field.name)
          .sort();
      expect(required('Account')).toEqual(['Name']);
      expect(required('Contact')).toEqual(['LastName']);
      expect(required('Opportunity')).toEqual(['CloseDate', 'Name', 'StageName']);
      expect(required('Order')).toEqual(['AccountId', 'EffectiveDate']);
      expect(required('OrderItem')).toEqual(['OrderId', 'PricebookEntryId', 'Quantity', 'UnitPrice']);
      expect(required('PricebookEntry')).toEqual(['Pricebook2Id', 'Product2Id', 'UnitPrice']);
    });

    it('types fields by their Apex type and documented display type', () => {
      expect(schema.field('Opportunity', 'Amount')).toMatchObject({ type: 'CURRENCY', apexType: 'Decimal' });
      expect(schema.field('Opportunity', 'CloseDate')).toMatchObject({ type: 'DATE', apexType: 'Date' });
      expect(schema.field('Account', 'CreatedDate')).toMatchObject({ type: 'DATETIME', createable: false });
      expect(schema.field('Contact', 'Email')).toMatchObject({ type: 'EMAIL', length: 80 });
      expect(schema.field('Account', 'Id')).toMatchObject({ type: 'ID', createable: false, permissionable: false });
      expect(schema.field('Product2', 'IsActive')).toMatchObject({
        type: 'BOOLEAN',
        defaultValue: false,
        nillable: false
      });
      expect(schema.field('Order', 'TotalAmount')).toMatchObject({ createable: false, updateable: false });
      expect(schema.field('OrderItem', 'OrderId')).toMatchObject({ createable: true, updateable: false });
      // A long text area cannot be filtered, sorted or grouped in SOQL.
      expect(schema.field('Account', 'Description')).toMatchObject({
        type: 'TEXTAREA',
        filterable: false,
        sortable: false
      });
      expect(schema.field('Account', 'Name')).toMatchObject({ filterable: true, sortable: true, groupable: true });
      // Object Reference ("Order", "OrderItem", "Case", "Contract"): these name fields are Autonumber, Defaulted on
      // create, read-only; records are numbered on insert with eight digits.
      for (const [object, name] of [
        ['Order', 'OrderNumber'],
        ['OrderItem', 'OrderItemNumber'],
        ['Case', 'CaseNumber'],
        ['Contract', 'ContractNumber']
      ]) {
        expect([object, schema.field(object, name)]).toEqual([
          object,
          expect.objectContaining({
            autoNumber: true,
            displayFormat: '{00000000}',
            createable: false,
            updateable: false,
            defaultedOnCreate: true,
            nameField: true
          })
        ]);
      }
      // a compound name is computed, not numbered
      expect(schema.field('Contact', 'Name')).toMatchObject({ autoNumber: false });
    });

    it('has defaults and picklist values of a new org', () => {
      expect(schema.field('Case', 'Status')).toMatchObject({ defaultValue: 'New', defaultedOnCreate: true });
      expect(schema.field('Case', 'Priority')?.picklistValues.map((entry) => entry.value)).toEqual([
        'High',
        'Medium',
        'Low'
      ]);
      expect(schema.field('Lead', 'Status')?.defaultValue).toBe('Open - Not Contacted');
    });

    it("replaces a standard picklist's values with the project's StandardValueSet, status categories included", () => {
      const status = schema.field('Order', 'Status');
      expect(status?.picklistValues.map((entry) => [entry.value, entry.statusCategory])).toEqual([
        ['Draft', 'Draft'],
        ['Approved', 'Draft'],
        ['Activated', 'Activated']
      ]);
      expect(status?.defaultValue).toBe('Draft');
    });

    it('resolves parent relationships, polymorphic ones included', () => {
      expect(schema.parentRelationship('Contact', 'account')).toMatchObject({
        field: { name: 'AccountId' },
        targets: ['Account']
      });
      expect(schema.parentRelationship('Order', 'Owner')?.targets).toEqual(['User', 'Group']);
      expect(schema.parentRelationship('Task', 'What')?.targets).toEqual([]);
      expect(schema.parentRelationship('Contact', 'AccountId')).toBeUndefined();
    });

    it('resolves child relationships to their child object and field', () => {
      expect(schema.childRelationship('Account', 'contacts')).toMatchObject({
        childSObject: 'Contact',
        field: 'AccountId'
      });
      expect(schema.childRelationship('Account', 'Opportunities')).toMatchObject({
        childSObject: 'Opportunity',
        field: 'AccountId'
      });
      expect(schema.childRelationship('Order', 'OrderItems')).toMatchObject({
        childSObject: 'OrderItem',
        field: 'OrderId'
      });
      expect(schema.childRelationship('Account', 'ChildAccounts')).toMatchObject({
        childSObject: 'Account',
        field: 'ParentId'
      });
    });

    it('names compound fields of address and name parts', () => {
      expect(schema.field('Account', 'BillingCity')?.compoundFieldName).toBe('BillingAddress');
      expect(schema.field('Contact', 'FirstName')?.compoundFieldName).toBe('Name');
      expect(schema.field('Contact', 'Name')?.createable).toBe(false);
    });
  });

  describe("the project's objects", () => {
    it('reads a custom object with the fields the platform adds', () => {
      const invoice = schema.object('invoice__c');
      expect(invoice?.describe).toMatchObject({
        name: 'Invoice__c',
        label: 'Invoice',
        labelPlural: 'Invoices',
        kind: 'custom',
        custom: true,
        sharingModel: 'Private',
        nameField: 'Name'
      });
      expect(invoice?.describe.keyPrefix).toMatch(/^a[0-9A-Za-z]{2}$/);
      for (const name of [
        'Id',
        'Name',
        'OwnerId',
        'CreatedDate',
        'CreatedById',
        'LastModifiedDate',
        'SystemModstamp',
        'IsDeleted',
        'RecordTypeId'
      ]) {
        expect(schema.field('Invoice__c', name)?.name).toBe(name);
      }
      expect(schema.field('Invoice__c', 'Name')).toMatchObject({
        autoNumber: true,
        createable: false,
        displayFormat: 'INV-{0000}'
      });
      expect(invoice?.describe.recordTypes.map((type) => [type.developerName, type.name, type.master])).toEqual([
        ['Master', 'Master', true],
        ['Standard', 'Standard Invoice', false]
      ]);
    });

    it('reads field properties: required, length, precision, unique/external Id, formula, defaults', () => {
      expect(schema.field('Invoice__c', 'Amount__c')).toMatchObject({
        type: 'CURRENCY',
        precision: 16,
        scale: 2,
        nillable: false,
        requiredOnCreate: true,
        permissionable: false
      });
      expect(schema.field('Invoice__c', 'Reference__c')).toMatchObject({
        type: 'STRING',
        length: 20,
        unique: true,
        externalId: true,
        idLookup: true
      });
      expect(schema.field('Invoice__c', 'Total__c')).toMatchObject({
        calculated: true,
        formula: 'Amount__c * 1.2',
        createable: false
      });
      expect(schema.field('Invoice__c', 'Paid__c')).toMatchObject({ type: 'BOOLEAN', defaultValue: false });
      expect(schema.field('Invoice__c', 'DueDate__c')).toMatchObject({
        defaultFormula: 'TODAY() + 30',
        defaultedOnCreate: true
      });
      expect(schema.field('InvoiceLine__c', 'Quantity__c')).toMatchObject({ defaultValue: 1 });
    });

    it('reads picklists: values, labels, restriction, default', () => {
      const status = schema.field('Invoice__c', 'Status__c');
      expect(status).toMatchObject({ type: 'PICKLIST', restrictedPicklist: true, defaultValue: 'Draft' });
      expect(status?.picklistValues.map((entry) => entry.label)).toEqual(['Draft', 'Sent to customer', 'Paid']);
      expect(schema.field('Invoice__c', 'Tags__c')).toMatchObject({ type: 'MULTIPICKLIST', restrictedPicklist: false });
    });

    it('links lookups and master-details both ways with __r names', () => {
      expect(schema.field('Invoice__c', 'Account__c')).toMatchObject({
        type: 'REFERENCE',
        referenceTo: ['Account'],
        relationshipName: 'Account__r',
        restrictedDelete: true
      });
      expect(schema.parentRelationship('InvoiceLine__c', 'invoice__r')?.field.name).toBe('Invoice__c');
      expect(schema.childRelationship('Account', 'Invoices__r')).toMatchObject({
        childSObject: 'Invoice__c',
        field: 'Account__c',
        restrictedDelete: true
      });
      expect(schema.childRelationship('Invoice__c', 'Lines__r')).toMatchObject({
        childSObject: 'InvoiceLine__c',
        field: 'Invoice__c',
        cascadeDelete: true
      });
      const detail = schema.object('InvoiceLine__c');
      expect(detail?.describe.sharingModel).toBe('ControlledByParent');
      // A detail object has no owner (Object Reference, "Master-detail relationships").
      expect(schema.field('InvoiceLine__c', 'OwnerId')).toBeUndefined();
      expect(schema.field('InvoiceLine__c', 'Invoice__c')).toMatchObject({
        requiredOnCreate: true,
        updateable: false,
        relationshipOrder: 0
      });
    });

    it("adds the project's fields to standard objects", () => {
      expect(schema.field('Account', 'tier__c')).toMatchObject({ name: 'Tier__c', custom: true, length: 10 });
      expect(schema.field('Account', 'Name')?.requiredOnCreate).toBe(true);
    });

    it('reads custom metadata types and their records as text', () => {
      expect(schema.object('Routing__mdt')?.describe).toMatchObject({ kind: 'customMetadata', createable: false });
      expect(schema.object('Routing__mdt')?.describe.keyPrefix).toMatch(/^m/);
      for (const name of ['DeveloperName', 'MasterLabel', 'QualifiedApiName', 'Queue__c']) {
        expect(schema.field('Routing__mdt', name)).toBeDefined();
      }
      const records = schema.customMetadataRecords('routing__MDT');
      expect(
        records.map((record) => [
          record.developerName,
          record.label,
          record.values.get('Queue__c'),
          record.values.get('Weight__c')
        ])
      ).toEqual([
        ['Asia', 'Asia', null, undefined],
        ['Europe', 'Europe', 'EU_Queue', '1.50']
      ]);
    });

    it('reads metadata relationships between custom metadata types, whose values are names', () => {
      expect(schema.field('Routing__mdt', 'Fallback__c')).toMatchObject({
        type: 'REFERENCE',
        referenceTo: ['Routing__mdt'],
        relationshipName: 'Fallback__r',
        valueIsName: true
      });
      expect(schema.childRelationship('Routing__mdt', 'Fallbacks__r')).toMatchObject({ field: 'Fallback__c' });
      expect(schema.field('Invoice__c', 'Account__c')?.valueIsName).toBeUndefined();
    });

    it('reads platform events with their publish behaviour', () => {
      const event = schema.object('Paid__e');
      expect(event?.describe).toMatchObject({
        kind: 'platformEvent',
        publishBehavior: 'PublishAfterCommit',
        queryable: false,
        updateable: false
      });
      expect(event?.describe.keyPrefix).toMatch(/^e/);
      expect(schema.field('Paid__e', 'ReplayId')).toBeDefined();
      expect(schema.field('Paid__e', 'InvoiceId__c')?.requiredOnCreate).toBe(true);
    });
  });

  it('orders custom metadata records by DeveloperName whatever order they were read in', () => {
    const record = (developerName: string) => ({
      type: 'T__mdt',
      developerName,
      label: developerName,
      protected: false,
      values: new Map<string, string | null>()
    });
    const none = { names: () => [], build: () => undefined, prefixOwner: () => undefined };
    const model = new SchemaModel([], none, [record('Bravo'), record('alpha'), record('Charlie')], []);
    expect(model.customMetadataRecords('t__mdt').map((entry) => entry.developerName)).toEqual([
      'alpha',
      'Bravo',
      'Charlie'
    ]);
  });

  it('reports a malformed file as a warning and goes on', () => {
    const root = mkdtempSync(join(tmpdir(), 'schema-'));
    writeFileSync(
      join(root, 'sfdx-project.json'),
      JSON.stringify({ packageDirectories: [{ path: 'app' }, { path: 'missing' }] })
    );
    mkdirSync(join(root, 'app/objects/Broken__c/fields'), { recursive: true });
    writeFileSync(
      join(root, 'app/objects/Broken__c/Broken__c.object-meta.xml'),
      '<CustomObject><label>Broken</label></CustomObject>'
    );
    writeFileSync(join(root, 'app/objects/Broken__c/fields/Bad__c.field-meta.xml'), '<CustomField><fullName>Bad__c');
    const loaded = loadSchema({ root });
    expect(loaded.object('Broken__c')).toBeDefined();
    expect(loaded.field('Broken__c', 'Bad__c')).toBeUndefined();
    expect(loaded.warnings.map((warning) => warning.message)).toEqual([
      'package directory missing does not exist',
      expect.stringContaining('not readable XML')
    ]);
  });

  it('refuses a root that is not a folder', () => {
    expect(() => loadSchema({ root: join(FIXTURE, 'nope') })).toThrow(/is not a folder/);
  });

  it("loads this project's metadata without warnings", () => {
    const project = loadSchema({ root: PROJECT_ROOT });
    expect(project.warnings).toEqual([]);
    expect(project.objects().filter((object) => object.describe.custom).length).toBeGreaterThan(0);
  });

  (existsSync(APEX_RECIPES) ? it : it.skip)('loads ../shared/peers/apex-recipes without warnings', () => {
    const recipes = loadSchema({ root: APEX_RECIPES });
    expect(recipes.warnings).toEqual([]);
    expect(recipes.object('Junction__c')?.describe.custom).toBe(true);
    expect(recipes.object('Log__e')?.describe.kind).toBe('platformEvent');
  });
});
