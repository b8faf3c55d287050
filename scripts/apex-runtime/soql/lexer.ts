import { SoqlQueryError } from './errors';

export type TokenKind =
  'identifier' | 'number' | 'string' | 'date' | 'datetime' | 'bind' | 'operator' | 'punctuation' | 'end';

export interface Token {
  kind: TokenKind;
  /** Source text (for strings: the decoded value; for binds: the expression). */
  text: string;
  offset: number;
  /** Upper-cased text of identifiers, for keyword tests. */
  upper: string;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\dT])/;
const NUMBER = /^\d+(\.\d+)?([eE][+-]?\d+)?|^\.\d+/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Escapes of SOQL string literals (SOQL and SOSL Reference, "Quoted String Escape Sequences"). `\_` and `\%` stay
 * escaped so that LIKE can tell a literal underscore or percent from a wildcard.
 */
const ESCAPES: Record<string, string> = {
  n: '\n',
  N: '\n',
  r: '\r',
  R: '\r',
  t: '\t',
  T: '\t',
  b: '\b',
  B: '\b',
  f: '\f',
  F: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
  _: '\\_',
  '%': '\\%'
};

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  const push = (kind: TokenKind, value: string, offset: number): void => {
    tokens.push({ kind, text: value, offset, upper: kind === 'identifier' ? value.toUpperCase() : value });
  };
  while (index < text.length) {
    const char = text[index];
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    const rest = text.slice(index);
    const start = index;
    if (char === "'") {
      const { value, end } = readString(text, index);
      push('string', value, start);
      index = end;
      continue;
    }
    if (char === ':') {
      const previous = tokens[tokens.length - 1];
      // `LAST_N_DAYS:7`: the colon of a date literal, not a bind.
      if (previous?.kind === 'identifier' && /(^|_)N_/.test(previous.upper) && /^:\s*\d/.test(rest)) {
        push('punctuation', ':', start);
        index++;
        continue;
      }
      const { expression, end } = readBind(text, index + 1);
      if (!expression) {
        throw new SoqlQueryError(`unexpected token: ':'`, start);
      }
      push('bind', expression, start);
      index = end;
      continue;
    }
    const datetime = DATETIME.exec(rest);
    if (datetime) {
      push('datetime', datetime[0], start);
      index += datetime[0].length;
      continue;
    }
    const date = DATE.exec(rest);
    if (date) {
      push('date', date[0], start);
      index += date[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      push('number', number[0], start);
      index += number[0].length;
      continue;
    }
    const identifier = IDENTIFIER.exec(rest);
    if (identifier) {
      push('identifier', identifier[0], start);
      index += identifier[0].length;
      continue;
    }
    const operator = /^(!=|<>|<=|>=|=|<|>)/.exec(rest);
    if (operator) {
      push('operator', operator[0] === '<>' ? '!=' : operator[0], start);
      index += operator[0].length;
      continue;
    }
    if (char === '{') {
      // SOSL `FIND {term}`: the braces quote the search term.
      const close = text.indexOf('}', index);
      if (close < 0) {
        throw new SoqlQueryError(`unexpected token: '{'`, start);
      }
      push('string', text.slice(index + 1, close), start);
      index = close + 1;
      continue;
    }
    if ('(),.-+'.includes(char)) {
      push('punctuation', char, start);
      index++;
      continue;
    }
    throw new SoqlQueryError(`unexpected token: '${char}'`, start);
  }
  tokens.push({ kind: 'end', text: '<EOF>', offset: text.length, upper: '<EOF>' });
  return tokens;
}

function readString(text: string, open: number): { value: string; end: number } {
  let value = '';
  let index = open + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      const next = text[index + 1];
      const escaped = next === undefined ? undefined : ESCAPES[next];
      if (escaped === undefined) {
        throw new SoqlQueryError(
          `Invalid string literal '${text.slice(open, index + 2)}'. Illegal character sequence '\\${next ?? ''}' in string literal.`,
          index
        );
      }
      value += escaped;
      index += 2;
      continue;
    }
    if (char === "'") {
      return { value, end: index + 1 };
    }
    value += char;
    index++;
  }
  throw new SoqlQueryError(`line 1:${open} mismatched character '<EOF>' expecting '''`, open);
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/**
 * The Apex expression after a bind colon: a name with member access, calls and indexes (`acc.Id`, `m.keySet()`,
 * `ids[0]`, `new Set<Id>{a, b}`). It ends at depth zero before whitespace, a comma, a closing parenthesis or an
 * operator (Apex Developer Guide, "Using Apex Variables in SOQL and SOSL Queries").
 */
function readBind(text: string, from: number): { expression: string; end: number } {
  let index = from;
  while (index < text.length && /\s/.test(text[index])) {
    index++;
  }
  const start = index;
  const stack: string[] = [];
  while (index < text.length) {
    const char = text[index];
    if (stack.length === 0) {
      if (/\s/.test(char)) {
        const soFar = text.slice(start, index);
        // `new Set<Id>{...}` and `new List<String>(...)` contain a space after `new`.
        if (soFar === 'new' || (/^new\s/.test(soFar) && !/[)}\]]$/.test(soFar))) {
          index++;
          continue;
        }
        break;
      }
      if (char === ',' || char === ')' || char === '=' || char === '!' || char === '+' || char === '*') {
        break;
      }
      if ((char === '<' || char === '>') && !/^new\s/.test(text.slice(start, index))) {
        break;
      }
    }
    if (char === "'") {
      index = skipApexString(text, index);
      continue;
    }
    if (CLOSERS[char]) {
      stack.push(CLOSERS[char]);
    } else if (stack.length > 0 && char === stack[stack.length - 1]) {
      stack.pop();
    }
    index++;
  }
  return { expression: text.slice(start, index).trim(), end: index };
}

function skipApexString(text: string, open: number): number {
  let index = open + 1;
  while (index < text.length && text[index] !== "'") {
    index += text[index] === '\\' ? 2 : 1;
  }
  return index + 1;
}
