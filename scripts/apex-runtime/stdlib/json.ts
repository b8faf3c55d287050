/** JSON.serialize / deserialize / deserializeUntyped (Apex Reference Guide, "JSON Class"). */
import type { TypeRef } from '../frontend/ast';
import { ApexObject } from '../interpreter/objects';
import { apexToString } from '../interpreter/semantics';
import {
  ApexBlob,
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexList,
  ApexMap,
  ApexSet,
  ApexTime,
  EnumValue,
  SObjectValue,
  TypeValue,
  type Value
} from '../interpreter/values';
import { invocableFromJson, invocableToJson } from './invocable';
import { NativeObject } from './native';
import type { Platform } from './platform';

function isoDatetime(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * `inRecord`: the value is a field of an SObject. Records write a Datetime as the REST API does ("...000+0000");
 * anything else writes it in UTC with Z (Apex Reference, "JSON Class", serialize: '"2011-03-22T08:15:18.000Z"').
 */
function toJson(p: Platform, v: Value, suppressNulls: boolean, inRecord = false): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  if (v instanceof ApexDecimal) return { __raw: v.isDouble ? String(v.v) : v.toString() };
  if (v instanceof ApexDate) return v.toString();
  if (v instanceof ApexDatetime) return inRecord ? isoDatetime(v.ms).replace(/Z$/, '+0000') : isoDatetime(v.ms);
  if (v instanceof ApexTime) return v.toString();
  if (v instanceof ApexBlob) return v.bytes.toString('base64');
  if (v instanceof EnumValue) return v.name;
  if (v instanceof TypeValue) return v.name;
  if (v instanceof ApexList) return v.items.map((x) => toJson(p, x, suppressNulls));
  if (v instanceof ApexSet) return [...v.map.values()].map((x) => toJson(p, x, suppressNulls));
  if (v instanceof ApexMap) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v.map.values()) o[apexToString(k)] = toJson(p, x, suppressNulls);
    return o;
  }
  if (v instanceof SObjectValue) {
    const o: Record<string, unknown> = { attributes: { type: v.type } };
    const id = v.get('Id');
    if (id) (o.attributes as Record<string, unknown>).url = `/services/data/v62.0/sobjects/${v.type}/${id}`;
    for (const slot of v.fields.values()) {
      const x = slot.value;
      if (x instanceof ApexList)
        o[slot.name] = { totalSize: x.items.length, done: true, records: toJson(p, x, suppressNulls) };
      else o[slot.name] = toJson(p, x, suppressNulls, true);
    }
    return o;
  }
  if (v instanceof ApexObject) {
    if (v.exception) return { message: v.exception.message };
    const o: Record<string, unknown> = {};
    const names = new Map<string, string>();
    for (let c: typeof v.cls | null = v.cls; c; c = c.superclass) {
      for (const f of c.decl?.fields ?? [])
        if (!f.mods.includes('static') && !f.mods.includes('transient')) names.set(f.name.toLowerCase(), f.name);
      for (const f of c.decl?.props ?? [])
        if (!f.mods.includes('static') && !f.mods.includes('transient')) names.set(f.name.toLowerCase(), f.name);
    }
    for (const [k, x] of v.fields) {
      const name = names.get(k);
      if (!name) continue;
      if (suppressNulls && (x === null || x === undefined)) continue;
      o[name] = toJson(p, x, suppressNulls);
    }
    return o;
  }
  if (v instanceof NativeObject) {
    const invocable = invocableToJson(v, (x) => toJson(p, x, suppressNulls));
    if (invocable !== undefined) return invocable;
  }
  return String(v);
}

function stringify(x: unknown, pretty: boolean, indent = ''): string {
  const nl = pretty ? '\n' : '';
  const inner = pretty ? indent + '  ' : '';
  if (x === null) return 'null';
  if (typeof x === 'object' && x !== null && '__raw' in (x as Record<string, unknown>))
    return String((x as { __raw: string }).__raw);
  if (Array.isArray(x)) {
    if (x.length === 0) return '[ ]'.replace(' ', pretty ? ' ' : '');
    return '[' + nl + x.map((e) => inner + stringify(e, pretty, inner)).join(',' + nl) + nl + indent + ']';
  }
  if (typeof x === 'object') {
    const entries = Object.entries(x as Record<string, unknown>);
    if (entries.length === 0) return '{ }'.replace(' ', pretty ? ' ' : '');
    return (
      '{' +
      nl +
      entries
        .map(([k, e]) => inner + JSON.stringify(k) + (pretty ? ' : ' : ':') + stringify(e, pretty, inner))
        .join(',' + nl) +
      nl +
      indent +
      '}'
    );
  }
  return JSON.stringify(x);
}

/** JSON.createGenerator(pretty): builds a value tree, printed like JSON.serialize(Pretty). */
export class JsonGenerator {
  private root: unknown = undefined;
  private readonly stack: (unknown[] | Record<string, unknown>)[] = [];
  private pendingName: string | null = null;
  closed = false;
  constructor(
    private readonly p: Platform,
    readonly pretty: boolean
  ) {}

  private add(v: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) this.root = v;
    else if (Array.isArray(top)) top.push(v);
    else {
      top[this.pendingName ?? ''] = v;
      this.pendingName = null;
    }
  }

  call(m: string, a: Value[], line: number): Value {
    const field = (i: number): void => {
      this.pendingName = String(a[i]);
    };
    switch (m) {
      case 'writestartobject': {
        const o: Record<string, unknown> = {};
        this.add(o);
        this.stack.push(o);
        return null;
      }
      case 'writestartarray': {
        const arr: unknown[] = [];
        this.add(arr);
        this.stack.push(arr);
        return null;
      }
      case 'writeendobject':
      case 'writeendarray':
        this.stack.pop();
        return null;
      case 'writefieldname':
        field(0);
        return null;
      case 'writestring':
      case 'writenumber':
      case 'writeboolean':
      case 'writeid':
      case 'writedate':
      case 'writedatetime':
      case 'writetime':
      case 'writeblob':
      case 'writeobject':
        this.add(toJson(this.p, a[0], false));
        return null;
      case 'writenull':
        this.add(null);
        return null;
      case 'writestringfield':
      case 'writenumberfield':
      case 'writebooleanfield':
      case 'writeidfield':
      case 'writedatefield':
      case 'writedatetimefield':
      case 'writetimefield':
      case 'writeblobfield':
      case 'writeobjectfield':
        field(0);
        this.add(toJson(this.p, a[1], false));
        return null;
      case 'writenullfield':
        field(0);
        this.add(null);
        return null;
      case 'getasstring':
        return this.root === undefined ? '' : stringify(this.root, this.pretty);
      case 'close':
        this.closed = true;
        return null;
      case 'isclosed':
        return this.closed;
    }
    throw this.p.interp.unsupported(`JSONGenerator.${m}`, line);
  }
}

export function jsonSerialize(p: Platform, v: Value, pretty: boolean, suppressNulls: boolean): string {
  return stringify(toJson(p, v, suppressNulls), pretty);
}

function parse(p: Platform, text: string, line: number): unknown {
  if (text === null || text === undefined)
    throw p.host.exception('System.NullPointerException', 'Argument cannot be null.', line);
  try {
    return JSON.parse(text, (_k, val) => val);
  } catch (e) {
    // the platform's parser (Jackson) words these errors; keep its leading phrases, which code matches on
    const js = (e as Error).message;
    if (/end of (JSON )?input/i.test(js))
      throw p.host.exception('System.JSONException', 'Unexpected end-of-input: expected close marker', line);
    const at = /position (\d+)/.exec(js);
    if (at && Number(at[1]) >= text.length)
      throw p.host.exception('System.JSONException', 'Unexpected end-of-input: expected close marker', line);
    const ch = at ? text.charAt(Number(at[1])) : '?';
    throw p.host.exception(
      'System.JSONException',
      `Unexpected character ('${ch}' (code ${ch.charCodeAt(0)})): expected a valid value`,
      line
    );
  }
}

/** Numbers keep Apex kinds: whole numbers are Integer (Long when large), others Decimal with their written scale. */
function parseWithNumbers(p: Platform, text: string, line: number): unknown {
  if (text === null || text === undefined)
    throw p.host.exception('System.NullPointerException', 'Argument cannot be null.', line);
  const marked = text.replace(
    /("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g,
    (_m, str: string | undefined, num: string | undefined) => (str !== undefined ? str : `{"__num":"${num}"}`)
  );
  try {
    return JSON.parse(marked);
  } catch {
    return parse(p, text, line);
  }
}

function numberValue(raw: string): Value {
  if (/^-?\d+$/.test(raw)) return Number(raw);
  return ApexDecimal.parse(raw);
}

function untyped(x: unknown): Value {
  if (x === null) return null;
  if (Array.isArray(x)) return new ApexList({ n: 'Object' }, x.map(untyped));
  if (typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (Object.keys(o).length === 1 && typeof o.__num === 'string') return numberValue(o.__num);
    const m = new ApexMap({ n: 'String' }, { n: 'Object' });
    for (const [k, v] of Object.entries(o)) m.map.set('s' + k, [k, untyped(v)]);
    return m;
  }
  return x as Value;
}

export function jsonDeserializeUntyped(p: Platform, text: string, line: number): Value {
  return untyped(parseWithNumbers(p, text, line));
}

export function parseTypeName(name: string): TypeRef {
  let i = 0;
  const read = (): TypeRef => {
    let n = '';
    while (i < name.length && !'<>,'.includes(name[i])) n += name[i++];
    const ref: TypeRef = { n: n.trim() };
    if (name[i] === '<') {
      i++;
      ref.a = [read()];
      while (name[i] === ',') {
        i++;
        ref.a.push(read());
      }
      i++;
    }
    return ref;
  };
  return read();
}

export function jsonDeserialize(p: Platform, text: string, type: TypeValue, line: number): Value {
  const ref = type.ref ?? parseTypeName(type.name);
  if (text === null || text === undefined)
    throw p.host.exception('System.NullPointerException', 'Argument cannot be null.', line);
  // typed deserialization reads the opening token of the expected shape first
  const first = text.trimStart().charAt(0);
  const n = ref.n.toLowerCase();
  if ((n === 'list' || n === 'set') && first !== '[' && text.trim() !== 'null') {
    throw p.host.exception('System.JSONException', "Malformed JSON: Expected '[' at the beginning of List/Set", line);
  }
  if (
    (n === 'map' || p.sobjectName(ref.n) || p.interp.resolveClass(ref.n, null)?.kind === 'class') &&
    first !== '{' &&
    text.trim() !== 'null'
  ) {
    throw p.host.exception('System.JSONException', "Malformed JSON: Expected '{' at the beginning of object", line);
  }
  return typed(p, untyped(parseWithNumbers(p, text, line)), ref, line);
}

function typed(p: Platform, v: Value, t: TypeRef, line: number): Value {
  if (v === null || v === undefined) return null;
  const n = t.n.toLowerCase().replace(/^system\./, '');
  const interp = p.interp;
  switch (n) {
    case 'object':
      return v;
    case 'string':
    case 'id':
      return typeof v === 'string' ? v : apexToString(v);
    case 'integer':
    case 'long':
      return typeof v === 'number' ? v : v instanceof ApexDecimal ? Math.trunc(v.v) : Number(v);
    case 'decimal':
    case 'double':
      return interp.coerce(typeof v === 'string' ? ApexDecimal.parse(v) : v, t, line);
    case 'boolean':
      return v === true || v === 'true';
    case 'date':
      return typeof v === 'string'
        ? new ApexDate(...(v.slice(0, 10).split('-').map(Number) as [number, number, number]))
        : v;
    case 'datetime':
      return typeof v === 'string' ? new ApexDatetime(Date.parse(v.replace(/\+0000$/, 'Z'))) : v;
    case 'list':
    case 'set': {
      if (!(v instanceof ApexList))
        throw p.host.exception('System.JSONException', `Expected ${t.n} but found ${typeof v}`, line);
      const items = v.items.map((x) => typed(p, x, t.a?.[0] ?? { n: 'Object' }, line));
      if (n === 'list') return new ApexList(t.a?.[0], items);
      return interp.newCollection(t, [new ApexList(t.a?.[0], items)], line);
    }
    case 'map': {
      if (!(v instanceof ApexMap)) throw p.host.exception('System.JSONException', 'Expected a JSON object', line);
      const m = new ApexMap(t.a?.[0], t.a?.[1]);
      for (const [k, x] of v.map.values()) interp.mapPut(m, k, typed(p, x, t.a?.[1] ?? { n: 'Object' }, line));
      return m;
    }
  }
  const sobj = p.sobjectName(t.n);
  if (sobj && v instanceof ApexMap) {
    const rec = new SObjectValue(sobj);
    for (const [k, x] of v.map.values()) {
      if (k === 'attributes') continue;
      const f = p.schema.field(sobj, k);
      if (f) rec.set(f.name, typed(p, x, { n: f.apexType === 'Double' ? 'Decimal' : f.apexType }, line));
      else if (x instanceof ApexMap && x.map.has('srecords')) {
        const rel = p.schema.childRelationship(sobj, k);
        const records = x.map.get('srecords')![1] as ApexList;
        rec.set(k, typed(p, records, { n: 'List', a: [{ n: rel?.childSObject ?? 'SObject' }] }, line));
      } else if (x instanceof ApexMap) {
        const pr = p.schema.parentRelationship(sobj, k);
        rec.set(k, typed(p, x, { n: pr?.targets[0] ?? 'SObject' }, line));
      }
    }
    return rec;
  }
  const cls = interp.resolveClass(t.n, interp.stack.length > 0 ? interp.frame.cls : null);
  if (cls && cls.kind === 'enum') {
    const i = cls.enumValues.findIndex((e) => e === v);
    return i < 0 ? null : new EnumValue(cls.name, cls.enumValues[i], i);
  }
  if (cls && cls.decl && v instanceof ApexMap) {
    const obj = interp.instantiate(cls, [], line);
    for (const [k, x] of v.map.values()) {
      const key = String(k).toLowerCase();
      let declared: TypeRef | undefined;
      for (let c: typeof cls | null = cls; c && !declared; c = c.superclass)
        declared = c.fields.get(key)?.type ?? c.props.get(key)?.type;
      if (!declared) continue;
      obj.fields.set(key, interp.coerce(typed(p, x, declared, line), declared, line));
    }
    return obj;
  }
  const invocable = invocableFromJson(p, t.n, v, line);
  if (invocable !== undefined) return invocable;
  throw interp.unsupported(`JSON.deserialize into ${t.n}`, line);
}
