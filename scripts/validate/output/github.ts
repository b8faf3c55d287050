import type { GateReport } from '../gate';
import { orderedProblems } from './text';

/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`), printed when GITHUB_ACTIONS=true so
 * each finding shows on the pull request's diff. Values are escaped as the Actions toolkit does (`%`, CR, LF, and in
 * properties also `:` and `,`).
 */
export function formatGithubAnnotations(report: GateReport): string {
  return orderedProblems(report)
    .map(({ check, problem }) => {
      const properties = [`file=${escapeProperty(problem.file)}`];
      if (problem.line) {
        properties.push(`line=${problem.line}`);
      }
      properties.push(`title=${escapeProperty(`validate ${check.id}`)}`);
      return `::${problem.severity} ${properties.join(',')}::${escapeData(problem.message)}`;
    })
    .join('\n');
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
