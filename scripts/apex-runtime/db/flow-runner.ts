/** Runs record-triggered flows (db/flows.ts) for the records of one DML operation. */
import { ApexThrown, UnsupportedError } from '../interpreter/errors';
import { ApexObject } from '../interpreter/objects';
import { apexEquals, apexToString } from '../interpreter/semantics';
import { ApexList, SObjectValue, type Value } from '../interpreter/values';
import type { Platform } from '../stdlib/platform';
import { evaluateFormula, FormulaUnsupported } from './formula';
import { flowElementValue, flowFormula, type RecordFlow, type Xml } from './flows';

interface Interview {
  index: number;
  rec: SObjectValue;
  old: SObjectValue | null;
  at: string | null;
  vars: Map<string, Value>;
}

function targetOf(connector: Xml): string | null {
  return connector?.targetReference ? String(connector.targetReference) : null;
}

export class FlowRunner {
  constructor(
    private readonly p: Platform,
    private readonly flows: RecordFlow[]
  ) {}

  /** Runs the flows of `phase` for an operation; `fail` marks a record failed with the flow's custom error. */
  run(
    object: string,
    phase: 'RecordBeforeSave' | 'RecordAfterSave',
    event: string,
    records: SObjectValue[],
    olds: (SObjectValue | null)[],
    fail: (index: number, message: string) => void,
    line: number
  ): void {
    for (const flow of this.flows) {
      if (flow.object.toLowerCase() !== object.toLowerCase() || flow.triggerType !== phase) continue;
      const rt = flow.recordTriggerType;
      if (!(
        (event === 'insert' && (rt === 'Create' || rt === 'CreateAndUpdate')) ||
        (event === 'update' && (rt === 'Update' || rt === 'CreateAndUpdate'))
      ))
        continue;
      const interviews: Interview[] = [];
      records.forEach((rec, index) => {
        const old = olds[index] ?? null;
        if (!this.entryMet(flow, rec, old, line)) return;
        interviews.push({ index, rec, old, at: targetOf(flow.start.connector), vars: new Map() });
      });
      this.execute(flow, interviews, phase, fail, line);
    }
  }

  private unsupported(flow: RecordFlow, what: string, line: number): UnsupportedError {
    return this.p.interp.unsupported(`flow ${flow.name}: ${what}`, line);
  }

  private resolver(iv: Interview, which: 'new' | 'old'): (parts: string[]) => Value {
    return (parts) => {
      const head = parts[0].toLowerCase();
      if (head === '$record' || head === '$record__prior') {
        const rec = head === '$record__prior' || which === 'old' ? iv.old : iv.rec;
        if (!rec) return null;
        return this.p.recordPath(rec, parts.slice(1));
      }
      if (head === '$flow' && parts[1]?.toLowerCase() === 'faultmessage')
        return iv.vars.get('$flow.faultmessage') ?? null;
      if (iv.vars.has(parts.join('.').toLowerCase())) return iv.vars.get(parts.join('.').toLowerCase());
      throw new FormulaUnsupported(`flow reference ${parts.join('.')}`);
    };
  }

  private entryMet(flow: RecordFlow, rec: SObjectValue, old: SObjectValue | null, line: number): boolean {
    const iv: Interview = { index: 0, rec, old, at: null, vars: new Map() };
    const start = flow.start;
    const met = (forOld: boolean): boolean => {
      if (start.filterFormula) {
        try {
          return (
            evaluateFormula(
              flowFormula(String(start.filterFormula)),
              this.resolver(iv, forOld ? 'old' : 'new'),
              forOld ? undefined : old ? this.resolver(iv, 'old') : undefined
            ) === true
          );
        } catch (e) {
          if (e instanceof FormulaUnsupported) throw this.unsupported(flow, e.message, line);
          throw e;
        }
      }
      const filters: Xml[] = start.filters ?? [];
      if (filters.length === 0) return true;
      const results = filters.map((f) =>
        this.condition(flow, iv, `$Record.${f.field}`, String(f.operator), f.value, forOld, line)
      );
      const logic = String(start.filterLogic ?? 'and').toLowerCase();
      if (logic === 'and') return results.every(Boolean);
      if (logic === 'or') return results.some(Boolean);
      throw this.unsupported(flow, `filterLogic ${logic}`, line);
    };
    if (!met(false)) return false;
    // "Only when a record is updated to meet the condition requirements"
    if (String(start.doesRequireRecordChangedToMeetCriteria) === 'true' && old) return !met(true);
    return true;
  }

  private value(flow: RecordFlow, iv: Interview, v: Xml, line: number): Value {
    const value = flowElementValue(v, (reference) => {
      try {
        return this.resolver(iv, 'new')(reference.split('.'));
      } catch (e) {
        if (e instanceof FormulaUnsupported) throw this.unsupported(flow, e.message, line);
        throw e;
      }
    });
    if (value === undefined) throw this.unsupported(flow, `value ${JSON.stringify(v).slice(0, 60)}`, line);
    return value;
  }

  private condition(
    flow: RecordFlow,
    iv: Interview,
    left: string,
    operator: string,
    right: Xml,
    forOld: boolean,
    line: number
  ): boolean {
    const resolve = this.resolver(iv, forOld ? 'old' : 'new');
    const l = resolve(left.split('.'));
    switch (operator) {
      case 'IsNull':
        return (l === null || l === undefined || l === '') === (this.value(flow, iv, right, line) === true);
      case 'IsChanged': {
        const changed = !!iv.old && !apexEquals(l, this.resolver(iv, 'old')(left.split('.')));
        return changed === (this.value(flow, iv, right, line) === true);
      }
      case 'EqualTo':
        return apexEquals(l, this.value(flow, iv, right, line));
      case 'NotEqualTo':
        return !apexEquals(l, this.value(flow, iv, right, line));
    }
    throw this.unsupported(flow, `condition operator ${operator}`, line);
  }

  private execute(
    flow: RecordFlow,
    interviews: Interview[],
    phase: string,
    fail: (index: number, message: string) => void,
    line: number
  ): void {
    let guard = 0;
    while (interviews.some((iv) => iv.at) && guard++ < 1000) {
      const at = interviews.find((iv) => iv.at)!.at!;
      const group = interviews.filter((iv) => iv.at === at);
      const el = flow.elements.get(at);
      if (!el) throw this.unsupported(flow, `element ${at}`, line);
      const xml = el.xml;
      switch (el.kind) {
        case 'assignments':
          for (const iv of group) {
            for (const item of xml.assignmentItems ?? []) {
              const ref = String(item.assignToReference);
              const value = this.value(flow, iv, item.value, line);
              if (String(item.operator) !== 'Assign')
                throw this.unsupported(flow, `assignment operator ${item.operator}`, line);
              if (ref.toLowerCase().startsWith('$record.')) {
                if (phase !== 'RecordBeforeSave')
                  throw this.unsupported(flow, 'assignment to $Record after save', line);
                this.p.putField(iv.rec, ref.slice('$record.'.length), value, line);
              } else iv.vars.set(ref.toLowerCase(), value);
            }
            iv.at = targetOf(xml.connector);
          }
          break;
        case 'decisions':
          for (const iv of group) {
            const rule = (xml.rules ?? []).find((r: Xml) => {
              const logic = String(r.conditionLogic ?? 'and').toLowerCase();
              const results = (r.conditions ?? []).map((c: Xml) =>
                this.condition(flow, iv, String(c.leftValueReference), String(c.operator), c.rightValue, false, line)
              );
              if (logic === 'and') return results.every(Boolean);
              if (logic === 'or') return results.some(Boolean);
              throw this.unsupported(flow, `conditionLogic ${logic}`, line);
            });
            iv.at = targetOf(rule ? rule.connector : xml.defaultConnector);
          }
          break;
        case 'actionCalls':
          this.actionCall(flow, xml, group, line);
          break;
        case 'customErrors':
          for (const iv of group) {
            const message = String(xml.customErrorMessages?.[0]?.errorMessage ?? '').replace(
              /\{!\s*\$Flow\.FaultMessage\s*\}/gi,
              apexToString(iv.vars.get('$flow.faultmessage') ?? '')
            );
            fail(iv.index, message);
            iv.at = null;
          }
          break;
        default:
          throw this.unsupported(flow, `element type ${el.kind}`, line);
      }
    }
  }

  private actionCall(flow: RecordFlow, xml: Xml, group: Interview[], line: number): void {
    if (String(xml.actionType) !== 'apex') throw this.unsupported(flow, `action type ${xml.actionType}`, line);
    const interp = this.p.interp;
    const cls = interp.resolveClass(String(xml.actionName), null);
    const method = cls?.decl?.methods.find((m) => m.ann.some((a) => a.name === 'invocablemethod'));
    if (!cls || !method) throw this.unsupported(flow, `invocable action ${xml.actionName}`, line);
    const paramType = method.params[0]?.type.a?.[0];
    const inputs = group.map((iv) => {
      const params: Xml[] = xml.inputParameters ?? [];
      const argCls = paramType ? interp.resolveClass(paramType.n, cls) : undefined;
      if (argCls && argCls.decl) {
        const obj = interp.instantiate(argCls, [], line);
        for (const p of params)
          obj.fields.set(
            String(p.name).toLowerCase(),
            interp.coerce(
              this.value(flow, iv, p.value, line),
              argCls.fields.get(String(p.name).toLowerCase())?.type,
              line
            )
          );
        return obj;
      }
      return params.length > 0 ? this.value(flow, iv, params[0].value, line) : null;
    });
    try {
      interp.invoke(cls, method, null, method.params.length > 0 ? [new ApexList(paramType, inputs)] : [], line);
      for (const iv of group) iv.at = targetOf(xml.connector);
    } catch (e) {
      if (!(e instanceof ApexThrown) || !xml.faultConnector) throw e;
      const exc = e.exception as ApexObject;
      for (const iv of group) {
        iv.vars.set('$flow.faultmessage', `An Apex error occurred: ${exc.cls.name}: ${exc.exception?.message ?? ''}`);
        iv.at = targetOf(xml.faultConnector);
      }
    }
  }
}
