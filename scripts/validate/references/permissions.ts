import { FieldDef } from './catalog';
import { Findings, Site } from './findings';
import { nameKey } from './names';
import { REQUIRED_STANDARD_FIELDS } from './platform-fields';
import { childElement, childElements, childText, XmlElement } from './xml';

/** Field types the platform computes: field permissions may make them readable, never editable. */
const READ_ONLY_TYPES = new Set(['summary', 'autonumber']);

/**
 * Permission sets, muting permission sets and profiles: every object, field, class, flow, custom metadata type,
 * custom setting, record type, tab, page, custom permission, application and layout they grant must exist, and
 * field permissions must avoid the entries the Metadata API rejects.
 */
export function checkPermissions(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  if (!root) {
    return;
  }
  const site = (element: XmlElement, what: string): Site => ({ file, line: element.line, what });
  const each = (container: string, child: string, check: (value: string, at: Site) => void): void => {
    for (const entry of childElements(root, container)) {
      const value = childElement(entry, child);
      if (value?.text) {
        check(value.text, site(value, `${container}.${child}`));
      }
    }
  };

  each('objectPermissions', 'object', (name, at) => findings.object(at, name));
  for (const entry of childElements(root, 'fieldPermissions')) {
    const field = childElement(entry, 'field');
    if (field?.text) {
      checkFieldPermission(
        findings,
        site(field, 'fieldPermissions.field'),
        field.text,
        childText(entry, 'editable') === 'true'
      );
    }
  }
  each('classAccesses', 'apexClass', (name, at) => findings.component(at, 'Apex class', name));
  each('flowAccesses', 'flow', (name, at) => findings.component(at, 'flow', name));
  each('customMetadataTypeAccesses', 'name', (name, at) => {
    const object = findings.object(at, name);
    if (object && !object.isCustomMetadata) {
      findings.error(at, `names '${name}', which is not a custom metadata type (its name must end in __mdt).`);
    }
  });
  each('customSettingAccesses', 'name', (name, at) => {
    const object = findings.object(at, name);
    if (object && object.isDeclared && !object.customSettingsType) {
      findings.error(at, `names '${name}', which is not a custom setting (its object file has no customSettingsType).`);
    }
  });
  each('recordTypeVisibilities', 'recordType', (name, at) => checkRecordType(findings, at, name));
  each('tabSettings', 'tab', (name, at) => {
    // `standard-Account` and the like are the org's own tabs.
    if (!name.startsWith('standard-')) {
      findings.component(at, 'tab', name);
    }
  });
  each('pageAccesses', 'apexPage', (name, at) => findings.component(at, 'Visualforce page', name));
  each('customPermissions', 'name', (name, at) => findings.component(at, 'custom permission', name));
  each('applicationVisibilities', 'application', (name, at) => {
    if (!name.startsWith('standard__')) {
      findings.component(at, 'application', name);
    }
  });
  each('layoutAssignments', 'layout', (name, at) => checkLayoutAssignment(findings, at, name));
  each('layoutAssignments', 'recordType', (name, at) => checkRecordType(findings, at, name));
}

/** Permission set groups: the permission sets and muting permission sets they bundle. */
export function checkPermissionSetGroup(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  for (const [element, kind] of [
    ['permissionSets', 'permission set'],
    ['mutingPermissionSets', 'muting permission set']
  ] as const) {
    for (const entry of root ? childElements(root, element) : []) {
      findings.component({ file, line: entry.line, what: element }, kind, entry.text);
    }
  }
}

function checkFieldPermission(findings: Findings, at: Site, qualified: string, editable: boolean): void {
  const resolution = findings.qualifiedField(at, qualified);
  if (resolution?.status !== 'found') {
    return;
  }
  const { field } = resolution;
  const refusal = requiredReason(qualified, field);
  if (refusal) {
    findings.error(
      at,
      `names '${qualified}', ${refusal}: the Metadata API rejects field permissions on it ("You cannot deploy to a ` +
        'required field"). Remove this entry: access to it follows the object permissions.'
    );
  } else if (editable && isComputed(field)) {
    findings.error(
      at,
      `sets editable true on '${qualified}', a ${field.custom?.formula ? 'formula' : field.custom?.type} field the ` +
        'platform computes, so the deploy fails. Set editable to false.'
    );
  }
}

function requiredReason(qualified: string, field: FieldDef): string | undefined {
  if (field.custom?.required) {
    return 'a required field (<required>true</required>)';
  }
  if (nameKey(field.custom?.type ?? '') === 'masterdetail') {
    return 'a master-detail field, which is always required';
  }
  // An object's Name field is the exception: permission sets that grant it deploy (trailheadapps/dreamhouse-lwc's
  // `Property__c.Name`); the documented refusal is about required custom fields and master-detail fields.
  if (field.system && nameKey(field.name) !== 'name') {
    return 'a system field that the platform requires or sets on every record';
  }
  return REQUIRED_STANDARD_FIELDS.has(nameKey(qualified)) ? 'a standard field that every org requires' : undefined;
}

function isComputed(field: FieldDef): boolean {
  return field.custom !== undefined && (field.custom.formula || READ_ONLY_TYPES.has(nameKey(field.custom.type)));
}

/** `Object.RecordType`: the record type must be defined under the object (record types are never built in). */
function checkRecordType(findings: Findings, at: Site, qualified: string): void {
  const dot = qualified.indexOf('.');
  const object = dot > 0 ? findings.object(at, qualified.slice(0, dot)) : undefined;
  if (dot <= 0) {
    findings.error(at, `'${qualified}' is not of the form Object.RecordType.`);
  } else if (object && !object.recordTypes.has(nameKey(qualified.slice(dot + 1)))) {
    const name = qualified.slice(dot + 1);
    const foreign = findings.catalog.foreignNamespace(object.name);
    const message =
      `names record type '${qualified}', which this project does not define ` +
      `(expected objects/${object.name}/recordTypes/${name}.recordType-meta.xml). Fix the name or add the record type.`;
    if (foreign) {
      findings.warning(at, `names record type '${qualified}' of namespace '${foreign}' (not checked offline).`);
    } else {
      findings.error(at, message);
    }
  }
}

/** Profiles assign layouts; a custom object's layouts come from the project (standard objects have built-in ones). */
function checkLayoutAssignment(findings: Findings, at: Site, layout: string): void {
  const object = findings.object(at, layout.split('-')[0]);
  if (object && !object.isStandard) {
    findings.component(at, 'layout', layout);
  }
}
