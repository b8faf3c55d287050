import { ApexFieldType, DisplayType, FieldDescribe } from './types';

/** The Apex type of each display type (Apex Reference Guide, "Schema.SOAPType" and "Primitive Data Types"). */
export const APEX_TYPE_OF: Record<DisplayType, ApexFieldType> = {
  ADDRESS: 'Address',
  ANYTYPE: 'Object',
  BASE64: 'Blob',
  BOOLEAN: 'Boolean',
  COMBOBOX: 'String',
  CURRENCY: 'Decimal',
  DATE: 'Date',
  DATETIME: 'Datetime',
  DOUBLE: 'Decimal',
  EMAIL: 'String',
  ENCRYPTEDSTRING: 'String',
  ID: 'Id',
  INTEGER: 'Integer',
  LOCATION: 'Location',
  LONG: 'Long',
  MULTIPICKLIST: 'String',
  PERCENT: 'Decimal',
  PHONE: 'String',
  PICKLIST: 'String',
  REFERENCE: 'Id',
  STRING: 'String',
  TEXTAREA: 'String',
  TIME: 'Time',
  URL: 'String'
};

const TEXT_TYPES: ReadonlySet<DisplayType> = new Set([
  'STRING',
  'TEXTAREA',
  'EMAIL',
  'PHONE',
  'URL',
  'PICKLIST',
  'MULTIPICKLIST',
  'COMBOBOX',
  'ENCRYPTEDSTRING'
]);

/** Default text lengths when the metadata gives none (Object Reference: Email 80, Phone 40, URL 255, TextArea 255). */
function defaultLength(type: DisplayType): number {
  switch (type) {
    case 'EMAIL':
      return 80;
    case 'PHONE':
      return 40;
    case 'TEXTAREA':
      return 32000;
    case 'MULTIPICKLIST':
      return 4099;
    case 'ID':
    case 'REFERENCE':
      return 18;
    default:
      return TEXT_TYPES.has(type) ? 255 : 0;
  }
}

/**
 * A field with the platform's defaults for its type, then `overrides`. `requiredOnCreate` is derived unless given:
 * a createable, non-nillable field without a default must be set on insert.
 */
export function makeField(name: string, type: DisplayType, overrides: Partial<FieldDescribe> = {}): FieldDescribe {
  const isText = TEXT_TYPES.has(type);
  const field: FieldDescribe = {
    name,
    label: labelOf(name),
    type,
    apexType: APEX_TYPE_OF[type],
    custom: /__c$/i.test(name),
    length: defaultLength(type),
    precision: type === 'CURRENCY' ? 18 : type === 'DOUBLE' || type === 'PERCENT' ? 18 : 0,
    scale: type === 'CURRENCY' ? 2 : 0,
    nillable: type !== 'BOOLEAN',
    defaultedOnCreate: type === 'BOOLEAN',
    requiredOnCreate: false,
    defaultValue: type === 'BOOLEAN' ? false : undefined,
    createable: true,
    updateable: true,
    filterable: true,
    sortable: type !== 'MULTIPICKLIST' && type !== 'ADDRESS' && type !== 'LOCATION',
    groupable: isText || type === 'ID' || type === 'REFERENCE' || type === 'BOOLEAN' || type === 'DATE',
    aggregatable: type !== 'BOOLEAN' && type !== 'MULTIPICKLIST' && type !== 'TEXTAREA',
    calculated: false,
    autoNumber: false,
    unique: false,
    caseSensitive: false,
    externalId: false,
    idLookup: type === 'ID',
    nameField: false,
    permissionable: true,
    picklistValues: [],
    restrictedPicklist: false,
    referenceTo: [],
    cascadeDelete: false,
    restrictedDelete: false,
    ...overrides
  };
  if (overrides.requiredOnCreate === undefined) {
    field.requiredOnCreate = field.createable && !field.nillable && !field.defaultedOnCreate;
  }
  // Long text areas (over 255 characters) and encrypted fields cannot be filtered, sorted or grouped in SOQL
  // (SOQL and SOSL Reference, "WHERE": "You can't filter on ... long text area fields").
  const longText = type === 'TEXTAREA' && field.length > 255;
  if (longText || type === 'ENCRYPTEDSTRING') {
    field.filterable = overrides.filterable ?? false;
    field.sortable = overrides.sortable ?? false;
    field.groupable = overrides.groupable ?? false;
  }
  return field;
}

/** `AccountNumber` -> `Account Number`; custom names lose `__c`. */
function labelOf(name: string): string {
  return name
    .replace(/__c$/i, '')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/Id$/, 'ID');
}
