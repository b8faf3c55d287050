import type { GateReport } from '../gate';
import { basisOf } from '../core/types';
import { oneLine } from './text';

/**
 * `--format sarif`: SARIF 2.1.0, as GitHub code scanning (`github/codeql-action/upload-sarif`) and the SARIF viewers
 * of VS Code read it. One rule per check (`tool.driver.rules`, with the check's title and basis); one result per
 * finding with `ruleId`, `level` (error/warning), the message, and a physical location relative to the project root
 * (`%SRCROOT%`), with the line when the check knows it.
 */
export function formatSarif(report: GateReport, toolVersion: string): string {
  const rules = report.checks.map((check) => ({
    id: check.id,
    name: check.id,
    shortDescription: { text: check.title },
    properties: { basis: check.basis }
  }));
  const results = report.checks.flatMap((check) =>
    check.problems.map((problem) => ({
      ruleId: check.id,
      ruleIndex: rules.findIndex((rule) => rule.id === check.id),
      level: problem.severity,
      message: { text: oneLine(problem.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(problem.file === '.' ? '' : problem.file), uriBaseId: '%SRCROOT%' },
            ...(problem.line ? { region: { startLine: problem.line } } : {})
          }
        }
      ],
      properties: { basis: basisOf(problem, check) }
    }))
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sfdx-offline-gate',
            version: toolVersion,
            rules
          }
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileUri(report.root)}/` } },
        results,
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.checks
              .filter((check) => check.skipped)
              .map((check) => ({ level: 'note', message: { text: `${check.id} skipped (${check.skipped})` } }))
          }
        ]
      }
    ]
  };
  return JSON.stringify(log, null, 2);
}

function pathToFileUri(path: string): string {
  return `file://${encodeURI(
    path
      .split('\\')
      .join('/')
      .replace(/^([A-Za-z]):/, '/$1:')
  )}`;
}
