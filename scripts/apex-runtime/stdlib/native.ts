/** Built-in objects that are neither collections nor primitives: Schema tokens, iterators, HTTP and REST objects. */
import type { Value } from '../interpreter/values';

export class NativeObject {
  constructor(
    /** e.g. "sobjecttype", "sobjectfield", "describesobject", "describefield", "iterator", "savepoint" */
    readonly kind: string,
    readonly data: Record<string, Value>
  ) {}
  /** Value identity of tokens (SObjectType, SObjectField); other built-in objects compare by reference. */
  equalityKey(): string | null {
    if (this.kind === 'sobjecttype') return `t:${String(this.data.name).toLowerCase()}`;
    if (this.kind === 'sobjectfield')
      return `f:${String(this.data.object).toLowerCase()}.${String(this.data.field).toLowerCase()}`;
    if (this.kind === 'uuid') return `u:${String(this.data.value)}`;
    if (this.kind === 'describesobject') return `d:${String(this.data.name).toLowerCase()}`;
    if (this.kind === 'describefield')
      return `df:${String(this.data.object).toLowerCase()}.${String(this.data.field).toLowerCase()}`;
    return null;
  }

  toString(): string {
    return String(this.data.name ?? this.kind);
  }
}
