/**
 * Mutation sites of one Apex source, found on the parse tree of `@apexdevtools/apex-parser` (so operators inside
 * strings, comments and generic type arguments are never taken for comparisons). Each site knows the exact text
 * span it replaces and its replacement; applying a site is a plain text splice, so the rest of the file is unchanged.
 */
import {
  ApexErrorListener,
  ApexParserFactory,
  CmpExpressionContext,
  DeleteStatementContext,
  DotExpressionContext,
  EqualityExpressionContext,
  ExpressionStatementContext,
  IfStatementContext,
  InsertStatementContext,
  MethodCallExpressionContext,
  ReturnStatementContext,
  StatementContext,
  UndeleteStatementContext,
  UpdateStatementContext,
  UpsertStatementContext,
  type ApexParserRuleContext,
  type ApexParseTree,
  type ApexToken
} from '@apexdevtools/apex-parser';

export type SiteKind = 'negate-comparison' | 'remove-dml' | 'remove-call' | 'negate-if' | 'flip-returned-boolean';

export interface Site {
  kind: SiteKind;
  /** 1-based line of the mutated text */
  line: number;
  /** 1-based line of the statement holding it: the line the runtime's coverage records */
  statementLine: number;
  /** character offsets of the replaced span: [start, end) */
  start: number;
  end: number;
  original: string;
  replacement: string;
}

class SyntaxErrors extends ApexErrorListener {
  readonly errors: string[] = [];
  apexSyntaxError(line: number, column: number, msg: string): void {
    this.errors.push(`line ${line}:${column} ${msg}`);
  }
}

/** The syntax errors of a source (empty when it parses): a mutant that does not parse is reported, never run. */
export function syntaxErrors(source: string, isTrigger: boolean): string[] {
  const listener = new SyntaxErrors();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  if (isTrigger) parser.triggerUnit();
  else parser.compilationUnit();
  return listener.errors;
}

// Negation of each relational operator (the "relational operator replacement" that inverts the outcome).
const NEGATED: Record<string, string> = {
  '<': '>=',
  '<=': '>',
  '>': '<=',
  '>=': '<',
  '==': '!=',
  '!=': '==',
  '<>': '==',
  '===': '!==',
  '!==': '==='
};

const DML_METHODS = new Set(['insert', 'update', 'upsert', 'delete', 'undelete', 'merge']);

function isRule(t: ApexParseTree): t is ApexParserRuleContext {
  return (t as ApexParserRuleContext).start !== undefined && (t as ApexParserRuleContext).children !== undefined;
}

function statementLine(ctx: ApexParserRuleContext): number {
  let p: ApexParserRuleContext | null = ctx;
  while (p && !(p instanceof StatementContext)) p = p.parentCtx as ApexParserRuleContext | null;
  return (p ?? ctx).start.line;
}

/** A site replacing the tokens from `first` to `last` (inclusive). */
function span(
  kind: SiteKind,
  source: string,
  ctx: ApexParserRuleContext,
  first: ApexToken,
  last: ApexToken,
  replacement: string
): Site {
  return {
    kind,
    line: first.line,
    statementLine: statementLine(ctx),
    start: first.start,
    end: last.stop + 1,
    original: source.slice(first.start, last.stop + 1),
    replacement
  };
}

/** `Database.insert(x)` and the like used as a statement of their own (their result unused). */
function isDatabaseDmlCall(ctx: ExpressionStatementContext): boolean {
  const text = ctx.getText();
  const m = /^database\.(\w+)\(/i.exec(text);
  return m !== null && DML_METHODS.has(m[1].toLowerCase());
}

export function findSites(source: string, isTrigger = false): Site[] {
  const listener = new SyntaxErrors();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const root = isTrigger ? parser.triggerUnit() : parser.compilationUnit();
  if (listener.errors.length > 0) throw new Error(`does not parse: ${listener.errors[0]}`);
  const sites: Site[] = [];
  const visit = (t: ApexParseTree): void => {
    if (!isRule(t)) return;
    if (t instanceof CmpExpressionContext || t instanceof EqualityExpressionContext) {
      // the operator tokens sit between the two operand expressions
      const left = t.expression(0);
      const right = t.expression(1);
      const tokens = (t.children ?? []).filter((c) => c !== left && c !== right);
      const first = (tokens[0] as unknown as { symbol: ApexToken }).symbol;
      const last = (tokens[tokens.length - 1] as unknown as { symbol: ApexToken }).symbol;
      const op = source.slice(first.start, last.stop + 1);
      const negated = NEGATED[op];
      if (negated) sites.push(span('negate-comparison', source, t, first, last, negated));
    } else if (
      t instanceof InsertStatementContext ||
      t instanceof UpdateStatementContext ||
      t instanceof UpsertStatementContext ||
      t instanceof DeleteStatementContext ||
      t instanceof UndeleteStatementContext ||
      (t instanceof ExpressionStatementContext && isDatabaseDmlCall(t))
    ) {
      // an empty block is a valid statement wherever the DML statement was
      sites.push(span('remove-dml', source, t, t.start, t.stop!, '{}'));
    } else if (
      t instanceof ExpressionStatementContext &&
      (t.expression() instanceof DotExpressionContext || t.expression() instanceof MethodCallExpressionContext)
    ) {
      // a call whose result is unused (`x.save(records);`): removing it skips whatever it does
      sites.push(span('remove-call', source, t, t.start, t.stop!, '{}'));
    } else if (t instanceof IfStatementContext) {
      const cond = t.parExpression();
      const inner = cond.expression();
      sites.push(
        span(
          'negate-if',
          source,
          t,
          inner.start,
          inner.stop!,
          `!(${source.slice(inner.start.start, inner.stop!.stop + 1)})`
        )
      );
    } else if (t instanceof ReturnStatementContext) {
      const value = t.expression();
      const text = value?.getText().toLowerCase();
      if (value && (text === 'true' || text === 'false')) {
        sites.push(
          span('flip-returned-boolean', source, t, value.start, value.stop!, text === 'true' ? 'false' : 'true')
        );
      }
    }
    for (const c of t.children ?? []) visit(c);
  };
  visit(root);
  return sites.sort((a, b) => a.start - b.start);
}

export function applySite(source: string, site: Site): string {
  if (source.slice(site.start, site.end) !== site.original) {
    throw new Error(`the source changed: expected "${site.original}" at line ${site.line}`);
  }
  return source.slice(0, site.start) + site.replacement + source.slice(site.end);
}

export function describeSite(site: Site): string {
  const shown = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}...` : s).replace(/\s+/g, ' ');
  switch (site.kind) {
    case 'negate-comparison':
      return `line ${site.line}: comparison ${site.original} -> ${site.replacement}`;
    case 'remove-dml':
      return `line ${site.line}: DML removed: ${shown(site.original)}`;
    case 'remove-call':
      return `line ${site.line}: call removed: ${shown(site.original)}`;
    case 'negate-if':
      return `line ${site.line}: if condition negated: ${shown(site.original)}`;
    case 'flip-returned-boolean':
      return `line ${site.line}: return ${site.original} -> return ${site.replacement}`;
  }
}
