/** The lexical shapes the Metadata API's XML Schema types give an element's text. */
export type TextShape = 'string' | 'boolean' | 'integer' | 'number' | 'date' | 'dateTime' | 'dateOrTime';

const DATE = '\\d{4}-\\d{2}-\\d{2}';
const TIME = '\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?';
const ZONE = '(Z|[+-]\\d{2}:\\d{2})?';

const PATTERNS: Record<Exclude<TextShape, 'string'>, RegExp> = {
  boolean: /^(true|false)$/,
  integer: /^[+-]?\d+$/,
  // xsd:double / xsd:int / xsd:long all read as `number` in the types.
  number: /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/,
  date: new RegExp(`^${DATE}${ZONE}$`),
  dateTime: new RegExp(`^${DATE}T${TIME}${ZONE}$`),
  // `Date` in the types stands for xsd:date, xsd:dateTime and xsd:time alike.
  dateOrTime: new RegExp(`^(${DATE}${ZONE}|${DATE}T${TIME}${ZONE}|${TIME}${ZONE})$`)
};

const EXPECTED: Record<Exclude<TextShape, 'string'>, string> = {
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number (digits, optional sign, decimal point and exponent)',
  date: 'a date (YYYY-MM-DD)',
  dateTime: 'a date-time (YYYY-MM-DDThh:mm:ss, optionally .fff and Z or an offset)',
  dateOrTime: 'a date (YYYY-MM-DD), a date-time (YYYY-MM-DDThh:mm:ssZ) or a time (hh:mm:ss)'
};

/** What the text should have been, or undefined when it has the shape (surrounding whitespace is ignored, as XML Schema collapses it). */
export function shapeMismatch(shape: TextShape, text: string): string | undefined {
  if (shape === 'string') {
    return undefined;
  }
  return PATTERNS[shape].test(text.trim()) ? undefined : EXPECTED[shape];
}

/** `True` / `FALSE`: not XML Schema booleans, yet deployed by public projects (NebulaLogger's cache partition). */
export function isMiscasedBoolean(text: string): boolean {
  const trimmed = text.trim();
  return /^(true|false)$/i.test(trimmed) && !PATTERNS.boolean.test(trimmed);
}
