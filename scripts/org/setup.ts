import { runMain } from '../lib/cli';
import { formatSummary, runSteps } from '../lib/progress';
import { projectSfRunner } from '../lib/sf-cli';
import { parseSetupOptions, PROJECT_ROOT, SETUP_USAGE } from './options';
import { loginLines, OrgScriptRun, realDeps, setupSteps } from './steps';

async function main(): Promise<number> {
  const options = parseSetupOptions(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(`${SETUP_USAGE}\n`);
    return 0;
  }
  const run: OrgScriptRun = { deps: realDeps(PROJECT_ROOT, projectSfRunner(PROJECT_ROOT)), options };
  const outcome = await runSteps(setupSteps(options), run);
  if (!outcome.ok) {
    return 1;
  }
  process.stdout.write(formatSummary(`${options.targetOrg} is set up.`, [...outcome.summary, ...loginLines(run)]));
  return 0;
}

runMain(main, { oneLineWarnings: true });
