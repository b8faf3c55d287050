/** The runtime's side of the SOQL engine (soql/host.ts): rows, values, binds and comparisons of the in-memory database. */
import { compareValues } from '../interpreter/interpreter';
import { apexToString, numberOf } from '../interpreter/semantics';
import {
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexList,
  ApexMap,
  ApexSet,
  SObjectValue,
  type Value
} from '../interpreter/values';
import type { FieldDescribe } from '../schema';
import type { BoundValue, SoqlHost, SoqlLiteral } from '../soql';
import type { Platform } from '../stdlib/platform';
import type { Row } from './database';

/** EntityDefinition/FieldDefinition/EntityParticle rows made on first use, one per platform and name, so their Ids stay stable. */
const definitionRows = new WeakMap<Platform, Map<string, Row>>();

/**
 * The parent of a custom metadata type's metadata relationship to EntityDefinition or FieldDefinition: the field
 * stores the API name (Metadata API, "Custom Metadata Types": metadata relationships), and `Object__r.QualifiedApiName`
 * reads it back. The row carries the names and label the schema knows; a FieldDefinition's object is the value of the
 * relationship that controls it. Relationships to another custom metadata type hold Ids already (runner/project.ts).
 */
function definitionRow(p: Platform, row: Row, field: FieldDescribe, name: string): Row | null {
  const target = field.referenceTo[0];
  // a field-level relationship targets FieldDefinition or EntityParticle (Salesforce Help, "Create a Relationship to a
  // Field Definition or Entity Particle"); both rows carry the field's names and its object's EntityDefinitionId
  const fieldLevel = target === 'FieldDefinition' || target === 'EntityParticle';
  if (target !== 'EntityDefinition' && !fieldLevel) return null;
  let objectName = name;
  if (fieldLevel) {
    const controlling = p.schema
      .object(row.object)
      ?.fields.find(
        (f) =>
          f.valueIsName &&
          f.referenceTo[0] === 'EntityDefinition' &&
          typeof row.fields.get(f.name.toLowerCase()) === 'string'
      );
    objectName = controlling ? (row.fields.get(controlling.name.toLowerCase()) as string) : '';
  }
  const key = `${target}:${objectName}.${name}`.toLowerCase();
  const cache = definitionRows.get(p) ?? new Map<string, Row>();
  definitionRows.set(p, cache);
  const cached = cache.get(key);
  if (cached) return cached;
  const definitionObject = p.schema.object(target);
  if (!definitionObject) return null;
  const described = target === 'EntityDefinition' ? p.schema.object(name)?.describe : p.schema.field(objectName, name);
  const apiName = described?.name ?? name;
  const fields = new Map<string, Value>([
    ['qualifiedapiname', apiName],
    ['developername', apiName.replace(/__(c|mdt|e|x|b)$/i, '')],
    ['label', described?.label ?? apiName],
    ['masterlabel', described?.label ?? apiName],
    ['namespaceprefix', null]
  ]);
  if (fieldLevel) fields.set('entitydefinitionid', objectName);
  const created: Row = {
    id: p.db.newId(definitionObject),
    object: definitionObject.describe.name,
    fields,
    deleted: false
  };
  fields.set('id', created.id);
  cache.set(key, created);
  return created;
}

export function makeSoqlHost(p: Platform, binds: Map<string, Value>, line: number): SoqlHost {
  const resolve = (expression: string): Value => {
    if (binds.has(expression)) return binds.get(expression);
    return p.interp.evalBindText(expression, line);
  };
  return {
    schema: p.schema,
    rows(objectName, scope) {
      const rows = p.db.rows(objectName);
      const live = scope.allRows ? rows : rows.filter((r) => !r.deleted);
      if (!(scope.userMode || p.interp.sharingEnforced()) || p.seesAllData()) return live;
      return live.filter((r) => p.isVisible(r));
    },
    objectOf: (row) => (row as Row).object,
    value(row, field) {
      return p.fieldValue(row as Row, field);
    },
    parent(row, field) {
      const id = (row as Row).fields.get(field.name.toLowerCase());
      if (!id) return null;
      if (field.valueIsName && typeof id === 'string') return definitionRow(p, row as Row, field, id);
      const parent = p.db.byId(id as string);
      return parent && !parent.deleted ? parent : null;
    },
    children(row, relationship, scope) {
      const key = relationship.field.toLowerCase();
      const id = (row as Row).id;
      return p.db
        .rows(relationship.childSObject)
        .filter((c) => (scope.allRows || !c.deleted) && c.fields.get(key) === id);
    },
    literal(literal: SoqlLiteral, field: FieldDescribe) {
      return literalFor(literal, field);
    },
    bind(bind, field): BoundValue {
      const v = resolve(bind.expression);
      const convert = (x: Value): Value => {
        if (x instanceof SObjectValue && field && (field.type === 'ID' || field.type === 'REFERENCE'))
          return x.get('Id');
        if (typeof x === 'number' && field && (field.apexType === 'Decimal' || field.apexType === 'Double'))
          return new ApexDecimal(x, 0);
        if (x instanceof ApexDatetime && field?.apexType === 'Date') return ApexDate.fromUtc(new Date(x.ms));
        return x;
      };
      if (v instanceof ApexList) return { kind: 'list', values: v.items.map(convert) };
      if (v instanceof ApexSet) return { kind: 'list', values: [...v.map.values()].map(convert) };
      if (v instanceof ApexMap) return { kind: 'list', values: [...v.map.values()].map(([k]) => convert(k)) };
      return { kind: 'scalar', value: convert(v) };
    },
    compare(left, right, field) {
      if (typeof left === 'string' && typeof right === 'string') {
        if (field.type === 'ID' || field.type === 'REFERENCE') {
          const a = left.slice(0, 15);
          const b = right.slice(0, 15);
          return a < b ? -1 : a > b ? 1 : 0;
        }
        const a = left.toLowerCase();
        const b = right.toLowerCase();
        return a < b ? -1 : a > b ? 1 : 0;
      }
      if (left instanceof ApexDate && right instanceof ApexDatetime) return left.toUtc().getTime() - right.ms;
      if (left instanceof ApexDatetime && right instanceof ApexDate) return left.ms - right.toUtc().getTime();
      return compareValues(left, right);
    },
    text: (value) => apexToString(value),
    integer: (value) => numberOf(value),
    aggregate(fn, values, field) {
      if (values.length === 0) return null;
      const nums = values.map((v) => numberOf(v));
      const sum = nums.reduce((a, b) => a + b, 0);
      const scale = Math.max(0, ...values.map((v) => (v instanceof ApexDecimal ? v.scale : 0)));
      if (fn === 'SUM') return field.apexType === 'Integer' ? sum : new ApexDecimal(sum, scale);
      return ApexDecimal.of(sum / nums.length);
    },
    computed(type, value) {
      if (type === 'Integer') return value as number;
      const [y, m, d] = String(value).split('-').map(Number);
      return new ApexDate(y, m, d);
    },
    clock: () => ({ now: new Date(p.now()), timeZone: 'GMT' }),
    userAccess: () => p.userAccess()
  };
}

function literalFor(literal: SoqlLiteral, field: FieldDescribe): Value {
  switch (literal.kind) {
    case 'null':
      return null;
    case 'boolean':
      return literal.value;
    case 'string':
      // the platform stores empty text as null, so '' in a query matches unset fields
      return literal.value === '' ? null : literal.value;
    case 'number':
      if (field.apexType === 'Integer' || field.apexType === 'Long') return Number(literal.text);
      return ApexDecimal.parse(literal.text);
    case 'date': {
      const [y, m, d] = literal.text.split('-').map(Number);
      const date = new ApexDate(y, m, d);
      return field.apexType === 'Datetime' ? new ApexDatetime(date.toUtc().getTime()) : date;
    }
    case 'datetime': {
      const ms = Date.parse(literal.text);
      return field.apexType === 'Date' ? ApexDate.fromUtc(new Date(ms)) : new ApexDatetime(ms);
    }
    default:
      return null;
  }
}
