import { ChildRelationship, FieldDescribe, SObjectSchema, SchemaModel } from '../schema';
import { UserAccess } from '../security';
import {
  BindReference,
  Condition,
  FieldExpression,
  FieldRef,
  FunctionCall,
  OrderItem,
  SelectItem,
  SoqlLiteral,
  SoqlQuery,
  SoqlValue
} from './ast';
import {
  calendarNumbers,
  dateLiteralRange,
  formatDate,
  localToday,
  midnightInstant,
  zonedParts,
  LocalDate
} from './date-literals';
import { SoqlQueryError, SoqlUnsupportedError } from './errors';
import { RowScope, SoqlHost, SoqlRow } from './host';
import { AggregateRow, QueryResult, SoqlRecord } from './result';

export interface EvaluateOptions {
  /** `Database.query(text, AccessLevel.USER_MODE)` and friends; `WITH USER_MODE` in the text has the same effect. */
  accessLevel?: 'USER_MODE' | 'SYSTEM_MODE';
}

const WSDL_HINT = 'Please reference your WSDL or the describe call for the appropriate names.';

/** Platform texts of schema errors in queries (observed QueryException messages). */
export const messages = {
  noSuchObject: (name: string): string =>
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the ` +
    `'__c' after the entity name. ${WSDL_HINT}`,
  noSuchColumn: (field: string, object: string): string =>
    `No such column '${field}' on entity '${object}'. If you are attempting to use a custom field, be sure to append ` +
    `the '__c' after the custom field name. ${WSDL_HINT}`,
  noSuchRelationship: (name: string): string =>
    `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be ` +
    `sure to append the '__r' after the custom relationship name. ${WSDL_HINT}`,
  noSuchChildRelationship: (name: string): string =>
    `Didn't understand relationship '${name}' in FROM part of query call. If you are attempting to use a custom ` +
    `relationship, be sure to append the '__r' after the custom relationship name. ${WSDL_HINT}`,
  notFilterable: (field: string): string => `field '${field}' can not be filtered in query call`,
  securityEnforced: 'Insufficient permissions: secure query included inaccessible field'
};

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);
const DATE_FUNCTIONS = new Set([
  'CALENDAR_MONTH',
  'CALENDAR_QUARTER',
  'CALENDAR_YEAR',
  'DAY_IN_MONTH',
  'DAY_IN_WEEK',
  'DAY_IN_YEAR',
  'DAY_ONLY',
  'FISCAL_MONTH',
  'FISCAL_QUARTER',
  'FISCAL_YEAR',
  'HOUR_IN_DAY',
  'WEEK_IN_MONTH',
  'WEEK_IN_YEAR'
]);

/** A field path resolved against the schema: relationships to follow, then the field. */
interface ResolvedPath {
  /** Reference fields to follow from the row, each with its canonical relationship name. */
  steps: { field: FieldDescribe; relationshipName: string }[];
  /** The field on the last object; for a polymorphic parent, the field of the `Name` object, re-read per row. */
  field: FieldDescribe;
  /** The last relationship is polymorphic: read `field.name` on the actual parent object. */
  polymorphic: boolean;
  /** The object the field belongs to (for messages and access checks). */
  objectName: string;
}

interface Context {
  host: SoqlHost;
  schema: SchemaModel;
  scope: RowScope;
  /** Set in user mode and with SECURITY_ENFORCED: accessible objects/fields are checked. */
  access?: { user: UserAccess; mode: 'USER_MODE' | 'SECURITY_ENFORCED' };
  today: LocalDate;
  timeZone: string;
}

/**
 * Runs a parsed query against the host's rows. Throws `SoqlQueryError` for what the platform rejects (unknown column
 * or relationship, inaccessible field in user mode, ...) and `SoqlUnsupportedError` for what this engine does not do.
 */
export function evaluateSoql(query: SoqlQuery, host: SoqlHost, options: EvaluateOptions = {}): QueryResult {
  const userMode = query.securityMode === 'USER_MODE' || options.accessLevel === 'USER_MODE';
  const enforced = query.securityMode === 'SECURITY_ENFORCED';
  const { now, timeZone } = host.clock();
  const context: Context = {
    host,
    schema: host.schema,
    scope: { allRows: query.allRows, userMode },
    today: localToday(now, timeZone),
    timeZone,
    ...(userMode || enforced
      ? {
          access: { user: host.userAccess(), mode: userMode ? ('USER_MODE' as const) : ('SECURITY_ENFORCED' as const) }
        }
      : {})
  };
  refuseUnsupported(query);
  const object = context.schema.object(query.from);
  if (!object) {
    throw new SoqlQueryError(messages.noSuchObject(query.from), query.fromOffset);
  }
  checkObjectAccess(context, object.describe.name, query.fromOffset);
  return new QueryRun(context, query, object).run();
}

function refuseUnsupported(query: SoqlQuery): void {
  if (query.withOther) {
    throw new SoqlUnsupportedError(`WITH ${query.withOther}`);
  }
  if (query.groupByKind) {
    throw new SoqlUnsupportedError(`GROUP BY ${query.groupByKind}`);
  }
  if (query.scope && query.scope.toLowerCase() !== 'everything') {
    throw new SoqlUnsupportedError(`USING SCOPE ${query.scope}`);
  }
}

function checkObjectAccess(context: Context, objectName: string, offset: number): void {
  if (context.access && !context.access.user.object(objectName).read) {
    throw new SoqlQueryError(
      context.access.mode === 'SECURITY_ENFORCED' ? messages.securityEnforced : messages.noSuchObject(objectName),
      offset
    );
  }
}

class QueryRun {
  readonly object: string;
  private readonly inaccessible = new Map<string, Set<string>>();

  constructor(
    readonly context: Context,
    private readonly query: SoqlQuery,
    private readonly schema: SObjectSchema,
    /** For sub-queries: the child relationship being read. */
    private readonly relationship?: ChildRelationship
  ) {
    this.object = schema.describe.name;
  }

  run(): QueryResult {
    this.validate();
    const rows = this.filteredRows(this.context.host.rows(this.object, this.context.scope));
    if (this.isCountOnly()) {
      const count = Math.min(rows.length, this.limit() ?? Infinity);
      return { kind: 'count', count, rowCount: count };
    }
    if (this.isAggregate()) {
      return this.aggregate(rows);
    }
    const projection = this.projection();
    const ordered = this.window(this.sort(rows, this.query.orderBy));
    let rowCount = ordered.length;
    const records = ordered.map((row) => {
      const record = this.project(row, projection);
      for (const children of record.children.values()) {
        rowCount += children.length;
      }
      return record;
    });
    return {
      kind: 'records',
      object: this.object,
      records,
      rowCount,
      forUpdate: this.query.forClauses.includes('UPDATE')
    };
  }

  /** Rows of a child relationship for one parent row (sub-query): filtered, sorted, limited. */
  childRecords(parent: SoqlRow): SoqlRecord[] {
    const relationship = this.relationship as ChildRelationship;
    const rows = this.filteredRows(this.context.host.children(parent, relationship, this.context.scope));
    const projection = this.projection();
    return this.window(this.sort(rows, this.query.orderBy)).map((row) => this.project(row, projection));
  }

  filteredRows(rows: Iterable<SoqlRow>): SoqlRow[] {
    const where = this.query.where;
    const list = [...rows];
    return where ? list.filter((row) => this.test(where, row)) : list;
  }

  window(rows: SoqlRow[]): SoqlRow[] {
    const offset = this.integer(this.query.offsetRows) ?? 0;
    const limit = this.limit();
    return rows.slice(offset, limit === undefined ? undefined : offset + limit);
  }

  private limit(): number | undefined {
    return this.integer(this.query.limit);
  }

  private integer(value: number | BindReference | undefined): number | undefined {
    if (value === undefined || typeof value === 'number') {
      return value;
    }
    const bound = this.context.host.bind(value, undefined);
    if (bound.kind !== 'scalar' || bound.value === null || bound.value === undefined) {
      throw new SoqlQueryError(
        `Invalid bind expression type of ${bound.kind === 'list' ? 'List' : 'null'} for column of type Integer`,
        value.offset
      );
    }
    return this.context.host.integer(bound.value);
  }

  private isCountOnly(): boolean {
    const [first] = this.query.select;
    return (
      this.query.select.length === 1 &&
      first.kind === 'function' &&
      first.call.name === 'COUNT' &&
      first.call.argument === undefined &&
      this.query.groupBy.length === 0
    );
  }

  private isAggregate(): boolean {
    return (
      this.query.groupBy.length > 0 ||
      this.query.select.some((item) => item.kind === 'function' && AGGREGATES.has(item.call.name))
    );
  }

  // ---- field paths ----

  /** Resolves a path as written (`Account.Owner.Name`, `c.Name`, `Name`) from this query's object. */
  resolve(ref: FieldRef): ResolvedPath {
    let resolved = this.resolved.get(ref);
    if (!resolved) {
      resolved = this.resolveUncached(ref);
      this.resolved.set(ref, resolved);
    }
    return resolved;
  }

  private readonly resolved = new Map<FieldRef, ResolvedPath>();

  private resolveUncached(ref: FieldRef): ResolvedPath {
    let path = ref.path;
    if (path.length > 1 && this.query.alias && path[0].toLowerCase() === this.query.alias.toLowerCase()) {
      path = path.slice(1);
    } else if (
      path.length > 1 &&
      path[0].toLowerCase() === this.object.toLowerCase() &&
      !this.context.schema.parentRelationship(this.object, path[0])
    ) {
      path = path.slice(1);
    }
    const schema = this.context.schema;
    const steps: ResolvedPath['steps'] = [];
    let objectName = this.object;
    let polymorphic = false;
    for (const segment of path.slice(0, -1)) {
      const relationship = schema.parentRelationship(objectName, segment);
      if (!relationship) {
        throw new SoqlQueryError(messages.noSuchRelationship(segment), ref.offset);
      }
      if (polymorphic) {
        throw new SoqlUnsupportedError(
          `path through polymorphic relationship ${steps[steps.length - 1].relationshipName}`,
          ref.offset
        );
      }
      steps.push({ field: relationship.field, relationshipName: relationship.field.relationshipName as string });
      this.checkFieldAccess(objectName, relationship.field);
      polymorphic = relationship.targets.length !== 1;
      objectName = polymorphic ? 'Name' : relationship.targets[0];
      if (!polymorphic) {
        checkObjectAccess(this.context, objectName, ref.offset);
      }
    }
    const last = path[path.length - 1];
    const field = schema.field(objectName, last);
    if (!field) {
      throw new SoqlQueryError(messages.noSuchColumn(last, objectName), ref.offset);
    }
    if (!polymorphic) {
      this.checkFieldAccess(objectName, field);
    }
    return { steps, field, polymorphic, objectName };
  }

  /** Records fields the running user cannot read (user mode / SECURITY_ENFORCED); thrown together at the end. */
  private checkFieldAccess(objectName: string, field: FieldDescribe): void {
    const access = this.context.access;
    if (!access || !field.permissionable || access.user.field(objectName, field.name).read) {
      return;
    }
    const set = this.inaccessible.get(objectName) ?? new Set<string>();
    set.add(field.name);
    this.inaccessible.set(objectName, set);
  }

  private validated = false;

  /**
   * Resolves every field the query names before reading any row, as the platform compiles a query: an unknown column
   * fails even on an empty table. In user mode, fields the user cannot read fail together, with the inaccessible
   * fields attached (`QueryException.getInaccessibleFields`).
   */
  validate(): void {
    if (this.validated) {
      return;
    }
    this.validated = true;
    if (this.isCountOnly()) {
      // nothing selected
    } else if (this.isAggregate()) {
      for (const item of this.query.select) {
        if (item.kind === 'field') {
          this.resolve(item.field);
        } else if (item.kind === 'function') {
          this.visitFields(item.call, (ref) => this.resolve(ref));
        }
      }
    } else {
      this.projection();
    }
    const expressions = [...this.query.groupBy, ...this.query.orderBy.map((item) => item.expression)];
    expressions.forEach((expression) => this.visitFields(expression, (ref) => this.resolve(ref)));
    if (this.query.where) {
      this.validateCondition(this.query.where, (ref) => this.resolveFilter(ref));
    }
    if (this.query.having) {
      this.validateCondition(this.query.having, (ref) => this.resolve(ref));
    }
    const access = this.context.access;
    if (access && this.inaccessible.size > 0) {
      const [object, fields] = [...this.inaccessible.entries()][0];
      throw new SoqlQueryError(
        access.mode === 'SECURITY_ENFORCED' ? messages.securityEnforced : messages.noSuchColumn([...fields][0], object),
        this.query.offset,
        this.inaccessible
      );
    }
  }

  /**
   * A field in WHERE must be filterable: long text areas, encrypted fields and the like are not (SOQL and SOSL
   * Reference, "WHERE"); the platform's QueryException reads `field 'Description' can not be filtered in query call`.
   */
  private resolveFilter(ref: FieldRef): ResolvedPath {
    const resolved = this.resolve(ref);
    if (!resolved.polymorphic && !resolved.field.filterable) {
      throw new SoqlQueryError(messages.notFilterable(resolved.field.name), ref.offset);
    }
    return resolved;
  }

  private validateCondition(condition: Condition, resolve: (ref: FieldRef) => ResolvedPath): void {
    switch (condition.kind) {
      case 'and':
      case 'or':
        condition.operands.forEach((operand) => this.validateCondition(operand, resolve));
        return;
      case 'not':
        this.validateCondition(condition.operand, resolve);
        return;
      case 'includes':
        resolve(condition.left);
        return;
      case 'compare':
        this.visitFields(condition.left, resolve);
        return;
      case 'in':
        this.visitFields(condition.left, resolve);
        if (!Array.isArray(condition.right) && condition.right.kind === 'query') {
          this.semiJoinRun(condition.right).validate();
        }
    }
  }

  private visitFields(expression: FieldExpression, visit: (ref: FieldRef) => void): void {
    if (expression.kind === 'field') {
      visit(expression);
    } else if (expression.argument) {
      this.visitFields(expression.argument, visit);
    }
  }

  /** The value of a resolved path for a row (null when a parent on the way is null). */
  read(row: SoqlRow, path: ResolvedPath): { value: unknown; field: FieldDescribe } {
    let current: SoqlRow | null = row;
    for (const step of path.steps) {
      current = this.context.host.parent(current, step.field);
      if (current === null || current === undefined) {
        return { value: null, field: path.field };
      }
    }
    if (path.polymorphic) {
      return this.polymorphicValue(current, path.field);
    }
    return { value: this.context.host.value(current, path.field), field: path.field };
  }

  /**
   * A field of a polymorphic parent (`What.Name`, `Owner.Email`), read on the parent's actual object. `Type` is the
   * parent's object name, as on the `Name` object (Object Reference, "Name"); fields the actual object lacks are null.
   */
  private polymorphicValue(parent: SoqlRow, nameField: FieldDescribe): { value: unknown; field: FieldDescribe } {
    const objectName = this.context.host.objectOf(parent);
    if (nameField.name.toLowerCase() === 'type') {
      return { value: objectName, field: nameField };
    }
    const actual = this.context.schema.field(objectName, nameField.name);
    return actual
      ? { value: this.context.host.value(parent, actual), field: actual }
      : { value: null, field: nameField };
  }

  // ---- WHERE / HAVING ----

  private test(condition: Condition, row: SoqlRow): boolean {
    switch (condition.kind) {
      case 'and':
        return condition.operands.every((operand) => this.test(operand, row));
      case 'or':
        return condition.operands.some((operand) => this.test(operand, row));
      case 'not':
        return !this.test(condition.operand, row);
      case 'compare': {
        const { value, field } = this.evaluateExpression(condition.left, row);
        return this.compareCondition(value, field, condition.operator, condition.right);
      }
      case 'in': {
        const { value, field } = this.evaluateExpression(condition.left, row);
        return this.inCondition(value, field, condition.negated, condition.right);
      }
      case 'includes': {
        const path = this.resolve(condition.left);
        if (path.field.type !== 'MULTIPICKLIST') {
          throw new SoqlQueryError(
            `invalid operator on field: ${path.field.name} (INCLUDES/EXCLUDES apply to multi-select picklists)`,
            condition.offset
          );
        }
        const { value, field } = this.read(row, path);
        return this.includesCondition(value, field, condition.excludes, condition.values);
      }
    }
  }

  /** A WHERE operand: a field path or a date function of one. */
  private evaluateExpression(expression: FieldExpression, row: SoqlRow): { value: unknown; field: FieldDescribe } {
    if (expression.kind === 'field') {
      return this.read(row, this.resolve(expression));
    }
    if (DATE_FUNCTIONS.has(expression.name) && expression.argument?.kind === 'field') {
      const { value, field } = this.read(row, this.resolve(expression.argument));
      return this.dateFunction(expression, value, field);
    }
    throw new SoqlUnsupportedError(`${expression.name}() in a condition`, expression.offset);
  }

  private dateFunction(
    call: FunctionCall,
    value: unknown,
    field: FieldDescribe
  ): { value: unknown; field: FieldDescribe } {
    const host = this.context.host;
    const resultField = syntheticField(call.name === 'DAY_ONLY' ? 'DATE' : 'INTEGER');
    if (field.type !== 'DATE' && field.type !== 'DATETIME') {
      throw new SoqlQueryError(
        `${call.name} can only be applied to date or datetime fields: ${field.name}`,
        call.offset
      );
    }
    if (value === null || value === undefined) {
      return { value: null, field: resultField };
    }
    const text = host.text(value, field);
    const parts =
      field.type === 'DATE'
        ? { ...parseLocalDate(text), hour: 0 }
        : zonedParts(parseInstant(text), this.context.timeZone);
    const numbers = calendarNumbers(parts);
    const results: Record<string, number | string> = {
      CALENDAR_MONTH: parts.month,
      FISCAL_MONTH: parts.month,
      CALENDAR_QUARTER: Math.floor((parts.month - 1) / 3) + 1,
      FISCAL_QUARTER: Math.floor((parts.month - 1) / 3) + 1,
      CALENDAR_YEAR: parts.year,
      FISCAL_YEAR: parts.year,
      DAY_IN_MONTH: parts.day,
      DAY_IN_WEEK: numbers.dayInWeek,
      DAY_IN_YEAR: numbers.dayInYear,
      WEEK_IN_MONTH: numbers.weekInMonth,
      WEEK_IN_YEAR: numbers.weekInYear,
      HOUR_IN_DAY: parts.hour,
      DAY_ONLY: formatDate(parts)
    };
    const result = results[call.name];
    return { value: host.computed(call.name === 'DAY_ONLY' ? 'Date' : 'Integer', result), field: resultField };
  }

  private compareCondition(value: unknown, field: FieldDescribe, operator: string, right: SoqlValue): boolean {
    const host = this.context.host;
    if (right.kind === 'dateLiteral') {
      return this.dateLiteralCondition(value, field, operator, right);
    }
    if (operator === 'LIKE') {
      if (right.kind !== 'string' && right.kind !== 'bind') {
        throw new SoqlQueryError(`invalid LIKE pattern on field ${field.name}`, right.offset);
      }
      const pattern = right.kind === 'string' ? right.value : this.scalarBind(right, field);
      if (value === null || value === undefined || pattern === null || pattern === undefined) {
        return false;
      }
      const patternText = right.kind === 'string' ? right.value : host.text(pattern, field);
      return likeMatcher(patternText).test(host.text(value, field));
    }
    const operand = this.operand(right, field);
    const isNull = (candidate: unknown): boolean => candidate === null || candidate === undefined;
    if (operator === '=') {
      return isNull(value) || isNull(operand)
        ? isNull(value) && isNull(operand)
        : host.compare(value, operand, field) === 0;
    }
    if (operator === '!=') {
      // SOQL's != keeps rows whose value is null (unlike SQL): `WHERE Name != 'x'` returns unnamed rows.
      return isNull(value) || isNull(operand)
        ? isNull(value) !== isNull(operand)
        : host.compare(value, operand, field) !== 0;
    }
    if (isNull(value) || isNull(operand)) {
      return false;
    }
    const order = host.compare(value, operand, field);
    switch (operator) {
      case '<':
        return order < 0;
      case '<=':
        return order <= 0;
      case '>':
        return order > 0;
      default:
        return order >= 0;
    }
  }

  /** `CreatedDate = TODAY`: within the literal's range; `<` before it, `>` after it (Date Formats and Date Literals). */
  private dateLiteralCondition(
    value: unknown,
    field: FieldDescribe,
    operator: string,
    literal: Extract<SoqlValue, { kind: 'dateLiteral' }>
  ): boolean {
    if (field.type !== 'DATE' && field.type !== 'DATETIME') {
      throw new SoqlQueryError(
        `value of filter criterion for field '${field.name}' must be of type ${field.type.toLowerCase()} and should not be enclosed in quotes`,
        literal.offset
      );
    }
    const range = dateLiteralRange(literal.name, literal.n, this.context.today);
    if (value === null || value === undefined) {
      return operator === '!=';
    }
    const bound = (date: LocalDate): unknown =>
      this.context.host.literal(
        field.type === 'DATE'
          ? { kind: 'date', text: formatDate(date), offset: literal.offset }
          : { kind: 'datetime', text: midnightInstant(date, this.context.timeZone), offset: literal.offset },
        field
      );
    const start = this.context.host.compare(value, bound(range.start), field);
    const end = this.context.host.compare(value, bound(range.end), field);
    const inside = start >= 0 && end < 0;
    switch (operator) {
      case '=':
        return inside;
      case '!=':
        return !inside;
      case '<':
        return start < 0;
      case '<=':
        return end < 0;
      case '>':
        return end >= 0;
      case '>=':
        return start >= 0;
      default:
        throw new SoqlQueryError(`invalid operator ${operator} with date literal ${literal.name}`, literal.offset);
    }
  }

  private inCondition(
    value: unknown,
    field: FieldDescribe,
    negated: boolean,
    right: SoqlValue[] | BindReference | SoqlQuery
  ): boolean {
    const candidates = this.inValues(right, field);
    const isNull = value === null || value === undefined;
    const found = candidates.some((candidate) =>
      candidate === null || candidate === undefined
        ? isNull
        : !isNull && this.context.host.compare(value, candidate, field) === 0
    );
    return negated ? !found : found;
  }

  private readonly semiJoinCache = new Map<SoqlQuery, unknown[]>();

  private inValues(right: SoqlValue[] | BindReference | SoqlQuery, field: FieldDescribe): unknown[] {
    if (Array.isArray(right)) {
      return right.map((value) => this.operand(value, field));
    }
    if (right.kind === 'bind') {
      const bound = this.context.host.bind(right, field);
      return bound.kind === 'list' ? bound.values : [bound.value];
    }
    let values = this.semiJoinCache.get(right);
    if (!values) {
      values = this.semiJoin(right);
      this.semiJoinCache.set(right, values);
    }
    return values;
  }

  /** `Id IN (SELECT AccountId FROM Contact)`: the single selected field of the inner query, for every inner row. */
  private semiJoin(inner: SoqlQuery): unknown[] {
    const run = this.semiJoinRun(inner);
    const path = run.resolve((inner.select[0] as Extract<SelectItem, { kind: 'field' }>).field);
    const rows = run.window(run.filteredRows(this.context.host.rows(run.object, run.context.scope)));
    return rows.map((row) => run.read(row, path).value).filter((value) => value !== null && value !== undefined);
  }

  private readonly semiJoinRuns = new Map<SoqlQuery, QueryRun>();

  private semiJoinRun(inner: SoqlQuery): QueryRun {
    let run = this.semiJoinRuns.get(inner);
    if (run) {
      return run;
    }
    if (inner.select.length !== 1 || inner.select[0].kind !== 'field') {
      throw new SoqlQueryError('semi join sub-selects can only select one field (Id or a reference)', inner.offset);
    }
    refuseUnsupported(inner);
    const object = this.context.schema.object(inner.from);
    if (!object) {
      throw new SoqlQueryError(messages.noSuchObject(inner.from), inner.fromOffset);
    }
    checkObjectAccess(this.context, object.describe.name, inner.fromOffset);
    run = new QueryRun({ ...this.context, scope: { ...this.context.scope, allRows: inner.allRows } }, inner, object);
    this.semiJoinRuns.set(inner, run);
    return run;
  }

  private includesCondition(value: unknown, field: FieldDescribe, excludes: boolean, values: SoqlValue[]): boolean {
    const selected =
      value === null || value === undefined
        ? new Set<string>()
        : new Set(
            this.context.host
              .text(value, field)
              .split(';')
              .map((entry) => entry.trim().toLowerCase())
          );
    // Each value may list several selections separated by `;`: all must be selected ("Querying Multi-Select Picklists").
    const matches = values.some((entry) => {
      const text =
        entry.kind === 'string'
          ? entry.value
          : entry.kind === 'bind'
            ? String(this.scalarBind(entry, field))
            : undefined;
      if (text === undefined) {
        throw new SoqlQueryError('INCLUDES and EXCLUDES take string values', entry.offset);
      }
      return text.split(';').every((part) => selected.has(part.trim().toLowerCase()));
    });
    return excludes ? !matches : matches;
  }

  /** A right-hand value converted to the runtime's value for the field. */
  private operand(value: SoqlValue, field: FieldDescribe): unknown {
    if (value.kind === 'bind') {
      return this.scalarBind(value, field);
    }
    if (value.kind === 'null') {
      return null;
    }
    if (value.kind === 'dateLiteral') {
      throw new SoqlUnsupportedError(`date literal ${value.name} in a value list`, value.offset);
    }
    const literal: SoqlLiteral =
      value.kind === 'string' ? { ...value, value: unescapeLikeCharacters(value.value) } : value;
    return this.context.host.literal(literal, field);
  }

  private scalarBind(bind: BindReference, field: FieldDescribe): unknown {
    const bound = this.context.host.bind(bind, field);
    if (bound.kind === 'list') {
      throw new SoqlQueryError(
        `Invalid bind expression type of List for column of type ${field.apexType}`,
        bind.offset
      );
    }
    return bound.value;
  }

  // ---- ORDER BY ----

  private sort(rows: SoqlRow[], orderBy: OrderItem[]): SoqlRow[] {
    if (orderBy.length === 0) {
      return rows;
    }
    const keys = orderBy.map((item) => {
      if (item.expression.kind !== 'field') {
        throw new SoqlUnsupportedError(
          `ORDER BY ${item.expression.name}() outside an aggregate query`,
          item.expression.offset
        );
      }
      return { path: this.resolve(item.expression), item };
    });
    const decorated = rows.map((row, index) => ({ row, index, values: keys.map((key) => this.read(row, key.path)) }));
    decorated.sort((left, right) => {
      for (let k = 0; k < keys.length; k++) {
        const order = this.compareForSort(
          left.values[k].value,
          right.values[k].value,
          left.values[k].field,
          keys[k].item
        );
        if (order !== 0) {
          return order;
        }
      }
      return left.index - right.index;
    });
    return decorated.map((entry) => entry.row);
  }

  /**
   * Nulls sort as the lowest value: first ascending, last descending, unless NULLS FIRST/LAST says otherwise
   * (SOQL and SOSL Reference, "ORDER BY": "By default, null values are sorted first", for ascending order).
   */
  private compareForSort(left: unknown, right: unknown, field: FieldDescribe, item: OrderItem): number {
    const leftNull = left === null || left === undefined;
    const rightNull = right === null || right === undefined;
    if (leftNull || rightNull) {
      if (leftNull && rightNull) {
        return 0;
      }
      const nullsFirst = item.nulls ? item.nulls === 'FIRST' : !item.descending;
      return leftNull === nullsFirst ? -1 : 1;
    }
    const order = this.context.host.compare(left, right, field);
    return item.descending ? -order : order;
  }

  // ---- SELECT projection ----

  private projectionCache?: Projection;

  private projection(): Projection {
    if (this.projectionCache) {
      return this.projectionCache;
    }
    const projection = emptyProjection();
    const idField = this.context.schema.field(this.object, 'Id');
    if (idField) {
      projection.fields.set('id', { field: idField, byName: false });
    }
    for (const item of this.query.select) {
      this.addSelectItem(projection, item);
    }
    this.projectionCache = projection;
    return projection;
  }

  private addSelectItem(projection: Projection, item: SelectItem): void {
    switch (item.kind) {
      case 'field': {
        addPath(projection, this.resolve(item.field), this.context.schema);
        return;
      }
      case 'function': {
        if (item.call.name === 'TOLABEL' && item.call.argument?.kind === 'field' && !item.alias) {
          const path = this.resolve(item.call.argument);
          addPath(projection, path, this.context.schema, 'label');
          return;
        }
        throw new SoqlUnsupportedError(`${item.call.name}() in SELECT of a non-aggregate query`, item.call.offset);
      }
      case 'subquery': {
        const relationship = this.context.schema.childRelationship(
          this.object,
          this.childRelationshipName(item.query.from)
        );
        if (!relationship) {
          throw new SoqlQueryError(messages.noSuchChildRelationship(item.query.from), item.query.fromOffset);
        }
        const child = this.context.schema.object(relationship.childSObject);
        if (!child) {
          throw new SoqlQueryError(messages.noSuchObject(relationship.childSObject), item.query.fromOffset);
        }
        checkObjectAccess(this.context, child.describe.name, item.query.fromOffset);
        refuseUnsupported(item.query);
        const run = new QueryRun(
          {
            ...this.context,
            scope: { ...this.context.scope, allRows: this.context.scope.allRows || item.query.allRows }
          },
          item.query,
          child,
          relationship
        );
        run.validate();
        projection.children.set(relationship.relationshipName as string, run);
        return;
      }
      case 'fields': {
        if (item.which !== 'ALL' && item.which !== 'STANDARD' && item.which !== 'CUSTOM') {
          throw new SoqlUnsupportedError(`FIELDS(${String(item.which)})`, item.offset);
        }
        // Apex queries through an API without unbounded field sets, with or without LIMIT 200 (SOQL and SOSL
        // Reference, "FIELDS()": only FIELDS(STANDARD) in Apex; the platform's message, quoted in Illuminated
        // Cloud issue 2284 for a deploy of inline SOQL)
        if (item.which !== 'STANDARD') {
          throw new SoqlQueryError(
            'The SOQL FIELDS function is not supported with an unbounded set of fields in this API.',
            item.offset
          );
        }
        for (const field of this.schema.fields) {
          if (!field.custom && field.type !== 'ADDRESS' && field.type !== 'LOCATION') {
            addPath(projection, { steps: [], field, polymorphic: false, objectName: this.object }, this.context.schema);
          }
        }
        return;
      }
      case 'typeof': {
        const relationship = this.context.schema.parentRelationship(this.object, item.relationship);
        if (!relationship) {
          throw new SoqlQueryError(messages.noSuchRelationship(item.relationship), item.offset);
        }
        const step = { field: relationship.field, relationshipName: relationship.field.relationshipName as string };
        projection.typeofs.push({
          step,
          whens: item.whens.map((when) => ({
            object: when.object.toLowerCase(),
            fields: when.fields.map((ref) => ref.path)
          })),
          elseFields: item.elseFields.map((ref) => ref.path)
        });
      }
    }
  }

  /** `FROM Contacts`, or `FROM Account.Contacts` / `FROM a.Contacts` naming the outer object or its alias. */
  private childRelationshipName(from: string): string {
    const [first, ...rest] = from.split('.');
    const outer = [this.object.toLowerCase(), this.query.alias?.toLowerCase()];
    return rest.length === 1 && outer.includes(first.toLowerCase()) ? rest[0] : from;
  }

  private project(row: SoqlRow, projection: Projection): SoqlRecord {
    const host = this.context.host;
    const objectName = host.objectOf(row);
    const record: SoqlRecord = { object: objectName, row, fields: new Map(), parents: new Map(), children: new Map() };
    for (const selected of projection.fields.values()) {
      const { value, field } = selected.byName
        ? this.polymorphicValue(row, selected.field)
        : { value: host.value(row, selected.field), field: selected.field };
      record.fields.set(field.name, selected.label ? this.label(value, field) : value);
    }
    for (const [relationshipName, parent] of projection.parents) {
      const parentRow = host.parent(row, parent.field);
      record.parents.set(
        relationshipName,
        parentRow === null || parentRow === undefined ? null : this.project(parentRow, parent.projection)
      );
    }
    for (const typeOf of projection.typeofs) {
      const parentRow = host.parent(row, typeOf.step.field);
      if (parentRow === null || parentRow === undefined) {
        record.parents.set(typeOf.step.relationshipName, null);
        continue;
      }
      const actual = host.objectOf(parentRow);
      const when = typeOf.whens.find((entry) => entry.object === actual.toLowerCase());
      const paths = when ? when.fields : typeOf.elseFields;
      const parentRecord: SoqlRecord = {
        object: actual,
        row: parentRow,
        fields: new Map(),
        parents: new Map(),
        children: new Map()
      };
      for (const path of ['Id', ...paths.map((entry) => entry.join('.'))]) {
        const field = this.context.schema.field(actual, path);
        if (!field) {
          throw new SoqlQueryError(messages.noSuchColumn(path, actual));
        }
        parentRecord.fields.set(field.name, host.value(parentRow, field));
      }
      record.parents.set(typeOf.step.relationshipName, parentRecord);
    }
    for (const [relationshipName, run] of projection.children) {
      record.children.set(relationshipName, run.childRecords(row));
    }
    return record;
  }

  /** `toLabel(Status)`: the picklist label of the value (labels equal values for standard picklists here). */
  private label(value: unknown, field: FieldDescribe): unknown {
    if (value === null || value === undefined) {
      return value;
    }
    const text = this.context.host.text(value, field);
    return field.picklistValues.find((entry) => entry.value === text)?.label ?? value;
  }

  // ---- aggregates ----

  private aggregate(rows: SoqlRow[]): QueryResult {
    for (const item of this.query.select) {
      if (item.kind === 'subquery' || item.kind === 'typeof' || item.kind === 'fields') {
        throw new SoqlQueryError('Field must be grouped or aggregated', this.query.offset);
      }
    }
    const groupKeys = this.query.groupBy.map((expression) => expression);
    const groups = new Map<string, SoqlRow[]>();
    for (const row of rows) {
      const key = groupKeys
        .map((expression) => {
          const { value, field } = this.evaluateExpression(expression, row);
          return value === null || value === undefined
            ? '\u0000null'
            : this.context.host.text(value, field).toLowerCase();
        })
        .join('\u0001');
      const group = groups.get(key) ?? [];
      group.push(row);
      groups.set(key, group);
    }
    if (groupKeys.length === 0 && groups.size === 0) {
      groups.set('', []);
    }
    let unnamed = 0;
    const columns = this.query.select.map((item) => {
      if (item.kind === 'field') {
        return {
          key: item.alias ?? item.field.path[item.field.path.length - 1],
          expression: item.field as FieldExpression
        };
      }
      const call = (item as Extract<SelectItem, { kind: 'function' }>).call;
      return { key: (item as { alias?: string }).alias ?? `expr${unnamed++}`, expression: call as FieldExpression };
    });
    let results = [...groups.values()].map((group) => ({
      group,
      values: new Map(columns.map((column) => [column.key, this.aggregateValue(column.expression, group)] as const))
    }));
    if (this.query.having) {
      const having = this.query.having;
      results = results.filter((result) => this.testAggregate(having, result.group));
    }
    if (this.query.orderBy.length > 0) {
      results.sort((left, right) => {
        for (const item of this.query.orderBy) {
          const a = this.aggregateValueWithField(item.expression, left.group);
          const b = this.aggregateValueWithField(item.expression, right.group);
          const order = this.compareForSort(a.value, b.value, a.field, item);
          if (order !== 0) {
            return order;
          }
        }
        return 0;
      });
    }
    const offset = this.integer(this.query.offsetRows) ?? 0;
    const limit = this.limit();
    const windowed = results.slice(offset, limit === undefined ? undefined : offset + limit);
    const aggregateRows: AggregateRow[] = windowed.map((result) => ({ values: result.values }));
    // "COUNT() or COUNT(fieldname) queries count as one query row, unless grouped: one row per grouping. Other
    // aggregate functions count each row used in the aggregation" (SOQL and SOSL Reference, "Aggregate Functions").
    const countOnly = this.query.select.every(
      (item) => item.kind === 'field' || (item.kind === 'function' && item.call.name === 'COUNT')
    );
    const rowCount = countOnly ? (groupKeys.length > 0 ? aggregateRows.length : 1) : rows.length;
    return { kind: 'aggregate', rows: aggregateRows, rowCount };
  }

  private testAggregate(condition: Condition, group: SoqlRow[]): boolean {
    switch (condition.kind) {
      case 'and':
        return condition.operands.every((operand) => this.testAggregate(operand, group));
      case 'or':
        return condition.operands.some((operand) => this.testAggregate(operand, group));
      case 'not':
        return !this.testAggregate(condition.operand, group);
      case 'compare': {
        const { value, field } = this.aggregateValueWithField(condition.left, group);
        return this.compareCondition(value, field, condition.operator, condition.right);
      }
      case 'in': {
        const { value, field } = this.aggregateValueWithField(condition.left, group);
        return this.inCondition(value, field, condition.negated, condition.right);
      }
      case 'includes':
        throw new SoqlUnsupportedError('INCLUDES in HAVING', condition.offset);
    }
  }

  private aggregateValue(expression: FieldExpression, group: SoqlRow[]): unknown {
    return this.aggregateValueWithField(expression, group).value;
  }

  private aggregateValueWithField(
    expression: FieldExpression,
    group: SoqlRow[]
  ): { value: unknown; field: FieldDescribe } {
    const host = this.context.host;
    if (expression.kind === 'field' || DATE_FUNCTIONS.has(expression.name)) {
      // A grouped field or date function: every row of the group has the same value.
      return group.length > 0
        ? this.evaluateExpression(expression, group[0])
        : { value: null, field: syntheticField('STRING') };
    }
    if (!AGGREGATES.has(expression.name)) {
      throw new SoqlUnsupportedError(`${expression.name}() in an aggregate query`, expression.offset);
    }
    if (expression.extraArguments) {
      throw new SoqlUnsupportedError(`${expression.name}() with several arguments`, expression.offset);
    }
    const integer = syntheticField('INTEGER');
    if (!expression.argument) {
      if (expression.name !== 'COUNT') {
        throw new SoqlQueryError(`unexpected token: ')'`, expression.offset);
      }
      return { value: host.computed('Integer', group.length), field: integer };
    }
    const values = group.map((row) => this.evaluateExpression(expression.argument as FieldExpression, row));
    const field = values[0]?.field ?? this.fieldOf(expression.argument);
    const present = values.map((entry) => entry.value).filter((value) => value !== null && value !== undefined);
    switch (expression.name) {
      case 'COUNT':
        return { value: host.computed('Integer', present.length), field: integer };
      case 'COUNT_DISTINCT': {
        const distinct = new Set(present.map((value) => host.text(value, field).toLowerCase()));
        return { value: host.computed('Integer', distinct.size), field: integer };
      }
      case 'SUM':
      case 'AVG':
        if (!['INTEGER', 'DOUBLE', 'CURRENCY', 'PERCENT', 'LONG'].includes(field.type)) {
          throw new SoqlQueryError(
            `field ${field.name} does not support aggregate operator ${expression.name}`,
            expression.offset
          );
        }
        return { value: present.length === 0 ? null : host.aggregate(expression.name, present, field), field };
      default: {
        if (present.length === 0) {
          return { value: null, field };
        }
        const sign = expression.name === 'MIN' ? -1 : 1;
        const best = present.reduce((current, candidate) =>
          host.compare(candidate, current, field) * sign > 0 ? candidate : current
        );
        return { value: best, field };
      }
    }
  }

  private fieldOf(expression: FieldExpression): FieldDescribe {
    return expression.kind === 'field' ? this.resolve(expression).field : syntheticField('INTEGER');
  }
}

interface SelectedField {
  field: FieldDescribe;
  /** Below a polymorphic relationship: look the field up by name on the actual parent object. */
  byName: boolean;
  label?: boolean;
}

interface Projection {
  /** Fields of this level by lower-case name. */
  fields: Map<string, SelectedField>;
  parents: Map<string, { field: FieldDescribe; projection: Projection }>;
  children: Map<string, QueryRun>;
  typeofs: {
    step: { field: FieldDescribe; relationshipName: string };
    whens: { object: string; fields: string[][] }[];
    elseFields: string[][];
  }[];
}

function emptyProjection(): Projection {
  return { fields: new Map(), parents: new Map(), children: new Map(), typeofs: [] };
}

function addPath(projection: Projection, path: ResolvedPath, schema: SchemaModel, mode?: 'label'): void {
  let level = projection;
  let objectName: string | undefined;
  for (const step of path.steps) {
    let parent = level.parents.get(step.relationshipName);
    if (!parent) {
      parent = { field: step.field, projection: emptyProjection() };
      level.parents.set(step.relationshipName, parent);
      // Parent records carry their Id, as the platform's relationship results do.
      const targets = step.field.referenceTo;
      objectName = targets.length === 1 ? targets[0] : undefined;
      const id = schema.field(objectName ?? 'Name', 'Id');
      if (id) {
        parent.projection.fields.set('id', { field: id, byName: objectName === undefined });
      }
      // ...and the child carries the foreign key beside the reference (Apex Developer Guide, "Accessing sObject
      // Fields Through Relationships": a relationship is an Id field plus the related record).
      const foreignKey = step.field.name.toLowerCase();
      if (!level.fields.has(foreignKey)) {
        level.fields.set(foreignKey, { field: step.field, byName: false });
      }
    }
    level = parent.projection;
  }
  const entry: SelectedField = { field: path.field, byName: path.polymorphic };
  if (mode === 'label') {
    entry.label = true;
  }
  level.fields.set(path.field.name.toLowerCase(), entry);
}

function syntheticField(type: 'INTEGER' | 'DATE' | 'STRING'): FieldDescribe {
  return {
    name: 'expr',
    label: 'expr',
    type,
    apexType: type === 'INTEGER' ? 'Integer' : type === 'DATE' ? 'Date' : 'String',
    custom: false,
    length: 0,
    precision: 0,
    scale: 0,
    nillable: true,
    defaultedOnCreate: false,
    requiredOnCreate: false,
    createable: false,
    updateable: false,
    filterable: true,
    sortable: true,
    groupable: true,
    aggregatable: true,
    calculated: true,
    autoNumber: false,
    unique: false,
    caseSensitive: false,
    externalId: false,
    idLookup: false,
    nameField: false,
    permissionable: false,
    picklistValues: [],
    restrictedPicklist: false,
    referenceTo: [],
    cascadeDelete: false,
    restrictedDelete: false
  };
}

function parseLocalDate(text: string): LocalDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) {
    throw new SoqlQueryError(`not a date: ${text}`);
  }
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** A Datetime's text: ISO 8601, or Apex's `String.valueOf` form `YYYY-MM-DD HH:mm:ss` (GMT). */
function parseInstant(text: string): Date {
  const plain = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text);
  const instant = new Date(plain ? `${plain[1]}T${plain[2]}Z` : text);
  if (Number.isNaN(instant.getTime())) {
    throw new SoqlQueryError(`not a datetime: ${text}`);
  }
  return instant;
}

/** Outside LIKE, `\_` and `\%` are plain characters. */
function unescapeLikeCharacters(text: string): string {
  return text.replace(/\\([_%])/g, '$1');
}

/**
 * A LIKE pattern as a case-insensitive regular expression: `%` any run, `_` one character, `\%`/`\_` themselves
 * (SOQL and SOSL Reference, "Comparison Operators": LIKE).
 */
export function likeMatcher(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\' && (pattern[index + 1] === '%' || pattern[index + 1] === '_')) {
      source += `\\${pattern[index + 1]}`;
      index++;
    } else if (char === '%') {
      source += '[\\s\\S]*';
    } else if (char === '_') {
      source += '[\\s\\S]';
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'i');
}
