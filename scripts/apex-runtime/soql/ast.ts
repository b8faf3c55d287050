/**
 * The SOQL syntax tree (Salesforce SOQL and SOSL Reference, "SOQL SELECT Syntax"). Names are kept as written; the
 * evaluator resolves them against the schema case-insensitively. Every node carries `offset`, the character index in
 * the query text, for error messages and for mapping binds back to the Apex source.
 */

/** `:expr` in static SOQL or `queryWithBinds`: the Apex expression text after the colon, resolved by the host. */
export interface BindReference {
  kind: 'bind';
  /** The expression as written (`accountIds`, `acc.Id`, `ids.keySet()`, `limitValue`). */
  expression: string;
  offset: number;
}

/** A value written in the query. Date/datetime text is kept as written; the host converts it to its value type. */
export type SoqlLiteral =
  | { kind: 'string'; value: string; offset: number }
  | { kind: 'number'; text: string; offset: number }
  | { kind: 'boolean'; value: boolean; offset: number }
  | { kind: 'null'; offset: number }
  /** `2024-01-31` */
  | { kind: 'date'; text: string; offset: number }
  /** `2024-01-31T10:00:00Z`, `2024-01-31T10:00:00.000+02:00` */
  | { kind: 'datetime'; text: string; offset: number }
  /** `TODAY`, `LAST_N_DAYS:7` (name upper-cased; `n` for the `_N_` forms). */
  | { kind: 'dateLiteral'; name: string; n?: number; offset: number };

export type SoqlValue = SoqlLiteral | BindReference;

/** A field path as written: `Name`, `Account.Owner.Name`, `a.Name` (alias first, removed by the evaluator). */
export interface FieldRef {
  kind: 'field';
  path: string[];
  offset: number;
}

export type AggregateFunction = 'COUNT' | 'COUNT_DISTINCT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';

/** Date functions usable in WHERE, GROUP BY and SELECT of aggregate queries ("Date Functions"). */
export type DateFunction =
  | 'CALENDAR_MONTH'
  | 'CALENDAR_QUARTER'
  | 'CALENDAR_YEAR'
  | 'DAY_IN_MONTH'
  | 'DAY_IN_WEEK'
  | 'DAY_IN_YEAR'
  | 'DAY_ONLY'
  | 'FISCAL_MONTH'
  | 'FISCAL_QUARTER'
  | 'FISCAL_YEAR'
  | 'HOUR_IN_DAY'
  | 'WEEK_IN_MONTH'
  | 'WEEK_IN_YEAR';

/** A function call on a field: aggregates, date functions, `toLabel`, `FORMAT`, `convertCurrency`, `GROUPING`. */
export interface FunctionCall {
  kind: 'function';
  /** Upper-cased name. */
  name: string;
  /** The field argument; absent for `COUNT()`. */
  argument?: FieldRef | FunctionCall;
  /** Further arguments (`DISTANCE(Loc__c, GEOLOCATION(1, 2), 'mi')`): the evaluator refuses such calls. */
  extraArguments?: (FieldExpression | SoqlValue)[];
  offset: number;
}

/** An expression on the left of a condition, in GROUP BY or ORDER BY. */
export type FieldExpression = FieldRef | FunctionCall;

export type SelectItem =
  | { kind: 'field'; field: FieldRef; alias?: string }
  | { kind: 'function'; call: FunctionCall; alias?: string }
  | { kind: 'subquery'; query: SoqlQuery }
  /** `FIELDS(ALL|STANDARD|CUSTOM)`. */
  | { kind: 'fields'; which: 'ALL' | 'STANDARD' | 'CUSTOM'; offset: number }
  /** `TYPEOF What WHEN Account THEN Name ... ELSE Name END`. */
  | {
      kind: 'typeof';
      relationship: string;
      whens: { object: string; fields: FieldRef[] }[];
      elseFields: FieldRef[];
      offset: number;
    };

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE';

export type Condition =
  | { kind: 'and'; operands: Condition[] }
  | { kind: 'or'; operands: Condition[] }
  | { kind: 'not'; operand: Condition }
  | { kind: 'compare'; left: FieldExpression; operator: ComparisonOperator; right: SoqlValue; offset: number }
  /** `IN`/`NOT IN` with a list of values, a bind (collection) or a semi-/anti-join sub-query. */
  | {
      kind: 'in';
      left: FieldExpression;
      negated: boolean;
      right: SoqlValue[] | BindReference | SoqlQuery;
      offset: number;
    }
  /** `INCLUDES`/`EXCLUDES` on a multi-select picklist; each value may hold `a;b` (all of them). */
  | { kind: 'includes'; left: FieldRef; excludes: boolean; values: SoqlValue[]; offset: number };

export interface OrderItem {
  expression: FieldExpression;
  descending: boolean;
  /** Explicit `NULLS FIRST|LAST`; absent means the platform default (first for ASC, last for DESC). */
  nulls?: 'FIRST' | 'LAST';
}

export type SecurityMode = 'USER_MODE' | 'SYSTEM_MODE' | 'SECURITY_ENFORCED';

export interface SoqlQuery {
  kind: 'query';
  /** The query text this node was parsed from (the whole query for the top level). */
  text: string;
  offset: number;
  select: SelectItem[];
  /** The object (top level) or child relationship (sub-query) after FROM, as written. */
  from: string;
  fromOffset: number;
  alias?: string;
  /** `USING SCOPE x`. */
  scope?: string;
  where?: Condition;
  /** `WITH USER_MODE` / `SYSTEM_MODE` / `SECURITY_ENFORCED`. */
  securityMode?: SecurityMode;
  /** Other WITH clauses (`DATA CATEGORY`, `RecordVisibilityContext`...): the evaluator refuses them. */
  withOther?: string;
  groupBy: FieldExpression[];
  /** `GROUP BY ROLLUP(...)` / `CUBE(...)`. */
  groupByKind?: 'ROLLUP' | 'CUBE';
  having?: Condition;
  orderBy: OrderItem[];
  limit?: number | BindReference;
  offsetRows?: number | BindReference;
  /** `FOR VIEW`, `FOR REFERENCE`, `FOR UPDATE`. */
  forClauses: ('VIEW' | 'REFERENCE' | 'UPDATE')[];
  /** `UPDATE TRACKING` / `UPDATE VIEWSTAT`. */
  updateClause?: 'TRACKING' | 'VIEWSTAT';
  allRows: boolean;
  /** Every bind of this query and its sub-queries, in text order. */
  binds: BindReference[];
}

/**
 * A SOSL search (SOQL and SOSL Reference, "SOSL Syntax"): `FIND 'term' IN ALL FIELDS RETURNING Account(Name), Contact`.
 * Each RETURNING entry is kept as a query on its object (fields, WHERE, ORDER BY, LIMIT, OFFSET).
 */
export interface SoslQuery {
  kind: 'search';
  text: string;
  /** The search term: a literal (`'Acme*'`, `{Acme}`) or a bind. */
  term: { kind: 'string'; value: string; offset: number } | BindReference;
  /** `IN ALL|NAME|EMAIL|PHONE|SIDEBAR FIELDS`; ALL when absent. */
  scope: string;
  returning: SoqlQuery[];
  /** `WITH ...` clauses other than USER_MODE/SYSTEM_MODE, as text: the evaluator refuses them. */
  withOther?: string;
  securityMode?: 'USER_MODE' | 'SYSTEM_MODE';
  limit?: number | BindReference;
  binds: BindReference[];
}
