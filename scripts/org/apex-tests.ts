import { formatUsage, parseFlags } from '../lib/args';
import { runMain, UsageError } from '../lib/cli';
import { connectToOrg } from '../lib/org-auth';
import { projectSfRunner } from '../lib/sf-cli';
import { evaluateApexRun } from './apex-coverage';
import { PROJECT_ROOT } from './options';
import { projectApiVersion } from './project-check';

const FLAGS = {
  'target-org': { kind: 'string', valueName: 'ALIAS', description: 'alias or username of an sf CLI login (required)' },
  'min-coverage': {
    kind: 'number',
    valueName: 'PERCENT',
    description: 'fail under this org-wide coverage (default 90)'
  },
  wait: { kind: 'number', valueName: 'MINUTES', description: 'how long the test run may take (default 30)' },
  help: { kind: 'boolean', description: 'print this text' }
} as const;

const APEX_TESTS_USAGE = formatUsage(
  'npm run org:test:apex -- --target-org ALIAS [--min-coverage 90]',
  "Runs the org's local Apex tests with code coverage and fails on a failed test or on coverage under the minimum.",
  FLAGS
);

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2), FLAGS, APEX_TESTS_USAGE);
  if (flags.help) {
    process.stdout.write(`${APEX_TESTS_USAGE}\n`);
    return 0;
  }
  const targetOrg = flags['target-org'];
  if (targetOrg === undefined) {
    throw new UsageError(`--target-org is required\n\n${APEX_TESTS_USAGE}`);
  }
  const minCoverage = flags['min-coverage'] ?? 90;
  // Fails fast, with one sentence, when there is no login or the org does not answer.
  await connectToOrg({ kind: 'stored', aliasOrUsername: targetOrg }, projectApiVersion(PROJECT_ROOT));
  process.stdout.write(`Running the local Apex tests in ${targetOrg} with code coverage...\n`);
  const outcome = await projectSfRunner(PROJECT_ROOT)([
    'apex',
    'run',
    'test',
    '--target-org',
    targetOrg,
    '--test-level',
    'RunLocalTests',
    '--code-coverage',
    '--result-format',
    'json',
    '--wait',
    String(flags.wait ?? 30)
  ]);
  // A run with failed tests ends non-zero but still carries its result.
  const result = outcome.result;
  if (!outcome.ok && result === undefined) {
    throw new UsageError(`The Apex tests could not run in ${targetOrg}: ${outcome.message}`);
  }
  const verdict = evaluateApexRun(result, minCoverage);
  const write = (text: string) => (verdict.ok ? process.stdout.write(text) : process.stderr.write(text));
  write(`${verdict.lines.join('\n')}\n`);
  return verdict.ok ? 0 : 1;
}

runMain(main, { oneLineWarnings: true });
