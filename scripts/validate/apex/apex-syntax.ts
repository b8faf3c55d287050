import { createRequire } from 'node:module';
import { runCommand } from '../../lib/run-command';
import { apexPluginPath } from './prettier-worker';

/** One syntax error of an Apex file, as Salesforce's own parser (jorje) reports it. */
export interface ApexSyntaxError {
  /** 1-based line of the token where the parser gave up; the mistake itself may sit just before it. */
  line: number | undefined;
  message: string;
}

/** The key of jorje's parser output in the serializer's JSON. */
const PARSER_OUTPUT = 'apex.jorje.semantic.compiler.parser.ParserOutput';

/**
 * The syntax errors of an Apex source, with their lines. prettier-plugin-apex throws only the messages of jorje's
 * errors and drops their locations, so for a file Prettier could not parse this asks the same native parser binary
 * (shipped with the plugin) again. Returns an empty list when the source parses or the binary is not available on
 * this platform.
 */
export async function findSyntaxErrors(source: string): Promise<ApexSyntaxError[]> {
  const serializer = nativeSerializerPath();
  if (!serializer) {
    return [];
  }
  const result = await runCommand(serializer, [], { input: source });
  let output: unknown;
  try {
    output = JSON.parse(result.stdout);
  } catch {
    return [];
  }
  const parseErrors = field(field(output, PARSER_OUTPUT), 'parseErrors');
  if (!Array.isArray(parseErrors)) {
    return [];
  }
  const found = new Map<string, ApexSyntaxError>();
  for (const parseError of parseErrors) {
    const message = field(parseError, 'message');
    const reportedLine = firstLine(parseError);
    const syntaxError = {
      line: isMissingToken(parseError) ? lineBeforeToken(source, reportedLine, firstColumn(parseError)) : reportedLine,
      message: typeof message === 'string' ? message.replace(/\.$/, '') : 'the Apex parser rejected this file'
    };
    // jorje may report the same error more than once while it recovers.
    found.set(`${syntaxError.line}:${syntaxError.message}`, syntaxError);
  }
  return [...found.values()];
}

/** jorje's "Missing ';' at 'x'": the token is missing at the end of what precedes `x`, not where `x` sits. */
function isMissingToken(parseError: unknown): boolean {
  const message = field(parseError, 'message');
  return typeof message === 'string' && /^Missing '/.test(message);
}

/**
 * The line of the last code before the token at `line`:`column` (1-based): the line where a missing `;` or `)`
 * belongs. Blank lines and `//` comment tails are passed over. Falls back to `line`.
 */
function lineBeforeToken(source: string, line: number | undefined, column: number | undefined): number | undefined {
  if (line === undefined || column === undefined) {
    return line;
  }
  const lines = source.split(/\r?\n/);
  const beforeToken = (lines[line - 1] ?? '').slice(0, column - 1).replace(/\/\/.*$/, '');
  if (beforeToken.trim() !== '') {
    return line;
  }
  for (let index = line - 2; index >= 0; index--) {
    const code = lines[index].replace(/\/\/.*$/, '').trim();
    if (code !== '' && !code.startsWith('*') && !code.endsWith('*/')) {
      return index + 1;
    }
  }
  return line;
}

/** Whether this platform has the native parser, i.e. whether a syntax verdict is possible at all. */
export function nativeParserAvailable(): boolean {
  return nativeSerializerPath() !== undefined;
}

/** The plugin's per-platform parser binary (`@prettier-apex/apex-ast-serializer-<platform>-<arch>`), if installed. */
function nativeSerializerPath(): string | undefined {
  const platform = `${process.platform}-${process.arch}`;
  const executable = `apex-ast-serializer-${platform}${process.platform === 'win32' ? '.exe' : ''}`;
  try {
    return createRequire(apexPluginPath()).resolve(`@prettier-apex/apex-ast-serializer-${platform}/${executable}`);
  } catch {
    return undefined;
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function firstColumn(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const column = field(field(value, 'loc'), 'column');
  if (typeof column === 'number') {
    return column;
  }
  for (const child of Object.values(value)) {
    const found = firstColumn(child);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

/** jorje nests the location (`loc: {line, column, ...}`) at a depth that depends on the kind of error. */
function firstLine(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const line = field(field(value, 'loc'), 'line');
  if (typeof line === 'number') {
    return line;
  }
  for (const child of Object.values(value)) {
    const found = firstLine(child);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}
