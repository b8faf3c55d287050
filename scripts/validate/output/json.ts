import type { GateReport } from '../gate';
import { basisOf } from '../core/types';

/**
 * `--format json`: one document on stdout with the verdict, each check's row and every finding (with its basis).
 * Progress goes to stderr, so stdout parses as it is.
 */
export function formatJson(report: GateReport): string {
  return JSON.stringify(
    {
      passed: report.errorCount === 0,
      deployOnly: report.deployOnly,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      seconds: round(report.seconds),
      checks: report.checks.map((check) => ({
        id: check.id,
        title: check.title,
        basis: check.basis,
        ...(check.skipped ? { skipped: check.skipped } : {}),
        filesSeen: check.filesSeen,
        errors: check.problems.filter((problem) => problem.severity === 'error').length,
        warnings: check.problems.filter((problem) => problem.severity === 'warning').length,
        seconds: round(check.seconds)
      })),
      problems: report.checks.flatMap((check) =>
        check.problems.map((problem) => ({
          check: check.id,
          basis: basisOf(problem, check),
          severity: problem.severity,
          file: problem.file,
          ...(problem.line ? { line: problem.line } : {}),
          message: problem.message
        }))
      )
    },
    null,
    2
  );
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}
