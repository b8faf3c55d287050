/**
 * Runtime values of the Apex interpreter. Apex is statically typed but this interpreter is not: a value carries its
 * kind. Integer and Long are JS numbers; Decimal and Double are ApexDecimal (Double flagged); String, Id and Boolean are
 * JS primitives; null is null.
 */
import type { TypeRef } from '../frontend/ast';

// The interpreter is dynamically typed: every Apex value passes through this alias.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Value = any;

export class ApexDecimal {
  constructor(
    readonly v: number,
    /** digits after the point, as Apex keeps them (1.10 has scale 2) */
    readonly scale: number,
    readonly isDouble = false
  ) {}

  static parse(text: string): ApexDecimal {
    const t = text.trim();
    const point = t.indexOf('.');
    const exp = /e/i.test(t);
    const scale = point < 0 || exp ? 0 : t.length - point - 1;
    return new ApexDecimal(Number(t), scale);
  }

  static of(n: number, isDouble = false): ApexDecimal {
    if (isDouble) return new ApexDecimal(n, 0, true);
    const s = String(n);
    const point = s.indexOf('.');
    return new ApexDecimal(n, point < 0 || /e/i.test(s) ? 0 : s.length - point - 1);
  }

  toString(): string {
    if (this.isDouble) {
      if (Number.isInteger(this.v) && Math.abs(this.v) < 1e7) return this.v.toFixed(1);
      const abs = Math.abs(this.v);
      if (abs !== 0 && (abs >= 1e7 || abs < 1e-3)) {
        const [m, e] = this.v.toExponential().split('e');
        return `${m.includes('.') ? m : m + '.0'}E${Number(e)}`;
      }
      return String(this.v);
    }
    const abs = Math.abs(this.v);
    if (abs !== 0 && abs < 1e-6 && this.scale > 0) return this.v.toExponential().replace('e', 'E');
    return this.v.toFixed(Math.min(Math.max(this.scale, 0), 100));
  }
}

/** A calendar date (no time zone). Month 1-12. */
export class ApexDate {
  constructor(
    readonly y: number,
    readonly m: number,
    readonly d: number
  ) {}
  static fromUtc(date: Date): ApexDate {
    return new ApexDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  toUtc(): Date {
    return new Date(Date.UTC(this.y, this.m - 1, this.d));
  }
  toString(): string {
    return `${String(this.y).padStart(4, '0')}-${pad(this.m)}-${pad(this.d)}`;
  }
}

/** An instant in milliseconds since the epoch (GMT). */
export class ApexDatetime {
  constructor(readonly ms: number) {}
  /** String.valueOf(Datetime) is in GMT: "2024-01-31 10:00:00". */
  toString(): string {
    const d = new Date(this.ms);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(
      d.getUTCMinutes()
    )}:${pad(d.getUTCSeconds())}`;
  }
}

/** A time of day in milliseconds after midnight. */
export class ApexTime {
  constructor(readonly ms: number) {}
  toString(): string {
    const h = Math.floor(this.ms / 3600000);
    const m = Math.floor((this.ms % 3600000) / 60000);
    const s = Math.floor((this.ms % 60000) / 1000);
    return `${pad(h)}:${pad(m)}:${pad(s)}.${String(this.ms % 1000).padStart(3, '0')}Z`;
  }
}

export class ApexBlob {
  constructor(
    readonly bytes: Buffer,
    /** the body of a RestRequest that was never set: no content, and `toString()` gives null (docs/apex-runtime.md) */
    readonly unsetBody = false
  ) {}
  toString(): string {
    return `Blob[${this.bytes.length}]`;
  }
}

export class ApexList {
  constructor(
    public elemType: TypeRef | undefined,
    public items: Value[]
  ) {}
}

export class ApexSet {
  constructor(
    public elemType: TypeRef | undefined,
    public map: Map<string, Value> = new Map()
  ) {}
}

export class ApexMap {
  /** describe maps (fields.getMap(), getGlobalDescribe()) ignore the case of their keys */
  caseInsensitive = false;
  constructor(
    public keyType: TypeRef | undefined,
    public valueType: TypeRef | undefined,
    public map: Map<string, [Value, Value]> = new Map()
  ) {}
}

export interface FieldSlot {
  /** the field name as first written */
  name: string;
  value: Value;
}

/** An SObject value: fields by lower-case name; `queried` lists the fields a SOQL query selected (null if built by new). */
export class SObjectValue {
  fields = new Map<string, FieldSlot>();
  /** selected fields (lower-case) when the record came from SOQL; reading another field throws SObjectException */
  queried: Set<string> | null = null;
  /** SObject.addError messages and the fields they mark (fail the record's DML in a trigger) */
  errors?: { message: string; fields: string[] }[];
  constructor(public type: string) {}
  get(name: string): Value {
    return this.fields.get(name.toLowerCase())?.value ?? null;
  }
  set(name: string, value: Value): void {
    const key = name.toLowerCase();
    const slot = this.fields.get(key);
    if (slot) slot.value = value;
    else this.fields.set(key, { name, value });
  }
  has(name: string): boolean {
    return this.fields.has(name.toLowerCase());
  }
}

/** An enum constant. */
export class EnumValue {
  constructor(
    readonly enumType: string,
    readonly name: string,
    readonly ordinal: number
  ) {}
  toString(): string {
    return this.name;
  }
}

/** A type as a value: `Account.class`, `Type.forName('X')`, a name that resolved to a type in an expression. */
export class TypeValue {
  constructor(
    /** canonical type name, e.g. "Account", "List<String>", "MyClass.Inner", "System" */
    readonly name: string,
    readonly ref?: TypeRef
  ) {}
  toString(): string {
    return this.name;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function typeRefToString(t: TypeRef | undefined): string {
  if (!t) return 'Object';
  return t.a && t.a.length > 0 ? `${t.n}<${t.a.map(typeRefToString).join(',')}>` : t.n;
}
