import { SoqlQuery } from './ast';

/**
 * Parses a SOQL query (the text inside `[...]` of static SOQL, or a `Database.query` string). Keywords and names are
 * case-insensitive. Throws `SoqlQueryError` with the platform's wording (`unexpected token: 'X'`) on a syntax error.
 */
export function parseSoql(text: string): SoqlQuery {
  throw new Error(`parseSoql: not implemented yet (${text.length} characters)`);
}
