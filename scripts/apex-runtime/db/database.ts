/**
 * The in-memory database: rows per object, Ids with the object's key prefix, system fields, DML validation with the
 * platform's status codes and messages (SOAP API Developer Guide, "StatusCode"; Apex Developer Guide, "DML"), snapshots
 * for @TestSetup and savepoints.
 */
import type { FieldDescribe, SchemaModel, SObjectSchema } from '../schema';
import { to18 } from '../interpreter/semantics';
import { ApexDate, ApexDatetime, ApexDecimal, type Value } from '../interpreter/values';

export interface Row {
  id: string;
  object: string;
  /** field values by lower-case API name */
  fields: Map<string, Value>;
  deleted: boolean;
  /** an approval lock (Approval.lock): copied with the row, so it rolls back with the transaction */
  locked?: boolean;
}

export interface DmlError {
  code: string;
  message: string;
  fields: string[];
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export class Database {
  private tables = new Map<string, Map<string, Row>>();
  private counter = 0;
  private autoNumbers = new Map<string, number>();

  constructor(readonly schema: SchemaModel) {}

  table(object: string): Map<string, Row> {
    const key = object.toLowerCase();
    let t = this.tables.get(key);
    if (!t) {
      t = new Map();
      this.tables.set(key, t);
    }
    return t;
  }

  newId(object: SObjectSchema): string {
    this.counter++;
    let n = this.counter;
    let body = '';
    for (let i = 0; i < 9; i++) {
      body = BASE62[n % 62] + body;
      n = Math.floor(n / 62);
    }
    // pod "000" keeps generated Ids recognisable and unique per run
    return to18(object.describe.keyPrefix + '000' + body);
  }

  nextAutoNumber(object: string, field: FieldDescribe): string {
    const key = `${object}.${field.name}`.toLowerCase();
    const n = (this.autoNumbers.get(key) ?? 0) + 1;
    this.autoNumbers.set(key, n);
    const format = field.displayFormat ?? '{0}';
    return format.replace(/\{(0+)\}/, (_m, zeros: string) => String(n).padStart(zeros.length, '0'));
  }

  byId(id: string | null | undefined): Row | undefined {
    if (!id || id.length < 15) return undefined;
    const obj = this.schema.objectOfId(id);
    if (!obj) return undefined;
    return this.table(obj.describe.name).get(id.slice(0, 15));
  }

  /** Prior states of rows changed since beginJournal(): undoes one failed DML statement without copying the tables. */
  private journal: Map<string, { object: string; prior: Row | undefined }> | null = null;

  beginJournal(): void {
    this.journal = new Map();
  }

  /** Records a row's state before it is changed in place (delete, undelete, field writes). */
  touch(row: Row): void {
    const key = row.id.slice(0, 15);
    if (this.journal && !this.journal.has(key))
      this.journal.set(key, { object: row.object, prior: { ...row, fields: new Map(row.fields) } });
  }

  endJournal(rollback: boolean): void {
    const journal = this.journal;
    this.journal = null;
    if (!rollback || !journal) return;
    for (const [key, { object, prior }] of journal) {
      if (prior) this.table(object).set(key, prior);
      else this.table(object).delete(key);
    }
  }

  put(row: Row): void {
    const table = this.table(row.object);
    const key = row.id.slice(0, 15);
    if (this.journal && !this.journal.has(key)) {
      const prior = table.get(key);
      this.journal.set(key, {
        object: row.object,
        prior: prior ? { ...prior, fields: new Map(prior.fields) } : undefined
      });
    }
    table.set(key, row);
  }

  /** Objects that hold rows (for cascades: only they can have children). */
  objectsWithRows(): string[] {
    return [...this.tables.entries()].filter(([, t]) => t.size > 0).map(([, t]) => [...t.values()][0].object);
  }

  rows(object: string): Row[] {
    return [...this.table(object).values()];
  }

  snapshot(): DbSnapshot {
    const tables = new Map<string, Map<string, Row>>();
    for (const [k, t] of this.tables) {
      const copy = new Map<string, Row>();
      for (const [id, r] of t) copy.set(id, { ...r, fields: new Map(r.fields) });
      tables.set(k, copy);
    }
    return { tables, counter: this.counter, autoNumbers: new Map(this.autoNumbers) };
  }

  restore(s: DbSnapshot, keepCounter = true): void {
    this.tables = new Map();
    for (const [k, t] of s.tables) {
      const copy = new Map<string, Row>();
      for (const [id, r] of t) copy.set(id, { ...r, fields: new Map(r.fields) });
      this.tables.set(k, copy);
    }
    // Ids are never reused after a rollback, as on the platform
    if (!keepCounter) this.counter = s.counter;
    this.autoNumbers = new Map(s.autoNumbers);
  }
}

export interface DbSnapshot {
  tables: Map<string, Map<string, Row>>;
  counter: number;
  autoNumbers: Map<string, number>;
}

/** A field value as the database stores it: numbers of number fields become Decimal, text stays text. */
export function storeValue(field: FieldDescribe, v: Value): Value {
  if (v === null || v === undefined) return null;
  switch (field.apexType) {
    case 'Decimal':
    case 'Double':
      if (typeof v === 'number') return new ApexDecimal(v, field.scale || 0);
      return v;
    case 'Id':
      return typeof v === 'string' ? to18(v) : v;
    case 'Date':
      if (v instanceof ApexDatetime) return ApexDate.fromUtc(new Date(v.ms));
      return v;
    default:
      return v;
  }
}
