/**
 * A small parser for Salesforce formulas (formula fields, validation rules, flow formulas and filter formulas): it
 * finds the field names a formula uses, the syntax errors the formula compiler reports, the functions called with the
 * wrong number of arguments, and the result type where it can be decided. It is conservative: what it cannot decide
 * is `Unknown`, and grammar it does not understand is a warning, never an error.
 */

export type FormulaType = 'Boolean' | 'Number' | 'Text' | 'Date' | 'DateTime' | 'Time' | 'Unknown';

export interface FormulaIssue {
  offset: number;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
}

/** A field name in the formula, e.g. `Account__r.Name` (not `$User.Id`, which is a global). */
export interface FieldReference {
  path: string;
  offset: number;
  /** A flow merge field `{!$Record.Status}`: its path is what the braces hold (`$Record.Status`). */
  merge?: boolean;
}

type Node =
  | { kind: 'literal'; type: FormulaType }
  | { kind: 'field'; path: string; offset: number }
  | { kind: 'merge'; path: string; offset: number }
  | { kind: 'call'; name: string; args: Node[]; offset: number }
  | { kind: 'binary'; operator: string; left: Node; right: Node }
  | { kind: 'unary'; operator: string; operand: Node };

interface Token {
  kind: 'number' | 'string' | 'name' | 'merge' | 'operator' | '(' | ')' | ',' | 'end';
  text: string;
  offset: number;
}

type Signature = [min: number, max: number, result: FormulaType];
const ANY = Number.POSITIVE_INFINITY;

/**
 * Formula functions (Salesforce Help, "Formula Operators and Functions by Context"): argument counts and result type.
 * IF, CASE, BLANKVALUE and NULLVALUE take the type of their results; `Unknown` results are not compared.
 */
const FUNCTIONS: Record<string, Signature> = {
  // logical
  AND: [1, ANY, 'Boolean'],
  OR: [1, ANY, 'Boolean'],
  NOT: [1, 1, 'Boolean'],
  IF: [3, 3, 'Unknown'],
  CASE: [4, ANY, 'Unknown'],
  ISBLANK: [1, 1, 'Boolean'],
  ISNULL: [1, 1, 'Boolean'],
  ISNUMBER: [1, 1, 'Boolean'],
  ISPICKVAL: [2, 2, 'Boolean'],
  ISCHANGED: [1, 1, 'Boolean'],
  ISNEW: [0, 0, 'Boolean'],
  ISCLONE: [0, 0, 'Boolean'],
  PRIORVALUE: [1, 1, 'Unknown'],
  BLANKVALUE: [2, 2, 'Unknown'],
  NULLVALUE: [2, 2, 'Unknown'],
  INCLUDES: [2, 2, 'Boolean'],
  // text
  BEGINS: [2, 2, 'Boolean'],
  BR: [0, 0, 'Text'],
  CASESAFEID: [1, 1, 'Text'],
  CONTAINS: [2, 2, 'Boolean'],
  FIND: [2, 3, 'Number'],
  GETSESSIONID: [0, 0, 'Text'],
  HTMLENCODE: [1, 1, 'Text'],
  HYPERLINK: [2, 3, 'Text'],
  IMAGE: [2, 4, 'Text'],
  INITCAP: [1, 1, 'Text'],
  JSENCODE: [1, 1, 'Text'],
  JSINHTMLENCODE: [1, 1, 'Text'],
  LEFT: [2, 2, 'Text'],
  LEN: [1, 1, 'Number'],
  LOWER: [1, 2, 'Text'],
  LPAD: [2, 3, 'Text'],
  MID: [3, 3, 'Text'],
  REGEX: [2, 2, 'Boolean'],
  REVERSE: [1, 1, 'Text'],
  RIGHT: [2, 2, 'Text'],
  RPAD: [2, 3, 'Text'],
  SUBSTITUTE: [3, 3, 'Text'],
  TEXT: [1, 1, 'Text'],
  TRIM: [1, 1, 'Text'],
  UPPER: [1, 2, 'Text'],
  URLENCODE: [1, 1, 'Text'],
  VALUE: [1, 1, 'Number'],
  FORMATDURATION: [1, 2, 'Text'],
  // math
  ABS: [1, 1, 'Number'],
  CEILING: [1, 1, 'Number'],
  DISTANCE: [3, 3, 'Number'],
  EXP: [1, 1, 'Number'],
  FLOOR: [1, 1, 'Number'],
  GEOLOCATION: [2, 2, 'Unknown'],
  LN: [1, 1, 'Number'],
  LOG: [1, 1, 'Number'],
  MAX: [1, ANY, 'Unknown'],
  MCEILING: [1, 1, 'Number'],
  MFLOOR: [1, 1, 'Number'],
  MIN: [1, ANY, 'Unknown'],
  MOD: [2, 2, 'Number'],
  ROUND: [2, 2, 'Number'],
  SQRT: [1, 1, 'Number'],
  // date and time
  ADDMONTHS: [2, 2, 'Unknown'],
  DATE: [3, 3, 'Date'],
  DATEVALUE: [1, 1, 'Date'],
  DATETIMEVALUE: [1, 1, 'DateTime'],
  DAY: [1, 1, 'Number'],
  DAYOFYEAR: [1, 1, 'Number'],
  FROMUNIXTIME: [1, 1, 'DateTime'],
  HOUR: [1, 1, 'Number'],
  ISOWEEK: [1, 1, 'Number'],
  ISOYEAR: [1, 1, 'Number'],
  MILLISECOND: [1, 1, 'Number'],
  MINUTE: [1, 1, 'Number'],
  MONTH: [1, 1, 'Number'],
  NOW: [0, 0, 'DateTime'],
  SECOND: [1, 1, 'Number'],
  TIMENOW: [0, 0, 'Time'],
  TIMEVALUE: [1, 1, 'Time'],
  TODAY: [0, 0, 'Date'],
  UNIXTIMESTAMP: [1, 1, 'Number'],
  WEEKDAY: [1, 1, 'Number'],
  YEAR: [1, 1, 'Number'],
  // advanced
  CURRENCYRATE: [1, 1, 'Number'],
  GETRECORDIDS: [1, 1, 'Unknown'],
  IMAGEPROXYURL: [1, 1, 'Text'],
  INCLUDE: [1, 2, 'Unknown'],
  JUNCTIONIDLIST: [1, ANY, 'Unknown'],
  LINKTO: [2, ANY, 'Text'],
  PARENTGROUPVAL: [2, 3, 'Unknown'],
  PREVGROUPVAL: [2, 3, 'Unknown'],
  REQUIRESCRIPT: [1, 1, 'Text'],
  URLFOR: [1, ANY, 'Text'],
  VLOOKUP: [3, 3, 'Unknown']
};

const OPERATORS = ['&&', '||', '==', '!=', '<>', '<=', '>=', '=', '<', '>', '+', '-', '*', '/', '^', '&', '!'];
/** Binding power of binary operators, lowest first. */
const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '=': 3,
  '==': 3,
  '!=': 3,
  '<>': 3,
  '<': 3,
  '>': 3,
  '<=': 3,
  '>=': 3,
  '&': 4,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '^': 6
};

/** Where a field is used: the whole formula, an operand of an operator, or an argument of a function. */
export type FieldUse =
  { kind: 'root' } | { kind: 'operator'; operator: string } | { kind: 'argument'; function: string };

export interface ParsedFormula {
  issues: FormulaIssue[];
  fields: FieldReference[];
  /** Each field name with where it is used, for rules that depend on the field's type (picklists). */
  fieldUses(): Array<FieldReference & { use: FieldUse }>;
  /** The result type, given the types of the fields the formula names (Unknown where not known). */
  resultType(fieldType: (path: string) => FormulaType): FormulaType;
  /** Every function the formula calls (upper case), with its offset. */
  calls(): Array<{ name: string; offset: number }>;
}

export function parseFormula(source: string): ParsedFormula {
  const issues: FormulaIssue[] = [];
  const tokens = tokenize(source, issues);
  const fields: FieldReference[] = [];
  let root: Node | undefined;
  if (!issues.some((issue) => issue.severity === 'error')) {
    const balance = parenthesisIssue(tokens);
    if (balance) {
      issues.push(balance);
    } else {
      const parser = new Parser(tokens, issues, fields);
      root = parser.parseFormula();
    }
  }
  return {
    issues,
    fields,
    fieldUses: () => (root ? usesOf(root, { kind: 'root' }) : []),
    resultType: (fieldType) => (root ? typeOf(root, fieldType) : 'Unknown'),
    calls: () => (root ? callsOf(root) : [])
  };
}

function tokenize(source: string, issues: FormulaIssue[]): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    if (/\s/.test(char)) {
      index++;
    } else if (source.startsWith('/*', index)) {
      const end = source.indexOf('*/', index + 2);
      index = end < 0 ? source.length : end + 2;
    } else if (source.startsWith('{!', index)) {
      const end = source.indexOf('}', index);
      const stop = end < 0 ? source.length : end + 1;
      tokens.push({ kind: 'merge', text: source.slice(index, stop), offset: index });
      index = stop;
    } else if (char === '"' || char === "'") {
      let end = index + 1;
      while (end < source.length && source[end] !== char) {
        end += source[end] === '\\' ? 2 : 1;
      }
      if (end >= source.length) {
        issues.push({
          offset: index,
          severity: 'error',
          rule: 'formula-syntax',
          message: 'Syntax error: a text literal is not closed'
        });
        return [];
      }
      tokens.push({ kind: 'string', text: source.slice(index, end + 1), offset: index });
      index = end + 1;
    } else if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(source[index + 1] ?? ''))) {
      const match = /^[0-9]*\.?[0-9]+/.exec(source.slice(index)) ?? ['0'];
      tokens.push({ kind: 'number', text: match[0], offset: index });
      index += match[0].length;
    } else if (/[A-Za-z_$]/.test(char)) {
      const match = /^[A-Za-z_$][\w$]*(?::[A-Za-z_]\w*)?(?:\.[A-Za-z_$][\w$]*(?::[A-Za-z_]\w*)?)*/.exec(
        source.slice(index)
      ) as RegExpExecArray;
      tokens.push({ kind: 'name', text: match[0], offset: index });
      index += match[0].length;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char, text: char, offset: index });
      index++;
    } else {
      const operator = OPERATORS.find((candidate) => source.startsWith(candidate, index));
      if (!operator) {
        issues.push({
          offset: index,
          severity: 'warning',
          rule: 'formula-syntax',
          message: `the formula has a character this check does not read ('${char}'); it was not checked further`
        });
        return [];
      }
      tokens.push({ kind: 'operator', text: operator, offset: index });
      index += operator.length;
    }
  }
  tokens.push({ kind: 'end', text: '', offset: source.length });
  return tokens;
}

function parenthesisIssue(tokens: Token[]): FormulaIssue | undefined {
  const open: Token[] = [];
  for (const token of tokens) {
    if (token.kind === '(') {
      open.push(token);
    } else if (token.kind === ')' && !open.pop()) {
      return { offset: token.offset, severity: 'error', rule: 'formula-syntax', message: "Syntax error. Extra ')'" };
    }
  }
  return open.length > 0
    ? {
        offset: open[open.length - 1].offset,
        severity: 'error',
        rule: 'formula-syntax',
        message: "Syntax error. Missing ')'"
      }
    : undefined;
}

class Parser {
  private position = 0;
  private failed = false;

  constructor(
    private readonly tokens: Token[],
    private readonly issues: FormulaIssue[],
    private readonly fields: FieldReference[]
  ) {}

  parseFormula(): Node | undefined {
    const node = this.expression(0);
    if (!this.failed && this.peek().kind !== 'end') {
      this.unreadable(this.peek());
    }
    return this.failed ? undefined : node;
  }

  private peek(): Token {
    return this.tokens[this.position];
  }

  private next(): Token {
    return this.tokens[Math.min(this.position++, this.tokens.length - 1)];
  }

  /** Grammar this parser does not follow: a warning, so that a formula the platform accepts is never an error. */
  private unreadable(token: Token): Node {
    if (!this.failed) {
      this.failed = true;
      this.issues.push({
        offset: token.offset,
        severity: 'warning',
        rule: 'formula-syntax',
        message: `the formula could not be read at '${token.text || 'its end'}' (a syntax error, or grammar this check does not know); its fields were checked, its type was not`
      });
    }
    return { kind: 'literal', type: 'Unknown' };
  }

  private expression(minimum: number): Node {
    let left = this.prefix();
    for (;;) {
      const token = this.peek();
      const power = token.kind === 'operator' ? PRECEDENCE[token.text] : undefined;
      if (this.failed || power === undefined || power <= minimum) {
        return left;
      }
      this.next();
      // `^` binds to the right; the others to the left.
      const right = this.expression(token.text === '^' ? power - 1 : power);
      left = { kind: 'binary', operator: token.text, left, right };
    }
  }

  private prefix(): Node {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return { kind: 'literal', type: 'Number' };
      case 'string':
        return { kind: 'literal', type: 'Text' };
      case 'merge':
        return { kind: 'merge', path: token.text.replace(/^\{!|\}$/g, '').trim(), offset: token.offset };
      case '(': {
        const inner = this.expression(0);
        return this.next().kind === ')' ? inner : this.unreadable(this.tokens[this.position - 1]);
      }
      case 'operator':
        if (token.text === '-' || token.text === '+' || token.text === '!') {
          return { kind: 'unary', operator: token.text, operand: this.expression(5) };
        }
        return this.unreadable(token);
      case 'name':
        return this.name(token);
      default:
        return this.unreadable(token);
    }
  }

  private name(token: Token): Node {
    const upper = token.text.toUpperCase();
    if (this.peek().kind === '(') {
      this.next();
      const args: Node[] = [];
      if (this.peek().kind !== ')') {
        for (;;) {
          args.push(this.expression(0));
          if (this.failed || this.peek().kind !== ',') {
            break;
          }
          this.next();
        }
      }
      if (!this.failed && this.next().kind !== ')') {
        return this.unreadable(this.tokens[this.position - 1]);
      }
      this.checkCall(token, args.length);
      return { kind: 'call', name: upper, args, offset: token.offset };
    }
    if (upper === 'TRUE' || upper === 'FALSE') {
      return { kind: 'literal', type: 'Boolean' };
    }
    if (upper === 'NULL') {
      return { kind: 'literal', type: 'Unknown' };
    }
    if (token.text.startsWith('$')) {
      return { kind: 'literal', type: 'Unknown' };
    }
    this.fields.push({ path: token.text, offset: token.offset });
    return { kind: 'field', path: token.text, offset: token.offset };
  }

  private checkCall(token: Token, count: number): void {
    const signature = FUNCTIONS[token.text.toUpperCase()];
    if (!signature) {
      this.issues.push({
        offset: token.offset,
        severity: 'warning',
        rule: 'formula-function',
        message: `${token.text}() is not a formula function this check knows; check its spelling`
      });
      return;
    }
    const [min, max] = signature;
    if (count < min || count > max) {
      const expected = min === max ? `${min}` : max === ANY ? `at least ${min}` : `${min} to ${max}`;
      this.issues.push({
        offset: token.offset,
        severity: 'error',
        rule: 'formula-function',
        message: `Incorrect number of parameters for function '${token.text.toUpperCase()}()'. Expected ${expected}, received ${count}`
      });
    }
  }
}

function typeOf(node: Node, fieldType: (path: string) => FormulaType): FormulaType {
  const of = (child: Node): FormulaType => typeOf(child, fieldType);
  switch (node.kind) {
    case 'literal':
      return node.type;
    case 'merge':
      return 'Unknown';
    case 'field':
      return fieldType(node.path);
    case 'unary':
      return node.operator === '!' ? 'Boolean' : of(node.operand) === 'Number' ? 'Number' : 'Unknown';
    case 'binary': {
      if (['&&', '||', '=', '==', '!=', '<>', '<', '>', '<=', '>='].includes(node.operator)) {
        return 'Boolean';
      }
      if (node.operator === '&') {
        return 'Text';
      }
      const left = of(node.left);
      const right = of(node.right);
      if (left === 'Number' && right === 'Number') {
        return 'Number';
      }
      return node.operator === '+' && left === 'Text' && right === 'Text' ? 'Text' : 'Unknown';
    }
    case 'call': {
      const results =
        node.name === 'IF'
          ? node.args.slice(1)
          : node.name === 'CASE'
            ? node.args.filter((_arg, index) => index > 0 && (index % 2 === 0 || index === node.args.length - 1))
            : node.name === 'BLANKVALUE' || node.name === 'NULLVALUE'
              ? node.args
              : undefined;
      return results ? common(results.map(of)) : (FUNCTIONS[node.name]?.[2] ?? 'Unknown');
    }
  }
}

/** The one known type of a set of branches; Unknown when none is known or they differ. */
function common(types: FormulaType[]): FormulaType {
  const known = [...new Set(types.filter((type) => type !== 'Unknown'))];
  return known.length === 1 ? known[0] : 'Unknown';
}

function usesOf(node: Node, use: FieldUse): Array<FieldReference & { use: FieldUse }> {
  switch (node.kind) {
    case 'field':
      return [{ path: node.path, offset: node.offset, use }];
    case 'merge':
      return [{ path: node.path, offset: node.offset, use, merge: true }];
    case 'unary':
      return usesOf(node.operand, { kind: 'operator', operator: node.operator });
    case 'binary':
      return [node.left, node.right].flatMap((operand) =>
        usesOf(operand, { kind: 'operator', operator: node.operator })
      );
    case 'call':
      return node.args.flatMap((arg) => usesOf(arg, { kind: 'argument', function: node.name }));
    default:
      return [];
  }
}

function callsOf(node: Node): Array<{ name: string; offset: number }> {
  switch (node.kind) {
    case 'call':
      return [{ name: node.name, offset: node.offset }, ...node.args.flatMap(callsOf)];
    case 'unary':
      return callsOf(node.operand);
    case 'binary':
      return [...callsOf(node.left), ...callsOf(node.right)];
    default:
      return [];
  }
}
