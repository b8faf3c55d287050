import { declaresInvocable } from './apex-views';
import { Catalog, ComponentKind, CustomFieldInfo, ObjectDef } from './catalog';
import { baseName, nameKey, parentFolder } from './names';
import { derivedObjectFields, impliedFields, ProjectObjectKind } from './platform-fields';
import { SourceFiles } from './source-files';
import { StandardObject } from './standard-schema';
import { childElement, childElements, childText, descendants, XmlElement } from './xml';

/** Source-format suffixes of the components that references name, other than objects, fields and classes. */
const COMPONENT_SUFFIXES: Array<[ComponentKind, string]> = [
  ['flow', '.flow-meta.xml'],
  ['tab', '.tab-meta.xml'],
  ['Visualforce page', '.page'],
  ['custom permission', '.customPermission-meta.xml'],
  ['global value set', '.globalValueSet-meta.xml'],
  ['quick action', '.quickAction-meta.xml'],
  ['permission set', '.permissionset-meta.xml'],
  ['muting permission set', '.mutingpermissionset-meta.xml'],
  ['layout', '.layout-meta.xml'],
  ['custom metadata record', '.md-meta.xml'],
  ['application', '.app-meta.xml'],
  ['FlexiPage', '.flexipage-meta.xml']
];

/** Field types whose `Field__c` has a relationship `Field__r`. */
const RELATIONSHIP_TYPES = new Set([
  'lookup',
  'masterdetail',
  'hierarchy',
  'metadatarelationship',
  'externallookup',
  'indirectlookup'
]);

/** Derived objects of a custom object X__c whose fields are not catalogued: any field is accepted. */
const OPEN_DERIVED_OBJECTS: Array<[suffix: string, childRelationship: string]> = [
  ['Feed', 'Feeds'],
  ['ChangeEvent', '']
];

/** Reads the project's metadata into a catalog over the standard schema. */
export function buildCatalog(
  files: SourceFiles,
  standard: Map<string, StandardObject>,
  namespace: string | undefined
): Catalog {
  const catalog = new Catalog(standard, namespace);
  addComponents(catalog, files);
  addApexClasses(catalog, files);
  addObjects(catalog, files);
  return catalog;
}

function addComponents(catalog: Catalog, files: SourceFiles): void {
  for (const [kind, suffix] of COMPONENT_SUFFIXES) {
    for (const file of files.withSuffix(suffix)) {
      catalog.addComponent(kind, baseName(file, suffix), file);
    }
  }
  for (const [suffix, valueElement] of [
    ['.globalValueSet-meta.xml', 'customValue'],
    ['.standardValueSet-meta.xml', 'standardValue']
  ]) {
    for (const file of files.withSuffix(suffix)) {
      const root = files.xml(file);
      if (root) {
        const values = childElements(root, valueElement).map((value) => childText(value, 'fullName') ?? '');
        catalog.valueSets.set(nameKey(baseName(file, suffix)), values);
      }
    }
  }
}

function addApexClasses(catalog: Catalog, files: SourceFiles): void {
  for (const file of files.withSuffix('.cls')) {
    const invocable = declaresInvocable(files.apex(file).code);
    catalog.classes.set(nameKey(baseName(file, '.cls')), { file, invocable });
  }
}

function addObjects(catalog: Catalog, files: SourceFiles): void {
  for (const file of files.withSuffix('.object-meta.xml')) {
    const object = catalog.projectObject(baseName(file, '.object-meta.xml'));
    object.file = file;
    const root = files.xml(file);
    object.customSettingsType = root ? childText(root, 'customSettingsType') : undefined;
  }
  for (const file of files.withSuffix('.field-meta.xml')) {
    const root = files.xml(file);
    if (root) {
      addCustomField(
        catalog.projectObject(parentFolder(file, 2)),
        baseName(file, '.field-meta.xml'),
        readField(root, catalog)
      );
    }
  }
  for (const object of catalog.allProjectObjects()) {
    addImpliedFields(catalog, object);
  }
  for (const object of catalog.allProjectObjects()) {
    addChildRelationships(catalog, object);
  }
  for (const [suffix, collect] of [
    ['.recordType-meta.xml', (object: ObjectDef) => object.recordTypes],
    ['.webLink-meta.xml', (object: ObjectDef) => object.webLinks]
  ] as const) {
    for (const file of files.withSuffix(suffix)) {
      collect(catalog.projectObject(parentFolder(file, 2))).add(nameKey(baseName(file, suffix)));
    }
  }
}

function readField(root: XmlElement, catalog: Catalog): CustomFieldInfo {
  const valueSet = childElement(root, 'valueSet');
  const definition = valueSet ? childElement(valueSet, 'valueSetDefinition') : undefined;
  const valueSetName = valueSet ? childText(valueSet, 'valueSetName') : undefined;
  let values: string[] | undefined;
  if (definition) {
    values = childElements(definition, 'value').map((value) => childText(value, 'fullName') ?? '');
  } else if (valueSetName) {
    values = catalog.valueSets.get(nameKey(valueSetName));
  }
  return {
    type: childText(root, 'type') ?? '',
    required: childText(root, 'required') === 'true',
    formula: childText(root, 'formula') !== undefined,
    referenceTo: descendants(root, 'referenceTo').map((element) => element.text),
    relationshipName: childText(root, 'relationshipName'),
    values,
    controllingField: childText(root, 'metadataRelationshipControllingField')
  };
}

function addCustomField(object: ObjectDef, name: string, custom: CustomFieldInfo): void {
  const type = nameKey(custom.type);
  const targets = type === 'hierarchy' ? [object.name] : custom.referenceTo;
  object.addField({ name, kind: 'value', targets, custom });
  if (RELATIONSHIP_TYPES.has(type) && /__c$/i.test(name)) {
    object.addField({ name: name.replace(/__c$/i, '__r'), kind: 'reference', targets });
  }
  if (type === 'location') {
    const stem = name.replace(/__c$/i, '');
    object.addField({ name: `${stem}__Latitude__s`, kind: 'value', targets: [] });
    object.addField({ name: `${stem}__Longitude__s`, kind: 'value', targets: [] });
  }
}

function objectKind(object: ObjectDef): ProjectObjectKind | undefined {
  const suffix = /__([a-z]+)$/i.exec(object.name)?.[1]?.toLowerCase();
  switch (suffix) {
    case 'c':
      return object.customSettingsType ? 'customSetting' : 'customObject';
    case 'mdt':
      return 'customMetadata';
    case 'e':
      return 'platformEvent';
    case 'b':
      return 'bigObject';
    case 'x':
      return 'externalObject';
    default:
      return undefined;
  }
}

function addImpliedFields(catalog: Catalog, object: ObjectDef): void {
  const kind = object.file ? objectKind(object) : undefined;
  if (!kind || !object.file) {
    return;
  }
  const hasMaster = object.customFields().some((field) => nameKey(field.custom?.type ?? '') === 'masterdetail');
  const hierarchySetting = nameKey(object.customSettingsType ?? '') === 'hierarchy';
  for (const field of impliedFields({ kind, hasMaster, hierarchySetting })) {
    if (!object.field(field.name)) {
      object.addField({ ...field, system: true });
    }
  }
  if (kind === 'customObject') {
    addDerivedObjects(catalog, object, object.file);
  }
}

/** `X__Share`, `X__History`, `X__Feed` and `X__ChangeEvent` exist for a custom object `X__c`. */
function addDerivedObjects(catalog: Catalog, parent: ObjectDef, file: string): void {
  const stem = parent.name.replace(/__c$/i, '');
  for (const [suffix, childRelationship] of [
    ['Share', 'Shares'],
    ['History', 'Histories']
  ] as const) {
    const derived = catalog.projectObject(`${stem}__${suffix}`);
    derived.file = file;
    derivedObjectFields(suffix, parent.name).forEach((field) => derived.addField(field));
    parent.addField({ name: childRelationship, kind: 'children', targets: [derived.name] });
  }
  for (const [suffix, childRelationship] of OPEN_DERIVED_OBJECTS) {
    const derived = catalog.projectObject(`${stem}__${suffix}`);
    derived.file = file;
    derived.openFields = true;
    if (childRelationship) {
      parent.addField({ name: childRelationship, kind: 'children', targets: [derived.name] });
    }
  }
}

/**
 * A lookup `Invoice__c.Account__c` with relationship name `Invoices` gives Account the child relationship
 * `Invoices__r`.
 */
function addChildRelationships(catalog: Catalog, object: ObjectDef): void {
  for (const field of object.customFields()) {
    const custom = field.custom;
    const relationshipName = custom?.relationshipName;
    if (!custom || !relationshipName || custom.referenceTo.length !== 1) {
      continue;
    }
    const parent = catalog.object(custom.referenceTo[0]);
    if (parent) {
      parent.addField({ name: `${relationshipName}__r`, kind: 'children', targets: [object.name] });
    }
  }
}
