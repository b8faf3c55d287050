/**
 * Formula fields computed on read (Salesforce Help, "Formula Operators and Functions"): field paths through parent
 * relationships, literals, & + - * /, comparisons, AND/OR/NOT, IF, CASE-free common functions. A function outside this
 * list throws FormulaUnsupported, which the runtime reports as UNSUPPORTED.
 */
import { apexToString, numberOf, to18 } from '../interpreter/semantics';
import { ApexDate, ApexDatetime, ApexDecimal, type Value } from '../interpreter/values';

export class FormulaUnsupported extends Error {}

type Node =
  | { k: 'lit'; v: Value }
  | { k: 'path'; parts: string[] }
  | { k: 'call'; fn: string; args: Node[] }
  | { k: 'bin'; op: string; l: Node; r: Node }
  | { k: 'not'; e: Node }
  | { k: 'neg'; e: Node };

const cache = new Map<string, Node>();

function tokenize(src: string): string[] {
  const re =
    /\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\d+(?:\.\d+)?|[A-Za-z_$][A-Za-z0-9_.$]*|&&|\|\||<>|!=|==|<=|>=|[-+*/&=<>(),!])/gy;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) out.push(m[1]);
  if (re.lastIndex < src.trim().length && out.join('').length < src.replace(/\s+/g, '').length)
    throw new FormulaUnsupported(`formula syntax: ${src}`);
  return out;
}

function parse(src: string): Node {
  const hit = cache.get(src);
  if (hit) return hit;
  const t = tokenize(src);
  let i = 0;
  const peek = (): string | undefined => t[i];
  const next = (): string => t[i++];
  const expect = (s: string): void => {
    if (next() !== s) throw new FormulaUnsupported(`formula syntax: ${src}`);
  };
  const levels: string[][] = [
    ['||'],
    ['&&'],
    ['=', '==', '!=', '<>'],
    ['<', '>', '<=', '>='],
    ['&', '+', '-'],
    ['*', '/']
  ];
  const binary = (level: number): Node => {
    if (level === levels.length) return unary();
    let l = binary(level + 1);
    while (peek() !== undefined && levels[level].includes(peek()!)) {
      const op = next();
      l = { k: 'bin', op, l, r: binary(level + 1) };
    }
    return l;
  };
  const unary = (): Node => {
    if (peek() === '!') {
      next();
      return { k: 'not', e: unary() };
    }
    if (peek() === '-') {
      next();
      return { k: 'neg', e: unary() };
    }
    return primary();
  };
  const primary = (): Node => {
    const tok = next();
    if (tok === undefined) throw new FormulaUnsupported(`formula syntax: ${src}`);
    if (tok === '(') {
      const e = binary(0);
      expect(')');
      return e;
    }
    if (/^["']/.test(tok)) return { k: 'lit', v: tok.slice(1, -1).replace(/\\(.)/g, '$1') };
    if (/^\d/.test(tok)) return { k: 'lit', v: ApexDecimal.parse(tok) };
    if (/^(true|false)$/i.test(tok)) return { k: 'lit', v: tok.toLowerCase() === 'true' };
    if (/^null$/i.test(tok)) return { k: 'lit', v: null };
    if (peek() === '(') {
      next();
      const args: Node[] = [];
      if (peek() !== ')') {
        args.push(binary(0));
        while (peek() === ',') {
          next();
          args.push(binary(0));
        }
      }
      expect(')');
      return { k: 'call', fn: tok.toUpperCase(), args };
    }
    return { k: 'path', parts: tok.split('.') };
  };
  const node = binary(0);
  if (i < t.length) throw new FormulaUnsupported(`formula syntax: ${src}`);
  cache.set(src, node);
  return node;
}

export type PathResolver = (parts: string[]) => Value;

const blank = (v: Value): boolean => v === null || v === undefined || v === '';

/** Evaluates a formula; `prior` resolves paths on the record before the change (ISCHANGED, PRIORVALUE). */
export function evaluateFormula(src: string, resolve: PathResolver, prior?: PathResolver): Value {
  const pathOf = (n: Node | undefined): string[] => {
    if (!n || n.k !== 'path') throw new FormulaUnsupported(`formula: ISCHANGED/PRIORVALUE need a field (${src})`);
    return n.parts;
  };
  const ev = (n: Node): Value => {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'path':
        return resolve(n.parts);
      case 'not':
        return !ev(n.e);
      case 'neg':
        return ApexDecimal.of(-numberOf(ev(n.e)));
      case 'bin': {
        const l = ev(n.l);
        const r = ev(n.r);
        switch (n.op) {
          case '&':
            return (blank(l) ? '' : apexToString(l)) + (blank(r) ? '' : apexToString(r));
          case '&&':
            return l === true && r === true;
          case '||':
            return l === true || r === true;
          case '=':
          case '==':
            return apexToString(l ?? '') === apexToString(r ?? '');
          case '!=':
          case '<>':
            return apexToString(l ?? '') !== apexToString(r ?? '');
        }
        if (l === null || r === null) return null;
        const a = numberOf(l);
        const b = numberOf(r);
        switch (n.op) {
          case '+':
            return ApexDecimal.of(a + b);
          case '-':
            return ApexDecimal.of(a - b);
          case '*':
            return ApexDecimal.of(a * b);
          case '/':
            return b === 0 ? null : ApexDecimal.of(a / b);
          case '<':
            return a < b;
          case '>':
            return a > b;
          case '<=':
            return a <= b;
          default:
            return a >= b;
        }
      }
      case 'call': {
        const a = n.args;
        switch (n.fn) {
          case 'ISCHANGED': {
            if (!prior) return false;
            const parts = pathOf(a[0]);
            return apexToString(resolve(parts) ?? '') !== apexToString(prior(parts) ?? '');
          }
          case 'PRIORVALUE':
            return prior ? prior(pathOf(a[0])) : resolve(pathOf(a[0]));
          case 'ISNEW':
            return !prior;
          case 'IF':
            return ev(a[0]) === true ? ev(a[1]) : ev(a[2]);
          case 'AND':
            return a.every((x) => ev(x) === true);
          case 'OR':
            return a.some((x) => ev(x) === true);
          case 'NOT':
            return ev(a[0]) !== true;
          case 'ISBLANK':
          case 'ISNULL':
            return blank(ev(a[0]));
          case 'BLANKVALUE':
          case 'NULLVALUE': {
            const v = ev(a[0]);
            return blank(v) ? ev(a[1]) : v;
          }
          case 'ISPICKVAL':
            return ev(a[0]) === ev(a[1]);
          case 'TEXT': {
            const v = ev(a[0]);
            return blank(v)
              ? null
              : v instanceof ApexDate || v instanceof ApexDatetime
                ? v.toString()
                : apexToString(v);
          }
          case 'CASESAFEID': {
            const v = ev(a[0]);
            return blank(v) ? null : to18(String(v));
          }
          case 'LEFT': {
            const v = ev(a[0]);
            return blank(v) ? null : String(v).slice(0, numberOf(ev(a[1])));
          }
          case 'RIGHT': {
            const v = ev(a[0]);
            const k = numberOf(ev(a[1]));
            return blank(v) ? null : k <= 0 ? '' : String(v).slice(-k);
          }
          case 'LEN': {
            const v = ev(a[0]);
            return blank(v) ? 0 : String(v).length;
          }
          case 'UPPER':
            return blank(ev(a[0])) ? null : String(ev(a[0])).toUpperCase();
          case 'LOWER':
            return blank(ev(a[0])) ? null : String(ev(a[0])).toLowerCase();
          case 'TRIM':
            return blank(ev(a[0])) ? null : String(ev(a[0])).trim();
        }
        throw new FormulaUnsupported(`formula function ${n.fn}`);
      }
    }
    return null;
  };
  return ev(parse(src));
}
