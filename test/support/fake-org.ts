import { SeedStore } from '../../scripts/org/seed/apply';
import { BatchLookup } from '../../scripts/org/seed/plan';
import { FieldMap, OrgApi, OrgRecord, RecordWriteError, RestRequest, RestResponse } from '../../scripts/lib/org-api';
import { sameValue } from '../../scripts/lib/values';

/**
 * An in-memory org for the seed: records by object, Ids handed out in order, every write counted. It answers the
 * seed's lookups exactly as the real store's SOQL would (match field IN values, oldest first).
 */
export class MemorySeedStore implements SeedStore {
  readonly records = new Map<string, OrgRecord[]>();
  readonly writes: Array<{ kind: 'create' | 'update'; sobject: string; rows: FieldMap[] }> = [];
  private nextId = 1;
  /** Makes the next create of this object fail, as a validation rule would. */
  failCreatesOf: string | undefined;

  add(sobject: string, fields: Record<string, unknown>): string {
    const id = `${sobject.slice(0, 3)}${String(this.nextId++).padStart(12, '0')}`;
    this.list(sobject).push({ ...fields, Id: id });
    return id;
  }

  list(sobject: string): OrgRecord[] {
    const existing = this.records.get(sobject);
    if (existing !== undefined) {
      return existing;
    }
    const created: OrgRecord[] = [];
    this.records.set(sobject, created);
    return created;
  }

  get(sobject: string, id: string): OrgRecord | undefined {
    return this.list(sobject).find((record) => record.Id === id);
  }

  async find(sobject: string, lookup: BatchLookup): Promise<OrgRecord[]> {
    return this.list(sobject)
      .filter((record) => lookup.values.some((value) => sameValue(value, record[lookup.field])))
      .map((record) => Object.fromEntries(lookup.fields.map((field) => [field, record[field] ?? null])) as OrgRecord);
  }

  async create(sobject: string, rows: FieldMap[]): Promise<string[]> {
    if (this.failCreatesOf === sobject) {
      throw new RecordWriteError(`Creating ${sobject} #1 failed: FIELD_CUSTOM_VALIDATION_EXCEPTION: no`, [
        'FIELD_CUSTOM_VALIDATION_EXCEPTION'
      ]);
    }
    this.writes.push({ kind: 'create', sobject, rows });
    return rows.map((row) => this.add(sobject, row));
  }

  async update(sobject: string, rows: Array<{ Id: string } & FieldMap>): Promise<void> {
    this.writes.push({ kind: 'update', sobject, rows });
    for (const row of rows) {
      const record = this.get(sobject, row.Id);
      if (record === undefined) {
        throw new Error(`no ${sobject} ${row.Id}`);
      }
      Object.assign(record, row);
    }
  }
}

/** An OrgApi whose queries are answered by the first handler whose pattern matches the SOQL. */
export class ScriptedOrgApi implements OrgApi {
  readonly username = 'admin@example.com';
  readonly apiVersion = '65.0';
  readonly queries: string[] = [];
  readonly created: Array<{ sobject: string; records: FieldMap[] }> = [];
  readonly updated: Array<{ sobject: string; records: FieldMap[] }> = [];
  readonly removed: Array<{ sobject: string; ids: string[] }> = [];
  readonly sent: RestRequest[] = [];
  removeError: Error | undefined;

  constructor(
    private readonly answers: Array<[RegExp, OrgRecord[]]> = [],
    private readonly responses: RestResponse[] = []
  ) {}

  async query<T extends OrgRecord>(soql: string): Promise<T[]> {
    this.queries.push(soql);
    const answer = this.answers.find(([pattern]) => pattern.test(soql));
    return (answer?.[1] ?? []) as T[];
  }

  async create(sobject: string, records: FieldMap[]): Promise<string[]> {
    this.created.push({ sobject, records });
    return records.map((_, index) => `new${index}`);
  }

  async update(sobject: string, records: Array<{ Id: string } & FieldMap>): Promise<void> {
    this.updated.push({ sobject, records });
  }

  async remove(sobject: string, ids: string[]): Promise<void> {
    this.removed.push({ sobject, ids });
    if (this.removeError !== undefined) {
      throw this.removeError;
    }
  }

  async send(request: RestRequest): Promise<RestResponse> {
    this.sent.push(request);
    return this.responses.shift() ?? { status: 500, body: 'no scripted response' };
  }
}

/** A clock whose sleep only moves time forward, so waiting tests take no time. */
export function fakeClock(start = 0): { now(): number; sleep(ms: number): Promise<void>; slept: number[] } {
  let time = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => time,
    sleep: async (milliseconds: number) => {
      slept.push(milliseconds);
      time += milliseconds;
    }
  };
}
