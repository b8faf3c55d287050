/**
 * Record-triggered flows (Flow metadata with a `start` on an object): entry conditions (filterFormula with ISCHANGED,
 * ISPICKVAL, PRIORVALUE, or filters with filterLogic), assignments to $Record, decisions, Apex actions called once for
 * all interviews at that element (as the platform bulkifies them), custom errors, fault paths. An element or operator
 * outside this list makes the DML UNSUPPORTED, naming it (Salesforce Help, "Flow Elements"; Metadata API, "Flow").
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { packageDirectories } from '../frontend/parse';
import { ApexDate, ApexDecimal, type Value } from '../interpreter/values';

// the flow XML as parsed: a loose tree of elements
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Xml = any;

export interface RecordFlow {
  name: string;
  object: string;
  /** RecordBeforeSave | RecordAfterSave | RecordBeforeDelete */
  triggerType: string;
  /** Create | Update | CreateAndUpdate | Delete */
  recordTriggerType: string;
  start: Xml;
  elements: Map<string, { kind: string; xml: Xml }>;
  triggerOrder: number;
}

const ELEMENT_KINDS = [
  'assignments',
  'decisions',
  'actionCalls',
  'customErrors',
  'recordUpdates',
  'recordCreates',
  'recordLookups',
  'recordDeletes',
  'loops',
  'subflows',
  'screens',
  'waits',
  'collectionProcessors',
  'transforms'
];

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) =>
    [
      ...ELEMENT_KINDS,
      'assignmentItems',
      'rules',
      'conditions',
      'inputParameters',
      'filters',
      'customErrorMessages',
      'formulas',
      'variables'
    ].includes(name)
});

export function loadRecordFlows(root: string): { flows: RecordFlow[]; problems: string[] } {
  const flows: RecordFlow[] = [];
  const problems: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.flow-meta.xml')) {
        try {
          const flow = parser.parse(fs.readFileSync(full, 'utf8')).Flow as Xml;
          const start = flow?.start;
          if (!start?.object || !start?.triggerType || flow.status !== 'Active') continue;
          if (!String(start.triggerType).startsWith('Record')) continue;
          const elements = new Map<string, { kind: string; xml: Xml }>();
          for (const kind of ELEMENT_KINDS)
            for (const el of flow[kind] ?? []) elements.set(String(el.name), { kind, xml: el });
          flows.push({
            name: e.name.replace(/\.flow-meta\.xml$/, ''),
            object: String(start.object),
            triggerType: String(start.triggerType),
            recordTriggerType: String(start.recordTriggerType ?? 'CreateAndUpdate'),
            start,
            elements,
            triggerOrder: Number(flow.triggerOrder ?? start.triggerOrder ?? 0)
          });
        } catch (err) {
          problems.push(`${full}: flow not readable: ${(err as Error).message}`);
        }
      }
    }
  };
  for (const dir of packageDirectories(root)) walk(dir);
  flows.sort((a, b) => a.triggerOrder - b.triggerOrder || a.name.localeCompare(b.name));
  return { flows, problems };
}

/** Turns `{!$Record.Status}` merge fields into formula paths (`$Record.Status`). */
export function flowFormula(text: string): string {
  return text.replace(/\{!\s*([^}]+?)\s*\}/g, '$1');
}

/**
 * A flow element's value (`stringValue`, `booleanValue`, `numberValue`, `dateValue`, or `elementReference` through
 * `reference`); null when empty, `undefined` for a kind of value the runtime does not read (the caller says so).
 */
export function flowElementValue(v: Xml, reference: (name: string) => Value): Value | undefined {
  if (v === undefined || v === null || v === '') return null;
  if (v.stringValue !== undefined) return String(v.stringValue);
  if (v.booleanValue !== undefined) return String(v.booleanValue) === 'true';
  if (v.numberValue !== undefined) return ApexDecimal.parse(String(v.numberValue));
  if (v.dateValue !== undefined) {
    const [y, m, d] = String(v.dateValue).split('-').map(Number);
    return new ApexDate(y, m, d);
  }
  if (v.elementReference !== undefined) return reference(String(v.elementReference));
  return undefined;
}
