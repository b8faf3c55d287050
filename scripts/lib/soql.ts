import { FieldValue } from './values';

/** A value as a SOQL literal: text quoted with quotes and backslashes escaped, so no value can change the query. */
export function soqlLiteral(value: FieldValue): string {
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'string') {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  }
  return String(value);
}

/** `(a, b, c)` for an IN clause. */
export function soqlList(values: FieldValue[]): string {
  return `(${values.map(soqlLiteral).join(', ')})`;
}
