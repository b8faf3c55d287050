/** A static SOQL query of an Apex file: the text between `[` and `]`, and where that text starts in the file. */
export interface StaticSoql {
  /** The query with comments blanked out (same length, so offsets still match the file). */
  text: string;
  offset: number;
}

export interface ApexScan {
  /** The source with comments and the insides of string literals blanked: safe to search for annotations. */
  code: string;
  queries: StaticSoql[];
}

/** `SELECT` right after a `[` (whitespace and blanked comments between them allowed). */
const SELECT_AFTER_BRACKET = /\s*select\b/iy;

/**
 * Scans Apex once: blanks comments and string literals (keeping every offset and newline) and collects each static
 * SOQL query `[SELECT ...]`. Text inside strings is never mistaken for code, so dynamic SOQL
 * (`Database.query('SELECT ...')`) is skipped by construction. SOSL (`[FIND ...]`) is not SOQL and is skipped too.
 */
export function scanApex(source: string): ApexScan {
  const code = blankCommentsAndStrings(source);
  const queries: StaticSoql[] = [];
  for (let index = 0; index < code.length; index++) {
    if (code[index] !== '[') {
      continue;
    }
    SELECT_AFTER_BRACKET.lastIndex = index + 1;
    if (!SELECT_AFTER_BRACKET.test(code)) {
      continue;
    }
    const end = matchingBracket(code, index);
    if (end < 0) {
      break;
    }
    // Comments are blanked from the code view, strings are kept from the source: the SOQL parser needs the literals.
    queries.push({ text: mergeStrings(code, source, index + 1, end), offset: index + 1 });
    index = end;
  }
  return { code, queries };
}

/** Replaces comments and the contents of string literals by spaces (newlines kept); quotes stay. */
function blankCommentsAndStrings(source: string): string {
  const out = source.split('');
  let index = 0;
  const blank = (from: number, to: number): void => {
    for (let position = from; position < to; position++) {
      if (out[position] !== '\n' && out[position] !== '\r') {
        out[position] = ' ';
      }
    }
  };
  while (index < source.length) {
    const char = source[index];
    const next = source[index + 1];
    if (char === '/' && next === '/') {
      const end = source.indexOf('\n', index);
      const stop = end < 0 ? source.length : end;
      blank(index, stop);
      index = stop;
    } else if (char === '/' && next === '*') {
      const end = source.indexOf('*/', index + 2);
      const stop = end < 0 ? source.length : end + 2;
      blank(index, stop);
      index = stop;
    } else if (char === "'") {
      const stop = stringEnd(source, index);
      blank(index + 1, stop - 1);
      index = stop;
    } else {
      index++;
    }
  }
  return out.join('');
}

/** The offset just after the string literal that starts at `start` (Apex strings use `'` and backslash escapes). */
function stringEnd(source: string, start: number): number {
  let index = start + 1;
  while (index < source.length) {
    if (source[index] === '\\') {
      index += 2;
    } else if (source[index] === "'") {
      return index + 1;
    } else if (source[index] === '\n') {
      // An unterminated literal: stop at the line end rather than swallow the file (the compiler reports it).
      return index;
    } else {
      index++;
    }
  }
  return source.length;
}

/** The offset of the `]` that closes the `[` at `open` in blanked code (strings are already empty there). */
function matchingBracket(code: string, open: number): number {
  let depth = 0;
  for (let index = open; index < code.length; index++) {
    if (code[index] === '[') {
      depth++;
    } else if (code[index] === ']') {
      depth--;
      if (depth === 0) {
        return index;
      }
    }
  }
  return -1;
}

/** The code view of [from, to), with each string literal's original contents put back. */
function mergeStrings(code: string, source: string, from: number, to: number): string {
  let text = '';
  let index = from;
  while (index < to) {
    if (code[index] === "'") {
      const stop = Math.min(stringEnd(source, index), to);
      text += source.slice(index, stop);
      index = stop;
    } else {
      text += code[index];
      index++;
    }
  }
  return text;
}

/** A function from an offset of `source` to its 1-based line (binary search over the line starts). */
export function lineLocator(source: string): (offset: number) => number {
  const starts = [0];
  for (let index = 0; index < source.length; index++) {
    if (source.charCodeAt(index) === 10) {
      starts.push(index + 1);
    }
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low + 1;
  };
}
