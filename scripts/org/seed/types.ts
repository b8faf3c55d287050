import { FieldValue } from '../../lib/values';

/** A reference to another seed record by its key; replaced by that record's Id when the seed runs. */
export interface RecordRef {
  ref: string;
}

export type SeedValue = FieldValue | RecordRef;
export type SeedFields = Readonly<Record<string, SeedValue>>;

/**
 * How a batch treats the org's records:
 * - `sync`: create what is missing, update what differs;
 * - `existing`: update only; a missing record is an error (the standard price book exists in every org);
 * - `verify`: read only; a missing or different record is an error (custom metadata deploys with the source).
 */
export type SeedMode = 'sync' | 'existing' | 'verify';

export interface SeedRecord {
  /** Unique in the seed, e.g. `account:eligibility-pending`; other records refer to it with `{ ref: key }`. */
  readonly key: string;
  /** The values that find the record again: an external id, or a deterministic name. Written on create. */
  readonly match: SeedFields;
  /** Values kept in sync: written on create, compared and updated on every run. */
  readonly fields?: SeedFields;
  /** Values written on create only, for fields the org does not let change (or that other automation owns). */
  readonly createOnly?: SeedFields;
  /**
   * Values written after every batch, kept in sync like `fields`: a status that needs the record's children first
   * (an order is activated after its items), or a reference to a record of a later batch.
   */
  readonly deferred?: SeedFields;
}

export interface SeedBatch {
  readonly sobject: string;
  readonly mode: SeedMode;
  readonly records: readonly SeedRecord[];
}

export function ref(key: string): RecordRef {
  return { ref: key };
}

export function isRef(value: SeedValue | undefined): value is RecordRef {
  return typeof value === 'object' && value !== null && 'ref' in value;
}
