import { resolve } from 'node:path';
import { formatUsage, parseFlags } from '../lib/args';
import { runCommandMain } from '../lib/command';
import { UsageError } from '../lib/cli';
import { connectToOrg } from '../lib/org-auth';
import { projectSfRunner } from '../lib/sf-cli';
import { noTargetOrgMessage, resolveConfiguredOrg, sfConfigReader } from '../lib/target-org';
import { deprecationNotice, runOrgApexTests } from './apex-coverage';
import { COMMON_FLAGS, PROJECT_ROOT, TARGET_ORG_FLAG } from './options';
import { projectApiVersion } from './project-check';

const FLAGS = {
  ...TARGET_ORG_FLAG,
  'min-coverage': {
    kind: 'number',
    valueName: 'PERCENT',
    description: 'fail under this org-wide coverage, 0-100 (default 90)',
    min: 0,
    max: 100
  },
  'output-dir': {
    kind: 'string',
    char: 'd',
    valueName: 'DIR',
    description: 'write the JUnit XML and coverage files there, as sf apex run test --output-dir does'
  },
  wait: {
    kind: 'number',
    char: 'w',
    valueName: 'MINUTES',
    description: 'how long the test run may take, 1-1440 (default 30)',
    min: 1,
    max: 1440
  },
  ...COMMON_FLAGS
} as const;

const APEX_TESTS_USAGE = formatUsage(
  'npm run test:apex:org -- [-o ALIAS] [--min-coverage 90] [-d DIR]',
  "Runs the org's local Apex tests with code coverage and fails on a failed test or on coverage under the minimum.\n" +
    "The org: -o/--target-org, else SF_TARGET_ORG, else the sf CLI's target-org config. (org:test:apex is the old\n" +
    'name of this command and still works, with a notice.)',
  FLAGS
);

runCommandMain(async (io) => {
  const notice = deprecationNotice(process.env.npm_lifecycle_event);
  if (notice !== undefined) {
    io.output.error(`warning: ${notice}\n`);
  }
  const flags = parseFlags(process.argv.slice(2), FLAGS, APEX_TESTS_USAGE);
  if (flags.help) {
    return { result: { usage: APEX_TESTS_USAGE }, human: APEX_TESTS_USAGE };
  }
  const target = await resolveConfiguredOrg(flags['target-org'], 'target-org', sfConfigReader);
  if (target === undefined) {
    throw new UsageError(noTargetOrgMessage());
  }
  return runOrgApexTests(
    {
      targetOrg: target.value,
      minCoverage: flags['min-coverage'] ?? 90,
      waitMinutes: flags.wait ?? 30,
      outputDir: flags['output-dir'] === undefined ? undefined : resolve(flags['output-dir']),
      notice
    },
    {
      sf: projectSfRunner(PROJECT_ROOT),
      // Fails fast, with one sentence, when there is no login or the org does not answer.
      connect: async (alias) => {
        await connectToOrg({ kind: 'stored', aliasOrUsername: alias }, projectApiVersion(PROJECT_ROOT));
      }
    },
    io.output
  );
});
