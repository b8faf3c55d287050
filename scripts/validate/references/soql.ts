/** A field (or relationship path) named by a query, with its offset in the query text. */
export interface SoqlFieldRef {
  path: string;
  offset: number;
}

/**
 * `TYPEOF What WHEN Account THEN Phone, Name WHEN Opportunity THEN Amount ELSE Name END`: a polymorphic relationship
 * and the fields read for each type it may hold. ELSE fields are read from whatever other type the record has, so
 * no object is known to check them against.
 */
export interface SoqlTypeOf {
  relationship: SoqlFieldRef;
  branches: Array<{ object: string; objectOffset: number; fields: SoqlFieldRef[] }>;
}

/** What a static SOQL query names: its object, the fields of every clause, and its nested queries. */
export interface SoqlQuery {
  /** The object, or for a sub-query of the SELECT list the child relationship (`Contacts`, `Invoices__r`). */
  from: string;
  fromOffset: number;
  alias?: string;
  fields: SoqlFieldRef[];
  /** `(SELECT ... FROM ChildRelationship)` in the SELECT list. */
  childQueries: SoqlQuery[];
  /** `Field IN (SELECT ... FROM Object)` in WHERE: semi-joins and anti-joins. */
  semiJoins: SoqlQuery[];
  typeOfs: SoqlTypeOf[];
}

export class SoqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(message);
  }
}

type TokenType = 'ident' | 'string' | 'number' | 'bind' | 'operator' | 'punct' | 'end';

interface Token {
  type: TokenType;
  text: string;
  offset: number;
}

/** Date literals that take a number after a colon (`LAST_N_DAYS:30`), which is not a bind variable. */
const DATE_LITERAL_WITH_N = /^(last|next)_n_\w+$|^n_\w+_ago$/i;
/** Keywords that end a clause (an identifier after FROM or after a SELECT item is an alias unless it is one). */
const CLAUSE_KEYWORDS = new Set([
  'from',
  'where',
  'with',
  'group',
  'having',
  'order',
  'limit',
  'offset',
  'for',
  'update',
  'all',
  'using'
]);
const ORDER_KEYWORDS = new Set(['asc', 'desc', 'nulls', 'first', 'last']);
const WORD_OPERATORS = new Set(['like', 'in', 'includes', 'excludes']);

/**
 * Parses the SOQL of an Apex `[SELECT ...]` (without the brackets): SELECT items with functions, aliases and
 * child sub-queries, FROM with an alias, WHERE/HAVING conditions with semi-joins, bind variables (`:x`, `:acc.Id`,
 * `:ids[0]`), date literals, WITH (USER_MODE, SECURITY_ENFORCED, DATA CATEGORY), GROUP BY (ROLLUP/CUBE), ORDER BY,
 * LIMIT, OFFSET, FOR, UPDATE and ALL ROWS, and TYPEOF with the fields of each WHEN type.
 */
export function parseSoql(text: string): SoqlQuery {
  const parser = new Parser(tokenize(text));
  const query = parser.query();
  parser.expectEnd();
  return query;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  const push = (type: TokenType, end: number): void => {
    tokens.push({ type, text: text.slice(index, end), offset: index });
    index = end;
  };
  while (index < text.length) {
    const char = text[index];
    const rest = text.slice(index);
    if (/\s/.test(char)) {
      index++;
    } else if (char === "'") {
      push('string', stringEnd(text, index));
    } else if (/[A-Za-z_]/.test(char)) {
      push('ident', index + /^\w+/.exec(rest)![0].length);
    } else if (/^[-+]?\d/.test(rest)) {
      // Numbers, dates and date-times: 42, -1.5, 2024-01-31, 2024-01-31T10:00:00Z, 2024-01-31T10:00:00+01:00.
      push('number', index + /^[-+]?\d[\w.:+-]*/.exec(rest)![0].length);
    } else if (char === ':') {
      const previous = tokens[tokens.length - 1];
      if (previous?.type === 'ident' && DATE_LITERAL_WITH_N.test(previous.text)) {
        push('punct', index + 1);
      } else {
        push('bind', bindEnd(text, index + 1));
      }
    } else if (/^(!=|<>|<=|>=)/.test(rest)) {
      push('operator', index + 2);
    } else if ('=<>'.includes(char)) {
      push('operator', index + 1);
    } else if ('(),.'.includes(char)) {
      push('punct', index + 1);
    } else {
      throw new SoqlSyntaxError(`unexpected character '${char}'`, index);
    }
  }
  tokens.push({ type: 'end', text: '', offset: text.length });
  return tokens;
}

/** The offset after a string literal starting at `start`. */
function stringEnd(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    if (text[index] === '\\') {
      index++;
    } else if (text[index] === "'") {
      return index + 1;
    }
  }
  throw new SoqlSyntaxError('unterminated string literal', start);
}

/** The offset after an Apex bind expression: `x`, `acc.Id`, `ids[0]`, `getIds()`, `(a + b)`, `new Set<Id>{...}`. */
function bindEnd(text: string, start: number): number {
  let index = start;
  while (/\s/.test(text[index] ?? '')) {
    index++;
  }
  if (/^new\b/.test(text.slice(index))) {
    const open = text.slice(index).search(/[({]/);
    return open < 0 ? text.length : balancedEnd(text, index + open);
  }
  const begin = index;
  for (;;) {
    while (/\w/.test(text[index] ?? '')) {
      index++;
    }
    const next = text[index];
    if (next === '.') {
      index++;
    } else if (next === '(' || next === '[') {
      index = balancedEnd(text, index);
    } else {
      break;
    }
  }
  if (index === begin) {
    throw new SoqlSyntaxError('a bind variable expected after ":"', start - 1);
  }
  return index;
}

/** The offset after the bracket group that opens at `open`, skipping string literals. */
function balancedEnd(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if (char === "'") {
      index = stringEnd(text, index) - 1;
    } else if ('([{'.includes(char)) {
      depth++;
    } else if (')]}'.includes(char)) {
      depth--;
      if (depth === 0) {
        return index + 1;
      }
    }
  }
  throw new SoqlSyntaxError('unbalanced brackets in a bind expression', open);
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  query(): SoqlQuery {
    this.expectKeyword('select');
    const query: SoqlQuery = { from: '', fromOffset: 0, fields: [], childQueries: [], semiJoins: [], typeOfs: [] };
    const aliases = new Set<string>();
    this.selectList(query, aliases);
    this.expectKeyword('from');
    const from = this.path();
    query.from = from.path;
    query.fromOffset = from.offset;
    if (this.peek().type === 'ident' && !CLAUSE_KEYWORDS.has(this.word())) {
      query.alias = this.next().text;
    }
    while (this.peek().type !== 'end' && !this.atPunct(')')) {
      this.clause(query, aliases);
    }
    return query;
  }

  expectEnd(): void {
    if (this.peek().type !== 'end') {
      this.fail(`unexpected '${this.peek().text}'`);
    }
  }

  private clause(query: SoqlQuery, aliases: Set<string>): void {
    const keyword = this.word();
    this.next();
    switch (keyword) {
      case 'using':
        this.expectKeyword('scope');
        this.next();
        break;
      case 'where':
      case 'having':
        this.condition(query, aliases);
        break;
      case 'with':
        this.skipWith();
        break;
      case 'group':
        this.expectKeyword('by');
        this.list(() => this.expression(query, aliases));
        break;
      case 'order':
        this.expectKeyword('by');
        this.list(() => {
          this.expression(query, aliases);
          while (ORDER_KEYWORDS.has(this.word())) {
            this.next();
          }
        });
        break;
      case 'limit':
      case 'offset':
      case 'update':
        this.next();
        break;
      case 'for':
        this.list(() => this.next());
        break;
      case 'all':
        this.expectKeyword('rows');
        break;
      default:
        this.fail(`unexpected '${keyword}'`, -1);
    }
  }

  private selectList(query: SoqlQuery, aliases: Set<string>): void {
    this.list(() => {
      if (this.atPunct('(')) {
        this.next();
        query.childQueries.push(this.query());
        this.expectPunct(')');
      } else if (this.word() === 'typeof') {
        query.typeOfs.push(this.typeOf());
      } else {
        this.expression(query, aliases);
        if (this.peek().type === 'ident' && !CLAUSE_KEYWORDS.has(this.word())) {
          aliases.add(this.next().text.toLowerCase());
        }
      }
    });
  }

  private typeOf(): SoqlTypeOf {
    this.expectKeyword('typeof');
    const typeOf: SoqlTypeOf = { relationship: this.path(), branches: [] };
    while (this.word() === 'when') {
      this.next();
      const object = this.expectIdent();
      this.expectKeyword('then');
      const fields: SoqlFieldRef[] = [];
      this.list(() => fields.push(this.path()));
      typeOf.branches.push({ object: object.text, objectOffset: object.offset, fields });
    }
    if (typeOf.branches.length === 0) {
      this.fail(`'WHEN' expected, found '${this.peek().text}'`);
    }
    if (this.word() === 'else') {
      this.next();
      this.list(() => this.path());
    }
    this.expectKeyword('end');
    return typeOf;
  }

  /** A field path, a literal, or a function call whose arguments are expressions (`COUNT()`, `FIELDS(ALL)`). */
  private expression(query: SoqlQuery, aliases: Set<string>): void {
    const token = this.peek();
    if (token.type === 'string' || token.type === 'number' || token.type === 'bind') {
      this.next();
      return;
    }
    if (token.type !== 'ident') {
      this.fail(`a field expected, found '${token.text}'`);
    }
    if (this.atPunct('(', 1)) {
      const name = this.next().text.toLowerCase();
      this.next();
      if (!this.atPunct(')')) {
        this.list(() => (name === 'fields' ? this.next() : this.expression(query, aliases)));
      }
      this.expectPunct(')');
      return;
    }
    const { path, offset } = this.path();
    if (!aliases.has(path.toLowerCase())) {
      query.fields.push({ path, offset });
    }
  }

  private path(): { path: string; offset: number } {
    const first = this.expectIdent();
    let path = first.text;
    while (this.atPunct('.')) {
      this.next();
      path += `.${this.expectIdent().text}`;
    }
    return { path, offset: first.offset };
  }

  private condition(query: SoqlQuery, aliases: Set<string>): void {
    this.conjunction(query, aliases);
    while (this.word() === 'or') {
      this.next();
      this.conjunction(query, aliases);
    }
  }

  private conjunction(query: SoqlQuery, aliases: Set<string>): void {
    this.negation(query, aliases);
    while (this.word() === 'and') {
      this.next();
      this.negation(query, aliases);
    }
  }

  private negation(query: SoqlQuery, aliases: Set<string>): void {
    if (this.word() === 'not') {
      this.next();
      this.negation(query, aliases);
    } else if (this.atPunct('(')) {
      this.next();
      this.condition(query, aliases);
      this.expectPunct(')');
    } else {
      this.expression(query, aliases);
      this.operator();
      this.value(query);
    }
  }

  private operator(): void {
    const token = this.next();
    const word = token.type === 'ident' ? token.text.toLowerCase() : '';
    if (word === 'not') {
      this.expectKeyword('in');
    } else if (token.type !== 'operator' && !WORD_OPERATORS.has(word)) {
      this.fail(`an operator expected, found '${token.text}'`, -1);
    }
  }

  /** A literal, a bind, a date literal (`LAST_N_DAYS:7`), a list, or a semi-join sub-query. */
  private value(query: SoqlQuery): void {
    if (this.atPunct('(')) {
      this.next();
      if (this.word() === 'select') {
        query.semiJoins.push(this.query());
      } else {
        while (!this.atPunct(')') && this.peek().type !== 'end') {
          this.next();
        }
      }
      this.expectPunct(')');
      return;
    }
    const token = this.next();
    if (token.type === 'end' || token.type === 'punct') {
      this.fail(`a value expected, found '${token.text}'`, -1);
    }
    if (token.type === 'ident' && this.atPunct(':')) {
      this.next();
      this.next();
    }
  }

  /** Everything after WITH up to the next clause (USER_MODE, SECURITY_ENFORCED, DATA CATEGORY filters). */
  private skipWith(): void {
    let depth = 0;
    while (this.peek().type !== 'end' && (depth > 0 || (!CLAUSE_KEYWORDS.has(this.word()) && !this.atPunct(')')))) {
      if (this.atPunct('(')) {
        depth++;
      } else if (this.atPunct(')')) {
        depth--;
      }
      this.next();
    }
  }

  private list(item: () => void): void {
    item();
    while (this.atPunct(',')) {
      this.next();
      item();
    }
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.position + ahead, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.peek();
    this.position = Math.min(this.position + 1, this.tokens.length - 1);
    return token;
  }

  /** The lower-case text of the next token if it is an identifier. */
  private word(): string {
    const token = this.peek();
    return token.type === 'ident' ? token.text.toLowerCase() : '';
  }

  private atPunct(text: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.type === 'punct' && token.text === text;
  }

  private expectKeyword(keyword: string): void {
    if (this.word() !== keyword) {
      this.fail(`'${keyword.toUpperCase()}' expected, found '${this.peek().text}'`);
    }
    this.next();
  }

  private expectPunct(text: string): void {
    if (!this.atPunct(text)) {
      this.fail(`'${text}' expected, found '${this.peek().text}'`);
    }
    this.next();
  }

  private expectIdent(): Token {
    if (this.peek().type !== 'ident') {
      this.fail(`a name expected, found '${this.peek().text}'`);
    }
    return this.next();
  }

  private fail(message: string, ahead = 0): never {
    throw new SoqlSyntaxError(message, this.peek(ahead).offset);
  }
}
