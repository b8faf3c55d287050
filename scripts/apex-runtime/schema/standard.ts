import { readFileSync } from 'node:fs';
import { javaClassFields } from '../../validate/references/java-class';
import { sobjectTypesJar } from '../../validate/references/standard-schema';
import { zipEntries } from '../../validate/references/zip';
import { APEX_TYPE_OF, makeField } from './fields';
import { SObjectSchema } from './model';
import { STANDARD_OBJECT_FACTS, StandardObjectFacts, SYSTEM_FIELDS, TYPE_BY_FIELD_NAME } from './standard-facts';
import { ChildRelationship, DisplayType, FieldDescribe, ObjectKind } from './types';

/**
 * Standard objects from the apex-ls `sobject-types` jar (the same jar and readers the gate's cross-references check
 * uses: scripts/validate/references/standard-schema.ts) plus the hand-kept facts of ./standard-facts.ts.
 */

interface JarField {
  name: string;
  descriptor: string;
}

interface JarObject {
  name: string;
  fields: JarField[];
}

const CLASS_ENTRY = /^com\/nawforce\/runforce\/SObjects\/([A-Za-z]\w*)\.class$/;
const SYSTEM_TYPE = /^Lcom\/nawforce\/runforce\/System\/(\w+);$/;
const SOBJECT_TYPE = /^Lcom\/nawforce\/runforce\/SObjects\/(\w+);$/;
const CHILDREN_TYPE = /^\[Lcom\/nawforce\/runforce\/SObjects\/(\w+);$/;
const ANY_SOBJECT = 'Lcom/nawforce/runforce/System/SObject;';
const STRING_ARRAY = '[Lcom/nawforce/runforce/System/String;';

let jarObjects: Map<string, JarObject> | undefined;

/** The jar's objects by lower-case name; read once per process (~0.3 s). */
export function standardJarObjects(): Map<string, JarObject> {
  if (!jarObjects) {
    jarObjects = new Map();
    for (const entry of zipEntries(readFileSync(sobjectTypesJar()))) {
      const match = CLASS_ENTRY.exec(entry.name);
      if (match) {
        const fields = javaClassFields(entry.read())
          .filter((field) => !field.isStatic)
          .map(({ name, descriptor }) => ({ name, descriptor }));
        jarObjects.set(match[1].toLowerCase(), { name: match[1], fields });
      }
    }
  }
  return jarObjects;
}

const FACTS_BY_KEY = new Map(Object.entries(STANDARD_OBJECT_FACTS).map(([name, facts]) => [name.toLowerCase(), facts]));
const SYSTEM_FIELD_KEYS = new Set(SYSTEM_FIELDS.map((name) => name.toLowerCase()));
const ADDRESS_PARTS = [
  'Street',
  'City',
  'State',
  'PostalCode',
  'Country',
  'StateCode',
  'CountryCode',
  'Latitude',
  'Longitude',
  'GeocodeAccuracy'
];

export function standardFacts(name: string): StandardObjectFacts | undefined {
  return FACTS_BY_KEY.get(name.toLowerCase());
}

/**
 * Builds one standard object. `extraChildren` are child relationships that the project's own lookups add (a custom
 * object's lookup to Account adds `Account.Invoices__r`).
 */
export function buildStandardObject(
  jar: JarObject,
  sortedIndex: number,
  extraChildren: ChildRelationship[],
  resolveChildField: (childObject: string, parentObject: string, relationship: string) => string | undefined
): SObjectSchema {
  const facts = FACTS_BY_KEY.get(jar.name.toLowerCase());
  const siblings = new Map(jar.fields.map((field) => [field.name.toLowerCase(), field]));
  const fields: FieldDescribe[] = [];
  const childRelationships: ChildRelationship[] = [];
  for (const jarField of jar.fields) {
    const children = CHILDREN_TYPE.exec(jarField.descriptor);
    if (children) {
      const field = facts?.childFields?.[jarField.name] ?? resolveChildField(children[1], jar.name, jarField.name);
      if (field) {
        childRelationships.push({
          childSObject: children[1],
          field,
          relationshipName: jarField.name,
          cascadeDelete: false,
          restrictedDelete: false
        });
      }
      continue;
    }
    const isRelationship =
      (SOBJECT_TYPE.test(jarField.descriptor) || jarField.descriptor === ANY_SOBJECT) &&
      siblings.has(`${jarField.name.toLowerCase()}id`);
    if (isRelationship) {
      continue;
    }
    fields.push(standardField(jarField, siblings, facts));
  }
  for (const [relationshipName, child] of Object.entries(facts?.extraChildren ?? {})) {
    childRelationships.push({ ...child, relationshipName, cascadeDelete: false, restrictedDelete: false });
  }
  markCompoundParts(fields);
  const nameField =
    facts?.nameField === null ? undefined : (facts?.nameField ?? (siblings.has('name') ? 'Name' : undefined));
  for (const field of fields) {
    if (nameField && field.name.toLowerCase() === nameField.toLowerCase()) {
      // The name field has no field-level security: readable with the object (CaseNumber, OrderNumber, Name).
      field.nameField = true;
      field.permissionable = false;
    }
  }
  const readOnly = facts?.readOnly === true;
  const kind: ObjectKind = /Share$/.test(jar.name)
    ? 'share'
    : /History$/.test(jar.name)
      ? 'history'
      : /Feed$/.test(jar.name)
        ? 'feed'
        : 'standard';
  return {
    describe: {
      name: jar.name,
      label: jar.name.replace(/([a-z])([A-Z])/g, '$1 $2'),
      labelPlural: `${jar.name.replace(/([a-z])([A-Z])/g, '$1 $2')}s`,
      kind,
      custom: false,
      keyPrefix: facts?.keyPrefix ?? generatedStandardPrefix(sortedIndex),
      createable: !readOnly,
      updateable: !readOnly,
      deletable: !readOnly,
      undeletable: !readOnly,
      queryable: true,
      sharingModel: facts?.sharingModel ?? 'ReadWrite',
      nameField,
      recordTypes: []
    },
    fields,
    childRelationships: [...childRelationships, ...extraChildren]
  };
}

function standardField(
  jarField: JarField,
  siblings: Map<string, JarField>,
  facts: StandardObjectFacts | undefined
): FieldDescribe {
  const { name, descriptor } = jarField;
  const key = name.toLowerCase();
  const relationship = /Id$/.test(name) ? siblings.get(key.slice(0, -2)) : undefined;
  const relationshipTarget = relationship ? relationshipTargets(relationship.descriptor) : undefined;
  let type: DisplayType;
  if (key === 'id') {
    type = 'ID';
  } else if (relationshipTarget) {
    type = 'REFERENCE';
  } else {
    type = facts?.types?.[name] ?? displayTypeOf(name, descriptor);
  }
  const picklist = facts?.picklists?.[name];
  const overrides: Partial<FieldDescribe> = { custom: false };
  if (relationshipTarget && relationship) {
    overrides.relationshipName = relationship.name;
    overrides.referenceTo = facts?.referenceTargets?.[name] ?? relationshipTarget;
    // apex-ls types polymorphic references as the `Name` object: owners are users or queues, others any object.
    if (!facts?.referenceTargets?.[name] && relationshipTarget.length === 1 && relationshipTarget[0] === 'Name') {
      overrides.referenceTo = key === 'ownerid' ? ['User', 'Group'] : [];
    }
    overrides.length = 18;
  }
  if (facts?.lengths?.[name] !== undefined) {
    overrides.length = facts.lengths[name];
  }
  if (picklist) {
    overrides.picklistValues = picklist.values.map((value) => ({
      value,
      label: value,
      active: true,
      defaultValue: value === picklist.default,
      ...(picklist.categories?.[value] ? { statusCategory: picklist.categories[value] } : {})
    }));
    overrides.restrictedPicklist = picklist.restricted === true;
  }
  if (SYSTEM_FIELD_KEYS.has(key)) {
    Object.assign(overrides, {
      createable: false,
      updateable: false,
      defaultedOnCreate: true,
      nillable: !/^(id|createddate|createdbyid|lastmodifieddate|lastmodifiedbyid|systemmodstamp|isdeleted)$/.test(key),
      permissionable: false
    });
  } else if (key === 'ownerid') {
    Object.assign(overrides, { nillable: false, defaultedOnCreate: true, permissionable: false });
  }
  if (facts?.computed?.includes(name)) {
    Object.assign(overrides, { createable: false, updateable: false, defaultedOnCreate: true });
  }
  const autoNumberFormat = facts?.autoNumbers?.[name];
  if (autoNumberFormat !== undefined) {
    Object.assign(overrides, {
      autoNumber: true,
      displayFormat: autoNumberFormat,
      createable: false,
      updateable: false,
      defaultedOnCreate: true,
      nillable: false
    });
  }
  if (facts?.createOnly?.includes(name)) {
    overrides.updateable = false;
  }
  if (facts?.required?.includes(name)) {
    Object.assign(overrides, { nillable: false, permissionable: false });
  }
  const defaultValue = facts?.defaults?.[name];
  if (defaultValue !== undefined) {
    Object.assign(overrides, { defaultValue, defaultedOnCreate: true, nillable: false });
  }
  return makeField(name, type, overrides);
}

/** Targets of a relationship field's descriptor: one object, `Name` (owner-like), or [] for any object. */
function relationshipTargets(descriptor: string): string[] | undefined {
  if (descriptor === ANY_SOBJECT) {
    return [];
  }
  const match = SOBJECT_TYPE.exec(descriptor);
  return match ? [match[1]] : undefined;
}

function displayTypeOf(name: string, descriptor: string): DisplayType {
  if (descriptor === STRING_ARRAY) {
    return 'MULTIPICKLIST';
  }
  const system = SYSTEM_TYPE.exec(descriptor)?.[1];
  const sobject = SOBJECT_TYPE.exec(descriptor)?.[1];
  if (sobject === 'Address') {
    return 'ADDRESS';
  }
  if (sobject === 'Location') {
    return 'LOCATION';
  }
  const byApexType: Record<string, DisplayType> = {
    String: 'STRING',
    Id: 'REFERENCE',
    Boolean: 'BOOLEAN',
    Integer: 'INTEGER',
    Long: 'LONG',
    Decimal: 'DOUBLE',
    Double: 'DOUBLE',
    Date: 'DATE',
    Datetime: 'DATETIME',
    Time: 'TIME',
    Blob: 'BASE64'
  };
  const type = system ? (byApexType[system] ?? 'ANYTYPE') : 'ANYTYPE';
  // Name-based types only refine within the same Apex type (a Decimal `Amount` is CURRENCY, never a String).
  const byName = TYPE_BY_FIELD_NAME[name];
  return byName && APEX_TYPE_OF[byName] === APEX_TYPE_OF[type] ? byName : type;
}

/** Address parts (`BillingCity` of `BillingAddress`) and name parts (`FirstName` of `Name`) name their compound. */
function markCompoundParts(fields: FieldDescribe[]): void {
  const byName = new Map(fields.map((field) => [field.name.toLowerCase(), field]));
  for (const compound of fields.filter((field) => field.type === 'ADDRESS')) {
    const prefix = compound.name.replace(/Address$/, '');
    for (const part of ADDRESS_PARTS) {
      const field = byName.get(`${prefix}${part}`.toLowerCase());
      if (field) {
        field.compoundFieldName = compound.name;
      }
    }
    Object.assign(compound, { createable: false, updateable: false, filterable: false });
  }
  const name = byName.get('name');
  if (name && !name.createable && byName.has('lastname')) {
    for (const part of ['FirstName', 'LastName', 'MiddleName', 'Suffix', 'Salutation']) {
      const field = byName.get(part.toLowerCase());
      if (field) {
        field.compoundFieldName = 'Name';
      }
    }
  }
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `a` + index in base 62 over two characters: a00, a01, ... a0z, a10, ... */
export function generatedPrefix(letter: string, index: number): string {
  return `${letter}${BASE62[Math.floor(index / 62) % 62]}${BASE62[index % 62]}`;
}

/** The index a generated prefix encodes, or undefined when it is not one of this letter. */
export function generatedIndex(letter: string, prefix: string): number | undefined {
  if (prefix.length !== 3 || prefix[0] !== letter) {
    return undefined;
  }
  const high = BASE62.indexOf(prefix[1]);
  const low = BASE62.indexOf(prefix[2]);
  return high < 0 || low < 0 ? undefined : high * 62 + low;
}

/**
 * Standard objects without a documented prefix get `W00`... then `X00`... by their position in the jar's sorted
 * names, so a prefix is the same whatever order the runtime touches objects in.
 */
export function generatedStandardPrefix(sortedIndex: number): string {
  return generatedPrefix(sortedIndex < 3844 ? 'W' : 'X', sortedIndex % 3844);
}

export function generatedStandardIndex(prefix: string): number | undefined {
  const index = generatedIndex(prefix[0], prefix);
  return index === undefined ? undefined : prefix[0] === 'W' ? index : prefix[0] === 'X' ? index + 3844 : undefined;
}
