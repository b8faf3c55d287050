/** List, Set and Map methods (Apex Reference Guide, "List Class", "Set Class", "Map Class"). */
import { compareValues, NOT_FOUND } from '../interpreter/interpreter';
import { ApexObject } from '../interpreter/objects';
import { apexEquals, apexToString, hashKey, numberOf } from '../interpreter/semantics';
import { ApexList, ApexMap, ApexSet, EnumValue, SObjectValue, type Value } from '../interpreter/values';
import type { ApexHost } from './host';

function items(v: Value): Value[] {
  if (v instanceof ApexList) return v.items;
  if (v instanceof ApexSet) return [...v.map.values()];
  return [];
}

export function listMethod(h: ApexHost, l: ApexList, name: string, a: Value[], line: number): Value {
  const interp = h.interp;
  const index = (i: Value, size = l.items.length): number => {
    const n = numberOf(i);
    if (n < 0 || n >= size) throw h.exception('System.ListException', `List index out of bounds: ${n}`, line);
    return n;
  };
  switch (name) {
    case 'size':
      return l.items.length;
    case 'isempty':
      return l.items.length === 0;
    case 'add':
      if (a.length === 2) {
        const n = numberOf(a[0]);
        if (n < 0 || n > l.items.length)
          throw h.exception('System.ListException', `List index out of bounds: ${n}`, line);
        l.items.splice(n, 0, interp.coerce(a[1], l.elemType, line));
      } else l.items.push(interp.coerce(a[0], l.elemType, line));
      return null;
    case 'addall':
      if (a[0] === null) throw h.npe(line);
      for (const x of items(a[0])) l.items.push(interp.coerce(x, l.elemType, line));
      return null;
    case 'get':
      return l.items[index(a[0])];
    case 'set':
      l.items[index(a[0])] = interp.coerce(a[1], l.elemType, line);
      return null;
    case 'remove':
      return l.items.splice(index(a[0]), 1)[0];
    case 'clear':
      l.items.length = 0;
      return null;
    case 'contains':
      return l.items.some((x) => apexEquals(x, a[0], interp));
    case 'indexof':
      return l.items.findIndex((x) => apexEquals(x, a[0], interp));
    case 'clone':
    case 'deepclone':
      return new ApexList(
        l.elemType,
        l.items.map((x) => (name === 'deepclone' && x instanceof SObjectValue ? h.cloneSObject(x, true) : x))
      );
    case 'sort':
      if (a.length === 1 && a[0] !== null) {
        // sort(Comparator): stable, by comparator.compare(a, b)
        l.items.sort((x, y) => numberOf(h.interp.callMethodOn(a[0], 'compare', [x, y], line)));
        return null;
      }
      sortList(h, l, line);
      return null;
    case 'equals':
      return apexEquals(l, a[0], interp);
    case 'hashcode':
      return hashKey(l, interp).length;
    case 'tostring':
      return apexToString(l);
    case 'iterator':
      return h.iterator(l.items);
    case 'getsobjecttype':
      return h.sobjectTypeToken(l.elemType?.n ?? 'SObject');
  }
  return NOT_FOUND;
}

function sortList(h: ApexHost, l: ApexList, line: number): void {
  const first = l.items.find((x) => x !== null);
  if (first instanceof ApexObject) {
    const compare = (x: Value, y: Value): number => {
      if (x === null) return -1;
      if (y === null) return 1;
      return numberOf(h.interp.callMethodOn(x, 'compareTo', [y], line));
    };
    l.items.sort(compare);
    return;
  }
  if (first instanceof SObjectValue) {
    // List.sort() on sObjects: by object label, then Name, then the other standard fields, then custom fields, each
    // group alphabetically by field name (Apex Reference Guide, "List Class", "Sorting Lists of sObjects")
    const order = (rec: SObjectValue): string[] => {
      const names = [...rec.fields.values()]
        .map((f) => f.name)
        .filter((n) => n.toLowerCase() !== 'id' && n.toLowerCase() !== 'name');
      const standard = names.filter((n) => !n.endsWith('__c')).sort((a, b) => a.localeCompare(b));
      const custom = names.filter((n) => n.endsWith('__c')).sort((a, b) => a.localeCompare(b));
      return ['name', ...standard, ...custom];
    };
    l.items.sort((x: SObjectValue | null, y: SObjectValue | null) => {
      if (x === null) return y === null ? 0 : -1;
      if (y === null) return 1;
      const byType = x.type.localeCompare(y.type);
      if (byType !== 0) return byType;
      for (const f of order(x)) {
        const a = x.get(f);
        const b = y.get(f);
        if (a === b) continue;
        if (a === null || a === undefined) return -1;
        if (b === null || b === undefined) return 1;
        const c =
          typeof a === 'string' && typeof b === 'string'
            ? a.toLowerCase().localeCompare(b.toLowerCase())
            : compareValues(a, b);
        if (c !== 0) return c;
      }
      return 0;
    });
    return;
  }
  l.items.sort((x, y) => {
    if (x === null) return y === null ? 0 : -1;
    if (y === null) return 1;
    if (x instanceof EnumValue && y instanceof EnumValue) return x.ordinal - y.ordinal;
    return compareValues(x, y);
  });
}

export function setMethod(h: ApexHost, s: ApexSet, name: string, a: Value[], line: number): Value {
  const interp = h.interp;
  const key = (v: Value): string => hashKey(interp.coerce(v, s.elemType, line), interp);
  switch (name) {
    case 'size':
      return s.map.size;
    case 'isempty':
      return s.map.size === 0;
    case 'add': {
      const k = key(a[0]);
      if (s.map.has(k)) return false;
      s.map.set(k, interp.coerce(a[0], s.elemType, line));
      return true;
    }
    case 'addall': {
      if (a[0] === null) throw h.npe(line);
      let changed = false;
      for (const x of items(a[0])) {
        const k = key(x);
        if (!s.map.has(k)) {
          s.map.set(k, interp.coerce(x, s.elemType, line));
          changed = true;
        }
      }
      return changed;
    }
    case 'contains':
      if (a[0] === undefined) return false;
      return s.map.has(key(a[0]));
    case 'containsall':
      return items(a[0]).every((x) => s.map.has(key(x)));
    case 'remove':
      return s.map.delete(key(a[0]));
    case 'removeall': {
      let changed = false;
      for (const x of items(a[0])) changed = s.map.delete(key(x)) || changed;
      return changed;
    }
    case 'retainall': {
      const keep = new Set(items(a[0]).map((x) => key(x)));
      let changed = false;
      for (const k of [...s.map.keys()]) {
        if (!keep.has(k)) {
          s.map.delete(k);
          changed = true;
        }
      }
      return changed;
    }
    case 'clear':
      s.map.clear();
      return null;
    case 'clone':
      return new ApexSet(s.elemType, new Map(s.map));
    case 'equals':
      return apexEquals(s, a[0], interp);
    case 'tostring':
      return apexToString(s);
    case 'iterator':
      return h.iterator([...s.map.values()]);
    case 'hashcode':
      return s.map.size;
  }
  return NOT_FOUND;
}

export function mapMethod(h: ApexHost, m: ApexMap, name: string, a: Value[], line: number): Value {
  const interp = h.interp;
  const key = (v: Value): string =>
    hashKey(m.caseInsensitive && typeof v === 'string' ? v.toLowerCase() : interp.coerce(v, m.keyType, line), interp);
  switch (name) {
    case 'size':
      return m.map.size;
    case 'isempty':
      return m.map.size === 0;
    case 'put':
      return interp.mapPut(m, a[0], a[1]);
    case 'putall':
      if (a[0] instanceof ApexMap) for (const [k, v] of a[0].map.values()) interp.mapPut(m, k, v);
      else for (const rec of items(a[0])) interp.mapPut(m, (rec as SObjectValue).get('Id'), rec);
      return null;
    case 'get':
      return m.map.get(key(a[0]))?.[1] ?? null;
    case 'containskey':
      return m.map.has(key(a[0]));
    case 'remove': {
      const k = key(a[0]);
      const old = m.map.get(k);
      m.map.delete(k);
      return old ? old[1] : null;
    }
    case 'keyset': {
      const set = new ApexSet(m.keyType);
      for (const [k, [orig]] of m.map) set.map.set(k, orig);
      return set;
    }
    case 'values':
      return new ApexList(
        m.valueType,
        [...m.map.values()].map(([, v]) => v)
      );
    case 'clear':
      m.map.clear();
      return null;
    case 'clone':
    case 'deepclone':
      return new ApexMap(m.keyType, m.valueType, new Map(m.map));
    case 'equals':
      return apexEquals(m, a[0], interp);
    case 'tostring':
      return apexToString(m);
    case 'hashcode':
      return m.map.size;
    case 'getsobjecttype':
      return h.sobjectTypeToken(m.valueType?.n ?? 'SObject');
  }
  return NOT_FOUND;
}
