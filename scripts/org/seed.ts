import { formatUsage, parseFlags } from '../lib/args';
import { CommandFailure, runCommandMain } from '../lib/command';
import { UsageError } from '../lib/cli';
import { findOrgTarget } from '../lib/org-auth';
import { formatDuration } from '../lib/progress';
import { sfConfigReader } from '../lib/target-org';
import { refusalForProduction } from './org-facts';
import { COMMON_FLAGS, PROJECT_ROOT, TARGET_ORG_FLAG } from './options';
import { projectApiVersion } from './project-check';
import { SeedError } from './seed/apply';
import { openConnectedOrg, seedConnectedOrg } from './steps';

const FLAGS = {
  ...TARGET_ORG_FLAG,
  'dry-run': { kind: 'boolean', description: 'print what would be created or updated, write nothing' },
  'allow-production': { kind: 'boolean', description: 'allow seeding a production org' },
  ...COMMON_FLAGS
} as const;

const SEED_USAGE = formatUsage(
  'npm run org:seed -- [-o ALIAS] [--dry-run]',
  "Seeds the org with the project's data: customers in every portal state, products and price book entries per\n" +
    'commodity type, orders in every status, opportunities at every stage, cases and master subscriptions.\n' +
    'Idempotent: a second run changes nothing and says so. The org: -o/--target-org, else SF_TARGET_ORG, else a JWT\n' +
    'login from SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME and SF_PRIVATE_KEY_PATH or SF_PRIVATE_KEY_BASE64, else the\n' +
    "sf CLI's target-org config.",
  FLAGS
);

runCommandMain(async (io) => {
  const flags = parseFlags(process.argv.slice(2), FLAGS, SEED_USAGE);
  if (flags.help) {
    return { result: { usage: SEED_USAGE }, human: SEED_USAGE };
  }
  const target = await findOrgTarget(flags['target-org'], process.env, sfConfigReader);
  const started = Date.now();
  const org = await openConnectedOrg(target, projectApiVersion(PROJECT_ROOT), (line) => io.output.error(`${line}\n`));
  const refusal = flags['allow-production']
    ? undefined
    : refusalForProduction(org.facts, org.label, 'seeding adds test data');
  if (refusal !== undefined) {
    throw new UsageError(refusal);
  }
  io.output.write(
    `Seeding ${org.label} (${org.username}, ${org.facts.kind})${flags['dry-run'] ? ', dry run' : ''}...\n`
  );
  try {
    const report = await seedConnectedOrg(org, flags['dry-run']);
    const lines = [...(report.details ?? []), report.note ?? ''];
    const counts = (state: string) => report.outcome.records.filter((record) => record.outcome === state).length;
    return {
      result: {
        org: { username: org.username, kind: org.facts.kind },
        dryRun: report.outcome.dryRun,
        created: counts('created'),
        updated: counts('updated'),
        unchanged: counts('unchanged') + counts('verified'),
        records: report.outcome.records.map(({ sobject, key, outcome, changes, notes }) => ({
          sobject,
          key,
          outcome,
          changes,
          notes
        })),
        message: report.note
      },
      human: `${lines.join('\n')}\nDone in ${formatDuration(Date.now() - started)}.`
    };
  } catch (cause) {
    if (cause instanceof SeedError) {
      throw new CommandFailure(cause.message, { name: 'SeedError', details: cause.details });
    }
    throw cause;
  }
});
