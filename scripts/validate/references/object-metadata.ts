import { ObjectDef } from './catalog';
import { Findings, Site } from './findings';
import { CUSTOM_FIELD_NAME } from './layouts';
import { nameKey, parentFolder } from './names';
import { childElement, childElements, childText, descendants, XmlElement } from './xml';

/** Field types whose `referenceTo` names the parent object. */
const REFERENCE_TYPES = new Set(['lookup', 'masterdetail', 'metadatarelationship', 'externallookup', 'indirectlookup']);

/**
 * The object of a decomposed child file `objects/<Object>/<kind>/<Name>.<kind>-meta.xml`, reported when the object is
 * neither the project's nor standard (the file then cannot deploy).
 */
function owningObject(findings: Findings, file: string, root: XmlElement): ObjectDef | undefined {
  const objectName = parentFolder(file, 2);
  const object = findings.catalog.object(objectName);
  if (!object?.isDeclared) {
    findings.error(
      { file, line: root.line, what: 'this file' },
      `belongs to object '${objectName}', which is neither defined in this project ` +
        `(objects/${objectName}/${objectName}.object-meta.xml) nor a standard object. Add the object or move the file.`
    );
    return undefined;
  }
  return object;
}

/**
 * A custom field: its object must exist, and so must the objects it looks up, the global value set it uses,
 * its controlling field, and the child fields a roll-up summary counts.
 */
export function checkCustomField(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  if (!root) {
    return;
  }
  const object = owningObject(findings, file, root);
  if (!object) {
    return;
  }
  const site = (element: XmlElement, what: string): Site => ({ file, line: element.line, what });
  if (REFERENCE_TYPES.has(nameKey(childText(root, 'type') ?? ''))) {
    for (const target of childElements(root, 'referenceTo')) {
      findings.object(site(target, 'referenceTo'), target.text);
    }
  }
  const valueSet = childElement(root, 'valueSet');
  const valueSetName = valueSet ? childElement(valueSet, 'valueSetName') : undefined;
  if (valueSetName?.text) {
    findings.component(site(valueSetName, 'valueSet.valueSetName'), 'global value set', valueSetName.text);
  }
  const controllingField = valueSet ? childElement(valueSet, 'controllingField') : undefined;
  if (controllingField?.text) {
    findings.fieldPath(site(controllingField, 'valueSet.controllingField'), object, controllingField.text);
  }
  const qualified = [
    ...childElements(root, 'summaryForeignKey'),
    ...childElements(root, 'summarizedField'),
    ...childElements(root, 'metadataRelationshipControllingField'),
    ...descendants(root, 'summaryFilterItems').flatMap((item) => childElements(item, 'field'))
  ];
  for (const element of qualified) {
    findings.qualifiedField(
      site(element, element.name === 'field' ? 'summaryFilterItems.field' : element.name),
      element.text
    );
  }
}

/** List views: filter fields and columns given by API name must be fields of the object. */
export function checkListView(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  const object = root ? owningObject(findings, file, root) : undefined;
  if (!root || !object) {
    return;
  }
  const names = [
    ...childElements(root, 'columns').map((element) => ({ element, what: 'columns' })),
    ...childElements(root, 'filters').flatMap((filter) =>
      childElements(filter, 'field').map((element) => ({ element, what: 'filters.field' }))
    )
  ];
  for (const { element, what } of names) {
    if (CUSTOM_FIELD_NAME.test(element.text)) {
      findings.fieldPath({ file, line: element.line, what }, object, element.text);
    }
  }
}

/** Record types: each picklist they restrict is a field of the object, and each value one of its values. */
export function checkRecordTypeFile(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  const object = root ? owningObject(findings, file, root) : undefined;
  for (const picklistValues of root && object ? childElements(root, 'picklistValues') : []) {
    const picklist = childElement(picklistValues, 'picklist');
    if (!object || !picklist?.text) {
      continue;
    }
    const resolution = findings.fieldPath(
      { file, line: picklist.line, what: 'picklistValues.picklist' },
      object,
      picklist.text
    );
    const values =
      resolution.status === 'found' ? findings.catalog.picklistValues(resolution.object, resolution.field) : undefined;
    for (const value of values ? childElements(picklistValues, 'values') : []) {
      const fullName = childElement(value, 'fullName');
      const decoded = fullName ? safeDecode(fullName.text) : '';
      if (fullName && values && !values.includes(decoded)) {
        findings.error(
          { file, line: fullName.line, what: 'picklistValues.values.fullName' },
          `names '${decoded}', which is not a value of picklist ${object.name}.${picklist.text} ` +
            `(values: ${values.join(', ')}). Fix the value or add it to the value set.`
        );
      }
    }
  }
}

/** Record type files store picklist values URL-encoded (`Closed%20Won`). */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Compact layouts and field sets: the fields they show. */
export function checkFieldList(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  const object = root ? owningObject(findings, file, root) : undefined;
  if (!root || !object) {
    return;
  }
  const fields = file.endsWith('.compactLayout-meta.xml')
    ? childElements(root, 'fields').map((element) => ({ element, what: 'fields' }))
    : ['displayedFields', 'availableFields'].flatMap((container) =>
        childElements(root, container).flatMap((entry) =>
          childElements(entry, 'field').map((element) => ({ element, what: `${container}.field` }))
        )
      );
  for (const { element, what } of fields) {
    findings.fieldPath({ file, line: element.line, what }, object, element.text);
  }
}
