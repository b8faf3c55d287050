import { parse, scan } from '@flow-scanner/lightning-flow-scanner-core';
import { CheckOutcome, error, Problem, warning } from '../../core/types';
import { Project } from '../../core/project';

/**
 * The rule selection of lightning-flow-scanner, with what a violation means for this project.
 * Errors are mistakes that break orgs at volume or hide failures; warnings are style and maintainability.
 * Rules left out: AutoLayout and FlowName (layout and naming taste, not correctness), DuplicateDMLOperation and
 * CopyAPIName (screen flows and Flow Builder copy artefacts; this project has none but would not fail for them),
 * MissingMetadataDescription (a beta rule in 6.6.0; the conventions check covers descriptions).
 */
export const FLOW_RULES: Record<string, 'error' | 'warning'> = {
  // Governor limits: a DML, query or action per loop iteration fails once a flow sees a few hundred records.
  DMLStatementInLoop: 'error',
  SOQLQueryInLoop: 'error',
  ActionCallsInLoop: 'error',
  // A DML or action without a fault path fails the whole transaction with an unhelpful message.
  MissingFaultPath: 'error',
  // Ids and instance URLs differ between orgs: the flow breaks on the next deploy.
  HardcodedId: 'error',
  HardcodedUrl: 'error',
  // System mode without sharing must be a decision, not a default.
  UnsafeRunningContext: 'error',
  // An after-save flow updating its own record re-runs every after-save automation on it.
  RecursiveAfterUpdate: 'error',
  // Field updates on the triggering record belong in a before-save flow (no extra DML).
  SameRecordFieldUpdates: 'error',
  // A deployed flow that is not active does nothing, silently.
  InactiveFlow: 'error',
  // Process Builder is retired.
  ProcessBuilder: 'error',
  // Elements nobody can reach are dead code that misleads the next admin.
  UnconnectedElement: 'error',
  // Every flow says what it does.
  FlowDescription: 'error',
  // Old API versions run with old, different runtime behaviour.
  APIVersion: 'warning',
  UnusedVariable: 'warning',
  MissingNullHandler: 'warning',
  GetRecordAllFields: 'warning',
  CyclomaticComplexity: 'warning',
  // Two record-triggered flows on one object without an explicit order run in an undefined order.
  TriggerOrder: 'warning'
};

/** The scanner's own line numbers refer to its re-serialised XML; find the element's line in the real file instead. */
function lineOfElement(text: string, name: string): number | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`<(name|apiVersion|description|label)>${escaped}</\\1>`).exec(text);
  return match ? text.slice(0, match.index).split('\n').length : undefined;
}

function relativeTo(project: Project, path: string): string {
  return path.startsWith(project.root) ? path.slice(project.root.length + 1) : path;
}

/** The flow-scanner check's run (see checks/flow-scanner.ts): loaded only when the check runs. */
export async function runFlowScanner(project: Project): Promise<CheckOutcome> {
  const files = project.packageFilesEndingWith('.flow-meta.xml');
  if (files.length === 0) {
    return { filesSeen: 0, problems: [] };
  }
  const problems: Problem[] = [];
  const parsed = await parse(files.map((file) => project.abs(file)));
  for (const flow of parsed) {
    if (flow.errorMessage || !flow.flow) {
      problems.push(
        error(
          relativeTo(project, flow.uri),
          `the flow scanner cannot parse this flow: ${flow.errorMessage ?? 'unknown error'}`
        )
      );
    }
  }
  const rules = Object.fromEntries(Object.keys(FLOW_RULES).map((rule) => [rule, {}]));
  for (const result of scan(parsed, { rules })) {
    const file = relativeTo(project, result.flow.fsPath ?? '');
    for (const rule of result.ruleResults) {
      if (rule.errorMessage) {
        problems.push(error(file, `flow scanner rule ${rule.ruleName} could not run: ${rule.errorMessage}`));
      }
      if (!rule.occurs) {
        continue;
      }
      const severity = FLOW_RULES[rule.ruleName] ?? 'warning';
      for (const violation of rule.details) {
        const line = lineOfElement(project.read(file), violation.name);
        const message = `${rule.ruleName}: ${rule.ruleDefinition.description.trim()} (element "${violation.name}")`;
        problems.push(severity === 'error' ? error(file, message, line) : warning(file, message, line));
      }
    }
  }
  return { filesSeen: files.length, problems };
}
