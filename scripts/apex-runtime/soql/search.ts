import { SoslQuery } from './ast';
import { SoqlQueryError, SoqlUnsupportedError } from './errors';
import { EvaluateOptions, evaluateSoql, messages } from './evaluator';
import { SoqlHost, SoqlRow } from './host';
import { SoqlRecord } from './result';

/**
 * Runs a SOSL search in an Apex test. "SOSL queries in test methods return empty results unless you use
 * Test.setFixedSearchResults"; the fixed Ids "replace the results that would normally be returned ... If WHERE or
 * LIMIT clauses exist in the SOSL query, they are applied to the list of fixed search results" (Apex Developer Guide,
 * "Adding SOSL Queries to Unit Tests"). So the search term is not matched: `fixedSearchResults` (the Ids given to
 * `Test.setFixedSearchResults`, or undefined) decide which rows each RETURNING object sees.
 * Returns one list per RETURNING object, in order (`List<List<SObject>>`).
 */
export function evaluateSosl(
  search: SoslQuery,
  host: SoqlHost,
  fixedSearchResults: readonly unknown[] | undefined,
  options: EvaluateOptions = {}
): SoqlRecord[][] {
  if (search.withOther) {
    throw new SoqlUnsupportedError(`SOSL WITH ${search.withOther}`);
  }
  const ids = fixedSearchResults ?? [];
  const accessLevel = search.securityMode ?? options.accessLevel;
  const lists = search.returning.map((query) => {
    const object = host.schema.object(query.from);
    if (!object) {
      throw new SoqlQueryError(messages.noSuchObject(query.from), query.fromOffset);
    }
    const idField = host.schema.field(object.describe.name, 'Id');
    if (!idField) {
      throw new SoqlQueryError(messages.noSuchColumn('Id', object.describe.name), query.fromOffset);
    }
    const isFixed = (row: SoqlRow): boolean =>
      ids.some((id) => id !== null && id !== undefined && host.compare(host.value(row, idField), id, idField) === 0);
    // The host as it is, except that an object's rows are the fixed search results among them.
    const restricted: SoqlHost = Object.assign(Object.create(host) as SoqlHost, {
      rows: (objectName: string, scope: Parameters<SoqlHost['rows']>[1]) =>
        [...host.rows(objectName, scope)].filter(isFixed)
    });
    const result = evaluateSoql(query, restricted, accessLevel ? { accessLevel } : {});
    return result.kind === 'records' ? result.records : [];
  });
  const limit = typeof search.limit === 'object' ? host.integer(scalar(host, search)) : search.limit;
  if (limit === undefined) {
    return lists;
  }
  // The overall LIMIT caps the total number of rows, filled in RETURNING order.
  let remaining = limit;
  return lists.map((list) => {
    const kept = list.slice(0, Math.max(remaining, 0));
    remaining -= kept.length;
    return kept;
  });
}

function scalar(host: SoqlHost, search: SoslQuery): unknown {
  const bound = host.bind(search.limit as Exclude<SoslQuery['limit'], number | undefined>, undefined);
  if (bound.kind !== 'scalar') {
    throw new SoqlQueryError('Invalid bind expression type of List for LIMIT');
  }
  return bound.value;
}
