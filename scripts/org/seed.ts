import { formatUsage, parseFlags } from '../lib/args';
import { runMain, UsageError } from '../lib/cli';
import { resolveOrgTarget } from '../lib/org-auth';
import { formatDuration } from '../lib/progress';
import { projectSfRunner } from '../lib/sf-cli';
import { refusalForProduction } from './org-facts';
import { PROJECT_ROOT } from './options';
import { SeedError } from './seed/apply';
import { realDeps, seedConnectedOrg } from './steps';

const FLAGS = {
  'target-org': { kind: 'string', valueName: 'ALIAS', description: 'alias or username of an sf CLI login' },
  'dry-run': { kind: 'boolean', description: 'print what would be created or updated, write nothing' },
  'allow-production': { kind: 'boolean', description: 'allow seeding a production org' },
  help: { kind: 'boolean', description: 'print this text' }
} as const;

const SEED_USAGE = formatUsage(
  'npm run org:seed -- --target-org ALIAS [--dry-run]',
  "Seeds the org with the project's data: customers in every portal state, products and price book entries per\n" +
    'commodity type, orders in every status, opportunities at every stage, cases and master subscriptions.\n' +
    'Idempotent: a second run changes nothing and says so. Without --target-org, logs in with the JWT bearer flow\n' +
    'from SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME and SF_PRIVATE_KEY_PATH or SF_PRIVATE_KEY_BASE64.',
  FLAGS
);

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2), FLAGS, SEED_USAGE);
  if (flags.help) {
    process.stdout.write(`${SEED_USAGE}\n`);
    return 0;
  }
  const target = resolveOrgTarget(flags['target-org'], process.env);
  const started = Date.now();
  const org = await realDeps(PROJECT_ROOT, projectSfRunner(PROJECT_ROOT)).openOrg(target);
  const refusal = flags['allow-production']
    ? undefined
    : refusalForProduction(org.facts, org.label, 'seeding adds test data');
  if (refusal !== undefined) {
    throw new UsageError(refusal);
  }
  process.stdout.write(
    `Seeding ${org.label} (${org.username}, ${org.facts.kind})${flags['dry-run'] ? ', dry run' : ''}...\n`
  );
  try {
    const report = await seedConnectedOrg(org, flags['dry-run']);
    const lines = [...(report.details ?? []), report.note ?? ''];
    process.stdout.write(`${lines.join('\n')}\nDone in ${formatDuration(Date.now() - started)}.\n`);
    return 0;
  } catch (cause) {
    if (cause instanceof SeedError) {
      process.stderr.write(`error: ${cause.message}\n${cause.details.map((line) => `  ${line}\n`).join('')}`);
      return 1;
    }
    throw cause;
  }
}

runMain(main, { oneLineWarnings: true });
