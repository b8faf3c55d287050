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
  // "In field: flexiPage - no FlexiPage named X found" (salesforce.stackexchange.com/questions/305221).
  const flexiPage = childElement(root, 'flexiPage');
  if (flexiPage?.text) {
    findings.component({ file, line: flexiPage.line, what: 'flexiPage' }, 'FlexiPage', flexiPage.text);
  }
}

/**
 * Lightning and Classic apps: the tabs they list (`standard-*` tabs are the org's own), their utility bar and the
 * Lightning pages their overrides open.
 */
export function checkApplication(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  if (!root) {
    return;
  }
  for (const tab of childElements(root, 'tabs')) {
    if (!tab.text.startsWith('standard-')) {
      findings.component({ file, line: tab.line, what: 'tabs' }, 'tab', tab.text);
    }
  }
  const utilityBar = childElement(root, 'utilityBar');
  if (utilityBar?.text) {
    findings.component({ file, line: utilityBar.line, what: 'utilityBar' }, 'FlexiPage', utilityBar.text, true);
  }
  checkFlexiPageOverrides(findings, file, root);
}

/**
 * `actionOverrides` and `profileActionOverrides` of type Flexipage (objects, apps, profiles) open the Lightning page
 * their `content` names. A missing page is a warning: the reference has the form of the tab's `flexiPage`, which the
 * platform refuses, but no report of this one failing was found.
 */
export function checkFlexiPageOverrides(findings: Findings, file: string, root = findings.files.xml(file)): void {
  for (const name of ['actionOverrides', 'profileActionOverrides']) {
    for (const override of root ? childElements(root, name) : []) {
      const content = childElement(override, 'content');
      if (content?.text && childText(override, 'type') === 'Flexipage') {
        findings.component({ file, line: content.line, what: `${name}.content` }, 'FlexiPage', content.text, true);
      }
    }
  }
}

/**
 * Dynamic Forms fields of a record page: `fieldInstance.fieldItem` is `Record.Field` and names a field of the page's
 * `sobjectType`. The deploy answers "Something went wrong. We couldn't retrieve or load the information on the field:
 * Record.X" for a field the object lacks, and "Invalid field reference" for `Object.Field` (forcedotcom/afv-library's
 * FlexiPage deployment errors; sfdx-hardis's deployment assistant matches the first).
 */
export function checkFlexiPageFields(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  const sobjectType = root ? childElement(root, 'sobjectType') : undefined;
  const items = root
    ? descendants(root, 'fieldInstance').flatMap((instance) => childElements(instance, 'fieldItem'))
    : [];
  if (!sobjectType?.text || items.length === 0) {
    return;
  }
  const object = findings.object({ file, line: sobjectType.line, what: 'sobjectType' }, sobjectType.text);
  for (const item of items) {
    const site = { file, line: item.line, what: 'fieldInstance.fieldItem' };
    if (!item.text.startsWith('Record.')) {
      findings.error(
        site,
        `'${item.text}' is no field reference a record page accepts ("Invalid field reference"): write Record.FieldName`
      );
    } else if (object) {
      findings.fieldPath(site, object, item.text.slice('Record.'.length));
    }
  }
}
