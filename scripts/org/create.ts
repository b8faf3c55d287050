import { runMain } from '../lib/cli';
import { formatSummary, runSteps } from '../lib/progress';
import { projectSfRunner } from '../lib/sf-cli';
import { CREATE_USAGE, parseCreateOptions, PROJECT_ROOT } from './options';
import { createSteps, loginLines, OrgScriptRun, realDeps } from './steps';

async function main(): Promise<number> {
  const options = parseCreateOptions(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(`${CREATE_USAGE}\n`);
    return 0;
  }
  const run: OrgScriptRun = { deps: realDeps(PROJECT_ROOT, projectSfRunner(PROJECT_ROOT)), options };
  const outcome = await runSteps(createSteps(options), run);
  if (!outcome.ok) {
    if (run.org !== undefined) {
      process.stderr.write(
        `The scratch org ${options.targetOrg} exists: fix the problem, then continue with ` +
          `npm run org:setup -- --target-org ${options.targetOrg}\n`
      );
    }
    return 1;
  }
  process.stdout.write(
    formatSummary(`Scratch org ${options.targetOrg} is ready.`, [...outcome.summary, ...loginLines(run)])
  );
  return 0;
}

runMain(main, { oneLineWarnings: true });
