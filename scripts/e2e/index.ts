import { randomInt } from 'node:crypto';
import { formatUsage, parseFlags } from '../lib/args';
import { runMain, UsageError } from '../lib/cli';
import { orgApiOf } from '../lib/org-api';
import { connectToOrg, resolveOrgTarget } from '../lib/org-auth';
import { standardOutput } from '../lib/progress';
import { systemClock } from '../lib/wait-for';
import { readOrgFacts, refusalForProduction } from '../org/org-facts';
import { PROJECT_ROOT } from '../org/options';
import { projectApiVersion } from '../org/project-check';
import { ALL_E2E_CHECKS } from './checks';
import { openProvisionEventFeed, ProvisionEventFeed } from './provision-events';
import { makeRunTag, runChecks, selectChecks, summarize } from './runner';

const FLAGS = {
  'target-org': { kind: 'string', valueName: 'ALIAS', description: 'alias or username of an sf CLI login' },
  only: { kind: 'list', valueName: 'ID,ID', description: 'run only these checks (see --list)' },
  list: { kind: 'boolean', description: 'list the checks and the requirement each proves, then stop' },
  timeout: {
    kind: 'number',
    valueName: 'SECONDS',
    description: 'how long a check waits for automation and events (default 120)'
  },
  'allow-production': { kind: 'boolean', description: 'allow a production org (the checks approve orders)' },
  help: { kind: 'boolean', description: 'print this text' }
} as const;

const E2E_USAGE = formatUsage(
  'npm run test:e2e -- --target-org ALIAS [--only ID,ID] [--timeout SECONDS]',
  "Walks the seeds' data flows against a real org as the portal would, and builds subscriptions through the flow\n" +
    'action and the REST web service. Each check cleans up what it made and reports PASS or FAIL with what it\n' +
    'expected and saw. Needs the seed data (npm run org:seed). Without --target-org, logs in with the JWT bearer\n' +
    'flow from SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME and SF_PRIVATE_KEY_PATH or SF_PRIVATE_KEY_BASE64.',
  FLAGS
);

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2), FLAGS, E2E_USAGE);
  if (flags.help) {
    process.stdout.write(`${E2E_USAGE}\n`);
    return 0;
  }
  const checks = selectChecks(flags.only, ALL_E2E_CHECKS);
  if (flags.list) {
    process.stdout.write(`${checks.map((check) => `${check.id}\n    ${check.proves}`).join('\n')}\n`);
    return 0;
  }
  const target = resolveOrgTarget(flags['target-org'], process.env);
  const session = await connectToOrg(target, projectApiVersion(PROJECT_ROOT));
  const api = orgApiOf(session.connection, session.username);
  const facts = await readOrgFacts(api);
  const refusal = flags['allow-production']
    ? undefined
    : refusalForProduction(
        facts,
        session.label,
        'the checks create records and approve orders (a live portal would provision them)'
      );
  if (refusal !== undefined) {
    throw new UsageError(refusal);
  }
  const tag = makeRunTag(Date.now(), () => randomInt(36));
  const timeoutMs = (flags.timeout ?? 120) * 1000;
  process.stdout.write(`End-to-end checks in ${session.label} (${session.username}, ${facts.kind}), run tag ${tag}\n`);

  let feed: Promise<ProvisionEventFeed> | undefined;
  const provisionEvents = (): Promise<ProvisionEventFeed> =>
    (feed ??= openProvisionEventFeed({
      accessToken: session.connection.accessToken ?? '',
      instanceUrl: session.instanceUrl,
      organizationId: session.orgId
    }));
  let lastNumber = Date.now() * 100;
  try {
    const results = await runChecks(
      checks,
      (cleanup) => ({
        api,
        tag,
        timeoutMs,
        settleMs: Math.min(10_000, timeoutMs),
        clock: systemClock,
        cleanup,
        provisionEvents,
        uniqueNumber: () => ++lastNumber
      }),
      standardOutput,
      systemClock
    );
    const summary = summarize(results);
    (summary.ok ? process.stdout : process.stderr).write(`\n${summary.line}\n`);
    return summary.ok ? 0 : 1;
  } finally {
    const opened = await feed?.catch(() => undefined);
    opened?.close();
  }
}

runMain(main, { oneLineWarnings: true });
