/** String instance and static methods (Apex Reference Guide, "String Class"). */
import { NOT_FOUND } from '../interpreter/interpreter';
import { apexToString, numberOf } from '../interpreter/semantics';
import { ApexDecimal, ApexList, type Value } from '../interpreter/values';
import type { ApexHost } from './host';
import { commonsStringMethod } from './string-utils';

const WS = /^[\s\u00a0]*$/;

export function isBlank(s: Value): boolean {
  return s === null || s === undefined || WS.test(s as string);
}

export function stringMethod(h: ApexHost, s: string, name: string, args: Value[], line: number): Value {
  const a = args;
  const str = (i: number): string => {
    if (a[i] === null || a[i] === undefined) throw h.npe(line);
    return a[i] as string;
  };
  switch (name) {
    case 'length':
      return s.length;
    case 'tolowercase':
      return s.toLowerCase();
    case 'touppercase':
      return s.toUpperCase();
    case 'trim':
      return s.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
    case 'normalizespace':
      return s.trim().replace(/\s+/g, ' ');
    case 'deletewhitespace':
      return s.replace(/\s+/g, '');
    case 'contains':
      return s.includes(str(0));
    case 'containsignorecase':
      return s.toLowerCase().includes(str(0).toLowerCase());
    case 'containsany':
      return [...str(0)].some((c) => s.includes(c));
    case 'containsnone':
      return ![...str(0)].some((c) => s.includes(c));
    case 'containsonly':
      return [...s].every((c) => str(0).includes(c));
    case 'iswhitespace':
      return s.length > 0 && /^\s+$/.test(s);
    case 'isasciiprintable':
      return /^[\x20-\x7e]*$/.test(s);
    case 'containswhitespace':
      return /\s/.test(s);
    case 'startswith':
      return s.startsWith(str(0));
    case 'startswithignorecase':
      return s.toLowerCase().startsWith(str(0).toLowerCase());
    case 'endswith':
      return s.endsWith(str(0));
    case 'endswithignorecase':
      return s.toLowerCase().endsWith(str(0).toLowerCase());
    case 'equals':
      return typeof a[0] === 'string' && s === a[0];
    case 'equalsignorecase':
      return typeof a[0] === 'string' && s.toLowerCase() === (a[0] as string).toLowerCase();
    case 'compareto':
      return s < str(0) ? -1 : s > str(0) ? 1 : 0;
    case 'indexof':
      return a.length > 1 ? s.indexOf(str(0), numberOf(a[1])) : s.indexOf(str(0));
    case 'indexofignorecase':
      return s.toLowerCase().indexOf(str(0).toLowerCase(), a.length > 1 ? numberOf(a[1]) : 0);
    case 'lastindexof':
      return s.lastIndexOf(str(0));
    case 'indexofany':
      return Math.min(
        ...[...str(0)]
          .map((c) => s.indexOf(c))
          .filter((i) => i >= 0)
          .concat([Infinity])
      ) === Infinity
        ? -1
        : Math.min(...[...str(0)].map((c) => s.indexOf(c)).filter((i) => i >= 0));
    case 'substring': {
      const begin = numberOf(a[0]);
      const end = a.length > 1 ? numberOf(a[1]) : s.length;
      if (begin < 0 || end > s.length || begin > end) {
        throw h.exception('System.StringException', `Ending position out of bounds: ${end}`, line);
      }
      return s.substring(begin, end);
    }
    case 'substringbefore': {
      const i = s.indexOf(str(0));
      return i < 0 ? s : s.substring(0, i);
    }
    case 'substringafter': {
      const i = s.indexOf(str(0));
      return i < 0 ? '' : s.substring(i + str(0).length);
    }
    case 'substringbeforelast': {
      const i = s.lastIndexOf(str(0));
      return i < 0 ? s : s.substring(0, i);
    }
    case 'substringafterlast': {
      const i = s.lastIndexOf(str(0));
      return i < 0 ? '' : s.substring(i + str(0).length);
    }
    case 'substringbetween': {
      const open = str(0);
      const close = a.length > 1 ? str(1) : open;
      const i = s.indexOf(open);
      if (i < 0) return null;
      const j = s.indexOf(close, i + open.length);
      return j < 0 ? null : s.substring(i + open.length, j);
    }
    case 'left':
      return s.substring(0, Math.max(0, numberOf(a[0])));
    case 'right':
      return numberOf(a[0]) <= 0 ? '' : s.substring(Math.max(0, s.length - numberOf(a[0])));
    case 'mid':
      return s.substr(numberOf(a[0]), numberOf(a[1]));
    case 'abbreviate': {
      const max = numberOf(a[0]);
      return s.length <= max ? s : s.substring(0, max - 3) + '...';
    }
    case 'replace':
      return s.split(str(0)).join(str(1));
    case 'replaceall':
      return s.replace(new RegExp(javaRegex(str(0)), 'g'), javaReplacement(str(1)));
    case 'replacefirst':
      return s.replace(new RegExp(javaRegex(str(0))), javaReplacement(str(1)));
    case 'remove':
      return s.split(str(0)).join('');
    case 'removestart':
      return s.startsWith(str(0)) ? s.substring(str(0).length) : s;
    case 'removeend':
      return s.endsWith(str(0)) ? s.substring(0, s.length - str(0).length) : s;
    case 'removestartignorecase':
      return s.toLowerCase().startsWith(str(0).toLowerCase()) ? s.substring(str(0).length) : s;
    case 'removeendignorecase':
      return s.toLowerCase().endsWith(str(0).toLowerCase()) ? s.substring(0, s.length - str(0).length) : s;
    case 'split': {
      const limit = a.length > 1 ? numberOf(a[1]) : 0;
      return new ApexList({ n: 'String' }, javaSplit(s, str(0), limit));
    }
    case 'isblank':
      return isBlank(s);
    case 'isnotblank':
      return !isBlank(s);
    case 'isempty':
      return s.length === 0;
    case 'isnotempty':
      return s.length > 0;
    case 'isnumeric':
      return /^[0-9]+$/.test(s);
    case 'isnumericspace':
      return /^[0-9 ]+$/.test(s);
    case 'isalpha':
      return /^[A-Za-z]+$/.test(s);
    case 'isalphaspace':
      return /^[A-Za-z ]+$/.test(s);
    case 'isalphanumeric':
      return /^[A-Za-z0-9]+$/.test(s);
    case 'isalphanumericspace':
      return /^[A-Za-z0-9 ]+$/.test(s);
    case 'isalluppercase':
      return s.length > 0 && s === s.toUpperCase() && /[A-Z]/.test(s);
    case 'isalllowercase':
      return s.length > 0 && s === s.toLowerCase() && /[a-z]/.test(s);
    case 'capitalize':
      return s.charAt(0).toUpperCase() + s.substring(1);
    case 'uncapitalize':
      return s.charAt(0).toLowerCase() + s.substring(1);
    case 'reverse':
      return [...s].reverse().join('');
    case 'repeat':
      if (a.length === 2) return Array(numberOf(a[1])).fill(s).join(str(0));
      return s.repeat(numberOf(a[0]));
    case 'leftpad': {
      const pad = a.length > 1 ? str(1) : ' ';
      const n = numberOf(a[0]);
      let out = s;
      while (out.length < n) out = pad + out;
      return out.length > n ? out.substring(out.length - n) : out;
    }
    case 'rightpad': {
      const pad = a.length > 1 ? str(1) : ' ';
      const n = numberOf(a[0]);
      let out = s;
      while (out.length < n) out += pad;
      return out.substring(0, Math.max(n, s.length));
    }
    case 'center': {
      const n = numberOf(a[0]);
      if (s.length >= n) return s;
      const total = n - s.length;
      const left = Math.floor(total / 2);
      return ' '.repeat(left) + s + ' '.repeat(total - left);
    }
    case 'charat':
      return s.charCodeAt(numberOf(a[0]));
    case 'codepointat':
      return s.codePointAt(numberOf(a[0])) ?? null;
    case 'countmatches':
      return str(0) === '' ? 0 : s.split(str(0)).length - 1;
    case 'escapesinglequotes':
      return s.replace(/'/g, "\\'");
    case 'striphtmltags':
      return s.replace(/<[^>]*>/g, '').trim();
    case 'getchars':
      return new ApexList(
        { n: 'Integer' },
        [...s].map((c) => c.charCodeAt(0))
      );
    case 'hashcode': {
      let hash = 0;
      for (let i = 0; i < s.length; i++) hash = (Math.imul(31, hash) + s.charCodeAt(i)) | 0;
      return hash;
    }
    case 'tostring':
      return s;
    case 'format':
      return formatString(s, a[0] as ApexList, (v) => h.interp.toApexString(v));
    case 'difference': {
      const other = str(0);
      let i = 0;
      while (i < s.length && i < other.length && s[i] === other[i]) i++;
      return other.substring(i);
    }
  }
  return commonsStringMethod(s, name, a);
}

export function stringStatic(h: ApexHost, name: string, args: Value[], line: number): Value {
  switch (name) {
    case 'valueof':
      // unlike Java, Apex returns null for a null argument (TestFactory-style code relies on it)
      if (args[0] === null || args[0] === undefined) return null;
      if (args[0] instanceof ApexDecimal && !args[0].isDouble) return args[0].toString();
      return h.interp.toApexString(args[0]);
    case 'isblank':
      return isBlank(args[0]);
    case 'isnotblank':
      return !isBlank(args[0]);
    case 'isempty':
      return args[0] === null || args[0] === '';
    case 'isnotempty':
      return args[0] !== null && args[0] !== '';
    case 'join': {
      const coll = args[0];
      const items = coll instanceof ApexList ? coll.items : coll && coll.map ? [...coll.map.values()] : [];
      return items.map((x: Value) => apexToString(x)).join(args[1] as string);
    }
    case 'format':
      return formatString(args[0] as string, args[1] as ApexList, (v) => h.interp.toApexString(v));
    case 'escapesinglequotes':
      return (args[0] as string).replace(/'/g, "\\'");
    case 'fromchararray':
      return String.fromCharCode(...(args[0] as ApexList).items);
    case 'valueofgmt':
      return apexToString(args[0]);
  }
  void h;
  void line;
  return NOT_FOUND;
}

/**
 * String.format('{0} of {1}', args): MessageFormat placeholders; '' is a quote. Each argument is written as
 * String.valueOf writes it, so an object's toString() override is used.
 */
function formatString(pattern: string, args: ApexList | null, toText: (v: Value) => string): string {
  const items = args?.items ?? [];
  return pattern
    .replace(/''/g, '\u0000')
    .replace(/\{(\d+)\}/g, (_m, i: string) => toText(items[Number(i)] ?? null))
    .replace(/\u0000/g, "'");
}

/** Java's String.split: trailing empty strings removed when limit is 0. */
/**
 * java.lang.String#split, which Apex's split(regExp[, limit]) follows: a zero-width match at the start gives no
 * leading empty string; no match at all gives the whole string; a limit above 0 caps the parts, 0 drops every
 * trailing empty string (so ',,,' gives none), a negative limit keeps them.
 */
function javaSplit(s: string, regex: string, limit: number): string[] {
  const re = new RegExp(javaRegex(regex), 'g');
  const parts: string[] = [];
  let index = 0;
  let matched = false;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0] === '') re.lastIndex++;
    if (end === 0) continue;
    if (limit > 0 && parts.length >= limit - 1) break;
    parts.push(s.substring(index, start));
    index = end;
    matched = true;
  }
  if (!matched) return [s];
  parts.push(s.substring(index));
  if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Java regex syntax accepted by JS with small rewrites (possessive quantifiers and \p{Alpha} are not supported). */
export function javaRegex(re: string): string {
  return re
    .replace(/\\p\{Alpha\}/g, '[A-Za-z]')
    .replace(/\\p\{Punct\}/g, '[!-\\/:-@\\[-`{-~]')
    .replace(/\(\?i\)/g, '');
}

function javaReplacement(r: string): string {
  return r.replace(/\\\$/g, '$$$$');
}
