import { ChildRelationship, FieldDescribe, SchemaModel } from '../schema';
import { UserAccess } from '../security';
import { AggregateFunction, BindReference, SoqlLiteral } from './ast';

/**
 * A record as the runtime's database holds it. Opaque to the evaluator: it reads it only through the host.
 */
export type SoqlRow = unknown;

/** Which rows `rows`/`children` must return. */
export interface RowScope {
  /** `ALL ROWS`: include deleted (recycle bin) and archived rows. */
  allRows: boolean;
  /** User mode (`WITH USER_MODE`, `AccessLevel.USER_MODE`): return only rows the running user can see (sharing). */
  userMode: boolean;
}

/** The result of resolving a bind. */
export type BoundValue =
  | { kind: 'scalar'; value: unknown }
  /** A List, Set or the key set/values of a Map: each element, e.g. for `IN :ids`. */
  | { kind: 'list'; values: unknown[] };

/**
 * What the SOQL evaluator needs from the runtime. Values are the runtime's own (its Decimal, Date, Datetime, Id
 * representations); the evaluator never looks inside them except through `compare`, `text`, `integer` and
 * `aggregate`. `null` (or undefined) is an unset field.
 */
export interface SoqlHost {
  readonly schema: SchemaModel;

  /** Every row of an object (canonical API name), in insertion order. */
  rows(objectName: string, scope: RowScope): Iterable<SoqlRow>;
  /** The canonical object name of a row (needed for polymorphic parents and TYPEOF). */
  objectOf(row: SoqlRow): string;
  /** A field's value (the field belongs to `objectOf(row)`); null when unset. */
  value(row: SoqlRow, field: FieldDescribe): unknown;
  /** The parent row a reference field points to, or null (unset, or the parent does not exist). */
  parent(row: SoqlRow, field: FieldDescribe): SoqlRow | null;
  /** The child rows of a child relationship, in insertion order. */
  children(row: SoqlRow, relationship: ChildRelationship, scope: RowScope): Iterable<SoqlRow>;

  /**
   * The runtime value of a literal for comparison with values of `field` (a number literal against a CURRENCY field
   * becomes a Decimal; a date literal against a DATETIME field is its midnight GMT). Throws the platform's
   * QueryException text if the literal does not fit the field type (the evaluator wraps it).
   */
  literal(literal: SoqlLiteral, field: FieldDescribe): unknown;
  /**
   * Converts a bound Apex value for comparison with values of `field` (an SObject bound to an Id field becomes its Id;
   * Integer against a DOUBLE field becomes a Decimal).
   */
  bind(bind: BindReference, field: FieldDescribe | undefined): BoundValue;
  /**
   * Order of two non-null values of the same field type: negative, zero or positive. Text compares
   * case-insensitively as SOQL does (`=` and ORDER BY ignore case; SOQL and SOSL Reference, "Comparison Operators").
   * Ids compare by their 15-character form.
   */
  compare(left: unknown, right: unknown, field: FieldDescribe): number;
  /**
   * The text of a non-null value (for LIKE, INCLUDES, toLabel, grouping keys, date functions): a Date as
   * `YYYY-MM-DD`, a Datetime as ISO 8601 or `YYYY-MM-DD HH:mm:ss` in GMT.
   */
  text(value: unknown, field: FieldDescribe): string;
  /** A JS integer from a bound LIMIT/OFFSET value. */
  integer(value: unknown): number;
  /** SUM or AVG of non-null values of `field` (Decimal arithmetic is the runtime's); null when `values` is empty. */
  aggregate(fn: Extract<AggregateFunction, 'SUM' | 'AVG'>, values: unknown[], field: FieldDescribe): unknown;
  /**
   * Builds the runtime's value for a computed result of the given Apex type: COUNT results (`Integer`), date function
   * results (`Integer`, or `Date` for DAY_ONLY given as `YYYY-MM-DD`).
   */
  computed(type: 'Integer' | 'Date', value: number | string): unknown;
  /**
   * The current instant and the running user's time zone (IANA name), for date literals: "TODAY" starts at midnight
   * in the user's time zone (SOQL and SOSL Reference, "Date Formats and Date Literals").
   */
  clock(): { now: Date; timeZone: string };
  /**
   * The running user's access, consulted for `WITH USER_MODE`, `WITH SECURITY_ENFORCED` and `AccessLevel.USER_MODE`.
   * System mode (the default for Apex) never calls it.
   */
  userAccess(): UserAccess;
}
