import { ChildRelationship, FieldDescribe, SchemaModel } from '../../../scripts/apex-runtime/schema';
import { FieldAccess, ObjectAccess, UserAccess } from '../../../scripts/apex-runtime/security';
import { BindReference, BoundValue, RowScope, SoqlHost, SoqlLiteral } from '../../../scripts/apex-runtime/soql';

/**
 * A small in-memory SoqlHost for the evaluator's tests. Values are plain JS: text and Ids as strings, numbers as
 * numbers, Date as `YYYY-MM-DD`, Datetime as ISO 8601 GMT. The runtime's real host does the same with its own types.
 */
export interface MemoryRow {
  type: string;
  values: Record<string, unknown>;
  deleted?: boolean;
}

export class MemoryHost implements SoqlHost {
  readonly rowsByObject = new Map<string, MemoryRow[]>();
  readonly byId = new Map<string, MemoryRow>();
  binds: Record<string, unknown> = {};
  now = new Date('2026-03-18T15:30:00Z');
  timeZone = 'GMT';
  access: UserAccess = fullAccess();
  private counter = 0;

  constructor(readonly schema: SchemaModel) {}

  /** Adds a record; canonical field names are looked up so tests may write them in any case. Returns its Id. */
  insert(objectName: string, values: Record<string, unknown>, deleted = false): string {
    const object = this.schema.object(objectName);
    if (!object) {
      throw new Error(`unknown object ${objectName}`);
    }
    const id = `${object.describe.keyPrefix}${String(++this.counter).padStart(12, '0')}AAA`;
    const canonical: Record<string, unknown> = { Id: id };
    for (const [name, value] of Object.entries(values)) {
      const field = this.schema.field(objectName, name);
      if (!field) {
        throw new Error(`unknown field ${objectName}.${name}`);
      }
      canonical[field.name] = value;
    }
    const row: MemoryRow = { type: object.describe.name, values: canonical, deleted };
    const list = this.rowsByObject.get(row.type) ?? [];
    list.push(row);
    this.rowsByObject.set(row.type, list);
    this.byId.set(id, row);
    return id;
  }

  rows(objectName: string, scope: RowScope): MemoryRow[] {
    return (this.rowsByObject.get(objectName) ?? []).filter((row) => scope.allRows || !row.deleted);
  }

  objectOf(row: unknown): string {
    return (row as MemoryRow).type;
  }

  value(row: unknown, field: FieldDescribe): unknown {
    return (row as MemoryRow).values[field.name] ?? null;
  }

  parent(row: unknown, field: FieldDescribe): MemoryRow | null {
    const id = (row as MemoryRow).values[field.name];
    return typeof id === 'string' ? (this.byId.get(id) ?? null) : null;
  }

  children(row: unknown, relationship: ChildRelationship, scope: RowScope): MemoryRow[] {
    const id = (row as MemoryRow).values.Id;
    return this.rows(relationship.childSObject, scope).filter((child) => child.values[relationship.field] === id);
  }

  literal(literal: SoqlLiteral, field: FieldDescribe): unknown {
    switch (literal.kind) {
      case 'string':
        return literal.value;
      case 'number':
        return Number(literal.text);
      case 'boolean':
        return literal.value;
      case 'date':
        return field.type === 'DATETIME' ? `${literal.text}T00:00:00.000Z` : literal.text;
      case 'datetime':
        return field.type === 'DATE' ? literal.text.slice(0, 10) : new Date(literal.text).toISOString();
      default:
        return null;
    }
  }

  bind(bind: BindReference): BoundValue {
    if (!(bind.expression in this.binds)) {
      throw new Error(`Variable does not exist: ${bind.expression}`);
    }
    const value = this.binds[bind.expression];
    if (Array.isArray(value)) {
      return { kind: 'list', values: value };
    }
    if (value instanceof Set) {
      return { kind: 'list', values: [...value] };
    }
    return { kind: 'scalar', value };
  }

  compare(left: unknown, right: unknown, field: FieldDescribe): number {
    if (typeof left === 'number' && typeof right === 'number') {
      return left - right;
    }
    if (typeof left === 'boolean' && typeof right === 'boolean') {
      return Number(left) - Number(right);
    }
    if (field.type === 'DATETIME') {
      return new Date(String(left)).getTime() - new Date(String(right)).getTime();
    }
    const a = String(left);
    const b = String(right);
    if (field.type === 'ID' || field.type === 'REFERENCE') {
      return a.slice(0, 15).localeCompare(b.slice(0, 15));
    }
    const upperA = a.toUpperCase();
    const upperB = b.toUpperCase();
    return upperA < upperB ? -1 : upperA > upperB ? 1 : 0;
  }

  text(value: unknown): string {
    return String(value);
  }

  integer(value: unknown): number {
    return Number(value);
  }

  aggregate(fn: 'SUM' | 'AVG', values: unknown[]): unknown {
    const sum = values.reduce<number>((total, value) => total + Number(value), 0);
    return fn === 'SUM' ? sum : sum / values.length;
  }

  computed(_type: 'Integer' | 'Date', value: number | string): unknown {
    return value;
  }

  clock(): { now: Date; timeZone: string } {
    return { now: this.now, timeZone: this.timeZone };
  }

  userAccess(): UserAccess {
    return this.access;
  }
}

const ALL: ObjectAccess = { read: true, create: true, edit: true, delete: true, viewAll: true, modifyAll: true };

export function fullAccess(): UserAccess {
  return restrictedAccess(
    () => ALL,
    () => ({ read: true, edit: true })
  );
}

export function restrictedAccess(
  object: (name: string) => ObjectAccess,
  field: (objectName: string, fieldName: string) => FieldAccess
): UserAccess {
  return {
    object,
    field,
    canRunClass: () => true,
    hasUserPermission: () => true,
    hasCustomPermission: () => true,
    unknownGrants: []
  };
}
