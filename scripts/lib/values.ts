/** A field value as the REST API reads and writes it. */
export type FieldValue = string | number | boolean | null;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Whether a value we want equals the value the org returned, the way Salesforce stores it: blank text and null are
 * the same, numbers compare as numbers ("5" and 5, 47.1 and 47.10), and date-times compare as instants
 * ("2025-01-06T09:30:00Z" and "2025-01-06T09:30:00.000+0000").
 */
export function sameValue(wanted: unknown, seen: unknown): boolean {
  if (isBlank(wanted) || isBlank(seen)) {
    return isBlank(wanted) && isBlank(seen);
  }
  if (typeof wanted === 'number' || typeof seen === 'number') {
    const left = Number(wanted);
    const right = Number(seen);
    return Number.isFinite(left) && Number.isFinite(right) && Math.abs(left - right) < 1e-9;
  }
  if (typeof wanted === 'string' && typeof seen === 'string' && isDateTime(wanted) && isDateTime(seen)) {
    return Date.parse(normalizeOffset(wanted)) === Date.parse(normalizeOffset(seen));
  }
  return wanted === seen;
}

/** A value for a message: text in quotes, blank as (blank), everything else as JSON. */
export function describeValue(value: unknown): string {
  if (isBlank(value)) {
    return '(blank)';
  }
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function isDateTime(text: string): boolean {
  return ISO_DATE_TIME.test(text);
}

// Date.parse does not read "+0000" (no colon), which is how the REST API writes offsets.
function normalizeOffset(text: string): string {
  return text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}
