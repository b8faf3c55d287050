import { ObjectDef } from './catalog';
import { Findings, Site } from './findings';
import { baseName, nameKey } from './names';
import { childElement, childElements, XmlElement } from './xml';

/**
 * Custom metadata records `customMetadata/Type.Record.md-meta.xml`: the type `Type__mdt` exists, every
 * `values.field` is a field of it, and the values of metadata relationship fields name what exists: an object
 * (EntityDefinition), a field of the object named by the controlling field (FieldDefinition), or a record of
 * another custom metadata type.
 */
export function checkCustomMetadataRecord(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  if (!root) {
    return;
  }
  const typeName = `${baseName(file, '.md-meta.xml').split('.')[0]}__mdt`;
  const type = findings.object({ file, line: root.line, what: 'this record (from its file name)' }, typeName);
  if (!type) {
    return;
  }
  const values = new Map<string, { field: XmlElement; value: XmlElement | undefined }>();
  for (const entry of childElements(root, 'values')) {
    const field = childElement(entry, 'field');
    if (!field?.text) {
      continue;
    }
    const resolution = findings.fieldPath({ file, line: field.line, what: 'values.field' }, type, field.text);
    if (resolution.status === 'found') {
      values.set(nameKey(field.text), { field, value: childElement(entry, 'value') });
    }
  }
  for (const { field, value } of values.values()) {
    if (value?.text && value.attributes['xsi:nil'] !== 'true') {
      checkRelationshipValue(
        findings,
        { file, line: value.line, what: `values.value of ${field.text}` },
        type,
        field.text,
        value.text,
        values
      );
    }
  }
}

function checkRelationshipValue(
  findings: Findings,
  at: Site,
  type: ObjectDef,
  fieldName: string,
  value: string,
  values: Map<string, { value: XmlElement | undefined }>
): void {
  const custom = findings.catalog.field(type, fieldName)?.custom;
  if (nameKey(custom?.type ?? '') !== 'metadatarelationship' || custom?.referenceTo.length !== 1) {
    return;
  }
  const target = custom.referenceTo[0];
  if (nameKey(target) === 'entitydefinition') {
    findings.object(at, value);
  } else if (nameKey(target) === 'fielddefinition') {
    // The controlling field (`Type__mdt.Object__c`) holds the object whose field this value names.
    const controlling = custom.controllingField?.split('.').pop() ?? '';
    const objectName = values.get(nameKey(controlling))?.value?.text;
    const object = objectName ? findings.catalog.object(objectName) : undefined;
    if (object) {
      findings.fieldPath(at, object, value);
    }
  } else if (/__mdt$/i.test(target)) {
    findings.component(at, 'custom metadata record', `${target.replace(/__mdt$/i, '')}.${value}`);
  }
}
