import { existsSync, readdirSync } from 'node:fs';
import { UsageError } from '../lib/cli';
import { CommandFailure, CommandSuccess } from '../lib/command';
import { Output } from '../lib/progress';
import { SfRunner } from '../lib/sf-cli';

/** The verdict on an Apex test run: passed or not, and the lines that say why. */
export interface ApexRunVerdict {
  ok: boolean;
  lines: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** "91%" or 91 as a number; undefined when the run reported no coverage. */
export function percentOf(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseFloat(value) : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
}

/**
 * Reads the JSON result of `sf apex run test --code-coverage` and fails on a failed test or on org-wide coverage
 * below the minimum (in a scratch org all Apex is the project's, so org-wide is the project's coverage). Lists the
 * failed tests and the classes with the lowest coverage under the minimum.
 */
export function evaluateApexRun(result: unknown, minCoverage: number): ApexRunVerdict {
  if (!isRecord(result) || !isRecord(result.summary)) {
    return { ok: false, lines: ['The test run reported no summary: did it start?'] };
  }
  const summary = result.summary;
  const lines = [
    `${String(summary.testsRan ?? '?')} tests ran: ${String(summary.passing ?? '?')} passed, ${String(summary.failing ?? '?')} failed (outcome ${String(summary.outcome ?? '?')}).`
  ];
  const failed = records(result.tests).filter((test) => test.Outcome === 'Fail' || test.Outcome === 'CompileFail');
  for (const test of failed) {
    lines.push(`  failed: ${String(test.FullName ?? test.MethodName)}: ${String(test.Message ?? '').split('\n')[0]}`);
  }
  const coverage = percentOf(summary.orgWideCoverage) ?? percentOf(summary.testRunCoverage);
  const coverageOk = coverage !== undefined && coverage >= minCoverage;
  lines.push(
    coverage === undefined
      ? `No coverage was reported (was --code-coverage given?); at least ${minCoverage}% is required.`
      : `Org-wide Apex coverage ${coverage}% (at least ${minCoverage}% required)${coverageOk ? '.' : ': too low.'}`
  );
  if (!coverageOk && isRecord(result.coverage)) {
    const low = records(result.coverage.coverage)
      .map((entry) => ({ name: String(entry.name), percent: percentOf(entry.coveredPercent) ?? 0 }))
      .filter((entry) => entry.percent < minCoverage)
      .sort((left, right) => left.percent - right.percent)
      .slice(0, 10);
    for (const entry of low) {
      lines.push(`  ${entry.name}: ${entry.percent}%`);
    }
  }
  const testsOk = failed.length === 0 && Number(summary.failing ?? 0) === 0 && summary.outcome !== 'Failed';
  return { ok: testsOk && coverageOk, lines };
}

/**
 * The `sf apex run test` call: the local tests, with coverage, as JSON; with `--output-dir` the sf CLI itself writes
 * its report files there (plugin-apex's TestReporter: `test-result-<run id>-junit.xml`, `test-result-<run id>.json`,
 * `test-result-codecoverage.json`, `test-result-<run id>-codecoverage.json` and `test-run-id.txt`).
 */
export function apexTestArgs(targetOrg: string, waitMinutes: number, outputDir: string | undefined): string[] {
  return [
    'apex',
    'run',
    'test',
    '--target-org',
    targetOrg,
    '--test-level',
    'RunLocalTests',
    '--code-coverage',
    '--result-format',
    'json',
    '--wait',
    String(waitMinutes),
    ...(outputDir === undefined ? [] : ['--output-dir', outputDir])
  ];
}

/** The report files found in the output directory: JUnit XML and coverage JSON, and everything there. */
export function reportFiles(outputDir: string): { junit: string[]; coverage: string[]; all: string[] } {
  const all = existsSync(outputDir) ? readdirSync(outputDir).sort() : [];
  return {
    junit: all.filter((file) => /^test-result-.+-junit\.xml$/.test(file)),
    coverage: all.filter((file) => /^test-result-(.+-)?codecoverage\.json$/.test(file)),
    all
  };
}

/** The notice for the old npm script name (npm sets npm_lifecycle_event to the script's name). */
export function deprecationNotice(scriptName: string | undefined): string | undefined {
  return scriptName === 'org:test:apex'
    ? 'npm run org:test:apex is deprecated and will be removed in the next release: use npm run test:apex:org.'
    : undefined;
}

export interface OrgApexTestOptions {
  targetOrg: string;
  minCoverage: number;
  waitMinutes: number;
  outputDir?: string;
  /** The deprecation notice of the old script name, passed on as a JSON warning. */
  notice?: string;
}

/**
 * test:apex:org: runs the local tests through the sf CLI, judges the run, and with an output directory checks that
 * the sf CLI wrote its JUnit and coverage files there (a run without them fails: CI would upload nothing).
 */
export async function runOrgApexTests(
  options: OrgApexTestOptions,
  deps: { sf: SfRunner; connect(targetOrg: string): Promise<void> },
  output: Output
): Promise<CommandSuccess> {
  const { targetOrg, minCoverage, outputDir } = options;
  await deps.connect(targetOrg);
  output.write(`Running the local Apex tests in ${targetOrg} with code coverage...\n`);
  const outcome = await deps.sf(apexTestArgs(targetOrg, options.waitMinutes, outputDir));
  // A run with failed tests ends non-zero but still carries its result.
  const result = outcome.result;
  if (!outcome.ok && result === undefined) {
    throw new UsageError(`The Apex tests could not run in ${targetOrg}: ${outcome.message}`);
  }
  const verdict = evaluateApexRun(result, minCoverage);
  const files = outputDir === undefined ? undefined : reportFiles(outputDir);
  const filesOk = files === undefined || (files.junit.length > 0 && files.coverage.length > 0);
  const lines = [...verdict.lines];
  if (files !== undefined) {
    lines.push(
      filesOk
        ? `Reports in ${outputDir}: ${[...files.junit, ...files.coverage].join(', ')}.`
        : `sf apex run test wrote no JUnit or coverage file to ${outputDir} (found: ${files.all.join(', ') || 'nothing'}).`
    );
  }
  const answer = {
    targetOrg,
    minCoverage,
    passed: verdict.ok && filesOk,
    summary: lines,
    outputDir,
    files,
    run: result
  };
  if (!verdict.ok || !filesOk) {
    throw new CommandFailure(lines[0], { name: 'ApexTestsFailed', details: lines.slice(1), result: answer });
  }
  return { result: answer, warnings: options.notice === undefined ? [] : [options.notice], human: lines.join('\n') };
}
