import { FieldKind, SchemaField } from './standard-schema';

/**
 * Maintained lists for what the apex-ls jar cannot hold: the fields the platform adds to objects a project defines,
 * and a few facts about standard fields. Each entry is documented in docs/quality-gate/cross-references.md.
 */

type FieldSpec = readonly [name: string, target?: string, kind?: FieldKind];

const reference = (name: string, target: string): FieldSpec => [name, target, 'reference'];
const children = (name: string, target: string): FieldSpec => [name, target, 'children'];

/** Fields every custom object has (apex-ls `SObjectDeployer.standardCustomObjectFields`, plus SystemModstamp). */
const CUSTOM_OBJECT_FIELDS: FieldSpec[] = [
  ['Id'],
  ['Name'],
  ['RecordTypeId'],
  reference('RecordType', 'RecordType'),
  ['CurrencyIsoCode'],
  ['CreatedById'],
  reference('CreatedBy', 'User'),
  ['CreatedDate'],
  ['LastModifiedById'],
  reference('LastModifiedBy', 'User'),
  ['LastModifiedDate'],
  ['LastReferencedDate'],
  ['LastViewedDate'],
  ['LastActivityDate'],
  ['IsDeleted'],
  ['SystemModstamp']
];

/** A custom object's owner: User or Group, so SOQL reaches only the `Name` fields (no owner on detail objects). */
const OWNER_FIELDS: FieldSpec[] = [['OwnerId'], reference('Owner', 'Name')];

/** Hierarchy custom settings are owned by the org, a profile or a user. */
const HIERARCHY_SETTING_FIELDS: FieldSpec[] = [['SetupOwnerId'], reference('SetupOwner', 'Name')];

/**
 * Custom metadata types (apex-ls `standardCustomMetadataFields`, plus Id, SystemModstamp and the audit fields that
 * the default CMDT page layout shows).
 */
const CUSTOM_METADATA_FIELDS: FieldSpec[] = [
  ['Id'],
  ['CreatedById'],
  reference('CreatedBy', 'User'),
  ['CreatedDate'],
  ['LastModifiedById'],
  reference('LastModifiedBy', 'User'),
  ['LastModifiedDate'],
  ['DeveloperName'],
  ['MasterLabel'],
  ['Label'],
  ['Language'],
  ['NamespacePrefix'],
  ['QualifiedApiName'],
  ['IsProtected'],
  ['SystemModstamp']
];

/** Platform events (apex-ls `standardPlatformEventFields`). */
const PLATFORM_EVENT_FIELDS: FieldSpec[] = [
  ['ReplayId'],
  ['EventUuid'],
  ['CreatedById'],
  reference('CreatedBy', 'User'),
  ['CreatedDate']
];

/** Big objects and external objects: only the system fields every one of them has. */
const BIG_OBJECT_FIELDS: FieldSpec[] = [
  ['Id'],
  ['CreatedById'],
  reference('CreatedBy', 'User'),
  ['CreatedDate'],
  ['SystemModstamp']
];
const EXTERNAL_OBJECT_FIELDS: FieldSpec[] = [['Id'], ['ExternalId'], ['DisplayUrl']];

/**
 * Child relationships a custom object offers to sub-queries: apex-ls adds Tasks, Notes, NotesAndAttachments,
 * Attachments, ContentDocumentLinks and ProcessSteps; the others follow the same standard child objects.
 */
const CUSTOM_OBJECT_CHILDREN: FieldSpec[] = [
  children('Tasks', 'Task'),
  children('Events', 'Event'),
  children('Notes', 'Note'),
  children('NotesAndAttachments', 'NoteAndAttachment'),
  children('Attachments', 'Attachment'),
  children('ContentDocumentLinks', 'ContentDocumentLink'),
  children('ProcessSteps', 'ProcessInstanceHistory'),
  children('ProcessInstances', 'ProcessInstance'),
  children('OpenActivities', 'OpenActivity'),
  children('ActivityHistories', 'ActivityHistory'),
  children('CombinedAttachments', 'CombinedAttachment'),
  children('AttachedContentDocuments', 'AttachedContentDocument'),
  children('TopicAssignments', 'TopicAssignment'),
  children('FeedSubscriptionsForEntity', 'EntitySubscription')
];

/** `X__Share` (apex-ls `shareFields`). */
const SHARE_FIELDS: FieldSpec[] = [
  ['Id'],
  ['ParentId'],
  ['UserOrGroupId'],
  reference('UserOrGroup', 'Name'),
  ['AccessLevel'],
  ['RowCause'],
  ['LastModifiedById'],
  reference('LastModifiedBy', 'User'),
  ['LastModifiedDate'],
  ['IsDeleted']
];

/** `X__History` (apex-ls `historyFields`). */
const HISTORY_FIELDS: FieldSpec[] = [
  ['Id'],
  ['ParentId'],
  ['CreatedById'],
  reference('CreatedBy', 'User'),
  ['CreatedDate'],
  ['Field'],
  ['DataType'],
  ['OldValue'],
  ['NewValue'],
  ['IsDeleted']
];

/** What the platform adds to an object the project defines, by the object's kind. */
export type ProjectObjectKind =
  'customObject' | 'customSetting' | 'customMetadata' | 'platformEvent' | 'bigObject' | 'externalObject';

export interface ImpliedFieldOptions {
  kind: ProjectObjectKind;
  /** Detail objects of a master-detail relationship have no owner. */
  hasMaster: boolean;
  hierarchySetting: boolean;
}

export function impliedFields(options: ImpliedFieldOptions): SchemaField[] {
  const specs: FieldSpec[] = [];
  switch (options.kind) {
    case 'customObject':
      specs.push(...CUSTOM_OBJECT_FIELDS, ...(options.hasMaster ? [] : OWNER_FIELDS), ...CUSTOM_OBJECT_CHILDREN);
      break;
    case 'customSetting':
      specs.push(...CUSTOM_OBJECT_FIELDS, ...(options.hierarchySetting ? HIERARCHY_SETTING_FIELDS : []));
      break;
    case 'customMetadata':
      specs.push(...CUSTOM_METADATA_FIELDS);
      break;
    case 'platformEvent':
      specs.push(...PLATFORM_EVENT_FIELDS);
      break;
    case 'bigObject':
      specs.push(...BIG_OBJECT_FIELDS);
      break;
    case 'externalObject':
      specs.push(...EXTERNAL_OBJECT_FIELDS);
      break;
  }
  return specs.map(toField);
}

/** The fields of `X__Share` / `X__History` for a custom object X__c; `Parent` points back to it. */
export function derivedObjectFields(suffix: 'Share' | 'History', parent: string): SchemaField[] {
  const specs = suffix === 'Share' ? SHARE_FIELDS : HISTORY_FIELDS;
  return [...specs.map(toField), { name: 'Parent', kind: 'reference', targets: [parent] }];
}

function toField([name, target, kind]: FieldSpec): SchemaField {
  return target && kind ? { name, kind, targets: [target] } : { name, kind: 'value', targets: [] };
}

/**
 * Standard fields that are required in every org. The jar has no nillability, so this short list stands in for it:
 * the Metadata API rejects field permissions on them (see docs/quality-gate/cross-references.md).
 */
export const REQUIRED_STANDARD_FIELDS: ReadonlySet<string> = new Set(
  [
    'Account.Name',
    'Contact.LastName',
    'Lead.LastName',
    'Lead.Company',
    'Lead.Status',
    'Opportunity.Name',
    'Opportunity.StageName',
    'Opportunity.CloseDate',
    'Order.Status',
    'Order.EffectiveDate',
    'Product2.Name',
    'Campaign.Name'
  ].map((name) => name.toLowerCase())
);

/**
 * Standard picklist fields and the StandardValueSet that holds their values, for the pairs this project may define
 * under `standardValueSets/` (Metadata API StandardValueSet names).
 */
export const STANDARD_VALUE_SET_OF_FIELD: ReadonlyMap<string, string> = new Map(
  [
    ['Account.AccountSource', 'AccountSource'],
    ['Account.Industry', 'Industry'],
    ['Account.Type', 'AccountType'],
    ['Case.Origin', 'CaseOrigin'],
    ['Case.Priority', 'CasePriority'],
    ['Case.Reason', 'CaseReason'],
    ['Case.Status', 'CaseStatus'],
    ['Case.Type', 'CaseType'],
    ['Contact.LeadSource', 'LeadSource'],
    ['Contract.Status', 'ContractStatus'],
    ['Lead.Industry', 'Industry'],
    ['Lead.LeadSource', 'LeadSource'],
    ['Lead.Status', 'LeadStatus'],
    ['Opportunity.ForecastCategoryName', 'OpportunityForecastCategory'],
    ['Opportunity.LeadSource', 'LeadSource'],
    ['Opportunity.StageName', 'OpportunityStage'],
    ['Opportunity.Type', 'OpportunityType'],
    ['Order.Status', 'OrderStatus'],
    ['Order.Type', 'OrderType'],
    ['Product2.Family', 'Product2Family']
  ].map(([field, valueSet]) => [field.toLowerCase(), valueSet])
);
