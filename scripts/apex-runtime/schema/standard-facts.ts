import { DisplayType, SharingModel } from './types';

/**
 * What the apex-ls jar does not hold about standard objects: key prefixes, nillability, defaults, picklist values,
 * read-only fields and org-wide defaults. Sources, unless a line says otherwise:
 * - SOAP API Developer Guide, "Object Reference" (field properties Create/Update/Nillable/Defaulted on create, and
 *   picklist values of a new org) - https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/
 * - Key prefixes: Salesforce Help, "Standard Field Record ID Prefix Decoder" (knowledge article 000325244).
 * - Org-wide defaults of a new org: Salesforce Help, "Default Organization-Wide Sharing Settings".
 */
export interface StandardObjectFacts {
  keyPrefix: string;
  /** Field that is the record's name when it is not `Name` (`CaseNumber`, `Subject`); `null` for none. */
  nameField?: string | null;
  sharingModel?: SharingModel;
  /** The object cannot be inserted/updated/deleted through DML (setup or system objects). */
  readOnly?: boolean;
  /** Not nillable and not defaulted: insert without them fails with REQUIRED_FIELD_MISSING. */
  required?: string[];
  /** Constant defaults applied on create when the field is null. */
  defaults?: Record<string, string | number | boolean>;
  /** Fields the platform computes (auto numbers, roll-ups, derived values): never createable or updateable. */
  computed?: string[];
  /** Fields settable on create only (the parent of a detail line, for example). */
  createOnly?: string[];
  /**
   * System-generated auto-number fields with their display format (Object Reference lists them with the
   * "Autonumber" property): read-only, numbered on create.
   */
  autoNumbers?: Record<string, string>;
  picklists?: Record<string, PicklistFacts>;
  /** Display types that the Apex type alone does not reveal. */
  types?: Record<string, DisplayType>;
  lengths?: Record<string, number>;
  /** Child relationship name -> the child's reference field, where the child has several references to the parent. */
  childFields?: Record<string, string>;
  /** Child relationships the jar does not list (`EntityDefinition.Fields`), as name -> child object and field. */
  extraChildren?: Record<string, { childSObject: string; field: string }>;
  /** Polymorphic reference fields and the objects they may point to (when the jar types them as `Name`/`SObject`). */
  referenceTargets?: Record<string, string[]>;
}

export interface PicklistFacts {
  values: string[];
  default?: string;
  restricted?: boolean;
  /** Status category per value (Order, Contract): SOAP API Object Reference, Order.StatusCode. */
  categories?: Record<string, string>;
}

/** Audit and system fields of every object: set by the platform, never by DML (Object Reference, "System Fields"). */
export const SYSTEM_FIELDS = [
  'Id',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'IsDeleted',
  'LastViewedDate',
  'LastReferencedDate',
  'LastActivityDate',
  'MasterRecordId',
  'IsArchived'
];

/** Display types by field name, for standard String/Decimal fields whose Apex type does not say it. */
export const TYPE_BY_FIELD_NAME: Record<string, DisplayType> = {
  Email: 'EMAIL',
  Phone: 'PHONE',
  Fax: 'PHONE',
  MobilePhone: 'PHONE',
  HomePhone: 'PHONE',
  OtherPhone: 'PHONE',
  AssistantPhone: 'PHONE',
  Website: 'URL',
  Description: 'TEXTAREA',
  Amount: 'CURRENCY',
  AnnualRevenue: 'CURRENCY',
  ExpectedRevenue: 'CURRENCY',
  UnitPrice: 'CURRENCY',
  ListPrice: 'CURRENCY',
  TotalPrice: 'CURRENCY',
  TotalAmount: 'CURRENCY',
  Subtotal: 'CURRENCY',
  Price: 'CURRENCY',
  Probability: 'PERCENT',
  Type: 'PICKLIST',
  Status: 'PICKLIST',
  StageName: 'PICKLIST',
  Industry: 'PICKLIST',
  Rating: 'PICKLIST',
  Priority: 'PICKLIST',
  Origin: 'PICKLIST',
  Reason: 'PICKLIST',
  LeadSource: 'PICKLIST',
  AccountSource: 'PICKLIST',
  Salutation: 'PICKLIST',
  Family: 'PICKLIST',
  ForecastCategoryName: 'PICKLIST',
  Ownership: 'PICKLIST',
  TimeZoneSidKey: 'PICKLIST',
  LocaleSidKey: 'PICKLIST',
  EmailEncodingKey: 'PICKLIST',
  LanguageLocaleKey: 'PICKLIST',
  ShareType: 'PICKLIST',
  Visibility: 'PICKLIST',
  StatusCode: 'PICKLIST',
  CurrencyIsoCode: 'PICKLIST'
};

const OWNER_TARGETS = ['User', 'Group'];

/** Facts by object API name. Objects of the jar not listed get a generated key prefix and no extra rules. */
export const STANDARD_OBJECT_FACTS: Record<string, StandardObjectFacts> = {
  Account: {
    keyPrefix: '001',
    sharingModel: 'ReadWrite',
    required: ['Name'],
    picklists: {
      Type: {
        values: [
          'Prospect',
          'Customer - Direct',
          'Customer - Channel',
          'Channel Partner / Reseller',
          'Installation Partner',
          'Technology Partner',
          'Other'
        ]
      },
      Rating: { values: ['Hot', 'Warm', 'Cold'] },
      Ownership: { values: ['Public', 'Private', 'Subsidiary', 'Other'] }
    },
    childFields: { ChildAccounts: 'ParentId' }
  },
  Contact: {
    keyPrefix: '003',
    sharingModel: 'ControlledByParent',
    required: ['LastName'],
    computed: ['Name'],
    lengths: { LastName: 80, FirstName: 40 },
    picklists: { Salutation: { values: ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.'] } },
    childFields: { ReportsTo: 'ReportsToId' }
  },
  Lead: {
    keyPrefix: '00Q',
    sharingModel: 'ReadWriteTransfer',
    required: ['LastName', 'Company'],
    computed: [
      'Name',
      'IsConverted',
      'ConvertedAccountId',
      'ConvertedContactId',
      'ConvertedOpportunityId',
      'ConvertedDate'
    ],
    lengths: { LastName: 80, FirstName: 40 },
    defaults: { Status: 'Open - Not Contacted' },
    picklists: {
      Status: {
        values: ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'],
        default: 'Open - Not Contacted'
      }
    },
    referenceTargets: { OwnerId: OWNER_TARGETS }
  },
  Opportunity: {
    keyPrefix: '006',
    sharingModel: 'ReadWrite',
    required: ['Name', 'StageName', 'CloseDate'],
    computed: ['IsClosed', 'IsWon', 'ExpectedRevenue', 'HasOpportunityLineItem', 'HasOpenActivity', 'HasOverdueTask'],
    lengths: { Name: 120 },
    picklists: {
      StageName: {
        values: [
          'Prospecting',
          'Qualification',
          'Needs Analysis',
          'Value Proposition',
          'Id. Decision Makers',
          'Perception Analysis',
          'Proposal/Price Quote',
          'Negotiation/Review',
          'Closed Won',
          'Closed Lost'
        ]
      },
      Type: {
        values: [
          'Existing Customer - Upgrade',
          'Existing Customer - Replacement',
          'Existing Customer - Downgrade',
          'New Customer'
        ]
      },
      ForecastCategoryName: { values: ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'] }
    }
  },
  OpportunityLineItem: {
    keyPrefix: '00k',
    sharingModel: 'ControlledByParent',
    required: ['OpportunityId', 'Quantity'],
    createOnly: ['OpportunityId', 'PricebookEntryId', 'Product2Id'],
    computed: ['ListPrice', 'ProductCode', 'Name', 'Subtotal']
  },
  Case: {
    keyPrefix: '500',
    nameField: 'CaseNumber',
    // Object Reference, "Case": CaseNumber has the properties Autonumber, Defaulted on create
    autoNumbers: { CaseNumber: '{00000000}' },
    sharingModel: 'ReadWriteTransfer',
    computed: ['IsClosed', 'ClosedDate', 'IsEscalated'],
    defaults: { Status: 'New', Priority: 'Medium' },
    picklists: {
      Status: { values: ['New', 'Working', 'Escalated', 'Closed'], default: 'New' },
      Priority: { values: ['High', 'Medium', 'Low'], default: 'Medium' },
      Origin: { values: ['Phone', 'Email', 'Web'] },
      Type: { values: ['Mechanical', 'Electrical', 'Electronic', 'Structural', 'Other'] },
      Reason: {
        values: [
          'Installation',
          'Equipment Complexity',
          'Performance',
          'Breakdown',
          'Equipment Design',
          'Feedback',
          'Other'
        ]
      }
    },
    referenceTargets: { OwnerId: OWNER_TARGETS }
  },
  Product2: {
    keyPrefix: '01t',
    sharingModel: 'ReadWrite',
    required: ['Name'],
    defaults: { IsActive: false },
    computed: ['IsArchived']
  },
  Pricebook2: {
    keyPrefix: '01s',
    sharingModel: 'ReadSelect',
    required: ['Name'],
    defaults: { IsActive: false },
    computed: ['IsStandard', 'IsArchived']
  },
  PricebookEntry: {
    keyPrefix: '01u',
    nameField: 'Name',
    sharingModel: 'ReadSelect',
    required: ['Pricebook2Id', 'Product2Id', 'UnitPrice'],
    defaults: { IsActive: false, UseStandardPrice: false },
    createOnly: ['Pricebook2Id', 'Product2Id', 'CurrencyIsoCode'],
    computed: ['Name', 'ProductCode', 'IsArchived']
  },
  Order: {
    keyPrefix: '801',
    nameField: 'OrderNumber',
    // Object Reference, "Order": OrderNumber has the properties Autonumber, Defaulted on create
    autoNumbers: { OrderNumber: '{00000000}' },
    sharingModel: 'ControlledByParent',
    required: ['AccountId', 'EffectiveDate'],
    defaults: { Status: 'Draft' },
    computed: ['TotalAmount', 'StatusCode', 'ActivatedDate', 'ActivatedById', 'IsReductionOrder'],
    picklists: {
      Status: {
        values: ['Draft', 'Activated'],
        default: 'Draft',
        categories: { Draft: 'Draft', Activated: 'Activated' }
      }
    },
    referenceTargets: { OwnerId: OWNER_TARGETS }
  },
  OrderItem: {
    keyPrefix: '802',
    nameField: 'OrderItemNumber',
    // Object Reference, "OrderItem": OrderItemNumber has the properties Autonumber, Defaulted on create
    autoNumbers: { OrderItemNumber: '{00000000}' },
    sharingModel: 'ControlledByParent',
    required: ['OrderId', 'PricebookEntryId', 'Quantity', 'UnitPrice'],
    createOnly: ['OrderId', 'PricebookEntryId', 'Product2Id'],
    computed: ['TotalPrice', 'ListPrice', 'AvailableQuantity']
  },
  Contract: {
    keyPrefix: '800',
    nameField: 'ContractNumber',
    // Object Reference, "Contract": ContractNumber has the properties Autonumber, Defaulted on create
    autoNumbers: { ContractNumber: '{00000000}' },
    sharingModel: 'ControlledByParent',
    required: ['AccountId'],
    defaults: { Status: 'Draft' },
    computed: ['EndDate', 'StatusCode', 'ActivatedDate', 'ActivatedById'],
    picklists: {
      Status: {
        values: ['Draft', 'In Approval Process', 'Activated'],
        default: 'Draft',
        categories: { Draft: 'Draft', 'In Approval Process': 'Draft', Activated: 'Activated' }
      }
    }
  },
  Asset: { keyPrefix: '02i', sharingModel: 'ControlledByParent', required: ['Name'] },
  Campaign: { keyPrefix: '701', required: ['Name'] },
  CampaignMember: { keyPrefix: '00v', nameField: null, required: ['CampaignId'] },
  Task: {
    keyPrefix: '00T',
    nameField: 'Subject',
    sharingModel: 'ControlledByParent',
    defaults: { Status: 'Not Started', Priority: 'Normal' },
    computed: ['IsClosed', 'IsHighPriority'],
    types: { Subject: 'COMBOBOX' },
    picklists: {
      Status: {
        values: ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
        default: 'Not Started'
      },
      Priority: { values: ['High', 'Normal', 'Low'], default: 'Normal' }
    },
    referenceTargets: { OwnerId: OWNER_TARGETS }
  },
  Event: {
    keyPrefix: '00U',
    nameField: 'Subject',
    sharingModel: 'ControlledByParent',
    types: { Subject: 'COMBOBOX' }
  },
  User: {
    keyPrefix: '005',
    sharingModel: 'Read',
    required: [
      'Username',
      'LastName',
      'Email',
      'Alias',
      'TimeZoneSidKey',
      'LocaleSidKey',
      'EmailEncodingKey',
      'ProfileId',
      'LanguageLocaleKey'
    ],
    defaults: { IsActive: true },
    computed: ['Name'],
    lengths: { Username: 80, LastName: 80, FirstName: 40, Alias: 8, CommunityNickname: 40 }
  },
  UserRole: { keyPrefix: '00E', readOnly: false, required: ['Name'] },
  Profile: { keyPrefix: '00e', readOnly: true },
  PermissionSet: { keyPrefix: '0PS', required: ['Name', 'Label'] },
  PermissionSetAssignment: {
    keyPrefix: '0Pa',
    nameField: null,
    required: ['AssigneeId', 'PermissionSetId'],
    createOnly: ['AssigneeId', 'PermissionSetId']
  },
  PermissionSetGroup: { keyPrefix: '0PG', nameField: 'DeveloperName', required: ['DeveloperName', 'MasterLabel'] },
  PermissionSetLicense: { keyPrefix: '0PL', readOnly: true, nameField: 'DeveloperName' },
  PermissionSetLicenseAssign: { keyPrefix: '2LA', nameField: null },
  CustomPermission: { keyPrefix: '0CP', readOnly: true, nameField: 'DeveloperName' },
  SetupEntityAccess: { keyPrefix: '0J0', nameField: null },
  ObjectPermissions: { keyPrefix: '110', nameField: null },
  FieldPermissions: { keyPrefix: '01k', nameField: null },
  Group: {
    keyPrefix: '00G',
    required: ['Name'],
    defaults: { Type: 'Regular' },
    picklists: {
      Type: { values: ['Regular', 'Queue', 'Role', 'RoleAndSubordinates', 'Organization'], default: 'Regular' }
    }
  },
  GroupMember: {
    keyPrefix: '011',
    nameField: null,
    required: ['GroupId', 'UserOrGroupId'],
    createOnly: ['GroupId', 'UserOrGroupId']
  },
  QueueSobject: { keyPrefix: '03g', nameField: null, required: ['QueueId', 'SobjectType'] },
  ContentVersion: {
    keyPrefix: '068',
    nameField: 'Title',
    computed: [
      'ContentDocumentId',
      'ContentSize',
      'FileExtension',
      'FileType',
      'IsLatest',
      'VersionNumber',
      'Checksum'
    ],
    createOnly: ['PathOnClient', 'VersionData', 'FirstPublishLocationId', 'ContentLocation'],
    // "S": the file is stored in Salesforce (Object Reference, ContentVersion.ContentLocation).
    defaults: { ContentLocation: 'S' },
    picklists: { ContentLocation: { values: ['S', 'E', 'L'], default: 'S' } }
  },
  ContentDocument: {
    keyPrefix: '069',
    nameField: 'Title',
    computed: ['LatestPublishedVersionId', 'FileType', 'FileExtension', 'ContentSize']
  },
  ContentDocumentLink: {
    keyPrefix: '06A',
    nameField: null,
    required: ['ContentDocumentId', 'LinkedEntityId'],
    createOnly: ['ContentDocumentId', 'LinkedEntityId'],
    defaults: { ShareType: 'V', Visibility: 'AllUsers' },
    picklists: {
      ShareType: { values: ['V', 'C', 'I'], default: 'V', restricted: true },
      Visibility: { values: ['AllUsers', 'InternalUsers', 'SharedUsers'], default: 'AllUsers', restricted: true }
    }
  },
  ContentWorkspace: { keyPrefix: '058' },
  AsyncApexJob: { keyPrefix: '707', nameField: null, readOnly: true },
  CronTrigger: { keyPrefix: '08e', nameField: null, readOnly: true },
  CronJobDetail: { keyPrefix: '08a', readOnly: true },
  ApexClass: { keyPrefix: '01p', readOnly: true },
  ApexTrigger: { keyPrefix: '01q', readOnly: true },
  ApexPage: { keyPrefix: '066', readOnly: true },
  RecordType: { keyPrefix: '012', readOnly: true },
  Organization: { keyPrefix: '00D', readOnly: true },
  BusinessHours: { keyPrefix: '01m', readOnly: true },
  EmailMessage: { keyPrefix: '02s', nameField: 'Subject' },
  EmailTemplate: { keyPrefix: '00X' },
  OrgWideEmailAddress: { keyPrefix: '0D2', nameField: 'DisplayName' },
  Attachment: { keyPrefix: '00P', required: ['Name', 'Body', 'ParentId'], createOnly: ['ParentId'] },
  Note: { keyPrefix: '002', nameField: 'Title', required: ['Title', 'ParentId'], createOnly: ['ParentId'] },
  Document: { keyPrefix: '015', required: ['Name', 'FolderId'] },
  Folder: { keyPrefix: '00l', readOnly: true },
  FeedItem: { keyPrefix: '0D5', nameField: null, required: ['ParentId'], createOnly: ['ParentId'] },
  FeedComment: { keyPrefix: '0D7', nameField: null, required: ['FeedItemId', 'CommentBody'] },
  CaseComment: { keyPrefix: '00a', nameField: null, required: ['ParentId'] },
  OpportunityContactRole: { keyPrefix: '00K', nameField: null, required: ['OpportunityId', 'ContactId'] },
  AccountContactRelation: { keyPrefix: '07k', nameField: null },
  AccountTeamMember: { keyPrefix: '01M', nameField: null, required: ['AccountId', 'UserId'] },
  OpportunityTeamMember: { keyPrefix: '00q', nameField: null, required: ['OpportunityId', 'UserId'] },
  Quote: { keyPrefix: '0Q0', required: ['Name', 'OpportunityId'] },
  QuoteLineItem: {
    keyPrefix: '0QL',
    nameField: 'LineNumber',
    required: ['QuoteId', 'PricebookEntryId', 'Quantity', 'UnitPrice']
  },
  Entitlement: { keyPrefix: '550', required: ['Name', 'AccountId'] },
  Solution: { keyPrefix: '501', nameField: 'SolutionName' },
  Idea: { keyPrefix: '087', nameField: 'Title' },
  Topic: { keyPrefix: '0TO' },
  TopicAssignment: { keyPrefix: '0FT', nameField: null },
  CollaborationGroup: { keyPrefix: '0F9' },
  EntitySubscription: { keyPrefix: '0E8', nameField: null },
  ProcessInstance: { keyPrefix: '04g', nameField: null, readOnly: true },
  ProcessInstanceWorkitem: { keyPrefix: '04i', nameField: null, readOnly: true },
  StaticResource: { keyPrefix: '081' },
  Report: { keyPrefix: '00O', readOnly: true },
  Dashboard: { keyPrefix: '01Z', nameField: 'Title', readOnly: true },
  Period: { keyPrefix: '026', nameField: null, readOnly: true },
  ApexLog: { keyPrefix: '07L', nameField: null, readOnly: true },
  ApexTestResult: { keyPrefix: '07M', nameField: null, readOnly: true },
  ApexTestQueueItem: { keyPrefix: '709', nameField: null },
  Individual: { keyPrefix: '0PK', required: ['LastName'] },
  AccountShare: { keyPrefix: '00r', nameField: null },
  OpportunityShare: { keyPrefix: '00t', nameField: null },
  CaseShare: { keyPrefix: '01n', nameField: null },
  LeadShare: { keyPrefix: '01o', nameField: null },
  ContactShare: { keyPrefix: '03s', nameField: null },
  LoginHistory: { keyPrefix: '0Ya', nameField: null, readOnly: true },
  SetupAuditTrail: { keyPrefix: '0Ym', nameField: null, readOnly: true },
  Network: { keyPrefix: '0DB', readOnly: true },
  Site: { keyPrefix: '0DM', readOnly: true },
  AuthSession: { keyPrefix: '0Ak', nameField: null, readOnly: true },
  PushTopic: { keyPrefix: '0IF' },
  DuplicateRule: { keyPrefix: '0Bm', nameField: 'DeveloperName', readOnly: true },
  Holiday: { keyPrefix: '0C0' },
  // Tooling-style setup objects queryable from Apex (Object Reference, "EntityDefinition": Fields child relationship).
  EntityDefinition: {
    keyPrefix: '01I',
    nameField: 'QualifiedApiName',
    readOnly: true,
    extraChildren: { Fields: { childSObject: 'FieldDefinition', field: 'EntityDefinitionId' } }
  },
  FieldDefinition: { keyPrefix: '00N', nameField: 'QualifiedApiName', readOnly: true },
  Partner: { keyPrefix: '00I', nameField: null }
};
