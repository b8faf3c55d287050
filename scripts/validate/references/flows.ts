import { ObjectDef } from './catalog';
import { Findings, Site } from './findings';
import { nameKey } from './names';
import { childElement, childElements, childText, XmlElement } from './xml';

/** Elements whose text is a reference such as `$Record.Account__r.Name` or `Get_Invoice.Amount__c`. */
const REFERENCE_ELEMENTS = new Set([
  'elementReference',
  'leftValueReference',
  'assignToReference',
  'collectionReference'
]);
/** A merge field in a formula, a text template or a filter formula: `{!$Record.Status__c}`. */
const MERGE_FIELD = /\{!\s*([$\w.:]+)\s*\}/g;
/** A picklist test in a formula: `ISPICKVAL({!$Record.Status}, "Approved")`. */
const ISPICKVAL = /ISPICKVAL\(\s*\{!\s*([$\w.:]+)\s*\}\s*,\s*(["'])(.*?)\2\s*\)/gi;
/** Record operators whose filters compare a field with a value. */
const EQUALITY_OPERATORS = new Set(['EqualTo', 'NotEqualTo']);
const RECORD_ELEMENTS = ['recordLookups', 'recordCreates', 'recordUpdates', 'recordDeletes'] as const;

/**
 * Flows: the objects they trigger on and read or write, the fields of their filters, assignments and queried fields,
 * every `$Record.Field` (and other record variable) reference in references and formulas, the invocable Apex classes
 * and subflows they call, and the picklist values their conditions compare with.
 */
export function checkFlow(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  if (root) {
    new FlowChecker(findings, file, root).run();
  }
}

class FlowChecker {
  /** Names that hold one record (`$Record`, record variables, single-record lookups, loops), by lower-case name. */
  private readonly records = new Map<string, ObjectDef>();
  /** Names that hold a record collection, for the loops that iterate them. */
  private readonly collections = new Map<string, ObjectDef>();

  constructor(
    private readonly findings: Findings,
    private readonly file: string,
    private readonly root: XmlElement
  ) {}

  run(): void {
    this.collectRecordNames();
    this.checkStart();
    for (const kind of RECORD_ELEMENTS) {
      for (const element of childElements(this.root, kind)) {
        this.checkRecordElement(kind, element);
      }
    }
    this.checkCalls();
    this.checkDecisions();
    this.checkReferences(this.root, []);
  }

  private site(element: XmlElement, what: string): Site {
    return { file: this.file, line: element.line, what };
  }

  /** The object an element names in `<object>`, reported if missing. */
  private namedObject(element: XmlElement, what: string): ObjectDef | undefined {
    const objectElement = childElement(element, 'object');
    return objectElement?.text ? this.findings.object(this.site(objectElement, what), objectElement.text) : undefined;
  }

  private collectRecordNames(): void {
    const start = childElement(this.root, 'start');
    const triggering = start ? this.namedObject(start, 'start.object') : undefined;
    if (triggering) {
      this.records.set('$record', triggering);
      this.records.set('$record__prior', triggering);
    }
    for (const variable of childElements(this.root, 'variables')) {
      const typeElement = childElement(variable, 'objectType');
      const name = childText(variable, 'name');
      if (!typeElement?.text || !name || childText(variable, 'dataType') !== 'SObject') {
        continue;
      }
      const object = this.findings.object(this.site(typeElement, 'variables.objectType'), typeElement.text);
      if (object) {
        (childText(variable, 'isCollection') === 'true' ? this.collections : this.records).set(nameKey(name), object);
      }
    }
    for (const lookup of childElements(this.root, 'recordLookups')) {
      const name = childText(lookup, 'name');
      // Reported, if missing, with the lookup's other references.
      const object = this.findings.catalog.object(childText(lookup, 'object') ?? '');
      if (name && object && childText(lookup, 'storeOutputAutomatically') === 'true') {
        (childText(lookup, 'getFirstRecordOnly') === 'true' ? this.records : this.collections).set(
          nameKey(name),
          object
        );
      }
    }
    for (const loop of childElements(this.root, 'loops')) {
      const name = childText(loop, 'name');
      const object = this.collections.get(nameKey(childText(loop, 'collectionReference') ?? ''));
      if (name && object) {
        this.records.set(nameKey(name), object);
      }
    }
  }

  private checkStart(): void {
    const start = childElement(this.root, 'start');
    const object = this.records.get('$record');
    if (start && object) {
      this.checkFilters(start, 'start', object);
    }
  }

  private checkRecordElement(kind: (typeof RECORD_ELEMENTS)[number], element: XmlElement): void {
    // An element works on `<object>`, or on the record that `<inputReference>` holds ($Record, a record variable).
    const object = childText(element, 'object')
      ? this.namedObject(element, `${kind}.object`)
      : this.records.get(nameKey(childText(element, 'inputReference') ?? ''));
    if (!object) {
      return;
    }
    this.checkFilters(element, kind, object);
    for (const assignment of childElements(element, 'inputAssignments')) {
      this.checkField(assignment, `${kind}.inputAssignments.field`, object);
    }
    for (const assignment of childElements(element, 'outputAssignments')) {
      this.checkField(assignment, `${kind}.outputAssignments.field`, object);
    }
    for (const queried of childElements(element, 'queriedFields')) {
      this.findings.fieldPath(this.site(queried, `${kind}.queriedFields`), object, queried.text);
    }
    const sortField = childElement(element, 'sortField');
    if (sortField?.text) {
      this.findings.fieldPath(this.site(sortField, `${kind}.sortField`), object, sortField.text);
    }
  }

  private checkFilters(element: XmlElement, kind: string, object: ObjectDef): void {
    for (const filter of childElements(element, 'filters')) {
      const field = this.checkField(filter, `${kind}.filters.field`, object);
      if (field) {
        this.checkComparison(
          `${kind}.filters`,
          object,
          field,
          childText(filter, 'operator'),
          childElement(filter, 'value')
        );
      }
    }
  }

  /** Checks the `<field>` child of an element on an object; returns the field name when it exists. */
  private checkField(element: XmlElement, what: string, object: ObjectDef): string | undefined {
    const fieldElement = childElement(element, 'field');
    if (!fieldElement?.text) {
      return undefined;
    }
    const resolution = this.findings.fieldPath(this.site(fieldElement, what), object, fieldElement.text);
    return resolution.status === 'found' ? fieldElement.text : undefined;
  }

  /** A filter or condition that tests a field for equality with a text value. */
  private checkComparison(
    what: string,
    object: ObjectDef,
    fieldPath: string,
    operator: string | undefined,
    value: XmlElement | undefined
  ): void {
    const text = value ? childElement(value, 'stringValue') : undefined;
    if (text?.text && operator && EQUALITY_OPERATORS.has(operator)) {
      this.checkPicklistValue(this.site(text, `${what} value`), object, fieldPath, text.text);
    }
  }

  /** A picklist compared with a text value can only match a value of the field's value set. */
  private checkPicklistValue(site: Site, object: ObjectDef, fieldPath: string, value: string): void {
    const resolution = this.findings.catalog.resolvePath(object, fieldPath);
    const values =
      resolution.status === 'found'
        ? this.findings.catalog.picklistValues(resolution.object, resolution.field)
        : undefined;
    if (resolution.status !== 'found' || !values || values.includes(value)) {
      return;
    }
    const sameIgnoringCase = values.find((candidate) => nameKey(candidate) === nameKey(value));
    const qualified = `${resolution.object.name}.${resolution.field.name}`;
    if (sameIgnoringCase) {
      this.findings.warning(site, `'${value}' differs in case from the value '${sameIgnoringCase}' of ${qualified}.`);
    } else {
      this.findings.error(
        site,
        `'${value}' is not a value of picklist ${qualified} (values: ${values.join(', ')}), so the condition never ` +
          `holds. Use one of the values or add '${value}' to the value set.`
      );
    }
  }

  private checkCalls(): void {
    for (const call of childElements(this.root, 'actionCalls')) {
      const nameElement = childElement(call, 'actionName');
      if (childText(call, 'actionType') !== 'apex' || !nameElement?.text) {
        continue;
      }
      const at = this.site(nameElement, 'actionCalls.actionName');
      if (
        this.findings.component(at, 'Apex class', nameElement.text) &&
        !this.findings.catalog.apexClass(nameElement.text)?.invocable
      ) {
        this.findings.error(
          at,
          `names Apex class '${nameElement.text}', which declares no @InvocableMethod, so the flow cannot call it. ` +
            'Add the invocable method or call another class.'
        );
      }
    }
    for (const subflow of childElements(this.root, 'subflows')) {
      const nameElement = childElement(subflow, 'flowName');
      if (nameElement?.text) {
        this.findings.component(this.site(nameElement, 'subflows.flowName'), 'flow', nameElement.text);
      }
    }
  }

  private checkDecisions(): void {
    for (const decision of childElements(this.root, 'decisions')) {
      for (const rule of childElements(decision, 'rules')) {
        for (const condition of childElements(rule, 'conditions')) {
          const left = childText(condition, 'leftValueReference');
          const target = left ? this.recordPath(left) : undefined;
          if (target) {
            this.checkComparison(
              'decisions.rules.conditions',
              target.object,
              target.path,
              childText(condition, 'operator'),
              childElement(condition, 'rightValue')
            );
          }
        }
      }
    }
  }

  /** `Name.Path` where Name holds a record: the record's object and the field path. */
  private recordPath(reference: string): { object: ObjectDef; path: string } | undefined {
    const dot = reference.indexOf('.');
    const object = dot > 0 ? this.records.get(nameKey(reference.slice(0, dot))) : undefined;
    return object ? { object, path: reference.slice(dot + 1) } : undefined;
  }

  /** Every reference element and every merge field, anywhere in the flow. */
  private checkReferences(element: XmlElement, path: string[]): void {
    for (const child of element.children) {
      const where = [...path, child.name];
      if (REFERENCE_ELEMENTS.has(child.name)) {
        this.checkReference(where.join('.'), child.text, child.line);
      } else if (child.text.includes('{!')) {
        const lineOf = (index: number): number => child.line + (child.text.slice(0, index).match(/\n/g)?.length ?? 0);
        for (const match of child.text.matchAll(MERGE_FIELD)) {
          this.checkReference(where.join('.'), match[1], lineOf(match.index));
        }
        for (const match of child.text.matchAll(ISPICKVAL)) {
          const target = this.recordPath(match[1]);
          const site = { file: this.file, line: lineOf(match.index), what: `${where.join('.')} ISPICKVAL` };
          if (target) {
            this.checkPicklistValue(site, target.object, target.path, match[3]);
          }
        }
      }
      this.checkReferences(child, where);
    }
  }

  private checkReference(what: string, reference: string, line: number): void {
    const target = this.recordPath(reference);
    if (target) {
      this.findings.fieldPath({ file: this.file, line, what: `${what} '${reference}'` }, target.object, target.path);
    }
  }
}
