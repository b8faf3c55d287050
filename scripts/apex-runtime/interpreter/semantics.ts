/**
 * Apex value semantics: equality (`==` ignores case for String; Ids equal in 15/18 characters; SObjects and collections
 * by value), hashing for Map keys and Set elements (String keys keep their case), and String conversion
 * (Apex Developer Guide, "Expression Operators", "Maps", "Sets").
 */
import { ApexObject } from './objects';
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
  Value
} from './values';

export const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** The 18-character form of a 15-character Id (the case-safe suffix). */
export function to18(id: string): string {
  if (id.length !== 15) return id;
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charAt(block * 5 + i);
      if (c >= 'A' && c <= 'Z') flags += 1 << i;
    }
    suffix += chars.charAt(flags);
  }
  return id + suffix;
}

/** Enum types compare without namespace and case: Schema.DisplayType and DisplayType are one type. */
function sameEnumType(a: string, b: string): boolean {
  const strip = (t: string): string => t.toLowerCase().replace(/^(system|schema)\./, '');
  return strip(a) === strip(b);
}

export function numberOf(v: Value): number {
  return v instanceof ApexDecimal ? v.v : (v as number);
}

export function isNumeric(v: Value): boolean {
  return typeof v === 'number' || v instanceof ApexDecimal;
}

function idLike(a: string, b: string): boolean {
  return (
    (a.length === 15 || a.length === 18) &&
    (b.length === 15 || b.length === 18) &&
    ID_PATTERN.test(a) &&
    ID_PATTERN.test(b)
  );
}

export interface EqualityHooks {
  /** calls a user class's equals(Object), or null when the class has none */
  userEquals(a: ApexObject, b: Value): boolean | null;
  userHash(a: ApexObject): number | null;
}

export function apexEquals(a: Value, b: Value, hooks?: EqualityHooks): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'string' && typeof b === 'string') {
    if (a.length !== b.length && idLike(a, b)) return a.slice(0, 15) === b.slice(0, 15);
    return a.toLowerCase() === b.toLowerCase();
  }
  if (isNumeric(a) && isNumeric(b)) return numberOf(a) === numberOf(b);
  if (a instanceof ApexDate && b instanceof ApexDate) return a.y === b.y && a.m === b.m && a.d === b.d;
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.ms === b.ms;
  if (a instanceof ApexTime && b instanceof ApexTime) return a.ms === b.ms;
  if (a instanceof ApexBlob && b instanceof ApexBlob) return a.bytes.equals(b.bytes);
  if (a instanceof EnumValue && b instanceof EnumValue)
    return sameEnumType(a.enumType, b.enumType) && a.name === b.name;
  if (a instanceof TypeValue && b instanceof TypeValue) return a.name.toLowerCase() === b.name.toLowerCase();
  if (a instanceof SObjectValue && b instanceof SObjectValue) {
    if (a.type.toLowerCase() !== b.type.toLowerCase()) return false;
    const keys = new Set([...a.fields.keys(), ...b.fields.keys()]);
    for (const k of keys)
      if (!apexEquals(a.fields.get(k)?.value ?? null, b.fields.get(k)?.value ?? null, hooks)) return false;
    return true;
  }
  if (a instanceof ApexList && b instanceof ApexList) {
    return a.items.length === b.items.length && a.items.every((x, i) => apexEquals(x, b.items[i], hooks));
  }
  if (a instanceof ApexSet && b instanceof ApexSet) {
    return a.map.size === b.map.size && [...a.map.keys()].every((k) => b.map.has(k));
  }
  if (a instanceof ApexMap && b instanceof ApexMap) {
    if (a.map.size !== b.map.size) return false;
    for (const [k, [, v]] of a.map) {
      const other = b.map.get(k);
      if (!other || !apexEquals(v, other[1], hooks)) return false;
    }
    return true;
  }
  const ka = keyed(a);
  if (ka !== null) return ka === keyed(b);
  if (a instanceof ApexObject && hooks) {
    const r = hooks.userEquals(a, b);
    if (r !== null) return r;
  }
  return false;
}

/** Built-in objects with value identity (Schema tokens) expose equalityKey(). */
function keyed(v: Value): string | null {
  return v !== null && typeof v === 'object' && typeof v.equalityKey === 'function'
    ? (v.equalityKey() as string | null)
    : null;
}

/** The key of a value in a Map or Set: Strings keep their case; Ids use their 15-character form. */
export function hashKey(v: Value, hooks?: EqualityHooks): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') {
    // an Id is the same key in its 15- and 18-character forms
    if ((v.length === 15 || v.length === 18) && ID_PATTERN.test(v)) return 'i' + v.slice(0, 15);
    return 's' + v;
  }
  if (typeof v === 'number') return 'n' + v;
  if (typeof v === 'boolean') return 'b' + v;
  if (v instanceof ApexDecimal) return 'n' + v.v;
  if (v instanceof ApexDate) return 'd' + v.toString();
  if (v instanceof ApexDatetime) return 't' + v.ms;
  if (v instanceof ApexTime) return 'm' + v.ms;
  if (v instanceof EnumValue)
    return 'e' + v.enumType.toLowerCase().replace(/^(system|schema)\./, '') + '.' + v.name.toLowerCase();
  if (v instanceof TypeValue) return 'y' + v.name.toLowerCase();
  if (v instanceof ApexBlob) return 'x' + v.bytes.toString('base64');
  if (v instanceof SObjectValue) {
    const parts = [...v.fields.entries()]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([k, s]) => `${k}=${hashKey(s.value, hooks)}`);
    return `o${v.type.toLowerCase()}{${parts.join(',')}}`;
  }
  if (v instanceof ApexList) return 'l[' + v.items.map((x) => hashKey(x, hooks)).join(',') + ']';
  if (v instanceof ApexSet) return 'S{' + [...v.map.keys()].join(',') + '}';
  if (v instanceof ApexMap)
    return 'M{' + [...v.map.entries()].map(([k, [, val]]) => k + '=' + hashKey(val, hooks)).join(',') + '}';
  const k = keyed(v);
  if (k !== null) return 'k' + k;
  if (v instanceof ApexObject) {
    const h = hooks?.userHash(v);
    if (h !== null && h !== undefined) return 'h' + v.cls.lname + h;
    return '#' + v.identity;
  }
  return '?' + String(v);
}

/** String.valueOf / concatenation text of a value. */
export function apexToString(v: Value, depth = 0): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (depth > 5) return '...';
  if (v instanceof ApexList) return '(' + v.items.map((x) => apexToString(x, depth + 1)).join(', ') + ')';
  if (v instanceof ApexSet) return '{' + [...v.map.values()].map((x) => apexToString(x, depth + 1)).join(', ') + '}';
  if (v instanceof ApexMap)
    return (
      '{' +
      [...v.map.values()].map(([k, x]) => `${apexToString(k, depth + 1)}=${apexToString(x, depth + 1)}`).join(', ') +
      '}'
    );
  if (v instanceof SObjectValue) {
    return `${v.type}:{${[...v.fields.values()].map((s) => `${s.name}=${apexToString(s.value, depth + 1)}`).join(', ')}}`;
  }
  if (v instanceof ApexObject) {
    if (v.exception) return `${v.cls.name}: ${v.exception.message ?? 'null'}`;
    return `${v.cls.simpleName}:[${[...v.fields.entries()].map(([k, x]) => `${k}=${apexToString(x, depth + 1)}`).join(', ')}]`;
  }
  return String(v);
}
