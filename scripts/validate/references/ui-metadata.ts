import { Findings, Site } from './findings';
import { baseName } from './names';
import { childElement, childElements, childText, descendants, XmlElement } from './xml';

/**
 * Quick actions `Object.Action` (object-specific) or `Action` (global): the object they create or update, the fields
 * of their layout and overrides, and the flow or Visualforce page they open.
 */
export function checkQuickAction(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  if (!root) {
    return;
  }
  const name = baseName(file, '.quickAction-meta.xml');
  const site = (element: XmlElement, what: string): Site => ({ file, line: element.line, what });
  const targetElement = childElement(root, 'targetObject');
  const contextName = name.includes('.') ? name.slice(0, name.indexOf('.')) : undefined;
  const context = contextName
    ? findings.object({ file, line: root.line, what: 'this action (from its file name)' }, contextName)
    : undefined;
  const target = targetElement?.text
    ? findings.object(site(targetElement, 'targetObject'), targetElement.text)
    : context;
  const fields = [
    ...descendants(root, 'quickActionLayoutItems').flatMap((item) =>
      childElements(item, 'field').map((element) => ({ element, what: 'quickActionLayoutItems.field' }))
    ),
    ...childElements(root, 'fieldOverrides').flatMap((override) =>
      childElements(override, 'field').map((element) => ({ element, what: 'fieldOverrides.field' }))
    )
  ];
  for (const { element, what } of fields) {
    if (target && element.text) {
      findings.fieldPath(site(element, what), target, element.text);
    }
  }
  const flow = childElement(root, 'flowDefinition');
  if (flow?.text) {
    findings.component(site(flow, 'flowDefinition'), 'flow', flow.text);
  }
  const page = childElement(root, 'page');
  if (page?.text) {
    findings.component(site(page, 'page'), 'Visualforce page', page.text);
  }
}

/** Custom tabs: the object of an object tab (named like it) and the Visualforce page of a page tab. */
export function checkTab(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  if (!root) {
    return;
  }
  if (childText(root, 'customObject') === 'true') {
    findings.object(
      { file, line: childElement(root, 'customObject')?.line ?? root.line, what: 'this object tab' },
      baseName(file, '.tab-meta.xml')
    );
  }
  const page = childElement(root, 'page');
  if (page?.text) {
    findings.component({ file, line: page.line, what: 'page' }, 'Visualforce page', page.text);
  }
}

/** Lightning and Classic apps: the tabs they list (`standard-*` tabs are the org's own). */
export function checkApplication(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  for (const tab of root ? childElements(root, 'tabs') : []) {
    if (!tab.text.startsWith('standard-')) {
      findings.component({ file, line: tab.line, what: 'tabs' }, 'tab', tab.text);
    }
  }
}
