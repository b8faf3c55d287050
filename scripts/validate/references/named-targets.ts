import { FieldDef } from './catalog';
import { Findings, Site } from './findings';
import { baseName, nameKey } from './names';
import { standardSchema } from './standard-schema';
import { childElement, childElements, childText, descendants } from './xml';

/**
 * Names that point elsewhere and what they may ask of their target: an object's compact layout assignment, the
 * behaviour a layout gives a read-only field, user permission names, and custom metadata values against their
 * field's type and value set. Evidence: docs/quality-gate/cross-references.md, "Names that point elsewhere".
 */

const OBJECT_FILE = /(?:^|\/)objects\/([^/]+)\/[^/]+\.object-meta\.xml$/;
const COMPACT_LAYOUT_FILE = /(?:^|\/)objects\/([^/]+)\/compactLayouts\/([^/]+)\.compactLayout-meta\.xml$/;
/** The API version of the PermissionSet fields in apex-ls's standard schema: newer permissions are not in it. */
const SCHEMA_API_VERSION = 65;

/** `<compactLayoutAssignment>` names a compact layout of the object, or the SYSTEM default. */
export function checkCompactLayoutAssignment(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  const assignment = root ? childElement(root, 'compactLayoutAssignment') : undefined;
  const objectName = OBJECT_FILE.exec(file)?.[1];
  if (!assignment?.text || !objectName || nameKey(assignment.text) === 'system') {
    return;
  }
  const defined = findings.files
    .withSuffix('.compactLayout-meta.xml')
    .map((path) => COMPACT_LAYOUT_FILE.exec(path))
    .some(
      (match) => match && nameKey(match[1]) === nameKey(objectName) && nameKey(match[2]) === nameKey(assignment.text)
    );
  if (!defined) {
    findings.error(
      { file, line: assignment.line, what: 'compactLayoutAssignment' },
      `names compact layout '${assignment.text}', which ${objectName} does not define (expected ` +
        `objects/${objectName}/compactLayouts/${assignment.text}.compactLayout-meta.xml; SYSTEM is the default) ` +
        '[compact-layout-assignment]'
    );
  }
}

/** Layout items that ask a read-only field to be Required or Edit. */
export function checkLayoutBehaviour(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  const object = root ? findings.catalog.object(baseName(file, '.layout-meta.xml').split('-')[0]) : undefined;
  if (!root || !object) {
    return;
  }
  for (const item of descendants(root, 'layoutItems')) {
    const behavior = childElement(item, 'behavior');
    const fieldName = childText(item, 'field');
    if (!behavior || !fieldName || (behavior.text !== 'Required' && behavior.text !== 'Edit')) {
      continue;
    }
    const readOnly = readOnlyKind(findings.catalog.field(object, fieldName));
    if (readOnly) {
      findings.error(
        { file, line: behavior.line, what: `layoutItems.behavior of ${fieldName}` },
        `is ${behavior.text}, but ${object.name}.${fieldName} is ${readOnly}, which users cannot enter: use ` +
          'Readonly [layout-field-behavior]'
      );
    }
  }
}

function readOnlyKind(field: FieldDef | undefined): string | undefined {
  const custom = field?.custom;
  if (!custom) {
    return undefined;
  }
  if (custom.formula) {
    return 'a formula field';
  }
  const type = nameKey(custom.type);
  return type === 'autonumber' ? 'an auto-number field' : type === 'summary' ? 'a roll-up summary field' : undefined;
}

let userPermissions: Set<string> | undefined;

/** User permission names: the `Permissions<Name>` fields of PermissionSet in apex-ls's standard schema (API 65). */
function knownUserPermissions(): Set<string> {
  if (!userPermissions) {
    const fields = standardSchema().get('permissionset')?.fields.values() ?? [];
    userPermissions = new Set(
      [...fields].filter((field) => /^Permissions/.test(field.name)).map((field) => nameKey(field.name.slice(11)))
    );
  }
  return userPermissions;
}

/** `userPermissions.name` of permission sets, muting permission sets and profiles. */
export function checkUserPermissions(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  const known = knownUserPermissions();
  if (!root || known.size === 0) {
    return;
  }
  const apiVersion = Number.parseFloat(findings.files.project.sourceApiVersion ?? '0');
  for (const permission of childElements(root, 'userPermissions')) {
    const name = childElement(permission, 'name');
    if (!name?.text || known.has(nameKey(name.text))) {
      continue;
    }
    const site: Site = { file, line: name.line, what: 'userPermissions.name' };
    const message =
      `names '${name.text}', which is not a user permission of API ${SCHEMA_API_VERSION} (the PermissionSet ` +
      `fields Permissions*): the deploy fails with "Unknown user permission: ${name.text}" [user-permission-unknown]`;
    if (apiVersion > SCHEMA_API_VERSION) {
      findings.warning(site, `${message}; the project's API ${apiVersion} may have added it`);
    } else {
      findings.error(site, message);
    }
  }
}

/** Custom metadata record values against their field: picklist values, checkboxes, numbers, dates. */
export function checkCustomMetadataValues(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  const type = root ? findings.catalog.object(`${baseName(file, '.md-meta.xml').split('.')[0]}__mdt`) : undefined;
  if (!root || !type) {
    return;
  }
  for (const entry of childElements(root, 'values')) {
    const fieldName = childText(entry, 'field');
    const value = childElement(entry, 'value');
    const custom = fieldName ? findings.catalog.field(type, fieldName)?.custom : undefined;
    if (!custom || !value || value.attributes['xsi:nil'] === 'true') {
      continue;
    }
    const site: Site = { file, line: value.line, what: `values.value of ${fieldName}` };
    const problem = valueProblem(nameKey(custom.type), value.text, custom.values);
    if (problem) {
      findings.error(site, `${problem} [custom-metadata-value]`);
    }
  }
}

function valueProblem(type: string, value: string, values: string[] | undefined): string | undefined {
  if (type === 'picklist' && values && value && !values.some((known) => nameKey(known) === nameKey(value))) {
    return `'${value}' is not a value of the field's picklist (values: ${values.join(', ')}); custom metadata picklists are restricted`;
  }
  if (type === 'checkbox' && value !== 'true' && value !== 'false') {
    return `'${value}' is no checkbox value: use true or false`;
  }
  if (
    (type === 'number' || type === 'percent' || type === 'currency') &&
    value &&
    !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)
  ) {
    return `'${value}' is not a number`;
  }
  if (type === 'date' && value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return `'${value}' is not a date (YYYY-MM-DD)`;
  }
  return undefined;
}
