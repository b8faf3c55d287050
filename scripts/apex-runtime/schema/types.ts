/**
 * The schema model of the offline Apex runtime: objects, fields, relationships, key prefixes and describe data, shaped
 * like the platform's `DescribeSObjectResult` / `DescribeFieldResult` (Apex Reference Guide, Schema namespace) so that
 * `Schema.*` in Apex reads it directly. Every name lookup is case-insensitive, as Salesforce names are.
 */

/** `Schema.DisplayType` values (Apex Reference Guide, DisplayType Enum). */
export type DisplayType =
  | 'ADDRESS'
  | 'ANYTYPE'
  | 'BASE64'
  | 'BOOLEAN'
  | 'COMBOBOX'
  | 'CURRENCY'
  | 'DATE'
  | 'DATETIME'
  | 'DOUBLE'
  | 'EMAIL'
  | 'ENCRYPTEDSTRING'
  | 'ID'
  | 'INTEGER'
  | 'LOCATION'
  | 'LONG'
  | 'MULTIPICKLIST'
  | 'PERCENT'
  | 'PHONE'
  | 'PICKLIST'
  | 'REFERENCE'
  | 'STRING'
  | 'TEXTAREA'
  | 'TIME'
  | 'URL';

/** The Apex type of a field's value (`Schema.SOAPType` collapsed to Apex primitives). */
export type ApexFieldType =
  | 'Id'
  | 'String'
  | 'Boolean'
  | 'Integer'
  | 'Long'
  | 'Decimal'
  | 'Double'
  | 'Date'
  | 'Datetime'
  | 'Time'
  | 'Blob'
  | 'Address'
  | 'Location'
  | 'Object';

/** `Schema.PicklistEntry`, plus the status category some standard picklists carry (Order.Status, Contract.Status). */
export interface PicklistEntry {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
  /** Order/Contract status category (`Draft`, `Activated`, ...): SOAP API Object Reference, Order.StatusCode. */
  statusCategory?: string;
  /** A status value set's flags (StandardValue: closed, won, probability, forecastCategory), when the file gives them */
  closed?: boolean;
  won?: boolean;
  probability?: number;
  forecastCategory?: string;
}

/** A field of an object, as `DescribeFieldResult` describes it. */
export interface FieldDescribe {
  /** The API name as Salesforce spells it (`AccountId`, `Amount__c`). */
  name: string;
  label: string;
  type: DisplayType;
  apexType: ApexFieldType;
  custom: boolean;
  /** Text length (STRING, TEXTAREA, PICKLIST, ...); 0 when the type has none. */
  length: number;
  /** Total digits and decimals of a number (DOUBLE, CURRENCY, PERCENT); 0 when the type has none. */
  precision: number;
  scale: number;
  /** Accepts null on save. A non-nillable field without a default is required on create. */
  nillable: boolean;
  /** The platform fills the field on create when it is null (defaults, auto numbers, system fields, checkboxes). */
  defaultedOnCreate: boolean;
  /** Null-valued on insert raises REQUIRED_FIELD_MISSING: `!nillable && !defaultedOnCreate && createable`. */
  requiredOnCreate: boolean;
  /** A constant default (`defaultValue` of the field metadata when it is a literal, e.g. `false`, `'New'`, `0`). */
  defaultValue?: string | number | boolean;
  /** The default as a formula when it is not a plain literal (`TODAY()`, `$User.Id`); the runtime decides. */
  defaultFormula?: string;
  createable: boolean;
  updateable: boolean;
  filterable: boolean;
  sortable: boolean;
  groupable: boolean;
  aggregatable: boolean;
  /** A formula or roll-up summary field: read-only, computed. */
  calculated: boolean;
  /** The formula text of a formula field. */
  formula?: string;
  autoNumber: boolean;
  /** Auto-number display format (`INV-{0000}`). */
  displayFormat?: string;
  unique: boolean;
  caseSensitive: boolean;
  externalId: boolean;
  idLookup: boolean;
  nameField: boolean;
  /** Field-level security applies (false for Id, system audit fields, required fields, master-detail). */
  permissionable: boolean;
  picklistValues: PicklistEntry[];
  restrictedPicklist: boolean;
  /** Objects a REFERENCE points to (several for polymorphic fields such as `WhatId`, `OwnerId`). */
  referenceTo: string[];
  /** Relationship name of a REFERENCE (`Account` for `AccountId`, `Invoice__r` for `Invoice__c`). */
  relationshipName?: string;
  /**
   * A metadata relationship of a custom metadata type: the stored value is the target's name, not an Id - the
   * DeveloperName of a custom metadata record, or the API name of an object (EntityDefinition) or field
   * (FieldDefinition). Parent and child lookups match on that name.
   */
  valueIsName?: boolean;
  /** For a project's lookup/master-detail: the child relationship name on the parent (`Subscriptions__r`). */
  childRelationshipName?: string;
  /** 0 or 1 for the first/second master of a master-detail; absent otherwise. */
  relationshipOrder?: number;
  /** Master-detail: deleting the parent deletes the child. */
  cascadeDelete: boolean;
  /** Lookup with `deleteConstraint` Restrict: the parent cannot be deleted while children exist. */
  restrictedDelete: boolean;
  /** A compound field this one is part of (`BillingAddress` for `BillingCity`; `Name` for `FirstName`). */
  compoundFieldName?: string;
}

/** `Schema.ChildRelationship`. */
export interface ChildRelationship {
  /** The child object (`Contact`). */
  childSObject: string;
  /** The child's reference field (`AccountId`). */
  field: string;
  /** The name a sub-query uses (`Contacts`); absent for relationships a query cannot traverse. */
  relationshipName?: string;
  cascadeDelete: boolean;
  restrictedDelete: boolean;
}

/** `Schema.RecordTypeInfo` of a record type the project defines (plus the always-present Master). */
export interface RecordTypeInfo {
  developerName: string;
  name: string;
  active: boolean;
  master: boolean;
  /** the RecordType row's Id, given when the org is seeded (Master: 012000000000000AAA) */
  id?: string;
}

/** What kind of object this is (decides implied fields, DML and query rules). */
export type ObjectKind =
  | 'standard'
  | 'custom'
  | 'customSetting'
  | 'customMetadata'
  | 'platformEvent'
  | 'bigObject'
  | 'externalObject'
  | 'share'
  | 'history'
  | 'feed';

/** Organization-wide default of an object (`sharingModel` of the object metadata). */
export type SharingModel =
  'Private' | 'Read' | 'ReadWrite' | 'ReadWriteTransfer' | 'FullAccess' | 'ControlledByParent' | 'ReadSelect';

/** An object, as `DescribeSObjectResult` describes it. */
export interface ObjectDescribe {
  /** The API name as Salesforce spells it. */
  name: string;
  label: string;
  labelPlural: string;
  kind: ObjectKind;
  custom: boolean;
  /** Three-character Id prefix (`001`, `a00`); generated for project objects, stable per load. */
  keyPrefix: string;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  undeletable: boolean;
  queryable: boolean;
  /** `Hierarchy` or `List` for custom settings. */
  customSettingType?: 'Hierarchy' | 'List';
  /** Platform events: `PublishAfterCommit` or `PublishImmediately`. */
  publishBehavior?: 'PublishAfterCommit' | 'PublishImmediately';
  sharingModel: SharingModel;
  /** The field that is the record's name (`Name`, `CaseNumber`, `Subject`); absent when none. */
  nameField?: string;
  recordTypes: RecordTypeInfo[];
}

/** One custom metadata record (`customMetadata/Type.Record.md-meta.xml`). */
export interface CustomMetadataRecord {
  /** The type, e.g. `Mapping__mdt`. */
  type: string;
  developerName: string;
  label: string;
  protected: boolean;
  /**
   * Field values by canonical field API name, as the XML's text (`true`, `12.50`, `2024-01-31`); null for
   * `xsi:nil`. The field's `apexType` says how to read it, so no precision is lost before the runtime's Decimal.
   */
  values: Map<string, string | null>;
}

/** A problem found while loading a project; loading goes on, the runtime reports these. */
export interface SchemaWarning {
  file: string;
  message: string;
}
