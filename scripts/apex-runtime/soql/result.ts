import { SoqlRow } from './host';

/**
 * One record of a query result, holding only what the query selected: the runtime builds its SObject from it and
 * throws `SObjectException: SObject row was retrieved via SOQL without querying the requested field: Obj.Field` for
 * a field outside `fields`. `Id` is always present (the platform returns it even when not selected).
 */
export interface SoqlRecord {
  /** Canonical object name of the row (the actual type for a polymorphic parent). */
  object: string;
  /** The host's row, for identity (FOR UPDATE, record locks). */
  row: SoqlRow;
  /** Selected field values by canonical field name. */
  fields: Map<string, unknown>;
  /** Selected parent records by canonical relationship name; null when the reference is unset. */
  parents: Map<string, SoqlRecord | null>;
  /** Sub-query results by canonical child relationship name (empty list when none). */
  children: Map<string, SoqlRecord[]>;
}

/** One `AggregateResult`: values by alias (`expr0`, `expr1`, ... when unnamed; the field name for GROUP BY fields). */
export interface AggregateRow {
  /** Keys as the platform names them; `AggregateResult.get` is case-insensitive, compare lower-cased. */
  values: Map<string, unknown>;
}

export type QueryResult =
  | {
      kind: 'records';
      object: string;
      records: SoqlRecord[];
      /** Rows counted against the query-rows limit: top-level plus sub-query rows. */
      rowCount: number;
      /** The query had `FOR UPDATE`. */
      forUpdate: boolean;
    }
  /** `SELECT COUNT() FROM ...`: Apex receives an Integer. */
  | { kind: 'count'; count: number; rowCount: number }
  | { kind: 'aggregate'; rows: AggregateRow[]; rowCount: number };
