import { performance } from 'node:perf_hooks';
import { Project } from './core/project';
import { Check, CheckOutcome, Problem } from './core/types';

/** One check's row of the summary. */
export interface CheckReport extends CheckOutcome {
  id: string;
  title: string;
  seconds: number;
}

/** The whole gate's result. */
export interface GateReport {
  checks: CheckReport[];
  seconds: number;
  errorCount: number;
  warningCount: number;
}

/**
 * Runs the given checks over the project at `root`, all at once (the slow ones are child processes), and
 * collects their outcomes. A check that throws is reported as one error of that check, never as a crash of the gate.
 */
export async function runGate(root: string, checks: Check[]): Promise<GateReport> {
  const project = new Project(root);
  const started = performance.now();
  const reports = await Promise.all(checks.map((check) => runOne(check, project)));
  const problems = reports.flatMap((report) => report.problems);
  return {
    checks: reports,
    seconds: (performance.now() - started) / 1000,
    errorCount: problems.filter((problem) => problem.severity === 'error').length,
    warningCount: problems.filter((problem) => problem.severity === 'warning').length
  };
}

async function runOne(check: Check, project: Project): Promise<CheckReport> {
  const started = performance.now();
  let outcome: CheckOutcome;
  try {
    outcome = await check.run(project);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    outcome = {
      filesSeen: 0,
      problems: [{ file: '.', message: `check failed to run: ${message}`, severity: 'error' }]
    };
  }
  return {
    id: check.id,
    title: check.title,
    seconds: (performance.now() - started) / 1000,
    filesSeen: outcome.filesSeen,
    problems: sortProblems(outcome.problems)
  };
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** The summary table and the problem list, as printed by `npm run validate`. */
export function formatReport(report: GateReport): string {
  const header = ['check', 'files', 'errors', 'warnings', 'seconds'];
  const rows = report.checks.map((check) => [
    check.id,
    String(check.filesSeen),
    String(check.problems.filter((problem) => problem.severity === 'error').length),
    String(check.problems.filter((problem) => problem.severity === 'warning').length),
    check.seconds.toFixed(2)
  ]);
  rows.push(['total (wall)', '', String(report.errorCount), String(report.warningCount), report.seconds.toFixed(2)]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const formatRow = (row: string[]): string =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  const lines = [formatRow(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(formatRow)];

  const problems = report.checks.flatMap((check) => check.problems.map((problem) => ({ check: check.id, problem })));
  if (problems.length > 0) {
    lines.push('');
    for (const { check, problem } of problems) {
      const location = problem.line ? `${problem.file}:${problem.line}` : problem.file;
      lines.push(`${location}: ${problem.severity} [${check}] ${problem.message}`);
    }
  }
  lines.push('');
  lines.push(
    report.errorCount === 0
      ? `validate: passed (${report.warningCount} warnings) in ${report.seconds.toFixed(1)} s`
      : `validate: FAILED with ${report.errorCount} errors and ${report.warningCount} warnings`
  );
  return lines.join('\n');
}
