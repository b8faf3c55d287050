import { runCommandMain } from '../lib/command';
import { runOrgSteps } from './org-command';
import { CREATE_USAGE, parseCreateOptions } from './options';
import { createSteps } from './steps';

runCommandMain(async (io) => {
  const options = parseCreateOptions(process.argv.slice(2));
  if (options === 'help') {
    return { result: { usage: CREATE_USAGE }, human: CREATE_USAGE };
  }
  return runOrgSteps(
    io,
    options,
    createSteps(options),
    () => `Scratch org ${options.targetOrg} is ready.`,
    (run) =>
      run.org === undefined
        ? undefined
        : `The scratch org ${options.targetOrg} exists: fix the problem, then continue with ` +
          `npm run org:setup -- --target-org ${options.targetOrg}`
  );
});
