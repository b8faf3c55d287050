import { runCommandMain } from '../lib/command';
import { sfConfigReader } from '../lib/target-org';
import { runOrgSteps } from './org-command';
import { parseSetupOptions, SETUP_USAGE } from './options';
import { setupSteps } from './steps';

runCommandMain(async (io) => {
  const options = await parseSetupOptions(process.argv.slice(2), sfConfigReader);
  if (options === 'help') {
    return { result: { usage: SETUP_USAGE }, human: SETUP_USAGE };
  }
  return runOrgSteps(io, options, setupSteps(options), () =>
    options.checkOnly ? `${options.targetOrg} is ready for the deploy.` : `${options.targetOrg} is set up.`
  );
});
