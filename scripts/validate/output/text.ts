import type { CheckReport, GateReport } from '../gate';
import { basisOf, Problem } from '../core/types';

/** `1 error`, `2 errors`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const BASIS_LABEL = { 'deploy-fact': 'deploy fact', 'house-policy': 'house policy' } as const;

/**
 * The summary table (check, basis, files, errors, warnings, seconds; a skipped check says why), then every problem as
 * `path:line: severity [check] message` with all errors before all warnings, then the verdict.
 */
export function formatText(report: GateReport): string {
  const header = ['check', 'basis', 'files', 'errors', 'warnings', 'seconds'];
  const rows = report.checks.map((check) =>
    check.skipped
      ? [check.id, BASIS_LABEL[check.basis], '', '', '', `skipped (${check.skipped})`]
      : [
          check.id,
          BASIS_LABEL[check.basis],
          String(check.filesSeen),
          String(count(check, 'error')),
          String(count(check, 'warning')),
          check.seconds.toFixed(2)
        ]
  );
  rows.push([
    'total (wall)',
    '',
    '',
    String(report.errorCount),
    String(report.warningCount),
    report.seconds.toFixed(2)
  ]);
  const widths = header.map((title, column) =>
    Math.max(
      title.length,
      ...rows.filter((row) => column <= 1 || !row[5].startsWith('skipped')).map((row) => row[column].length)
    )
  );
  const formatRow = (row: string[]): string =>
    row
      .map((cell, column) => (column <= 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ')
      .trimEnd();
  const lines = [formatRow(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(formatRow)];

  const listed = orderedProblems(report);
  if (listed.length > 0) {
    lines.push('');
    for (const { check, problem } of listed) {
      lines.push(`${location(problem)}: ${problem.severity} [${check.id}] ${oneLine(problem.message)}`);
    }
  }
  lines.push('');
  lines.push(verdict(report));
  return lines.join('\n');
}

/** Every problem with its check: all errors first, each group in check order, then by file and line. */
export function orderedProblems(report: GateReport): Array<{ check: CheckReport; problem: Problem }> {
  const all = report.checks.flatMap((check) => check.problems.map((problem) => ({ check, problem })));
  return [
    ...all.filter((entry) => entry.problem.severity === 'error'),
    ...all.filter((entry) => entry.problem.severity === 'warning')
  ];
}

export function location(problem: Problem): string {
  return problem.line ? `${problem.file}:${problem.line}` : problem.file;
}

/** A finding is printed on one line: a tool's multi-line message is joined with " / ". */
export function oneLine(message: string): string {
  return message
    .split(/\r?\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' / ');
}

export function verdict(report: GateReport): string {
  const scope = report.deployOnly ? ' (deploy facts only)' : '';
  const skipped = report.checks.filter((check) => check.skipped).length;
  const skippedNote = skipped > 0 ? `, ${plural(skipped, 'check')} skipped` : '';
  return report.errorCount === 0
    ? `validate${scope}: passed (${plural(report.warningCount, 'warning')}${skippedNote}) in ${report.seconds.toFixed(1)} s`
    : `validate${scope}: FAILED with ${plural(report.errorCount, 'error')} and ${plural(report.warningCount, 'warning')}${skippedNote}`;
}

/** The basis of one problem of a check, as printed in the machine formats. */
export function problemBasis(check: CheckReport, problem: Problem): string {
  return basisOf(problem, check);
}

function count(check: CheckReport, severity: Problem['severity']): number {
  return check.problems.filter((problem) => problem.severity === severity).length;
}
