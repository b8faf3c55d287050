import { describeValue, sameValue } from '../lib/values';

/** A check saw something other than it expected; both go into the report. */
export class CheckFailure extends Error {
  constructor(
    readonly what: string,
    readonly expected: string,
    readonly seen: string
  ) {
    super(`${what}: expected ${expected}, saw ${seen}`);
    this.name = 'CheckFailure';
  }
}

export function expectThat(what: string, condition: boolean, expected: string, seen: string): void {
  if (!condition) {
    throw new CheckFailure(what, expected, seen);
  }
}

/** One value, compared as Salesforce stores it (numbers as numbers, date-times as instants, blank as null). */
export function expectValue(what: string, expected: unknown, seen: unknown): void {
  expectThat(what, sameValue(expected, seen), describeValue(expected), describeValue(seen));
}

/** The fields of a record that differ from the expected values, as `Field = value` lists (empty when all match). */
export function fieldDifferences(
  record: Readonly<Record<string, unknown>> | undefined,
  expected: Readonly<Record<string, unknown>>
): { expected: string; seen: string } | undefined {
  if (record === undefined) {
    return { expected: describeFields(expected), seen: 'no record' };
  }
  const differing = Object.keys(expected).filter((field) => !sameValue(expected[field], record[field]));
  if (differing.length === 0) {
    return undefined;
  }
  return {
    expected: differing.map((field) => `${field} = ${describeValue(expected[field])}`).join(', '),
    seen: differing.map((field) => `${field} = ${describeValue(record[field])}`).join(', ')
  };
}

/** Every expected field of the record at once, so one failure names all the differences. */
export function expectFields(
  what: string,
  record: Readonly<Record<string, unknown>> | undefined,
  expected: Readonly<Record<string, unknown>>
): void {
  const differences = fieldDifferences(record, expected);
  if (differences !== undefined) {
    throw new CheckFailure(what, differences.expected, differences.seen);
  }
}

/** Exactly one record; anything else fails with the count. */
export function expectOne<T>(what: string, records: readonly T[]): T {
  expectThat(what, records.length === 1, 'exactly one record', `${records.length}`);
  return records[0];
}

function describeFields(fields: Readonly<Record<string, unknown>>): string {
  return Object.entries(fields)
    .map(([field, value]) => `${field} = ${describeValue(value)}`)
    .join(', ');
}
