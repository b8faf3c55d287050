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
