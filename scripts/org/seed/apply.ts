import { FieldMap, OrgRecord } from '../../lib/org-api';
import { describeValue, FieldValue } from '../../lib/values';
import {
  BatchLookup,
  deferredChanges,
  FieldChange,
  KnownIds,
  lookupOf,
  PENDING_ID,
  planBatch,
  PlannedRecord,
  resolveFields,
  ResolvedValue
} from './plan';
import { isRef, SeedBatch } from './types';

/** The org as the seed sees it: find records, create and update them. */
export interface SeedStore {
  find(sobject: string, lookup: BatchLookup): Promise<OrgRecord[]>;
  create(sobject: string, records: FieldMap[]): Promise<string[]>;
  update(sobject: string, records: Array<{ Id: string } & FieldMap>): Promise<void>;
}

/** What happened to one seed record in the end. */
export type RecordOutcome = 'created' | 'updated' | 'unchanged' | 'verified';

export interface SeededRecord {
  sobject: string;
  key: string;
  label: string;
  outcome: RecordOutcome;
  changes: FieldChange[];
  notes: string[];
}

export interface SeedOutcome {
  dryRun: boolean;
  records: SeededRecord[];
}

/** The seed cannot run or a write failed: one sentence, details below it. */
export class SeedError extends Error {
  constructor(
    message: string,
    readonly details: string[] = []
  ) {
    super(message);
    this.name = 'SeedError';
  }
}

/**
 * `Order "Seed: Draft order"`, `Pricebook2 IsStandard = true`, or `OrderItem order:draft / product:simData` for
 * records matched by references.
 */
export function labelOf(planned: Pick<PlannedRecord, 'sobject' | 'record'>): string {
  const values = Object.entries(planned.record.match).map(([field, value]) =>
    isRef(value) ? value.ref : typeof value === 'string' ? describeValue(value) : `${field} = ${describeValue(value)}`
  );
  return `${planned.sobject} ${values.join(' / ')}`;
}

function writable(values: Record<string, ResolvedValue>): FieldMap {
  const fields: FieldMap = {};
  for (const [field, value] of Object.entries(values)) {
    if (value === PENDING_ID) {
      throw new Error(`${field} still waits for the Id of a new record`);
    }
    fields[field] = value;
  }
  return fields;
}

function describeChange(change: FieldChange): string {
  const to = change.to === PENDING_ID ? '(new record)' : describeValue(change.to as FieldValue);
  return `${change.field}: ${describeValue(change.from)} → ${to}`;
}

async function guarded<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new SeedError(`${action} failed.`, message.split('\n'));
  }
}

/**
 * Runs the seed batch by batch: find the batch's records, plan, then create and update (unless it is a dry run),
 * so that later batches can refer to the Ids. Deferred values are written last, when every Id is known. A `verify`
 * or `existing` record that is missing or different stops the seed before that batch writes anything.
 */
export async function runSeed(
  batches: readonly SeedBatch[],
  store: SeedStore,
  options: { dryRun: boolean }
): Promise<SeedOutcome> {
  const ids = new Map<string, string | null>();
  const plannedAll: PlannedRecord[] = [];
  for (const batch of batches) {
    const lookup = lookupOf(batch, ids);
    const existing =
      lookup.values.length === 0
        ? []
        : await guarded(`Reading the existing ${batch.sobject} records`, () => store.find(batch.sobject, lookup));
    const planned = planBatch(batch, existing, ids);
    const problems = planned.filter((entry) => entry.action === 'missing' || entry.action === 'differs');
    if (problems.length > 0) {
      throw new SeedError(
        batch.mode === 'verify'
          ? `The org lacks metadata the seed relies on: deploy the project first (npm run org:setup).`
          : `The org lacks records the seed relies on.`,
        problems.map((entry) =>
          entry.action === 'missing'
            ? `${labelOf(entry)} is missing`
            : `${labelOf(entry)} differs: ${entry.changes.map(describeChange).join(', ')}`
        )
      );
    }
    await applyBatch(batch, planned, store, ids, options.dryRun);
    plannedAll.push(...planned);
  }
  const deferredByKey = new Map(plannedAll.map((entry) => [entry.record.key, deferredChanges(entry, ids)]));
  if (!options.dryRun) {
    await applyDeferred(plannedAll, deferredByKey, store, ids);
  }
  return {
    dryRun: options.dryRun,
    records: plannedAll.map((entry) => {
      const later = deferredByKey.get(entry.record.key) ?? [];
      const changes = entry.action === 'create' ? [] : [...entry.changes, ...later];
      const outcome: RecordOutcome =
        entry.action === 'create'
          ? 'created'
          : changes.length > 0
            ? 'updated'
            : batches.find((batch) => batch.sobject === entry.sobject)?.mode === 'verify'
              ? 'verified'
              : 'unchanged';
      return {
        sobject: entry.sobject,
        key: entry.record.key,
        label: labelOf(entry),
        outcome,
        changes,
        notes: entry.notes
      };
    })
  };
}

async function applyBatch(
  batch: SeedBatch,
  planned: PlannedRecord[],
  store: SeedStore,
  ids: Map<string, string | null>,
  dryRun: boolean
): Promise<void> {
  const toCreate = planned.filter((entry) => entry.action === 'create');
  const toUpdate = planned.filter((entry) => entry.action === 'update');
  for (const entry of planned) {
    if (entry.existing !== undefined) {
      ids.set(entry.record.key, entry.existing.Id);
    }
  }
  if (dryRun) {
    toCreate.forEach((entry) => ids.set(entry.record.key, null));
    return;
  }
  if (toCreate.length > 0) {
    const rows = toCreate.map((entry) =>
      writable({
        ...resolveFields(entry.record.match, ids),
        ...resolveFields(entry.record.createOnly, ids),
        ...resolveFields(entry.record.fields, ids)
      })
    );
    const created = await guarded(`Creating ${toCreate.length} ${batch.sobject} record(s)`, () =>
      store.create(batch.sobject, rows)
    );
    toCreate.forEach((entry, index) => ids.set(entry.record.key, created[index]));
  }
  if (toUpdate.length > 0) {
    const rows = toUpdate.map((entry) => ({
      Id: entry.existing?.Id ?? '',
      ...writable(Object.fromEntries(entry.changes.map((change) => [change.field, change.to])))
    }));
    await guarded(`Updating ${toUpdate.length} ${batch.sobject} record(s)`, () => store.update(batch.sobject, rows));
  }
}

async function applyDeferred(
  planned: PlannedRecord[],
  changesByKey: Map<string, FieldChange[]>,
  store: SeedStore,
  ids: KnownIds
): Promise<void> {
  const rowsBySObject = new Map<string, Array<{ Id: string } & FieldMap>>();
  for (const entry of planned) {
    const changes = changesByKey.get(entry.record.key) ?? [];
    const id = ids.get(entry.record.key);
    if (changes.length === 0 || id === undefined || id === null) {
      continue;
    }
    const rows = rowsBySObject.get(entry.sobject) ?? [];
    rows.push({ Id: id, ...writable(Object.fromEntries(changes.map((change) => [change.field, change.to]))) });
    rowsBySObject.set(entry.sobject, rows);
  }
  for (const [sobject, rows] of rowsBySObject) {
    await guarded(`Writing the final values of ${rows.length} ${sobject} record(s)`, () => store.update(sobject, rows));
  }
}

/** The seed's report: one line per object with its counts, each change below, and a closing sentence. */
export function formatSeedOutcome(outcome: SeedOutcome): string[] {
  const verb = (state: RecordOutcome): string =>
    outcome.dryRun
      ? { created: 'to create', updated: 'to update', unchanged: 'unchanged', verified: 'present' }[state]
      : state;
  const lines: string[] = [];
  const sobjects = [...new Set(outcome.records.map((record) => record.sobject))];
  const width = Math.max(...sobjects.map((name) => name.length));
  for (const sobject of sobjects) {
    const records = outcome.records.filter((record) => record.sobject === sobject);
    const counts = (['created', 'updated', 'unchanged', 'verified'] as const)
      .map((state) => ({ state, count: records.filter((record) => record.outcome === state).length }))
      .filter((entry) => entry.count > 0)
      .map((entry) => `${entry.count} ${verb(entry.state)}`);
    lines.push(`${sobject.padEnd(width)}  ${counts.join(', ')}`);
    for (const record of records) {
      if (record.outcome === 'updated') {
        lines.push(`  ${verb('updated')} ${record.label}: ${record.changes.map(describeChange).join(', ')}`);
      }
      for (const note of record.notes) {
        lines.push(`  note on ${record.label}: ${note}`);
      }
    }
  }
  const created = outcome.records.filter((record) => record.outcome === 'created').length;
  const updated = outcome.records.filter((record) => record.outcome === 'updated').length;
  const total = outcome.records.length;
  if (created === 0 && updated === 0) {
    lines.push(`Nothing to change: all ${total} seed records are up to date.`);
  } else {
    lines.push(
      outcome.dryRun
        ? `Dry run: ${created} to create, ${updated} to update, ${total - created - updated} up to date; nothing was written.`
        : `${created} created, ${updated} updated, ${total - created - updated} already up to date.`
    );
  }
  return lines;
}
