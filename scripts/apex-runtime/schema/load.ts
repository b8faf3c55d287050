import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { STANDARD_VALUE_SET_OF_FIELD } from '../../validate/references/platform-fields';
import { childElement, childElements, childText, parseXml, XmlElement } from '../../validate/references/xml';
import { makeField } from './fields';
import { LazyObjects, SchemaModel, SObjectSchema } from './model';
import {
  buildStandardObject,
  generatedPrefix,
  generatedStandardIndex,
  generatedStandardPrefix,
  standardFacts,
  standardJarObjects
} from './standard';
import {
  ChildRelationship,
  CustomMetadataRecord,
  DisplayType,
  FieldDescribe,
  ObjectDescribe,
  ObjectKind,
  PicklistEntry,
  RecordTypeInfo,
  SchemaWarning,
  SharingModel
} from './types';

export interface LoadSchemaOptions {
  /** The SFDX project root (the folder of `sfdx-project.json`). */
  root: string;
  /**
   * Package directories to read, relative to root; default: every `packageDirectories[].path` of sfdx-project.json
   * (a folder without sfdx-project.json loads `force-app` if it exists).
   */
  packageDirectories?: string[];
}

/** The metadata files of one object folder (`objects/X/`), gathered before the object is built. */
interface ObjectFiles {
  name: string;
  objectFile?: string;
  fieldFiles: string[];
  recordTypeFiles: string[];
}

interface ProjectFiles {
  objects: Map<string, ObjectFiles>;
  customMetadataRecords: string[];
  standardValueSets: string[];
  globalValueSets: string[];
}

/**
 * Builds the schema of a project: the standard catalogue (apex-ls sobject jar plus documented facts) merged with the
 * project's objects, fields, record types, custom settings, custom metadata types and records, and platform events.
 * Malformed metadata becomes a `warnings` entry, never an exception; only a missing root throws.
 */
export function loadSchema(options: LoadSchemaOptions): SchemaModel {
  if (!existsSync(options.root) || !statSync(options.root).isDirectory()) {
    throw new Error(`project root ${options.root} is not a folder`);
  }
  const warnings: SchemaWarning[] = [];
  const files = collectFiles(
    options.root,
    options.packageDirectories ?? projectPackageDirectories(options.root),
    warnings
  );
  const parse = (file: string): XmlElement | undefined => {
    try {
      return parseXml(readFileSync(file, 'utf8'));
    } catch (cause) {
      warnings.push({ file: relative(options.root, file), message: `not readable XML: ${(cause as Error).message}` });
      return undefined;
    }
  };
  const valueSets = readValueSets(files, parse);
  const jar = new Map([...standardJarObjects()].filter(([name]) => !MULTI_CURRENCY_OBJECTS.has(name)));
  const projectObjects: SObjectSchema[] = [];
  /** Fields and record types the project adds to standard objects, by lower-case object name. */
  const standardExtensions = new Map<string, { fields: FieldDescribe[]; recordTypes: RecordTypeInfo[] }>();
  const customNames = [...files.objects.values()]
    .filter((object) => !jar.has(object.name.toLowerCase()))
    .map((object) => object.name)
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  const prefixCounters = new Map<string, number>();
  for (const name of customNames) {
    const object = files.objects.get(name.toLowerCase()) as ObjectFiles;
    const built = buildProjectObject(object, parse, valueSets, warnings, options.root);
    const letter = PREFIX_LETTER[built.describe.kind] ?? 'a';
    const index = prefixCounters.get(letter) ?? 0;
    prefixCounters.set(letter, index + 1);
    built.describe.keyPrefix = generatedPrefix(letter, index);
    projectObjects.push(built);
  }
  for (const object of files.objects.values()) {
    const jarObject = jar.get(object.name.toLowerCase());
    if (jarObject) {
      // A standard field's file in source format carries no <type> (only settings such as feed tracking): the
      // catalogue describes the field, and the file must not replace it.
      const catalogued = new Set(jarObject.fields.map((field) => field.name.toLowerCase()));
      const fields = withGeolocationParts(
        object.fieldFiles
          .filter((file) => !catalogued.has(basename(file, '.field-meta.xml').toLowerCase()))
          .map((file) => readField(file, parse, valueSets, warnings, options.root))
          .filter((field): field is FieldDescribe => field !== undefined)
      );
      standardExtensions.set(object.name.toLowerCase(), {
        fields,
        recordTypes: readRecordTypes(object, parse)
      });
    }
  }
  const projectChildren = childRelationshipsOf(projectObjects, standardExtensions);
  for (const object of projectObjects) {
    (object.childRelationships as ChildRelationship[]).push(
      ...(projectChildren.get(object.describe.name.toLowerCase()) ?? [])
    );
  }
  const lazy = standardCatalogue(jar, standardExtensions, projectChildren, valueSets.standard);
  const records = files.customMetadataRecords.flatMap((file) => {
    const record = readCustomMetadataRecord(file, parse);
    return record ? [record] : [];
  });
  return new SchemaModel(projectObjects, lazy, records, warnings);
}

/**
 * Objects an org has only with multiple currencies enabled (Object Reference, "CurrencyType": "available only in
 * organizations with the multicurrency feature enabled"; "DatedConversionRate": only with advanced currency management).
 * The runtime models a single-currency org (UserInfo.isMultiCurrencyOrganization() is false), so querying them fails
 * as it does there: `sObject type 'DatedConversionRate' is not supported`.
 */
const MULTI_CURRENCY_OBJECTS = new Set(['currencytype', 'datedconversionrate']);

/** Key prefix letters of generated prefixes: custom objects `a00`, events `e00`, custom metadata `m00`. */
const PREFIX_LETTER: Partial<Record<ObjectKind, string>> = {
  custom: 'a',
  customSetting: 'a',
  customMetadata: 'm',
  platformEvent: 'e',
  bigObject: 'b',
  externalObject: 'x'
};

/** `packageDirectories[].path` of sfdx-project.json; `force-app` for a folder without one. */
export function projectPackageDirectories(root: string): string[] {
  const projectFile = join(root, 'sfdx-project.json');
  if (existsSync(projectFile)) {
    const project = JSON.parse(readFileSync(projectFile, 'utf8')) as { packageDirectories?: { path: string }[] };
    return (project.packageDirectories ?? []).map((directory) => directory.path);
  }
  return existsSync(join(root, 'force-app')) ? ['force-app'] : [];
}

function collectFiles(root: string, directories: string[], warnings: SchemaWarning[]): ProjectFiles {
  const files: ProjectFiles = {
    objects: new Map(),
    customMetadataRecords: [],
    standardValueSets: [],
    globalValueSets: []
  };
  const objectFiles = (name: string): ObjectFiles => {
    let entry = files.objects.get(name.toLowerCase());
    if (!entry) {
      entry = { name, fieldFiles: [], recordTypeFiles: [] };
      files.objects.set(name.toLowerCase(), entry);
    }
    return entry;
  };
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
          visit(path);
        }
        continue;
      }
      const parts = path.split(/[\\/]/);
      const objectsAt = parts.lastIndexOf('objects');
      if (objectsAt >= 0 && objectsAt + 2 < parts.length) {
        const objectName = parts[objectsAt + 1];
        const rest = parts.slice(objectsAt + 2);
        if (rest.length === 1 && entry.name === `${objectName}.object-meta.xml`) {
          objectFiles(objectName).objectFile = path;
        } else if (rest.length === 2 && rest[0] === 'fields' && entry.name.endsWith('.field-meta.xml')) {
          objectFiles(objectName).fieldFiles.push(path);
        } else if (rest.length === 2 && rest[0] === 'recordTypes' && entry.name.endsWith('.recordType-meta.xml')) {
          objectFiles(objectName).recordTypeFiles.push(path);
        }
      } else if (entry.name.endsWith('.md-meta.xml') && parts.includes('customMetadata')) {
        files.customMetadataRecords.push(path);
      } else if (entry.name.endsWith('.standardValueSet-meta.xml')) {
        files.standardValueSets.push(path);
      } else if (entry.name.endsWith('.globalValueSet-meta.xml')) {
        files.globalValueSets.push(path);
      }
    }
  };
  for (const directory of directories) {
    const folder = join(root, directory);
    if (existsSync(folder)) {
      visit(folder);
    } else {
      warnings.push({ file: 'sfdx-project.json', message: `package directory ${directory} does not exist` });
    }
  }
  return files;
}

interface ValueSets {
  /** StandardValueSet name (lower case) -> entries, e.g. `orderstatus`. */
  standard: Map<string, PicklistEntry[]>;
  global: Map<string, PicklistEntry[]>;
}

function readValueSets(files: ProjectFiles, parse: (file: string) => XmlElement | undefined): ValueSets {
  const standard = new Map<string, PicklistEntry[]>();
  for (const file of files.standardValueSets) {
    const root = parse(file);
    if (root) {
      const entries = childElements(root, 'standardValue').map((value) => {
        const fullName = childText(value, 'fullName') ?? '';
        const category = childText(value, 'groupingString');
        const flag = (name: string): { [key: string]: boolean } =>
          childText(value, name) === undefined ? {} : { [name]: childText(value, name) === 'true' };
        const probability = childText(value, 'probability');
        const forecastCategory = childText(value, 'forecastCategory');
        return {
          value: fullName,
          label: childText(value, 'label') ?? fullName,
          active: childText(value, 'isActive') !== 'false',
          defaultValue: childText(value, 'default') === 'true',
          ...(category ? { statusCategory: category } : {}),
          ...flag('closed'),
          ...flag('won'),
          ...(probability !== undefined ? { probability: Number(probability) } : {}),
          ...(forecastCategory ? { forecastCategory } : {})
        };
      });
      standard.set(basename(file, '.standardValueSet-meta.xml').toLowerCase(), entries);
    }
  }
  const global = new Map<string, PicklistEntry[]>();
  for (const file of files.globalValueSets) {
    const root = parse(file);
    if (root) {
      global.set(
        basename(file, '.globalValueSet-meta.xml').toLowerCase(),
        picklistEntries(childElements(root, 'customValue'))
      );
    }
  }
  return { standard, global };
}

function picklistEntries(values: XmlElement[]): PicklistEntry[] {
  return values.map((value) => {
    const fullName = childText(value, 'fullName') ?? '';
    return {
      value: fullName,
      label: childText(value, 'label') ?? fullName,
      active: childText(value, 'isActive') !== 'false',
      defaultValue: childText(value, 'default') === 'true'
    };
  });
}

function objectKind(name: string, root: XmlElement | undefined): ObjectKind {
  if (/__mdt$/i.test(name)) {
    return 'customMetadata';
  }
  if (/__e$/i.test(name)) {
    return 'platformEvent';
  }
  if (/__b$/i.test(name)) {
    return 'bigObject';
  }
  if (/__x$/i.test(name)) {
    return 'externalObject';
  }
  return root && childText(root, 'customSettingsType') ? 'customSetting' : 'custom';
}

/** A project-defined object (`X__c`, `X__mdt`, `X__e`, ...) with the fields the platform adds to its kind. */
function buildProjectObject(
  object: ObjectFiles,
  parse: (file: string) => XmlElement | undefined,
  valueSets: ValueSets,
  warnings: SchemaWarning[],
  root: string
): SObjectSchema {
  const xml = object.objectFile ? parse(object.objectFile) : undefined;
  if (!object.objectFile) {
    warnings.push({
      file: `objects/${object.name}`,
      message: `fields without ${object.name}.object-meta.xml: the object is assumed to be a custom object`
    });
  }
  const kind = objectKind(object.name, xml);
  const ownFields = withGeolocationParts(
    object.fieldFiles
      .map((file) => readField(file, parse, valueSets, warnings, root))
      .filter((field): field is FieldDescribe => field !== undefined)
  );
  const hasMaster = ownFields.some((field) => field.relationshipOrder !== undefined);
  const recordTypes = readRecordTypes(object, parse);
  const settingType = xml ? childText(xml, 'customSettingsType') : undefined;
  const fields = [
    ...impliedFields(kind, xml, {
      hasMaster,
      hasRecordTypes: recordTypes.length > 1,
      hierarchy: settingType === 'Hierarchy'
    }),
    ...ownFields
  ];
  const label = (xml && childText(xml, 'label')) ?? object.name.replace(/__\w+$/, '').replace(/_/g, ' ');
  const sharing = xml ? childText(xml, 'sharingModel') : undefined;
  const readOnly = kind === 'customMetadata';
  const describe: ObjectDescribe = {
    name: object.name,
    label,
    labelPlural: (xml && childText(xml, 'pluralLabel')) ?? `${label}s`,
    kind,
    custom: true,
    keyPrefix: '',
    createable: !readOnly,
    updateable: !readOnly && kind !== 'platformEvent',
    deletable: !readOnly && kind !== 'platformEvent',
    undeletable: kind === 'custom',
    queryable: kind !== 'platformEvent',
    sharingModel: (sharing as SharingModel | undefined) ?? (hasMaster ? 'ControlledByParent' : 'ReadWrite'),
    nameField: fields.some((field) => field.nameField) ? fields.find((field) => field.nameField)?.name : undefined,
    recordTypes
  };
  if (settingType === 'Hierarchy' || settingType === 'List') {
    describe.customSettingType = settingType;
  }
  if (kind === 'platformEvent') {
    describe.publishBehavior =
      (xml && childText(xml, 'publishBehavior')) === 'PublishImmediately' ? 'PublishImmediately' : 'PublishAfterCommit';
  }
  return { describe, fields, childRelationships: [] };
}

/** Fields every object of a kind has (Object Reference, "Custom Objects" and "Standard Fields"; Platform Events Developer Guide). */
function impliedFields(
  kind: ObjectKind,
  xml: XmlElement | undefined,
  options: { hasMaster: boolean; hasRecordTypes: boolean; hierarchy: boolean }
): FieldDescribe[] {
  const system = (name: string, type: DisplayType, extra: Partial<FieldDescribe> = {}): FieldDescribe =>
    makeField(name, type, {
      createable: false,
      updateable: false,
      defaultedOnCreate: true,
      nillable: false,
      permissionable: false,
      custom: false,
      ...extra
    });
  const reference = (name: string, target: string, relationshipName: string, extra: Partial<FieldDescribe> = {}) =>
    system(name, 'REFERENCE', { referenceTo: [target], relationshipName, ...extra });
  const audit = [
    system('CreatedDate', 'DATETIME'),
    reference('CreatedById', 'User', 'CreatedBy'),
    system('LastModifiedDate', 'DATETIME'),
    reference('LastModifiedById', 'User', 'LastModifiedBy'),
    system('SystemModstamp', 'DATETIME')
  ];
  const id = system('Id', 'ID', { idLookup: true });
  if (kind === 'platformEvent') {
    return [
      id,
      system('ReplayId', 'STRING'),
      system('EventUuid', 'STRING', { nillable: true }),
      system('CreatedDate', 'DATETIME'),
      reference('CreatedById', 'User', 'CreatedBy')
    ];
  }
  if (kind === 'customMetadata') {
    return [
      id,
      system('DeveloperName', 'STRING', { length: 40, nameField: false }),
      system('MasterLabel', 'STRING', { length: 40, nameField: true }),
      system('Label', 'STRING', { length: 40 }),
      system('Language', 'PICKLIST'),
      system('NamespacePrefix', 'STRING', { nillable: true }),
      system('QualifiedApiName', 'STRING'),
      ...audit,
      system('IsDeleted', 'BOOLEAN')
    ];
  }
  const nameXml = xml ? childElement(xml, 'nameField') : undefined;
  const autoNumber = nameXml ? childText(nameXml, 'type') === 'AutoNumber' : false;
  const name = makeField('Name', 'STRING', {
    label: (nameXml && childText(nameXml, 'label')) ?? 'Name',
    length: 80,
    custom: false,
    nameField: true,
    permissionable: false,
    nillable: autoNumber,
    defaultedOnCreate: true,
    autoNumber,
    createable: !autoNumber,
    updateable: !autoNumber,
    displayFormat: nameXml ? childText(nameXml, 'displayFormat') : undefined,
    // A record without a name gets its Id as name (Object Reference, "Custom Objects": Name is defaulted on create).
    requiredOnCreate: false
  });
  const fields = [id, name, ...audit, system('IsDeleted', 'BOOLEAN')];
  if (kind === 'custom') {
    fields.push(
      system('LastViewedDate', 'DATETIME', { nillable: true }),
      system('LastReferencedDate', 'DATETIME', { nillable: true }),
      system('LastActivityDate', 'DATE', { nillable: true })
    );
    if (!options.hasMaster) {
      fields.push(
        reference('OwnerId', 'User', 'Owner', { referenceTo: ['User', 'Group'], createable: true, updateable: true })
      );
    }
    if (options.hasRecordTypes) {
      fields.push(
        reference('RecordTypeId', 'RecordType', 'RecordType', { createable: true, updateable: true, nillable: true })
      );
    }
  }
  if (options.hierarchy) {
    fields.push(
      reference('SetupOwnerId', 'Organization', 'SetupOwner', {
        referenceTo: ['Organization', 'Profile', 'User'],
        createable: true,
        updateable: true
      })
    );
  }
  return fields;
}

/** Custom field metadata types -> display types (Metadata API, "CustomField": FieldType). */
const FIELD_TYPES: Record<string, DisplayType> = {
  Text: 'STRING',
  TextArea: 'TEXTAREA',
  LongTextArea: 'TEXTAREA',
  Html: 'TEXTAREA',
  EncryptedText: 'ENCRYPTEDSTRING',
  Email: 'EMAIL',
  Phone: 'PHONE',
  Url: 'URL',
  Picklist: 'PICKLIST',
  MultiselectPicklist: 'MULTIPICKLIST',
  Checkbox: 'BOOLEAN',
  Number: 'DOUBLE',
  Currency: 'CURRENCY',
  Percent: 'PERCENT',
  Date: 'DATE',
  DateTime: 'DATETIME',
  Time: 'TIME',
  Lookup: 'REFERENCE',
  MasterDetail: 'REFERENCE',
  Hierarchy: 'REFERENCE',
  MetadataRelationship: 'REFERENCE',
  ExternalLookup: 'REFERENCE',
  IndirectLookup: 'REFERENCE',
  AutoNumber: 'STRING',
  Summary: 'DOUBLE',
  Location: 'LOCATION'
};

function readField(
  file: string,
  parse: (file: string) => XmlElement | undefined,
  valueSets: ValueSets,
  warnings: SchemaWarning[],
  root: string
): FieldDescribe | undefined {
  const xml = parse(file);
  if (!xml) {
    return undefined;
  }
  const name = childText(xml, 'fullName') ?? basename(file, '.field-meta.xml');
  const metadataType = childText(xml, 'type');
  const formula = childText(xml, 'formula');
  const type = metadataType ? FIELD_TYPES[metadataType] : undefined;
  if (!type) {
    warnings.push({
      file: relative(root, file),
      message: `field type ${metadataType ?? '(none)'} is not modelled: the field is read as Text`
    });
  }
  const displayType = type ?? 'STRING';
  const number = (tag: string): number | undefined => {
    const text = childText(xml, tag);
    return text === undefined ? undefined : Number(text);
  };
  const required = childText(xml, 'required') === 'true';
  const isMasterDetail = metadataType === 'MasterDetail';
  const calculated = formula !== undefined || metadataType === 'Summary';
  const autoNumber = metadataType === 'AutoNumber';
  const overrides: Partial<FieldDescribe> = {
    label: childText(xml, 'label') ?? name,
    custom: /__c$/i.test(name),
    unique: childText(xml, 'unique') === 'true',
    externalId: childText(xml, 'externalId') === 'true',
    caseSensitive: childText(xml, 'caseSensitive') === 'true',
    nillable: !(required || isMasterDetail) || calculated || autoNumber,
    permissionable: !(required || isMasterDetail),
    calculated,
    autoNumber,
    createable: !calculated && !autoNumber,
    updateable:
      !calculated && !autoNumber && !(isMasterDetail && childText(xml, 'reparentableMasterDetail') !== 'true'),
    formula,
    displayFormat: childText(xml, 'displayFormat')
  };
  overrides.idLookup = overrides.externalId || overrides.unique || undefined;
  const length = number('length');
  if (length !== undefined) {
    overrides.length = length;
  } else if (metadataType === 'TextArea') {
    overrides.length = 255;
  }
  const precision = number('precision');
  if (precision !== undefined) {
    overrides.precision = precision;
    overrides.scale = number('scale') ?? 0;
  } else if (metadataType === 'Location') {
    // a geolocation field has a scale (decimal places of its parts) and no precision
    overrides.scale = number('scale') ?? 0;
  }
  if (displayType === 'REFERENCE') {
    const targets = childElements(xml, 'referenceTo').map((element) => element.text);
    overrides.referenceTo = metadataType === 'Hierarchy' ? ['User'] : targets;
    // `<relationshipName>` names the parent's side (its sub-queries): `Subscriptions` -> `Subscriptions__r`; the
    // child's side of a custom reference is the field name with __r (Metadata API, "CustomField": relationshipName).
    overrides.relationshipName = name.replace(/__c$/i, '__r');
    const childRelationship = childText(xml, 'relationshipName');
    // Metadata relationships have a child side only between custom metadata types (not to EntityDefinition).
    const toMetadataType = overrides.referenceTo.every((target) => /__mdt$/i.test(target));
    if (childRelationship && (metadataType !== 'MetadataRelationship' || toMetadataType)) {
      overrides.childRelationshipName = `${childRelationship}__r`;
    }
    overrides.length = 18;
    if (metadataType === 'MetadataRelationship') {
      overrides.valueIsName = true;
      overrides.length = 255;
    }
    overrides.cascadeDelete = isMasterDetail || childText(xml, 'deleteConstraint') === 'Cascade';
    overrides.restrictedDelete = childText(xml, 'deleteConstraint') === 'Restrict';
    if (isMasterDetail) {
      overrides.relationshipOrder = number('relationshipOrder') ?? 0;
    }
  }
  if (displayType === 'PICKLIST' || displayType === 'MULTIPICKLIST') {
    const valueSet = childElement(xml, 'valueSet');
    const definition = valueSet ? childElement(valueSet, 'valueSetDefinition') : undefined;
    const valueSetName = valueSet ? childText(valueSet, 'valueSetName') : undefined;
    overrides.picklistValues = definition
      ? picklistEntries(childElements(definition, 'value'))
      : valueSetName
        ? (valueSets.global.get(valueSetName.toLowerCase()) ?? [])
        : [];
    overrides.restrictedPicklist = valueSet ? childText(valueSet, 'restricted') === 'true' || !!valueSetName : false;
  }
  applyDefault(childText(xml, 'defaultValue'), displayType, overrides);
  const picklistDefault = overrides.picklistValues?.find((entry) => entry.defaultValue);
  if (picklistDefault && overrides.defaultValue === undefined && displayType === 'PICKLIST') {
    overrides.defaultValue = picklistDefault.value;
    overrides.defaultedOnCreate = true;
  }
  return makeField(name, displayType, overrides);
}

/**
 * A custom geolocation field `Place__c` is read and written through its parts `Place__Latitude__s` and
 * `Place__Longitude__s`, numbers with the field's scale (SOAP API Developer Guide, "Compound Fields": geolocation).
 */
function withGeolocationParts(fields: FieldDescribe[]): FieldDescribe[] {
  return fields.flatMap((field) => {
    if (field.type !== 'LOCATION' || !field.custom) {
      return [field];
    }
    const base = field.name.replace(/__c$/i, '');
    const part = (suffix: 'Latitude' | 'Longitude'): FieldDescribe =>
      makeField(`${base}__${suffix}__s`, 'DOUBLE', {
        label: `${field.label} (${suffix})`,
        custom: true,
        precision: 18,
        scale: field.scale,
        compoundFieldName: field.name
      });
    return [field, part('Latitude'), part('Longitude')];
  });
}

/**
 * `defaultValue` of field metadata is a formula; a literal (`true`, `42`, `"text"`) becomes `defaultValue`, anything
 * else `defaultFormula` for the runtime to evaluate.
 */
function applyDefault(text: string | undefined, type: DisplayType, overrides: Partial<FieldDescribe>): void {
  if (text === undefined) {
    return;
  }
  overrides.defaultedOnCreate = true;
  if (type === 'BOOLEAN' && /^(true|false)$/i.test(text)) {
    overrides.defaultValue = text.toLowerCase() === 'true';
  } else if (/^-?\d+(\.\d+)?$/.test(text)) {
    overrides.defaultValue = Number(text);
  } else if (/^"([^"\\]|\\.)*"$/.test(text) || /^'([^'\\]|\\.)*'$/.test(text)) {
    overrides.defaultValue = text.slice(1, -1).replace(/\\(.)/g, '$1');
  } else {
    overrides.defaultFormula = text;
  }
}

function readRecordTypes(object: ObjectFiles, parse: (file: string) => XmlElement | undefined): RecordTypeInfo[] {
  const recordTypes: RecordTypeInfo[] = object.recordTypeFiles.flatMap((file) => {
    const xml = parse(file);
    if (!xml) {
      return [];
    }
    const developerName = childText(xml, 'fullName') ?? basename(file, '.recordType-meta.xml');
    return [
      {
        developerName,
        name: childText(xml, 'label') ?? developerName,
        active: childText(xml, 'active') !== 'false',
        master: false
      }
    ];
  });
  // Every object has the Master record type (Apex Reference Guide, "RecordTypeInfo Class").
  // Its Id is the same in every org and it has no RecordType row.
  return [
    { developerName: 'Master', name: 'Master', active: true, master: true, id: '012000000000000AAA' },
    ...recordTypes
  ];
}

/** Child relationships the project's reference fields create on their target objects, by lower-case target name. */
function childRelationshipsOf(
  projectObjects: SObjectSchema[],
  standardExtensions: Map<string, { fields: FieldDescribe[] }>
): Map<string, ChildRelationship[]> {
  const children = new Map<string, ChildRelationship[]>();
  const add = (childObject: string, field: FieldDescribe): void => {
    if (field.type !== 'REFERENCE' || !field.custom) {
      return;
    }
    for (const target of field.referenceTo) {
      const list = children.get(target.toLowerCase()) ?? [];
      list.push({
        childSObject: childObject,
        field: field.name,
        relationshipName: field.childRelationshipName,
        cascadeDelete: field.cascadeDelete,
        restrictedDelete: field.restrictedDelete
      });
      children.set(target.toLowerCase(), list);
    }
  };
  for (const object of projectObjects) {
    object.fields.forEach((field) => add(object.describe.name, field));
  }
  for (const [name, extension] of standardExtensions) {
    const jarName = standardJarObjects().get(name)?.name ?? name;
    extension.fields.forEach((field) => add(jarName, field));
  }
  return children;
}

function standardCatalogue(
  jar: ReturnType<typeof standardJarObjects>,
  extensions: Map<string, { fields: FieldDescribe[]; recordTypes: RecordTypeInfo[] }>,
  projectChildren: Map<string, ChildRelationship[]>,
  standardValueSets: Map<string, PicklistEntry[]>
): LazyObjects {
  const sortedNames = [...jar.keys()].sort();
  const indexOf = new Map(sortedNames.map((name, index) => [name, index]));
  const prefixes = new Map<string, string>();
  for (const name of sortedNames) {
    const facts = standardFacts(name);
    prefixes.set(facts?.keyPrefix ?? generatedStandardPrefix(indexOf.get(name) as number), name);
  }
  const resolveChildField = (childObject: string, parentObject: string): string | undefined => {
    const child = jar.get(childObject.toLowerCase());
    if (!child) {
      return undefined;
    }
    const names = new Set(child.fields.map((field) => field.name.toLowerCase()));
    const references = child.fields.filter(
      (field) =>
        names.has(`${field.name.toLowerCase()}id`) &&
        (field.descriptor === `Lcom/nawforce/runforce/SObjects/${parentObject};` ||
          field.descriptor === 'Lcom/nawforce/runforce/System/SObject;' ||
          field.descriptor === 'Lcom/nawforce/runforce/SObjects/Name;')
    );
    const exact = references.filter((field) => field.descriptor.endsWith(`/${parentObject};`));
    const preferred =
      exact.find((field) => field.name.toLowerCase() === parentObject.toLowerCase()) ??
      (exact.length > 0 ? exact[0] : undefined) ??
      references.find((field) => /^(Parent|What|LinkedEntity|Who)$/.test(field.name)) ??
      references[0];
    return preferred ? `${preferred.name}Id` : undefined;
  };
  return {
    names: () => sortedNames.map((name) => jar.get(name)?.name ?? name),
    extended: () => extensions.keys(),
    prefixOwner: (prefix) => {
      const owner = prefixes.get(prefix);
      if (owner) {
        return owner;
      }
      const index = generatedStandardIndex(prefix);
      return index === undefined ? undefined : sortedNames[index];
    },
    build: (name) => {
      const entry = jar.get(name);
      if (!entry) {
        return undefined;
      }
      const built = buildStandardObject(
        entry,
        indexOf.get(name) as number,
        projectChildren.get(name) ?? [],
        resolveChildField
      );
      applyStandardValueSets(built, standardValueSets);
      const extension = extensions.get(name);
      if (extension) {
        (built.fields as FieldDescribe[]).push(...extension.fields);
        built.describe.recordTypes = extension.recordTypes;
      }
      return built;
    }
  };
}

/** The project's StandardValueSet files replace the default values of the standard picklists that use them. */
function applyStandardValueSets(object: SObjectSchema, standardValueSets: Map<string, PicklistEntry[]>): void {
  for (const field of object.fields) {
    const valueSet = STANDARD_VALUE_SET_OF_FIELD.get(`${object.describe.name}.${field.name}`.toLowerCase());
    const entries = valueSet ? standardValueSets.get(valueSet.toLowerCase()) : undefined;
    if (entries) {
      field.picklistValues = entries;
      const defaultEntry = entries.find((entry) => entry.defaultValue);
      if (defaultEntry && field.defaultValue !== undefined) {
        field.defaultValue = defaultEntry.value;
      }
    }
  }
}

function readCustomMetadataRecord(
  file: string,
  parse: (file: string) => XmlElement | undefined
): CustomMetadataRecord | undefined {
  const xml = parse(file);
  if (!xml) {
    return undefined;
  }
  const [type, ...rest] = basename(file, '.md-meta.xml').split('.');
  const developerName = rest.join('.');
  const values = new Map<string, string | null>();
  for (const entry of childElements(xml, 'values')) {
    const field = childText(entry, 'field');
    const value = childElement(entry, 'value');
    if (field) {
      values.set(field, !value || value.attributes['xsi:nil'] === 'true' ? null : value.text);
    }
  }
  return {
    type: `${type}__mdt`,
    developerName,
    label: childText(xml, 'label') ?? developerName,
    protected: childText(xml, 'protected') === 'true',
    values
  };
}
