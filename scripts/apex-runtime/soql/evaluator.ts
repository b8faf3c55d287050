import { SoqlQuery } from './ast';
import { SoqlHost } from './host';
import { QueryResult } from './result';

export interface EvaluateOptions {
  /** `Database.query(text, AccessLevel.USER_MODE)` and friends; `WITH USER_MODE` in the text has the same effect. */
  accessLevel?: 'USER_MODE' | 'SYSTEM_MODE';
}

/**
 * Runs a parsed query against the host's rows. Throws `SoqlQueryError` for what the platform rejects (unknown column
 * or relationship, inaccessible field in user mode, ...) and `SoqlUnsupportedError` for what this engine does not do.
 */
export function evaluateSoql(query: SoqlQuery, host: SoqlHost, options: EvaluateOptions = {}): QueryResult {
  throw new Error(`evaluateSoql(${query.from}, ${String(host)}, ${options.accessLevel}): not implemented yet`);
}
