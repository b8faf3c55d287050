/**
 * The String methods Apex takes from Apache Commons Lang (StringUtils, StringEscapeUtils), with their documented
 * semantics: escaping and unescaping, character-type splitting, character searches and edit distance (Apex
 * Reference, "String Class"; each method's example there is a case in test/apex-runtime/fidelity/string-utils.test.ts).
 */
import { NOT_FOUND } from '../interpreter/interpreter';
import { numberOf } from '../interpreter/semantics';
import { ApexList, type Value } from '../interpreter/values';

/** Java's Character.getType, as a Unicode general category (the boundaries splitByCharacterType uses). */
function characterType(c: string): string {
  for (const category of [
    'Lu',
    'Ll',
    'Lt',
    'Lm',
    'Lo',
    'Nd',
    'Nl',
    'No',
    'Zs',
    'Cc',
    'Pc',
    'Pd',
    'Ps',
    'Pe',
    'Po',
    'Sm',
    'Sc',
    'Sk',
    'So'
  ])
    if (new RegExp(`^\\p{${category}}$`, 'u').test(c)) return category;
  return 'other';
}

/**
 * StringUtils.splitByCharacterType: a new token wherever the character type changes; with `camelCase`, an upper-case
 * letter followed by lower-case ones starts a token with them ("fooBar" gives foo, Bar; "ASFRules" gives ASF, Rules).
 */
export function splitByCharacterType(s: string, camelCase: boolean): string[] {
  const chars = [...s];
  if (chars.length === 0) return [];
  const tokens: string[] = [];
  let start = 0;
  let current = characterType(chars[0]);
  for (let i = 1; i < chars.length; i++) {
    const type = characterType(chars[i]);
    if (type === current) continue;
    if (camelCase && type === 'Ll' && current === 'Lu') {
      const newStart = i - 1;
      if (newStart !== start) {
        tokens.push(chars.slice(start, newStart).join(''));
        start = newStart;
      }
    } else {
      tokens.push(chars.slice(start, i).join(''));
      start = i;
    }
    current = type;
  }
  tokens.push(chars.slice(start).join(''));
  return tokens;
}

/** StringUtils.getLevenshteinDistance; with a threshold, -1 when the distance is above it. */
function levenshtein(a: string, b: string, threshold?: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  const distance = previous[b.length];
  return threshold !== undefined && distance > threshold ? -1 : distance;
}

const hex4 = (code: number): string => code.toString(16).toUpperCase().padStart(4, '0');

/** Every UTF-16 unit above 0x7f as \uXXXX (Commons Lang's UnicodeEscaper, upper-case hex). */
const escapeNonAscii = (s: string): string => s.replace(/[^\x00-\x7f]/g, (c) => `\\u${hex4(c.charCodeAt(0))}`);

/** StringEscapeUtils.escapeEcmaScript: quotes, backslash and slash escaped; controls and non-ASCII as \uXXXX. */
function escapeEcmaScript(s: string): string {
  const named: Record<string, string> = { '\b': '\\b', '\n': '\\n', '\t': '\\t', '\f': '\\f', '\r': '\\r' };
  return escapeNonAscii(
    s.replace(/['"\\/]/g, (c) => `\\${c}`).replace(/[\x00-\x1f]/g, (c) => named[c] ?? `\\u${hex4(c.charCodeAt(0))}`)
  );
}

/** StringEscapeUtils.escapeJava: as escapeEcmaScript, but a single quote and a slash stay as they are. */
function escapeJava(s: string): string {
  const named: Record<string, string> = { '\b': '\\b', '\n': '\\n', '\t': '\\t', '\f': '\\f', '\r': '\\r' };
  return escapeNonAscii(
    s.replace(/["\\]/g, (c) => `\\${c}`).replace(/[\x00-\x1f]/g, (c) => named[c] ?? `\\u${hex4(c.charCodeAt(0))}`)
  );
}

/** StringEscapeUtils.unescapeJava / unescapeEcmaScript: backslash escapes and \uXXXX back to characters. */
function unescapeBackslashes(s: string): string {
  const named: Record<string, string> = { b: '\b', n: '\n', t: '\t', f: '\f', r: '\r' };
  return s.replace(/\\(u+[0-9a-fA-F]{4}|[0-7]{1,3}|.)/g, (_m, e: string) => {
    if (e[0] === 'u') return String.fromCharCode(parseInt(e.slice(-4), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return named[e] ?? e;
  });
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const HTML_BASIC_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Named and numeric entities back to characters; `named` lists the names the dialect knows. */
function unescapeEntities(s: string, named: Record<string, string>): string | typeof NOT_FOUND {
  let unknown = false;
  const out = s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g, (whole, body: string) => {
    if (body[0] === '#')
      return String.fromCodePoint(
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1))
      );
    const c = Object.keys(named).find((k) => named[k] === whole);
    if (c !== undefined) return c;
    unknown = true;
    return whole;
  });
  // an HTML 4 name beyond the basic ones (&eacute;, &nbsp;) needs the full entity table, which the runtime lacks
  return unknown && named !== XML_ESCAPES ? NOT_FOUND : out;
}

/** StringEscapeUtils.escapeCsv: a value with a comma, quote, CR or LF is quoted, its quotes doubled. */
const escapeCsv = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** StringEscapeUtils.unescapeCsv: a quoted value that needs its quotes loses them and its doubled quotes. */
function unescapeCsv(s: string): string {
  if (s.length < 2 || s[0] !== '"' || s[s.length - 1] !== '"') return s;
  const inner = s.slice(1, -1);
  return /[",\r\n]/.test(inner) ? inner.replace(/""/g, '"') : s;
}

/** The Commons Lang String methods; NOT_FOUND for any other name (or an input the runtime cannot decide). */
export function commonsStringMethod(s: string, name: string, a: Value[]): Value | typeof NOT_FOUND {
  const arg = (i: number): string => a[i] as string;
  switch (name) {
    case 'swapcase':
      return [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
    case 'splitbycharactertype':
      return new ApexList({ n: 'String' }, splitByCharacterType(s, false));
    case 'splitbycharactertypecamelcase':
      return new ApexList({ n: 'String' }, splitByCharacterType(s, true));
    case 'getlevenshteindistance':
      return levenshtein(s, arg(0), a.length > 1 ? numberOf(a[1]) : undefined);
    case 'indexofchar':
      return s.indexOf(String.fromCodePoint(numberOf(a[0])), a.length > 1 ? numberOf(a[1]) : 0);
    case 'lastindexofchar':
      return s.lastIndexOf(String.fromCodePoint(numberOf(a[0])), a.length > 1 ? numberOf(a[1]) : Infinity);
    case 'lastindexofignorecase':
      return s.toLowerCase().lastIndexOf(arg(0).toLowerCase(), a.length > 1 ? numberOf(a[1]) : Infinity);
    case 'indexofanybut': {
      if (s === '' || !arg(0)) return -1;
      const index = [...s].findIndex((c) => !arg(0).includes(c));
      return index;
    }
    case 'indexofdifference': {
      const other = arg(0) ?? '';
      if (s === other) return -1;
      let i = 0;
      while (i < s.length && i < other.length && s[i] === other[i]) i++;
      return i;
    }
    case 'codepointcount':
      return [...s.substring(numberOf(a[0]), numberOf(a[1]))].length;
    case 'codepointbefore':
      return [...s.substring(0, numberOf(a[0]))].pop()?.codePointAt(0) ?? null;
    case 'escapexml':
      return s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
    case 'unescapexml':
      return unescapeEntities(s, XML_ESCAPES);
    case 'escapehtml3':
    case 'escapehtml4':
      // beyond ASCII, HTML escapes named entities (é is &eacute;) from a table the runtime lacks
      return /[^\x00-\x7f]/.test(s) ? NOT_FOUND : s.replace(/[&<>"]/g, (c) => HTML_BASIC_ESCAPES[c]);
    case 'unescapehtml3':
    case 'unescapehtml4':
      return unescapeEntities(s, HTML_BASIC_ESCAPES);
    case 'escapecsv':
      return escapeCsv(s);
    case 'unescapecsv':
      return unescapeCsv(s);
    case 'escapeunicode':
      return escapeNonAscii(s);
    case 'unescapeunicode':
      return s.replace(/\\u+([0-9a-fA-F]{4})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    case 'escapeecmascript':
      return escapeEcmaScript(s);
    case 'escapejava':
      return escapeJava(s);
    case 'unescapeecmascript':
    case 'unescapejava':
      return unescapeBackslashes(s);
  }
  return NOT_FOUND;
}
