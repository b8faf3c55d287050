import { ObjectDef } from './catalog';
import { Findings, Site } from './findings';
import { baseName, nameKey } from './names';
import { childElement, childElements, childText, descendants, XmlElement } from './xml';

/**
 * A custom field named by API name in a related list or list view column. Standard columns use legacy upper-case
 * names (`NAME`, `OWNER.ALIAS`, `ACCOUNT.NAME`) that have no offline catalog, so they are not checked.
 */
export const CUSTOM_FIELD_NAME = /^\w+__c$/i;

/**
 * Page layouts `Object-Layout Name`: the fields they place, the related lists they show (`Child__c.Lookup__c`)
 * with their custom columns, the custom buttons, and the object-specific quick actions of a custom object.
 */
export function checkLayout(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  const objectName = baseName(file, '.layout-meta.xml').split('-')[0];
  const object = root
    ? findings.object({ file, line: root.line, what: 'layout (from its file name)' }, objectName)
    : undefined;
  if (!root || !object) {
    return;
  }
  const site = (element: XmlElement, what: string): Site => ({ file, line: element.line, what });
  for (const item of descendants(root, 'layoutItems')) {
    const field = childElement(item, 'field');
    if (field?.text) {
      findings.fieldPath(site(field, 'layoutItems.field'), object, field.text);
    }
    const page = childElement(item, 'page');
    if (page?.text) {
      findings.component(site(page, 'layoutItems.page'), 'Visualforce page', page.text);
    }
  }
  const miniLayout = childElement(root, 'miniLayout');
  for (const field of miniLayout ? childElements(miniLayout, 'fields') : []) {
    findings.fieldPath(site(field, 'miniLayout.fields'), object, field.text);
  }
  for (const relatedList of childElements(root, 'relatedLists')) {
    checkRelatedList(findings, file, relatedList);
  }
  for (const button of childElements(root, 'customButtons')) {
    checkWebLink(findings, site(button, 'customButtons'), object, button.text);
  }
  for (const item of descendants(root, 'quickActionListItems')) {
    const name = childElement(item, 'quickActionName');
    if (name?.text) {
      checkQuickActionName(findings, site(name, 'quickActionListItems.quickActionName'), name.text);
    }
  }
  for (const item of descendants(root, 'platformActionListItems')) {
    const name = childElement(item, 'actionName');
    const type = childText(item, 'actionType');
    if (!name?.text) {
      continue;
    }
    if (type === 'QuickAction') {
      checkQuickActionName(findings, site(name, 'platformActionListItems.actionName'), name.text);
    } else if (type === 'CustomButton') {
      checkWebLink(findings, site(name, 'platformActionListItems.actionName'), object, name.text);
    }
  }
}

/** `Child__c.Lookup__c`: the child object and its lookup exist; custom columns are fields of the child. */
function checkRelatedList(findings: Findings, file: string, relatedList: XmlElement): void {
  const nameElement = childElement(relatedList, 'relatedList');
  const name = nameElement?.text ?? '';
  const dot = name.indexOf('.');
  // Standard related lists (`RelatedContactList`, `RelatedHistoryList`) have no offline catalog.
  if (!nameElement || dot <= 0) {
    return;
  }
  const at: Site = { file, line: nameElement.line, what: 'relatedLists.relatedList' };
  const child = findings.object(at, name.slice(0, dot));
  if (!child || findings.fieldPath(at, child, name.slice(dot + 1)).status !== 'found') {
    return;
  }
  for (const column of childElements(relatedList, 'fields')) {
    if (CUSTOM_FIELD_NAME.test(column.text)) {
      findings.fieldPath({ file, line: column.line, what: 'relatedLists.fields' }, child, column.text);
    }
  }
}

/** Custom buttons and links are always custom: they must be the object's web links. */
function checkWebLink(findings: Findings, at: Site, object: ObjectDef, name: string): void {
  if (object.webLinks.has(nameKey(name))) {
    return;
  }
  const foreign = findings.catalog.foreignNamespace(name);
  if (foreign) {
    findings.warning(at, `names button '${name}' of namespace '${foreign}' (not checked offline).`);
  } else {
    findings.error(
      at,
      `names custom button '${name}', which ${object.name} does not define ` +
        `(expected objects/${object.name}/webLinks/${name}.webLink-meta.xml). Fix the name or add the button.`
    );
  }
}

/**
 * `Object.Action`: a custom object's actions all come from the project (standard objects have built-in ones, and
 * global actions such as `NewTask` or `FeedItem.TextPost` are the org's own).
 */
function checkQuickActionName(findings: Findings, at: Site, name: string): void {
  const dot = name.indexOf('.');
  const objectName = name.slice(0, Math.max(dot, 0));
  if (/__c$/i.test(objectName) && findings.object(at, objectName)) {
    findings.component(at, 'quick action', name);
  }
}
