import { CommandFailure, CommandIo, CommandSuccess } from '../lib/command';
import { formatSummary, runSteps, Step } from '../lib/progress';
import { projectSfRunner } from '../lib/sf-cli';
import { sfConfigReader } from '../lib/target-org';
import { PROJECT_ROOT } from './options';
import { loginLines, OrgScriptOptions, OrgScriptRun, realDeps } from './steps';

/**
 * org:setup and org:create: runs the steps, and answers with the org, each step's outcome and the org check's
 * findings (the JSON `result`), or fails with the failed step's sentence. `onFailure` adds a closing hint.
 */
export async function runOrgSteps(
  io: CommandIo,
  options: OrgScriptOptions,
  steps: Step<OrgScriptRun>[],
  title: (run: OrgScriptRun) => string,
  onFailure: (run: OrgScriptRun) => string | undefined = () => undefined
): Promise<CommandSuccess> {
  const log = (line: string) => io.output.error(`      ${line}\n`);
  const run: OrgScriptRun = {
    deps: realDeps(PROJECT_ROOT, projectSfRunner(PROJECT_ROOT), log, sfConfigReader),
    options
  };
  const outcome = await runSteps(steps, run, io.output);
  const result = {
    targetOrg: options.targetOrg,
    org:
      run.org === undefined
        ? null
        : { username: run.org.username, instanceUrl: run.org.instanceUrl, kind: run.org.facts.kind },
    steps: outcome.steps,
    findings: run.readiness?.findings ?? []
  };
  if (!outcome.ok) {
    const hint = onFailure(run);
    if (hint !== undefined) {
      io.output.error(`${hint}\n`);
    }
    throw new CommandFailure(outcome.failure?.message ?? 'A step failed.', {
      name: 'StepFailed',
      details: outcome.failure?.details,
      result,
      printed: true
    });
  }
  const closing = options.checkOnly ? [] : loginLines(run);
  return {
    result,
    warnings: run.warnings,
    human: formatSummary(title(run), [...outcome.summary, ...closing])
  };
}
