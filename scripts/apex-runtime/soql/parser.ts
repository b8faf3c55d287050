import {
  BindReference,
  ComparisonOperator,
  Condition,
  FieldExpression,
  FieldRef,
  FunctionCall,
  OrderItem,
  SelectItem,
  SoqlLiteral,
  SoqlQuery,
  SoqlValue,
  SoslQuery
} from './ast';
import { SoqlQueryError } from './errors';
import { Token, tokenize } from './lexer';

/** Words that end a field list or expression, so they are never read as an alias (SOQL reserved keywords). */
const RESERVED = new Set([
  'AND',
  'ASC',
  'DESC',
  'EXCLUDES',
  'FIRST',
  'FROM',
  'GROUP',
  'HAVING',
  'IN',
  'INCLUDES',
  'LAST',
  'LIKE',
  'LIMIT',
  'NOT',
  'NULL',
  'NULLS',
  'OR',
  'SELECT',
  'WHERE',
  'WITH',
  'ORDER',
  'OFFSET',
  'FOR',
  'USING',
  'ALL',
  'UPDATE',
  'TYPEOF',
  'WHEN',
  'THEN',
  'ELSE',
  'END'
]);

/**
 * Parses a SOQL query (the text inside `[...]` of static SOQL, or a `Database.query` string). Keywords and names are
 * case-insensitive. Throws `SoqlQueryError` with the platform's wording (`unexpected token: 'X'`) on a syntax error.
 */
export function parseSoql(text: string): SoqlQuery {
  const parser = new Parser(text, tokenize(text));
  const query = parser.query();
  parser.expectEnd();
  return query;
}

/**
 * Parses a SOSL search (the text inside `[...]` of static SOSL, or a `Search.query` string); errors as `parseSoql`.
 */
export function parseSosl(text: string): SoslQuery {
  const parser = new Parser(text, tokenize(text));
  const search = parser.search();
  parser.expectEnd();
  return search;
}

class Parser {
  private position = 0;
  private readonly binds: BindReference[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: Token[]
  ) {}

  query(): SoqlQuery {
    const start = this.peek();
    this.keyword('SELECT');
    const bindsBefore = this.binds.length;
    const select = this.selectList();
    this.keyword('FROM');
    const fromToken = this.identifierToken();
    const from = this.dottedName(fromToken.text);
    const query: SoqlQuery = {
      kind: 'query',
      text: this.text,
      offset: start.offset,
      select,
      from,
      fromOffset: fromToken.offset,
      groupBy: [],
      orderBy: [],
      forClauses: [],
      allRows: false,
      binds: []
    };
    if (this.isAliasCandidate()) {
      query.alias = this.next().text;
    }
    if (this.acceptKeyword('USING')) {
      this.keyword('SCOPE');
      query.scope = this.identifierToken().text;
    }
    if (this.acceptKeyword('WHERE')) {
      query.where = this.condition();
    }
    while (this.acceptKeyword('WITH')) {
      this.withClause(query);
    }
    if (this.acceptKeyword('GROUP')) {
      this.keyword('BY');
      this.groupBy(query);
    }
    if (this.acceptKeyword('HAVING')) {
      query.having = this.condition();
    }
    if (this.acceptKeyword('ORDER')) {
      this.keyword('BY');
      query.orderBy = this.commaList(() => this.orderItem());
    }
    this.trailingClauses(query);
    query.binds = this.binds.slice(bindsBefore);
    if (start.offset > 0 || this.peek().kind !== 'end') {
      query.text = this.text.slice(start.offset, this.peek().offset).trim();
    }
    return query;
  }

  search(): SoslQuery {
    this.keyword('FIND');
    const termToken = this.peek();
    let term: SoslQuery['term'];
    if (termToken.kind === 'bind') {
      term = this.bind();
    } else if (termToken.kind === 'string') {
      this.next();
      term = { kind: 'string', value: termToken.text, offset: termToken.offset };
    } else {
      throw this.unexpected(termToken);
    }
    const search: SoslQuery = { kind: 'search', text: this.text, term, scope: 'ALL', returning: [], binds: [] };
    if (this.acceptKeyword('IN')) {
      const scope = this.identifierToken();
      if (!['ALL', 'NAME', 'EMAIL', 'PHONE', 'SIDEBAR'].includes(scope.upper)) {
        throw this.unexpected(scope);
      }
      search.scope = scope.upper;
      this.keyword('FIELDS');
    }
    if (this.acceptKeyword('RETURNING')) {
      search.returning = this.commaList(() => this.returningObject());
    }
    while (this.acceptKeyword('WITH')) {
      const token = this.peek();
      if (token.upper === 'USER_MODE' || token.upper === 'SYSTEM_MODE') {
        this.next();
        search.securityMode = token.upper;
        continue;
      }
      const start = token.offset;
      while (this.peek().kind !== 'end' && !['WITH', 'LIMIT', 'UPDATE'].includes(this.peek().upper)) {
        this.next();
      }
      search.withOther = [search.withOther, this.text.slice(start, this.peek().offset).trim()]
        .filter(Boolean)
        .join(' ');
    }
    if (this.acceptKeyword('LIMIT')) {
      search.limit = this.integerOrBind();
    }
    if (this.peek().upper === 'UPDATE') {
      this.next();
      this.next();
    }
    search.binds = [...this.binds];
    return search;
  }

  /** `Account`, or `Account(Name, Phone WHERE ... ORDER BY ... LIMIT n OFFSET n)`. */
  private returningObject(): SoqlQuery {
    const objectToken = this.identifierToken();
    const query: SoqlQuery = {
      kind: 'query',
      text: objectToken.text,
      offset: objectToken.offset,
      select: [],
      from: objectToken.text,
      fromOffset: objectToken.offset,
      groupBy: [],
      orderBy: [],
      forClauses: [],
      allRows: false,
      binds: []
    };
    if (!this.acceptPunctuation('(')) {
      return query;
    }
    const bindsBefore = this.binds.length;
    query.select = this.selectList();
    if (this.acceptKeyword('USING')) {
      const start = this.peek().offset;
      while (!['WHERE', 'ORDER', 'LIMIT', 'OFFSET'].includes(this.peek().upper) && this.peek().text !== ')') {
        this.next();
      }
      query.withOther = `USING ${this.text.slice(start, this.peek().offset).trim()}`;
    }
    if (this.acceptKeyword('WHERE')) {
      query.where = this.condition();
    }
    if (this.acceptKeyword('ORDER')) {
      this.keyword('BY');
      query.orderBy = this.commaList(() => this.orderItem());
    }
    if (this.acceptKeyword('LIMIT')) {
      query.limit = this.integerOrBind();
    }
    if (this.acceptKeyword('OFFSET')) {
      query.offsetRows = this.integerOrBind();
    }
    this.punctuation(')');
    query.binds = this.binds.slice(bindsBefore);
    query.text = this.text.slice(objectToken.offset, this.tokens[this.position - 1].offset + 1);
    return query;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') {
      throw this.unexpected(token);
    }
  }

  private trailingClauses(query: SoqlQuery): void {
    for (;;) {
      if (this.acceptKeyword('LIMIT')) {
        query.limit = this.integerOrBind();
      } else if (this.acceptKeyword('OFFSET')) {
        query.offsetRows = this.integerOrBind();
      } else if (this.acceptKeyword('FOR')) {
        do {
          const kind = this.next();
          if (kind.upper === 'VIEW' || kind.upper === 'REFERENCE' || kind.upper === 'UPDATE') {
            query.forClauses.push(kind.upper);
          } else {
            throw this.unexpected(kind);
          }
        } while (this.acceptPunctuation(','));
      } else if (this.peek().upper === 'UPDATE') {
        this.next();
        const kind = this.next();
        if (kind.upper !== 'TRACKING' && kind.upper !== 'VIEWSTAT') {
          throw this.unexpected(kind);
        }
        query.updateClause = kind.upper;
      } else if (this.peek().upper === 'ALL' && this.peek(1).upper === 'ROWS') {
        this.position += 2;
        query.allRows = true;
      } else {
        return;
      }
    }
  }

  private withClause(query: SoqlQuery): void {
    const token = this.next();
    switch (token.upper) {
      case 'USER_MODE':
      case 'SYSTEM_MODE':
      case 'SECURITY_ENFORCED':
        query.securityMode = token.upper;
        return;
      default: {
        // DATA CATEGORY filters, RecordVisibilityContext, PricebookId = ...: kept as text, refused at evaluation.
        const start = token.offset;
        while (!['GROUP', 'ORDER', 'LIMIT', 'OFFSET', 'FOR', 'WITH', 'HAVING'].includes(this.peek().upper)) {
          if (this.peek().kind === 'end' || (this.peek().kind === 'punctuation' && this.peek().text === ')')) {
            break;
          }
          this.next();
        }
        query.withOther = this.text.slice(start, this.peek().offset).trim();
      }
    }
  }

  private groupBy(query: SoqlQuery): void {
    const kind = this.peek().upper;
    if ((kind === 'ROLLUP' || kind === 'CUBE') && this.peek(1).text === '(') {
      this.position += 2;
      query.groupByKind = kind;
      query.groupBy = this.commaList(() => this.fieldExpression());
      this.punctuation(')');
      return;
    }
    query.groupBy = this.commaList(() => this.fieldExpression());
  }

  private orderItem(): OrderItem {
    const expression = this.fieldExpression();
    const item: OrderItem = { expression, descending: false };
    if (this.acceptKeyword('DESC')) {
      item.descending = true;
    } else {
      this.acceptKeyword('ASC');
    }
    if (this.acceptKeyword('NULLS')) {
      const which = this.next();
      if (which.upper !== 'FIRST' && which.upper !== 'LAST') {
        throw this.unexpected(which);
      }
      item.nulls = which.upper;
    }
    return item;
  }

  private selectList(): SelectItem[] {
    return this.commaList(() => this.selectItem());
  }

  private selectItem(): SelectItem {
    const token = this.peek();
    if (token.kind === 'identifier' && (token.upper === 'FROM' || token.upper === 'WHERE')) {
      throw this.unexpected(token);
    }
    if (token.text === '(' && token.kind === 'punctuation') {
      this.next();
      const query = this.query();
      this.punctuation(')');
      return { kind: 'subquery', query };
    }
    if (token.upper === 'TYPEOF') {
      return this.typeOf();
    }
    if (token.upper === 'FIELDS' && this.peek(1).text === '(') {
      this.position += 2;
      const which = this.next();
      if (which.upper !== 'ALL' && which.upper !== 'STANDARD' && which.upper !== 'CUSTOM') {
        throw this.unexpected(which);
      }
      this.punctuation(')');
      return { kind: 'fields', which: which.upper, offset: token.offset };
    }
    const expression = this.fieldExpression();
    const alias = this.isAliasCandidate() ? this.next().text : undefined;
    if (expression.kind === 'function') {
      return alias === undefined
        ? { kind: 'function', call: expression }
        : { kind: 'function', call: expression, alias };
    }
    return alias === undefined ? { kind: 'field', field: expression } : { kind: 'field', field: expression, alias };
  }

  private typeOf(): SelectItem {
    const start = this.next();
    const relationship = this.identifierToken().text;
    const whens: { object: string; fields: FieldRef[] }[] = [];
    let elseFields: FieldRef[] = [];
    while (this.acceptKeyword('WHEN')) {
      const object = this.identifierToken().text;
      this.keyword('THEN');
      whens.push({ object, fields: this.commaList(() => this.fieldRef()) });
    }
    if (this.acceptKeyword('ELSE')) {
      elseFields = this.commaList(() => this.fieldRef());
    }
    this.keyword('END');
    return { kind: 'typeof', relationship, whens, elseFields, offset: start.offset };
  }

  /** A field path or a function call on one (`COUNT()`, `toLabel(Status)`, `CALENDAR_YEAR(CreatedDate)`). */
  private fieldExpression(): FieldExpression {
    const token = this.peek();
    if (token.kind === 'identifier' && this.peek(1).text === '(' && this.peek(1).kind === 'punctuation') {
      this.position += 2;
      const call: FunctionCall = { kind: 'function', name: token.upper, offset: token.offset };
      if (!this.acceptPunctuation(')')) {
        call.argument = this.fieldExpression();
        const extra: (FieldExpression | SoqlValue)[] = [];
        while (this.acceptPunctuation(',')) {
          extra.push(
            this.peek().kind === 'identifier' && !this.isValueKeyword() ? this.fieldExpression() : this.value()
          );
        }
        if (extra.length > 0) {
          call.extraArguments = extra;
        }
        this.punctuation(')');
      }
      return call;
    }
    return this.fieldRef();
  }

  private fieldRef(): FieldRef {
    const first = this.identifierToken();
    const path = [first.text];
    while (this.peek().text === '.' && this.peek().kind === 'punctuation') {
      this.next();
      path.push(this.identifierToken().text);
    }
    return { kind: 'field', path, offset: first.offset };
  }

  condition(): Condition {
    const operands = [this.andCondition()];
    while (this.acceptKeyword('OR')) {
      operands.push(this.andCondition());
    }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  private andCondition(): Condition {
    const operands = [this.notCondition()];
    while (this.acceptKeyword('AND')) {
      operands.push(this.notCondition());
    }
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  private notCondition(): Condition {
    if (this.acceptKeyword('NOT')) {
      return { kind: 'not', operand: this.notCondition() };
    }
    if (this.peek().text === '(' && this.peek().kind === 'punctuation') {
      this.next();
      const inner = this.condition();
      this.punctuation(')');
      return inner;
    }
    return this.simpleCondition();
  }

  private simpleCondition(): Condition {
    const left = this.fieldExpression();
    const token = this.next();
    const offset = token.offset;
    if (token.kind === 'operator') {
      return { kind: 'compare', left, operator: token.text as ComparisonOperator, right: this.value(), offset };
    }
    switch (token.upper) {
      case 'LIKE':
        return { kind: 'compare', left, operator: 'LIKE', right: this.value(), offset };
      case 'IN':
        return { kind: 'in', left, negated: false, right: this.inRight(), offset };
      case 'NOT':
        this.keyword('IN');
        return { kind: 'in', left, negated: true, right: this.inRight(), offset };
      case 'INCLUDES':
      case 'EXCLUDES': {
        if (left.kind !== 'field') {
          throw this.unexpected(token);
        }
        this.punctuation('(');
        const values = this.commaList(() => this.value());
        this.punctuation(')');
        return { kind: 'includes', left, excludes: token.upper === 'EXCLUDES', values, offset };
      }
      default:
        throw this.unexpected(token);
    }
  }

  private inRight(): SoqlValue[] | BindReference | SoqlQuery {
    const token = this.peek();
    if (token.kind === 'bind') {
      return this.bind();
    }
    this.punctuation('(');
    if (this.peek().upper === 'SELECT') {
      const query = this.query();
      this.punctuation(')');
      return query;
    }
    const values = this.commaList(() => this.value());
    this.punctuation(')');
    return values;
  }

  private isValueKeyword(): boolean {
    return ['TRUE', 'FALSE', 'NULL'].includes(this.peek().upper);
  }

  private value(): SoqlValue {
    const token = this.next();
    const offset = token.offset;
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.text, offset };
      case 'number':
        return { kind: 'number', text: token.text, offset };
      case 'date':
        return { kind: 'date', text: token.text, offset };
      case 'datetime':
        return { kind: 'datetime', text: token.text, offset };
      case 'bind':
        this.position--;
        return this.bind();
      case 'punctuation':
        if ((token.text === '-' || token.text === '+') && this.peek().kind === 'number') {
          const number = this.next();
          return { kind: 'number', text: token.text === '-' ? `-${number.text}` : number.text, offset };
        }
        throw this.unexpected(token);
      case 'identifier':
        return this.keywordValue(token);
      default:
        throw this.unexpected(token);
    }
  }

  private keywordValue(token: Token): SoqlLiteral {
    const offset = token.offset;
    if (token.upper === 'TRUE' || token.upper === 'FALSE') {
      return { kind: 'boolean', value: token.upper === 'TRUE', offset };
    }
    if (token.upper === 'NULL') {
      return { kind: 'null', offset };
    }
    if (this.peek().text === ':' && this.peek().kind === 'punctuation') {
      this.next();
      const n = this.next();
      if (n.kind !== 'number' || !/^\d+$/.test(n.text)) {
        throw this.unexpected(n);
      }
      return { kind: 'dateLiteral', name: token.upper, n: Number(n.text), offset };
    }
    // Any other bare word is a date literal (TODAY, THIS_MONTH, ...); unknown ones are rejected at evaluation
    // with the platform's message, as the set of literals is closed.
    return { kind: 'dateLiteral', name: token.upper, offset };
  }

  private bind(): BindReference {
    const token = this.next();
    const bind: BindReference = { kind: 'bind', expression: token.text, offset: token.offset };
    this.binds.push(bind);
    return bind;
  }

  private integerOrBind(): number | BindReference {
    const token = this.peek();
    if (token.kind === 'bind') {
      return this.bind();
    }
    this.next();
    if (token.kind !== 'number' || !/^\d+$/.test(token.text)) {
      throw this.unexpected(token);
    }
    return Number(token.text);
  }

  private commaList<T>(item: () => T): T[] {
    const items = [item()];
    while (this.acceptPunctuation(',')) {
      items.push(item());
    }
    return items;
  }

  /** `ns.Object` is not SOQL; a dotted FROM only appears in sub-queries of relationship paths, which we refuse. */
  private dottedName(first: string): string {
    let name = first;
    while (this.peek().text === '.' && this.peek().kind === 'punctuation') {
      this.next();
      name += `.${this.identifierToken().text}`;
    }
    return name;
  }

  private isAliasCandidate(): boolean {
    const token = this.peek();
    return token.kind === 'identifier' && !RESERVED.has(token.upper);
  }

  private identifierToken(): Token {
    const token = this.next();
    if (token.kind !== 'identifier') {
      throw this.unexpected(token);
    }
    return token;
  }

  private keyword(word: string): void {
    const token = this.next();
    if (token.upper !== word || token.kind !== 'identifier') {
      throw this.unexpected(token);
    }
  }

  private acceptKeyword(word: string): boolean {
    const token = this.peek();
    if (token.kind === 'identifier' && token.upper === word) {
      this.position++;
      return true;
    }
    return false;
  }

  private punctuation(text: string): void {
    const token = this.next();
    if (token.text !== text || token.kind !== 'punctuation') {
      throw this.unexpected(token);
    }
  }

  private acceptPunctuation(text: string): boolean {
    const token = this.peek();
    if (token.kind === 'punctuation' && token.text === text) {
      this.position++;
      return true;
    }
    return false;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.position + ahead, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.peek();
    this.position = Math.min(this.position + 1, this.tokens.length - 1);
    return token;
  }

  private unexpected(token: Token): SoqlQueryError {
    const shown = token.kind === 'string' ? `'${token.text}'` : token.kind === 'bind' ? `:${token.text}` : token.text;
    return new SoqlQueryError(`unexpected token: '${shown}'`, token.offset);
  }
}
