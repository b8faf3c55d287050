/**
 * Public entry of the SOQL engine: `parseSoql(text)` once per query text (cache it), then
 * `evaluateSoql(query, host, options)` with the runtime's `SoqlHost`. SOSL: `parseSosl` and `evaluateSosl` (tests only:
 * the fixed search results decide what a search returns).
 */
export * from './ast';
export type { SoqlHost, SoqlRow, RowScope, BoundValue } from './host';
export type { SoqlRecord, AggregateRow, QueryResult } from './result';
export { SoqlQueryError, SoqlUnsupportedError } from './errors';
export { parseSoql, parseSosl } from './parser';
export { evaluateSosl } from './search';
export { evaluateSoql } from './evaluator';
export type { EvaluateOptions } from './evaluator';
