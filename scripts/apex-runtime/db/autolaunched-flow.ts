/**
 * Autolaunched flows run from Apex (`Flow.Interview.createInterview(...).start()`, `Invocable.Action` of type Flow):
 * input variables are set from the caller's map, SObjects passed by value (a copy, as values cross into a flow), then
 * the elements run from the start connector; output variables are read back. Elements: assignments (Assign) and
 * decisions (EqualTo, NotEqualTo, IsNull with and/or logic); any other element, operator or value is UNSUPPORTED, naming
 * it (Salesforce Help, "Flow Elements"; Apex Reference, "Interview Class").
 */
import * as fs from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { apexEquals } from '../interpreter/semantics';
import { ApexList, SObjectValue, type Value } from '../interpreter/values';
import type { Platform } from '../stdlib/platform';
import { flowElementValue, type Xml } from './flows';

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['assignments', 'decisions', 'assignmentItems', 'rules', 'conditions', 'variables'].includes(name)
});

export interface FlowRun {
  /** every variable's value after the run, by lower-case name */
  values: Map<string, Value>;
  /** the variables marked "available for output", by lower-case name, with their API names */
  outputs: Map<string, string>;
}

/** Runs the autolaunched flow in `file` with `inputs` (variable API name -> value). */
export function runAutolaunchedFlow(p: Platform, file: string, inputs: Map<string, Value>, line: number): FlowRun {
  const flow = parser.parse(fs.readFileSync(file, 'utf8')).Flow as Xml;
  const name = String(flow?.label ?? file);
  const unsupported = (what: string): Error => p.interp.unsupported(`flow ${name}: ${what}`, line);
  if (String(flow?.processType) !== 'AutoLaunchedFlow' || flow?.start?.triggerType)
    throw unsupported(`process type ${String(flow?.processType)} run from Apex`);
  const variables = new Map<string, Xml>();
  const values = new Map<string, Value>();
  const outputs = new Map<string, string>();
  for (const v of flow.variables ?? []) {
    const key = String(v.name).toLowerCase();
    variables.set(key, v);
    if (v.value !== undefined) throw unsupported(`default value of variable ${String(v.name)}`);
    values.set(
      key,
      String(v.isCollection) === 'true' ? new ApexList({ n: String(v.objectType ?? 'Object') }, []) : null
    );
    if (String(v.isOutput) === 'true') outputs.set(key, String(v.name));
  }
  const byValue = (v: Value): Value =>
    v instanceof SObjectValue
      ? p.host.cloneSObject(v, false, true)
      : v instanceof ApexList
        ? new ApexList(v.elemType, v.items.map(byValue))
        : v;
  for (const [input, value] of inputs) {
    const declared = variables.get(input.toLowerCase());
    if (!declared || String(declared.isInput) !== 'true') throw unsupported(`${input} is not an input variable`);
    values.set(input.toLowerCase(), byValue(value));
  }

  const resolve = (reference: string): Value => {
    const [head, ...path] = reference.split('.');
    const key = head.toLowerCase();
    if (!variables.has(key)) throw unsupported(`reference ${reference}`);
    const value = values.get(key) ?? null;
    if (path.length === 0) return value;
    if (!(value instanceof SObjectValue)) return null;
    return p.recordPath(value, path);
  };
  const literal = (v: Xml): Value => {
    const value = flowElementValue(v, resolve);
    if (value === undefined) throw unsupported(`value ${JSON.stringify(v).slice(0, 60)}`);
    return value;
  };
  const condition = (c: Xml): boolean => {
    const left = resolve(String(c.leftValueReference));
    const right = literal(c.rightValue);
    switch (String(c.operator)) {
      case 'EqualTo':
        return apexEquals(left, right);
      case 'NotEqualTo':
        return !apexEquals(left, right);
      case 'IsNull':
        return (left === null || left === '') === (right === true);
    }
    throw unsupported(`condition operator ${String(c.operator)}`);
  };

  const elements = new Map<string, { kind: string; xml: Xml }>();
  for (const kind of ['assignments', 'decisions'])
    for (const el of flow[kind] ?? []) elements.set(String(el.name), { kind, xml: el });
  const other = Object.keys(flow).find((k) =>
    [
      'actionCalls',
      'recordLookups',
      'recordCreates',
      'recordUpdates',
      'recordDeletes',
      'loops',
      'subflows',
      'screens',
      'waits',
      'formulas',
      'collectionProcessors',
      'customErrors',
      'transforms'
    ].includes(k)
  );
  if (other) throw unsupported(`element type ${other}`);
  let at: string | null = flow.start?.connector?.targetReference ? String(flow.start.connector.targetReference) : null;
  for (let steps = 0; at; steps++) {
    if (steps > 2000) throw unsupported('more than 2000 element runs');
    const element = elements.get(at);
    if (!element) throw unsupported(`element ${at}`);
    const xml = element.xml;
    if (element.kind === 'assignments') {
      for (const item of xml.assignmentItems ?? []) {
        if (String(item.operator) !== 'Assign') throw unsupported(`assignment operator ${String(item.operator)}`);
        const value = literal(item.value);
        const [head, ...path] = String(item.assignToReference).split('.');
        const key = head.toLowerCase();
        if (!variables.has(key)) throw unsupported(`assignment to ${String(item.assignToReference)}`);
        if (path.length === 0) values.set(key, value);
        else {
          const record = values.get(key);
          if (!(record instanceof SObjectValue) || path.length > 1)
            throw unsupported(`assignment to ${String(item.assignToReference)}`);
          p.putField(record, path[0], value, line);
        }
      }
      at = xml.connector?.targetReference ? String(xml.connector.targetReference) : null;
    } else {
      const rule = (xml.rules ?? []).find((r: Xml) => {
        const results = (r.conditions ?? []).map(condition);
        const logic = String(r.conditionLogic ?? 'and').toLowerCase();
        if (logic === 'and') return results.every(Boolean);
        if (logic === 'or') return results.some(Boolean);
        throw unsupported(`conditionLogic ${logic}`);
      });
      const next = rule ? rule.connector : xml.defaultConnector;
      at = next?.targetReference ? String(next.targetReference) : null;
    }
  }
  return { values, outputs };
}
