import { ObjectDef } from './catalog';
import { Findings } from './findings';
import { FieldReference, FieldUse, FormulaType, parseFormula } from './formula-parser';
import { nameKey } from './names';
import { childElement, childElements, childText, XmlElement } from './xml';

/**
 * Formulas of formula fields, validation rules and flows: the fields they name exist (through relationships), the
 * syntax is whole (parentheses, text literals, argument counts of known functions), and the result type matches what
 * holds the result where both are known. Evidence: docs/quality-gate/cross-references.md, "Formulas".
 */

const OBJECT_FOLDER = /(?:^|\/)objects\/([^/]+)\/(?:fields|validationRules)\//;

/** What a custom field's `<type>` requires of its formula's result. */
const FIELD_RESULT: Record<string, FormulaType> = {
  checkbox: 'Boolean',
  number: 'Number',
  currency: 'Number',
  percent: 'Number',
  text: 'Text',
  date: 'Date',
  datetime: 'DateTime',
  time: 'Time'
};

/** What a flow formula's `<dataType>` requires. */
const FLOW_RESULT: Record<string, FormulaType> = {
  boolean: 'Boolean',
  number: 'Number',
  currency: 'Number',
  string: 'Text',
  date: 'Date',
  datetime: 'DateTime',
  time: 'Time'
};

/** The value type of a field the project defines, for the formulas that use it. */
const VALUE_TYPE: Record<string, FormulaType> = {
  ...FIELD_RESULT,
  textarea: 'Text',
  longtextarea: 'Text',
  email: 'Text',
  phone: 'Text',
  url: 'Text',
  autonumber: 'Text'
};

/**
 * A formula field: `<formula>` on its object, its result against `<type>`. A field's `<defaultValue>` is a formula
 * too (it cannot name the record's fields): its syntax and result type are checked the same way.
 */
export function checkFieldFormula(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  if (!root) {
    return;
  }
  const expected = FIELD_RESULT[nameKey(childText(root, 'type') ?? '')];
  const formula = childElement(root, 'formula');
  const object = formula ? ownerObject(findings, file) : undefined;
  if (formula?.text && object) {
    const what = `formula of ${childText(root, 'fullName') ?? 'the field'}`;
    checkFormula(findings, file, formula, object, expected, what, { noChangeTracking: 'a formula field' });
  }
  const defaultValue = childElement(root, 'defaultValue');
  if (defaultValue?.text) {
    checkFormula(findings, file, defaultValue, undefined, expected, 'defaultValue', {
      noChangeTracking: 'a default value'
    });
  }
}

/** A validation rule: `<errorConditionFormula>` is Boolean; `<errorDisplayField>` is a field of the object. */
export function checkValidationRule(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  const object = root ? ownerObject(findings, file) : undefined;
  if (!root || !object) {
    return;
  }
  const formula = childElement(root, 'errorConditionFormula');
  if (formula?.text) {
    checkFormula(findings, file, formula, object, 'Boolean', 'errorConditionFormula');
  }
  const displayField = childElement(root, 'errorDisplayField');
  if (displayField?.text) {
    findings.fieldPath({ file, line: displayField.line, what: 'errorDisplayField' }, object, displayField.text);
  }
}

/** Flow formulas (`<formulas><expression>`, typed by `<dataType>`) and filter formulas (Boolean). */
export function checkFlowFormulas(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  if (!root) {
    return;
  }
  const recordObject = flowRecordObject(findings, root);
  // Only record-triggered flows know a prior version of the record.
  const context: FormulaContext = isRecordTriggered(root) ? {} : { noChangeTracking: 'this flow' };
  for (const formula of childElements(root, 'formulas')) {
    const expression = childElement(formula, 'expression');
    if (expression?.text) {
      const expected = FLOW_RESULT[nameKey(childText(formula, 'dataType') ?? '')];
      const what = `formula ${childText(formula, 'name') ?? ''}`;
      checkFormula(findings, file, expression, undefined, expected, what, { ...context, recordObject });
    }
  }
  for (const element of [root, ...root.children]) {
    const filter = childElement(element, 'filterFormula');
    if (filter?.text) {
      checkFormula(
        findings,
        file,
        filter,
        undefined,
        'Boolean',
        `${element === root ? '' : `${element.name}.`}filterFormula`,
        { ...context, recordObject }
      );
    }
  }
}

/**
 * One formula. With an object, bare names are its fields (formula fields, validation rules); without one (flows),
 * names are merge fields, which the flow checks resolve.
 */
function checkFormula(
  findings: Findings,
  file: string,
  element: XmlElement,
  object: ObjectDef | undefined,
  expected: FormulaType | undefined,
  what: string,
  { recordObject, noChangeTracking }: FormulaContext = {}
): void {
  const source = element.text;
  const parsed = parseFormula(source);
  const lineAt = (offset: number): number => element.line + (source.slice(0, offset).match(/\n/g)?.length ?? 0);
  for (const issue of parsed.issues) {
    const site = { file, line: lineAt(issue.offset), what };
    const message = `${issue.message} [${issue.rule}]`;
    if (issue.severity === 'error') {
      findings.error(site, message);
    } else {
      findings.warning(site, message);
    }
  }
  if (object) {
    for (const field of parsed.fields) {
      const resolution = findings.catalog.resolvePath(object, field.path);
      if (resolution.status === 'missing' && !resolution.foreignNamespace) {
        findings.error(
          { file, line: lineAt(field.offset), what },
          `names ${field.path}: Field ${resolution.segment} does not exist on ${resolution.object.name}. Check ` +
            'spelling. [formula-field-unknown]'
        );
      } else if (resolution.status === 'notRelationship') {
        findings.error(
          { file, line: lineAt(field.offset), what },
          `names ${field.path}, but ${resolution.object.name}.${resolution.segment} is not a relationship (use ` +
            'Lookup__r, or the standard relationship name) [formula-field-unknown]'
        );
      }
    }
  }
  if (noChangeTracking) {
    for (const call of parsed.calls().filter((call) => CHANGE_TRACKING.has(call.name))) {
      findings.error(
        { file, line: lineAt(call.offset), what },
        `Function ${call.name} may not be used in this type of formula: ${noChangeTracking} has no prior version ` +
          'of the record (validation rules and record-triggered flows do) [formula-function-context]'
      );
    }
  }
  const uses = parsed.fieldUses();
  if (object) {
    const bare = uses.filter((use) => !use.merge);
    checkPicklistUses(
      findings,
      { file, what, lineAt },
      bare.map((use) => ({ ...use, object, field: use.path }))
    );
  }
  if (recordObject) {
    // `{!$Record.Field}` and `{!$Record__Prior.Field}` of a record-triggered flow are fields of its object.
    const record = uses.flatMap((use) => {
      const match = use.merge ? RECORD_MERGE_FIELD.exec(use.path) : null;
      return match ? [{ ...use, object: recordObject, field: match[1] }] : [];
    });
    checkPicklistUses(findings, { file, what, lineAt }, record);
  }
  if (!expected || parsed.issues.some((issue) => issue.rule === 'formula-syntax')) {
    return;
  }
  const actual = parsed.resultType((path) => {
    if (!object) {
      return 'Unknown';
    }
    const resolution = findings.catalog.resolvePath(object, path);
    const type = resolution.status === 'found' ? resolution.field.custom?.type : undefined;
    return (type && VALUE_TYPE[nameKey(type)]) || 'Unknown';
  });
  if (actual !== 'Unknown' && actual !== expected) {
    findings.error(
      { file, line: element.line, what },
      `Formula result is data type (${actual}), incompatible with expected data type (${expected}) ` +
        '[formula-result-type]'
    );
  }
}

function ownerObject(findings: Findings, file: string): ObjectDef | undefined {
  const match = OBJECT_FOLDER.exec(file);
  return match ? findings.catalog.object(match[1]) : undefined;
}

/**
 * Functions that accept a picklist field (Salesforce Help, "Tips for Working with Picklist and Multi-Select Picklist
 * Formula Fields"); anywhere else the compiler says "Field X is a picklist field. Picklist fields are only supported
 * in certain functions."
 */
const PICKLIST_FUNCTIONS = new Set([
  'ISPICKVAL',
  'CASE',
  'TEXT',
  'ISBLANK',
  'ISNULL',
  'ISCHANGED',
  'PRIORVALUE',
  'INCLUDES',
  'BLANKVALUE',
  'NULLVALUE'
]);

/** Where a formula sits, as far as its checks depend on it. */
interface FormulaContext {
  /** The object of a record-triggered flow, whose fields `{!$Record.Field}` names. */
  recordObject?: ObjectDef;
  /** Set where ISCHANGED, ISNEW and PRIORVALUE are refused: what the formula belongs to. */
  noChangeTracking?: string;
}

/**
 * Salesforce Help, "ISCHANGED" / "PRIORVALUE" / "ISNEW": available only in assignment rules, validation rules, field
 * updates, workflow rules and (Flow Builder) record-triggered flows; Object Reference, FormulaFunction: "you cannot
 * use the PRIORVALUE function in a custom Account formula field"; Salesforce Help, flow formula considerations:
 * ISCHANGED, ISNEW and PRIORVALUE are not supported in flow formulas except in record-triggered flows.
 */
const CHANGE_TRACKING = new Set(['ISCHANGED', 'ISNEW', 'PRIORVALUE']);

function isRecordTriggered(root: XmlElement): boolean {
  const start = childElement(root, 'start');
  return Boolean(start && /^Record/.test(childText(start, 'triggerType') ?? ''));
}

const RECORD_MERGE_FIELD = /^\$Record(?:__Prior)?\.(.+)$/i;

/** Record-triggered flows run on `start.object`; their formulas name its fields as `$Record.Field`. */
function flowRecordObject(findings: Findings, root: XmlElement): ObjectDef | undefined {
  const start = childElement(root, 'start');
  const objectName = start && childText(start, 'object');
  return objectName && isRecordTriggered(root) ? findings.catalog.object(objectName) : undefined;
}

function checkPicklistUses(
  findings: Findings,
  at: { file: string; what: string; lineAt: (offset: number) => number },
  uses: Array<FieldReference & { use: FieldUse; object: ObjectDef; field: string }>
): void {
  for (const { path, offset, use, object, field } of uses) {
    const resolution = findings.catalog.resolvePath(object, field);
    const custom = resolution.status === 'found' ? resolution.field.custom : undefined;
    const type = nameKey(custom?.type ?? '');
    if (use.kind === 'argument' && use.function === 'ISPICKVAL' && custom?.type && type !== 'picklist') {
      // Salesforce Help, "ISPICKVAL": "Replace picklist_field with a custom or standard field of type picklist";
      // the compiler's wording for a wrong argument type (salesforce.stackexchange.com/questions/408705).
      const received = custom.formula ? `${custom.type} (a formula)` : custom.type;
      findings.error(
        { file: at.file, line: at.lineAt(offset), what: at.what },
        `uses ${path} in ISPICKVAL(): Incorrect parameter type for function 'ISPICKVAL()'. Expected Picklist, ` +
          `received ${received}: compare it with = instead, or ISPICKVAL a picklist field [formula-picklist-use]`
      );
      continue;
    }
    if (use.kind === 'argument' && PICKLIST_FUNCTIONS.has(use.function)) {
      continue;
    }
    if (type !== 'picklist' && type !== 'multiselectpicklist') {
      continue;
    }
    const where =
      use.kind === 'root'
        ? 'as the whole formula'
        : use.kind === 'operator'
          ? `with ${use.operator}`
          : `in ${use.function}()`;
    findings.error(
      { file: at.file, line: at.lineAt(offset), what: at.what },
      `uses ${path} ${where}: Field ${path} is a picklist field. Picklist fields are only supported in certain ` +
        'functions (ISPICKVAL, CASE, TEXT, ISBLANK, ...) [formula-picklist-use]'
    );
  }
}
