/** Built-in objects that are neither collections nor primitives: Schema tokens, iterators, HTTP and REST objects. */
import type { Value } from "../interpreter/values";

export class NativeObject {
  constructor(
    /** e.g. "sobjecttype", "sobjectfield", "describesobject", "describefield", "iterator", "savepoint" */
    readonly kind: string,
    readonly data: Record<string, Value>
  ) {}
  toString(): string {
    return String(this.data.name ?? this.kind);
  }
}
