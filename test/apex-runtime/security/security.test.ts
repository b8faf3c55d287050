import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadSchema } from '../../../scripts/apex-runtime/schema';
import {
  grantsFromRecords,
  groupOfPermissionSets,
  loadSecurity,
  permissionRecords,
  SecurityModel,
  SetupRecord
} from '../../../scripts/apex-runtime/security';

const FIXTURE = join(__dirname, '../../fixtures/apex-runtime/project');
const PROJECT_ROOT = join(__dirname, '../../..');
const APEX_RECIPES = join(PROJECT_ROOT, '../../shared/peers/apex-recipes');

const NONE = { read: false, create: false, edit: false, delete: false, viewAll: false, modifyAll: false };

describe('security model', () => {
  let security: SecurityModel;
  beforeAll(() => {
    security = loadSecurity(loadSchema({ root: FIXTURE }), { root: FIXTURE });
  });

  it('loads the fixture without warnings', () => {
    expect(security.warnings).toEqual([]);
    expect(
      security
        .all()
        .map((grant) => `${grant.kind}:${grant.name}`)
        .sort()
    ).toEqual([
      'permissionSet:Invoice_Auditor',
      'permissionSet:Invoice_Manager',
      'permissionSetGroup:Invoice_Team',
      'profile:Marketing User',
      'profile:Minimum Access - Salesforce',
      'profile:Read Only',
      'profile:Standard User',
      'profile:System Administrator'
    ]);
  });

  describe('standard profile baselines (Salesforce Help, "Standard Profiles")', () => {
    it('System Administrator may do everything', () => {
      const admin = security.accessFor({ profile: 'System Administrator' });
      expect(admin.object('Invoice__c')).toEqual({
        read: true,
        create: true,
        edit: true,
        delete: true,
        viewAll: true,
        modifyAll: true
      });
      expect(admin.field('Invoice__c', 'Status__c')).toEqual({ read: true, edit: true });
      // Calculated fields are never editable, whoever asks.
      expect(admin.field('Invoice__c', 'Total__c')).toEqual({ read: true, edit: false });
      expect(admin.canRunClass('AnyClass')).toBe(true);
      expect(admin.hasUserPermission('modifyalldata')).toBe(true);
      // a custom permission the org does not define is granted to nobody (see loadSecurity)
      expect(admin.hasCustomPermission('Anything')).toBe(false);
    });

    it('Standard User works with major standard objects, reads products, and gets nothing of custom objects', () => {
      const user = security.accessFor({ profile: 'standard user' });
      expect(user.object('Account')).toMatchObject({
        read: true,
        create: true,
        edit: true,
        delete: true,
        viewAll: false
      });
      expect(user.object('Order')).toMatchObject({ read: true, create: true, edit: true });
      expect(user.object('Case')).toMatchObject({ read: true, create: true, edit: true, delete: false });
      expect(user.object('Product2')).toMatchObject({ read: true, create: false, edit: false });
      expect(user.field('Account', 'Industry')).toEqual({ read: true, edit: true });
      expect(user.field('Account', 'Tier__c')).toEqual({ read: false, edit: false });
      expect(user.object('Invoice__c')).toEqual(NONE);
      expect(user.hasUserPermission('ViewAllData')).toBe(false);
      expect(user.hasUserPermission('EditActivatedOrders')).toBe(false);
      expect(user.canRunClass('InvoiceService')).toBe(false);
    });

    it('Marketing User is a Standard User who also manages campaigns', () => {
      const marketing = security.accessFor({ profile: 'Marketing User' });
      expect(marketing.object('Campaign')).toMatchObject({ read: true, create: true, edit: true });
      expect(security.accessFor({ profile: 'Standard User' }).object('Campaign')).toMatchObject({
        read: true,
        edit: false
      });
      expect(marketing.object('Account').edit).toBe(true);
    });

    it('hides the Data.com company fields of Account from standard profiles, not from administrators', () => {
      expect(security.accessFor({ profile: 'Marketing User' }).field('Account', 'Tradestyle')).toEqual({
        read: false,
        edit: false
      });
      expect(security.accessFor({ profile: 'Standard User' }).field('Account', 'TradeStyle').read).toBe(false);
      expect(security.accessFor({ profile: 'System Administrator' }).field('Account', 'Tradestyle').edit).toBe(true);
    });

    it("adds a project profile file's grants to the baseline of the same profile", () => {
      const user = security.accessFor({ profile: 'Standard User' });
      expect(user.object('InvoiceLine__c')).toMatchObject({ read: true, edit: false });
    });

    it('Minimum Access - Salesforce has no object access of its own', () => {
      const user = security.accessFor({ profile: 'Minimum Access - Salesforce' });
      expect(user.object('Account')).toEqual(NONE);
      expect(user.field('Account', 'Name')).toEqual({ read: false, edit: false });
    });

    it('lets every user query setup objects that have no object permissions (User, RecordType, PermissionSet)', () => {
      const user = security.accessFor({ profile: 'Minimum Access - Salesforce' });
      for (const object of ['User', 'RecordType', 'PermissionSet', 'PermissionSetAssignment', 'AsyncApexJob']) {
        expect(user.object(object)).toMatchObject({ read: true, create: false, edit: false, delete: false });
      }
      expect(user.field('User', 'Email')).toEqual({ read: true, edit: false });
    });

    it('lets every user work with files and attachments, whose access follows the parent record', () => {
      const user = security.accessFor({ profile: 'Minimum Access - Salesforce' });
      for (const object of ['ContentVersion', 'ContentDocument', 'ContentDocumentLink', 'Attachment']) {
        expect(user.object(object)).toMatchObject({ read: true, create: true, viewAll: false });
      }
      expect(user.field('ContentVersion', 'Title').read).toBe(true);
      expect(user.field('ContentVersion', 'ContentDocumentId')).toEqual({ read: true, edit: false });
      expect(user.field('Attachment', 'Body').read).toBe(true);
    });

    it('reads name fields (CaseNumber, OrderNumber) with the object: they have no field-level security', () => {
      const user = security.accessFor({ profile: 'Minimum Access - Salesforce', permissionSets: ['Invoice_Auditor'] });
      expect(user.field('Invoice__c', 'Name').read).toBe(true);
      expect(security.schema.field('Case', 'CaseNumber')?.permissionable).toBe(false);
      expect(security.schema.field('Order', 'OrderNumber')?.permissionable).toBe(false);
      expect(security.schema.field('Case', 'Subject')?.permissionable).toBe(true);
    });

    it('Read Only reads but never edits', () => {
      const user = security.accessFor({ profile: 'Read Only' });
      expect(user.object('Opportunity')).toMatchObject({ read: true, create: false, edit: false, delete: false });
      expect(user.field('Opportunity', 'Amount')).toEqual({ read: true, edit: false });
    });
  });

  describe("the project's permission sets (Metadata API, PermissionSet)", () => {
    it('adds object, field, class, user and custom permissions to the profile', () => {
      const user = security.accessFor({ profile: 'Minimum Access - Salesforce', permissionSets: ['invoice_manager'] });
      expect(user.object('Invoice__c')).toEqual({
        read: true,
        create: true,
        edit: true,
        delete: true,
        viewAll: false,
        modifyAll: false
      });
      expect(user.field('Invoice__c', 'Status__c')).toEqual({ read: true, edit: true });
      expect(user.field('Invoice__c', 'Reference__c')).toEqual({ read: true, edit: false });
      expect(user.field('Invoice__c', 'Tags__c')).toEqual({ read: false, edit: false });
      // Required fields have no field-level security: they follow the object.
      expect(user.field('Invoice__c', 'Amount__c')).toEqual({ read: true, edit: true });
      expect(user.field('Invoice__c', 'Name')).toEqual({ read: true, edit: false });
      expect(user.field('Account', 'Tier__c')).toEqual({ read: true, edit: true });
      // A grant on a compound address covers its parts (Help, "Address Compound Fields").
      expect(user.field('Account', 'BillingCity')).toEqual({ read: true, edit: true });
      expect(user.field('Account', 'ShippingCity')).toEqual({ read: false, edit: false });
      expect(user.object('Account')).toMatchObject({ read: true, create: false, edit: true });
      expect(user.canRunClass('invoiceservice')).toBe(true);
      expect(user.canRunClass('DisabledService')).toBe(false);
      expect(user.hasUserPermission('EditActivatedOrders')).toBe(true);
      expect(user.hasCustomPermission('Approve_Invoices')).toBe(true);
      expect(user.unknownGrants).toEqual([]);
    });

    it('implies lower object permissions from higher ones (View All implies Read)', () => {
      const user = security.accessFor({ profile: 'Minimum Access - Salesforce', permissionSets: ['Invoice_Auditor'] });
      expect(user.object('Invoice__c')).toMatchObject({ read: true, viewAll: true, edit: false });
      expect(user.field('Invoice__c', 'Tags__c')).toEqual({ read: true, edit: false });
    });

    it('unions several permission sets', () => {
      const user = security.accessFor({
        profile: 'Minimum Access - Salesforce',
        permissionSets: ['Invoice_Manager', 'Invoice_Auditor']
      });
      expect(user.object('Invoice__c')).toMatchObject({ read: true, create: true, viewAll: true });
      expect(user.field('Invoice__c', 'Tags__c').read).toBe(true);
    });

    it('flattens permission set groups and applies their muting permission set', () => {
      const user = security.accessFor({
        profile: 'Minimum Access - Salesforce',
        permissionSetGroups: ['Invoice_Team']
      });
      expect(user.object('Invoice__c')).toMatchObject({
        read: true,
        create: true,
        edit: true,
        delete: false,
        viewAll: true
      });
      expect(user.hasUserPermission('EditActivatedOrders')).toBe(false);
      expect(user.canRunClass('InvoiceService')).toBe(true);
    });

    it('opens custom metadata types only with explicit access or Customize Application', () => {
      const plain = security.accessFor({ profile: 'Standard User' });
      expect(plain.object('Routing__mdt').read).toBe(false);
      const granted = security.accessFor({ profile: 'Standard User', permissionSets: ['Invoice_Manager'] });
      expect(granted.object('Routing__mdt')).toMatchObject({ read: true, create: false, edit: false });
      expect(granted.field('Routing__mdt', 'Queue__c')).toEqual({ read: true, edit: false });
      expect(security.accessFor({ profile: 'System Administrator' }).object('Routing__mdt').read).toBe(true);
    });

    it('answers for permission sets a test created as records, before the metadata of the same name', () => {
      const created = grantsFromRecords({
        name: 'CloneLimited',
        userPermissions: { PermissionsEditActivatedOrders: true, PermissionsViewAllData: false },
        objects: [{ sobjectType: 'Invoice__c', read: true, create: true }],
        fields: [
          { field: 'Invoice__c.Status__c', read: true, edit: true },
          { field: 'Invoice__c.Reference__c', read: true, edit: false }
        ],
        classes: ['InvoiceService']
      });
      const user = security.accessFor({ profile: 'Standard User', permissionSets: ['clonelimited'] }, [created]);
      expect(user.unknownGrants).toEqual([]);
      expect(user.object('Invoice__c')).toMatchObject({ read: true, create: true, edit: false, delete: false });
      expect(user.field('Invoice__c', 'Status__c')).toEqual({ read: true, edit: true });
      expect(user.field('Invoice__c', 'Reference__c')).toEqual({ read: true, edit: false });
      expect(user.field('Invoice__c', 'Tags__c').read).toBe(false);
      expect(user.hasUserPermission('EditActivatedOrders')).toBe(true);
      expect(user.hasUserPermission('ViewAllData')).toBe(false);
      expect(user.canRunClass('InvoiceService')).toBe(true);
      const shadowing = grantsFromRecords({ name: 'Invoice_Manager' });
      const shadowed = security.accessFor({ profile: 'Standard User', permissionSets: ['Invoice_Manager'] }, [
        shadowing
      ]);
      expect(shadowed.object('Invoice__c').read).toBe(false);
    });

    it('answers for a permission set group whose components a test added', () => {
      const manager = security.grant('Invoice_Manager');
      const auditor = security.grant('Invoice_Auditor');
      expect(manager && auditor).toBeTruthy();
      const group = groupOfPermissionSets(
        'Invoice_Team',
        [manager, auditor].filter((grants) => grants !== undefined)
      );
      const user = security.accessFor(
        { profile: 'Minimum Access - Salesforce', permissionSetGroups: ['Invoice_Team'] },
        [group]
      );
      // Without the metadata's muting permission set: delete stays granted.
      expect(user.object('Invoice__c')).toMatchObject({ read: true, delete: true, viewAll: true });
      expect(group.members).toEqual(['Invoice_Manager', 'Invoice_Auditor']);
    });

    it('reports grants it does not know', () => {
      const user = security.accessFor({ profile: 'Custom Profile', permissionSets: ['Nope'] });
      expect(user.unknownGrants).toEqual(['Custom Profile', 'Nope']);
      expect(user.object('Account')).toEqual(NONE);
    });
  });

  it("answers what this project's Apex tests ask of its permission sets", () => {
    const project = loadSecurity(loadSchema({ root: PROJECT_ROOT }), { root: PROJECT_ROOT });
    expect(project.warnings).toEqual([]);
    const integration = project.accessFor({
      profile: 'Minimum Access - Salesforce',
      permissionSets: ['Portal_Integration']
    });
    expect(integration.hasUserPermission('EditActivatedOrders')).toBe(true);
    expect(integration.object('Order').read).toBe(true);
    const admin = project.accessFor({ profile: 'Standard User', permissionSets: ['Subscription_Admin'] });
    expect(admin.object('Subscription__c')).toMatchObject({ read: true, create: true, edit: true });
    expect(project.accessFor({ profile: 'Standard User' }).object('Subscription__c').read).toBe(false);
  });

  (existsSync(APEX_RECIPES) ? it : it.skip)(
    'loads the permission sets and group of ../shared/peers/apex-recipes',
    () => {
      const recipes = loadSecurity(loadSchema({ root: APEX_RECIPES }), { root: APEX_RECIPES });
      expect(recipes.warnings).toEqual([]);
      const reader = recipes.accessFor({
        profile: 'Minimum Access - Salesforce',
        permissionSets: ['Provides_Read_Access_to_Contact_and_Contact_Name_field']
      });
      expect(reader.object('Contact').read).toBe(true);
      expect(reader.object('Contact').create).toBe(false);
      // A grant on the compound ShippingAddress covers its parts.
      const shipping = recipes.accessFor({
        profile: 'Minimum Access - Salesforce',
        permissionSets: ['Provides_Edit_Access_to_Accounts_Except_ShippingStreet']
      });
      expect(shipping.field('Account', 'ShippingStreet')).toEqual({ read: true, edit: true });
      expect(shipping.field('Account', 'BillingStreet').read).toBe(false);
      expect(recipes.grant('Permission_Set_Group_for_testing')?.kind).toBe('permissionSetGroup');
    }
  );
});

describe('setup records of the permission model (Object Reference: PermissionSet, ObjectPermissions, ...)', () => {
  let security: SecurityModel;
  beforeAll(() => {
    security = loadSecurity(loadSchema({ root: FIXTURE }), { root: FIXTURE });
  });

  const byKey = (): Map<string, SetupRecord> =>
    new Map(permissionRecords(security).map((record) => [record.key, record]));

  it('describes each permission set with its user permissions as Permissions* checkboxes', () => {
    const manager = byKey().get('PermissionSet:invoice_manager');
    expect(manager?.fields).toMatchObject({
      Name: 'Invoice_Manager',
      Label: 'Invoice Manager',
      IsOwnedByProfile: false,
      PermissionsEditActivatedOrders: true,
      PermissionsModifyAllData: false
    });
  });

  it('gives each profile a profile-owned permission set', () => {
    const records = byKey();
    expect(records.get('Profile:standard user')?.fields).toMatchObject({ Name: 'Standard User' });
    expect(records.get('PermissionSet:profile:standard user')).toMatchObject({
      fields: { IsOwnedByProfile: true },
      references: { ProfileId: 'Profile:standard user' }
    });
  });

  it('lists object, field and class access rows under their permission set', () => {
    const records = byKey();
    expect(records.get('ObjectPermissions:PermissionSet:invoice_manager:invoice__c')).toMatchObject({
      fields: {
        SobjectType: 'Invoice__c',
        PermissionsRead: true,
        PermissionsDelete: true,
        PermissionsViewAllRecords: false
      },
      references: { ParentId: 'PermissionSet:invoice_manager' }
    });
    expect(records.get('FieldPermissions:PermissionSet:invoice_manager:invoice__c.status__c')?.fields).toEqual({
      SobjectType: 'Invoice__c',
      Field: 'Invoice__c.Status__c',
      PermissionsRead: true,
      PermissionsEdit: true
    });
    expect(records.get('SetupEntityAccess:PermissionSet:invoice_manager:ApexClass:invoiceservice')).toMatchObject({
      fields: { SetupEntityType: 'ApexClass' },
      references: { SetupEntityId: 'ApexClass:invoiceservice' }
    });
    expect([...records.keys()].some((key) => key.includes('disabledservice'))).toBe(false);
  });

  it('lists a group with its components and aggregate permission set', () => {
    const records = byKey();
    expect(records.get('PermissionSetGroup:invoice_team')?.fields).toMatchObject({ DeveloperName: 'Invoice_Team' });
    expect(records.get('PermissionSetGroupComponent:invoice_team:invoice_auditor')?.references).toEqual({
      PermissionSetGroupId: 'PermissionSetGroup:invoice_team',
      PermissionSetId: 'PermissionSet:invoice_auditor'
    });
    expect(records.get('PermissionSet:group:invoice_team')?.fields).toMatchObject({ Type: 'Group' });
  });

  it('only references records it lists, or ApexClass/CustomPermission records the runtime creates', () => {
    const records = byKey();
    for (const record of records.values()) {
      for (const target of Object.values(record.references)) {
        expect(records.has(target) || /^(ApexClass|CustomPermission):/.test(target)).toBe(true);
      }
    }
  });
});
