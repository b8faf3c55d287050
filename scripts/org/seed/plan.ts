import { OrgRecord } from '../../lib/org-api';
import { FieldValue, sameValue } from '../../lib/values';
import { isRef, SeedBatch, SeedFields, SeedRecord, SeedValue } from './types';

/** Stands for the Id of a record that a dry run would create: it has no Id yet. */
export const PENDING_ID = Symbol('the Id of a record still to be created');
export type ResolvedValue = FieldValue | typeof PENDING_ID;

/** The Ids of seed records known so far, by key; `null` for a record a dry run would create. */
export type KnownIds = ReadonlyMap<string, string | null>;

export type PlanAction = 'create' | 'update' | 'unchanged' | 'missing' | 'differs';

export interface FieldChange {
  field: string;
  from: unknown;
  to: ResolvedValue;
}

export interface PlannedRecord {
  sobject: string;
  record: SeedRecord;
  action: PlanAction;
  /** The org's record, when one matched. */
  existing?: OrgRecord;
  /** Synced fields that differ (update) or the reason a verify/existing record fails. */
  changes: FieldChange[];
  notes: string[];
}

/** How a batch finds its existing records: one query by the first match field. */
export interface BatchLookup {
  field: string;
  values: FieldValue[];
  /** Every field the plan compares, Id first. */
  fields: string[];
}

export function resolveValue(value: SeedValue, ids: KnownIds): ResolvedValue {
  if (!isRef(value)) {
    return value;
  }
  const id = ids.get(value.ref);
  if (id === undefined) {
    throw new Error(`the seed refers to "${value.ref}" before that record is known`);
  }
  return id ?? PENDING_ID;
}

export function resolveFields(fields: SeedFields | undefined, ids: KnownIds): Record<string, ResolvedValue> {
  const resolved: Record<string, ResolvedValue> = {};
  for (const [field, value] of Object.entries(fields ?? {})) {
    resolved[field] = resolveValue(value, ids);
  }
  return resolved;
}

function matchFieldOf(batch: SeedBatch): string {
  const first = batch.records[0];
  return first === undefined ? 'Id' : Object.keys(first.match)[0];
}

/** The query that finds a batch's records; values that still wait for an Id are left out. */
export function lookupOf(batch: SeedBatch, ids: KnownIds): BatchLookup {
  const field = matchFieldOf(batch);
  const values: FieldValue[] = [];
  for (const record of batch.records) {
    const value = resolveValue(record.match[field], ids);
    if (value !== PENDING_ID && !values.some((known) => sameValue(known, value))) {
      values.push(value);
    }
  }
  const fields = new Set<string>(['Id']);
  for (const record of batch.records) {
    for (const name of [
      ...Object.keys(record.match),
      ...Object.keys(record.fields ?? {}),
      ...Object.keys(record.deferred ?? {})
    ]) {
      fields.add(name);
    }
  }
  return { field, values, fields: [...fields] };
}

function sameMatchValue(wanted: ResolvedValue, seen: unknown, exact: boolean): boolean {
  if (sameValue(wanted, seen)) {
    return true;
  }
  return (
    !exact && typeof wanted === 'string' && typeof seen === 'string' && wanted.toLowerCase() === seen.toLowerCase()
  );
}

function differences(wanted: Record<string, ResolvedValue>, existing: OrgRecord): FieldChange[] {
  return Object.entries(wanted)
    .filter(([field, value]) => value === PENDING_ID || !sameValue(value, existing[field]))
    .map(([field, value]) => ({ field, from: existing[field], to: value }));
}

/**
 * Decides, for every record of a batch, what the seed must do: create it, update the fields that differ, or
 * nothing. Pure: the org's records come in, the decisions go out. A record matches when every match value equals
 * (as Salesforce compares values, text without case); when several match, the first (exact, then oldest Id) is used
 * and a note says so.
 */
export function planBatch(batch: SeedBatch, existing: readonly OrgRecord[], ids: KnownIds): PlannedRecord[] {
  return batch.records.map((record) => {
    const match = resolveFields(record.match, ids);
    const waitsForNewParent = Object.values(match).includes(PENDING_ID);
    const matching = (exact: boolean) =>
      waitsForNewParent
        ? []
        : existing.filter((candidate) =>
            Object.entries(match).every(([field, value]) => sameMatchValue(value, candidate[field], exact))
          );
    // SOQL compares text without case, as unique text fields do: an exact match wins over a case variant.
    const exactMatches = matching(true);
    const candidates = [...exactMatches, ...matching(false).filter((found) => !exactMatches.includes(found))];
    const notes =
      candidates.length > 1 ? [`${candidates.length} records match; the oldest (${candidates[0].Id}) is used`] : [];
    const found = candidates[0];
    if (found === undefined) {
      const action = batch.mode === 'sync' ? 'create' : 'missing';
      return { sobject: batch.sobject, record, action, changes: [], notes };
    }
    const changes = differences(resolveFields(record.fields, ids), found);
    const action: PlanAction = changes.length === 0 ? 'unchanged' : batch.mode === 'verify' ? 'differs' : 'update';
    return { sobject: batch.sobject, record, action, existing: found, changes, notes };
  });
}

/** The deferred values of a planned record that differ from the org's (all of them for a record to create). */
export function deferredChanges(planned: PlannedRecord, ids: KnownIds): FieldChange[] {
  const wanted = resolveFields(planned.record.deferred, ids);
  if (planned.existing === undefined) {
    return Object.entries(wanted).map(([field, value]) => ({ field, from: undefined, to: value }));
  }
  return differences(wanted, planned.existing);
}

function refsOf(fields: SeedFields | undefined): string[] {
  return Object.values(fields ?? {}).flatMap((value) => (isRef(value) ? [value.ref] : []));
}

/**
 * The mistakes that would make a seed unusable, as sentences: duplicate keys, a batch whose records do not share
 * their first match field, references to unknown records, or (outside `deferred`) to records of the same or a later
 * batch, which have no Id yet when the reference is written.
 */
export function validateSeed(batches: readonly SeedBatch[]): string[] {
  const problems: string[] = [];
  const allKeys = new Set(batches.flatMap((batch) => batch.records.map((record) => record.key)));
  const earlier = new Set<string>();
  const seen = new Set<string>();
  for (const batch of batches) {
    const field = matchFieldOf(batch);
    for (const record of batch.records) {
      if (seen.has(record.key)) {
        problems.push(`the key ${record.key} is used twice`);
      }
      seen.add(record.key);
      if (Object.keys(record.match)[0] !== field) {
        problems.push(
          `${record.key} is matched by ${Object.keys(record.match)[0]}, the rest of ${batch.sobject} by ${field}`
        );
      }
      for (const target of [...refsOf(record.match), ...refsOf(record.fields), ...refsOf(record.createOnly)]) {
        if (!earlier.has(target)) {
          problems.push(`${record.key} refers to ${target}, which is not in an earlier batch`);
        }
      }
      for (const target of refsOf(record.deferred)) {
        if (!allKeys.has(target)) {
          problems.push(`${record.key} refers to ${target}, which is not in the seed`);
        }
      }
    }
    for (const record of batch.records) {
      earlier.add(record.key);
    }
  }
  return problems;
}
