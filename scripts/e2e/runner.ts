import { UsageError } from '../lib/cli';
import { formatDuration, Output } from '../lib/progress';
import { Clock, WaitTimeoutError } from '../lib/wait-for';
import { CheckContext, Cleanup, E2eCheck } from './context';
import { CheckFailure } from './expect';

export interface CheckResult {
  check: E2eCheck;
  passed: boolean;
  durationMs: number;
  failure?: { what: string; expected: string; seen: string };
  /** Records the check made and could not delete. */
  leftovers: string[];
}

/** Any error of a check as what was expected and what was seen. */
export function describeFailure(cause: unknown): { what: string; expected: string; seen: string } {
  if (cause instanceof CheckFailure) {
    return { what: cause.what, expected: cause.expected, seen: cause.seen };
  }
  if (cause instanceof WaitTimeoutError) {
    return { what: cause.awaited, expected: `within ${Math.round(cause.waitedMs / 1000)} s`, seen: cause.lastSeen };
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  return { what: 'the check', expected: 'no error', seen: message.split('\n').join(' / ') };
}

/**
 * Runs the checks one after the other, each with its own cleanup, which runs whatever happened. Prints a line when a
 * check starts and its verdict when it ends: PASS, or FAIL with what it expected and what it saw.
 */
export async function runChecks(
  checks: readonly E2eCheck[],
  contextFor: (cleanup: Cleanup) => CheckContext,
  output: Output,
  clock: Clock
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const [index, check] of checks.entries()) {
    output.write(`[${index + 1}/${checks.length}] ${check.id}: ${check.title}...\n`);
    const cleanup = new Cleanup();
    const started = clock.now();
    let failure: CheckResult['failure'];
    try {
      await check.run(contextFor(cleanup));
    } catch (cause) {
      failure = describeFailure(cause);
    }
    const leftovers = await cleanup.runAll();
    const result: CheckResult = {
      check,
      passed: failure === undefined,
      durationMs: clock.now() - started,
      failure,
      leftovers
    };
    results.push(result);
    for (const line of formatCheckResult(result)) {
      (result.passed && leftovers.length === 0 ? output.write : output.error)(`${line}\n`);
    }
  }
  return results;
}

export function formatCheckResult(result: CheckResult): string[] {
  const lines = [
    `      ${result.passed ? 'PASS' : 'FAIL'} in ${formatDuration(result.durationMs)}: ${result.check.proves}`
  ];
  if (result.failure !== undefined) {
    lines.push(`      ${result.failure.what}`);
    lines.push(`        expected: ${result.failure.expected}`);
    lines.push(`        seen:     ${result.failure.seen}`);
  }
  for (const leftover of result.leftovers) {
    lines.push(`      cleanup: ${leftover}`);
  }
  return lines;
}

/** The closing line, and whether the run succeeded (every check passed and cleaned up). */
export function summarize(results: readonly CheckResult[]): { ok: boolean; line: string } {
  const passed = results.filter((result) => result.passed).length;
  const failed = results.length - passed;
  const leftovers = results.reduce((count, result) => count + result.leftovers.length, 0);
  const line =
    `${passed} passed, ${failed} failed` +
    (leftovers > 0 ? `; ${leftovers} record(s) could not be cleaned up` : '') +
    (failed > 0
      ? `: ${results
          .filter((result) => !result.passed)
          .map((result) => result.check.id)
          .join(', ')}`
      : '');
  return { ok: failed === 0 && leftovers === 0, line };
}

/** Eight characters, unique enough per run, short enough for SF_Account_No__c (Text(20)) and names. */
export function makeRunTag(now: number, random: () => number): string {
  const time = (now % 36 ** 5).toString(36).padStart(5, '0');
  const suffix = Array.from({ length: 3 }, () => random().toString(36)).join('');
  return `${time}${suffix}`.toUpperCase();
}

/** The checks to run: all, or those named by --only in any letter case (an unknown name is a usage error). */
export function selectChecks(only: readonly string[], checks: readonly E2eCheck[]): readonly E2eCheck[] {
  const wanted = only.map((id) => id.toLowerCase());
  const unknown = only.filter((id) => !checks.some((check) => check.id.toLowerCase() === id.toLowerCase()));
  if (unknown.length > 0) {
    throw new UsageError(`unknown check: ${unknown.join(', ')} (known: ${checks.map((check) => check.id).join(', ')})`);
  }
  return only.length === 0 ? checks : checks.filter((check) => wanted.includes(check.id.toLowerCase()));
}

/** `--list`: each check's id and title, and the data flow or contract it proves below them. */
export function formatCheckList(checks: readonly E2eCheck[]): string {
  return checks.map((check) => `${check.id}: ${check.title}\n    ${check.proves}`).join('\n');
}
