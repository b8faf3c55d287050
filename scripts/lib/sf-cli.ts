import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './cli';
import { CommandResult, runCommand } from './run-command';

/** What an `sf ... --json` run said: its result, or its error. */
export type SfOutcome =
  { ok: true; result: unknown; warnings: string[] } | { ok: false; name: string; message: string; result: unknown };

/** Runs one sf CLI command with --json and reads its answer. */
export type SfRunner = (args: string[]) => Promise<SfOutcome>;

/**
 * The project's own sf CLI on the project's Node 22 (what `npx sf` runs), started without a shell. Taking both from
 * node_modules keeps the scripts independent of the PATH and of the system Node, which is too old for the sf CLI.
 */
export function projectSfRunner(projectRoot: string): SfRunner {
  const cliEntry = join(projectRoot, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');
  const projectNode = join(projectRoot, 'node_modules', '.bin', 'node');
  return async (args) => {
    if (!existsSync(cliEntry)) {
      throw new UsageError(`The sf CLI is not installed in ${projectRoot}: run npm ci first.`);
    }
    const node = existsSync(projectNode) ? projectNode : process.execPath;
    const result = await runCommand(node, [cliEntry, ...args, '--json'], {
      cwd: projectRoot,
      env: { ...process.env, SF_AUTOUPDATE_DISABLE: 'true', FORCE_COLOR: '0' }
    });
    return parseSfJson(result);
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the JSON the sf CLI prints with --json. Success is `status` 0; a failed command prints `name` and `message`;
 * a deploy or test run that finished with failures prints a non-zero `status` and its `result`. Anything that is not
 * JSON (a crash before the CLI started) becomes a failure with the first line of what it printed.
 */
export function parseSfJson(command: CommandResult): SfOutcome {
  const parsed = parseJsonObject(command.stdout) ?? parseJsonObject(command.stderr);
  if (parsed === undefined) {
    const text = `${command.stderr}\n${command.stdout}`.split('\n').find((line) => line.trim() !== '');
    return {
      ok: false,
      name: 'SfCliError',
      message: `the sf CLI ended with exit code ${command.code} and printed no JSON${text ? `: ${text.trim()}` : ''}`,
      result: undefined
    };
  }
  const warnings = Array.isArray(parsed.warnings) ? parsed.warnings.map(String) : [];
  if (parsed.status === 0 && command.code === 0) {
    return { ok: true, result: parsed.result, warnings };
  }
  return {
    ok: false,
    name: typeof parsed.name === 'string' ? parsed.name : 'SfCliError',
    message:
      typeof parsed.message === 'string' ? parsed.message : `the command ended with status ${String(parsed.status)}`,
    result: parsed.result
  };
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const start = text.indexOf('{');
  if (start < 0) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text.slice(start));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function asList(value: unknown): Record<string, unknown>[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.filter(isRecord);
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * The problems of a failed deploy or validation, one line each: component errors with file and line, failed Apex
 * tests, and coverage warnings. At most `limit` lines, then a count of the rest.
 */
export function describeDeployProblems(result: unknown, limit = 25): string[] {
  if (!isRecord(result)) {
    return [];
  }
  const details = isRecord(result.details) ? result.details : {};
  const lines: string[] = [];
  for (const failure of asList(details.componentFailures)) {
    const file = text(failure.fileName);
    const line = text(failure.lineNumber);
    const where = file ? ` (${file}${line ? `:${line}` : ''})` : '';
    lines.push(`${text(failure.componentType)} ${text(failure.fullName)}: ${text(failure.problem)}${where}`.trim());
  }
  const tests = isRecord(details.runTestResult) ? details.runTestResult : {};
  for (const failure of asList(tests.failures)) {
    lines.push(`test ${text(failure.name)}.${text(failure.methodName)} failed: ${text(failure.message)}`);
  }
  for (const warning of asList(tests.codeCoverageWarnings)) {
    const name = text(warning.name);
    lines.push(`coverage${name ? ` ${name}` : ''}: ${text(warning.message)}`);
  }
  if (lines.length === 0) {
    // Without details, a file list with states is what the CLI gives (e.g. a conversion problem).
    for (const file of asList(result.files).filter((entry) => entry.state === 'Failed')) {
      lines.push(`${text(file.type)} ${text(file.fullName)}: ${text(file.error)} (${text(file.filePath)})`);
    }
  }
  return lines.length > limit ? [...lines.slice(0, limit), `… and ${lines.length - limit} more`] : lines;
}

/** The number of components a successful deploy reported. */
export function deployedComponentCount(result: unknown): number | undefined {
  if (!isRecord(result)) {
    return undefined;
  }
  const files = Array.isArray(result.files) ? result.files : undefined;
  if (typeof result.numberComponentsDeployed === 'number') {
    return result.numberComponentsDeployed;
  }
  return files?.length;
}
