import { randomInt } from 'node:crypto';
import { formatUsage, parseFlags } from '../lib/args';
import { UsageError } from '../lib/cli';
import { CommandFailure, runCommandMain } from '../lib/command';
import { orgApiOf } from '../lib/org-api';
import { connectToOrg, findOrgTarget } from '../lib/org-auth';
import { withRetries } from '../lib/retry';
import { sfConfigReader } from '../lib/target-org';
import { systemClock } from '../lib/wait-for';
import { readOrgFacts, refusalForProduction } from '../org/org-facts';
import { COMMON_FLAGS, PROJECT_ROOT, TARGET_ORG_FLAG } from '../org/options';
import { projectApiVersion } from '../org/project-check';
import { ALL_E2E_CHECKS } from './checks';
import { openProvisionEventFeed, ProvisionEventFeed } from './provision-events';
import { formatCheckList, makeRunTag, runChecks, selectChecks, summarize } from './runner';

const FLAGS = {
  ...TARGET_ORG_FLAG,
  only: { kind: 'list', valueName: 'ID,ID', description: 'run only these checks (see --list; any letter case)' },
  list: { kind: 'boolean', description: 'list the checks and the data flow or contract each proves, then stop' },
  timeout: {
    kind: 'number',
    valueName: 'SECONDS',
    description: 'how long a check waits for automation and events, 1-3600 (default 120)',
    min: 1,
    max: 3600
  },
  'allow-production': { kind: 'boolean', description: 'allow a production org (the checks approve orders)' },
  ...COMMON_FLAGS
} as const;

const E2E_USAGE = formatUsage(
  'npm run test:e2e -- [-o ALIAS] [--only ID,ID] [--timeout SECONDS]',
  "Walks the seeds' data flows against a real org as the portal would, and builds subscriptions through the flow\n" +
    'action and the REST web service. Each check cleans up what it made and reports PASS or FAIL with what it\n' +
    'expected and saw. Needs the seed data (npm run org:seed). The org: -o/--target-org, else SF_TARGET_ORG, else a\n' +
    'JWT login from SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME and SF_PRIVATE_KEY_PATH or SF_PRIVATE_KEY_BASE64, else\n' +
    "the sf CLI's target-org config.",
  FLAGS
);

runCommandMain(async (io) => {
  const flags = parseFlags(process.argv.slice(2), FLAGS, E2E_USAGE);
  if (flags.help) {
    return { result: { usage: E2E_USAGE }, human: E2E_USAGE };
  }
  const checks = selectChecks(flags.only, ALL_E2E_CHECKS);
  if (flags.list) {
    return {
      result: checks.map((check) => ({ id: check.id, title: check.title, proves: check.proves })),
      human: formatCheckList(checks)
    };
  }
  const target = await findOrgTarget(flags['target-org'], process.env, sfConfigReader);
  const session = await connectToOrg(target, projectApiVersion(PROJECT_ROOT));
  const api = withRetries(orgApiOf(session.connection, session.username), {
    log: (line) => io.output.error(`      ${line}\n`)
  });
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
  io.output.write(`End-to-end checks in ${session.label} (${session.username}, ${facts.kind}), run tag ${tag}\n`);

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
      io.output,
      systemClock
    );
    const summary = summarize(results);
    const result = {
      org: { username: session.username, kind: facts.kind },
      tag,
      passed: results.filter((entry) => entry.passed).length,
      failed: results.filter((entry) => !entry.passed).length,
      checks: results.map((entry) => ({
        id: entry.check.id,
        proves: entry.check.proves,
        passed: entry.passed,
        durationMs: entry.durationMs,
        failure: entry.failure,
        leftovers: entry.leftovers
      }))
    };
    if (!summary.ok) {
      throw new CommandFailure(summary.line, { name: 'EndToEndChecksFailed', result });
    }
    return { result, human: `\n${summary.line}` };
  } finally {
    const opened = await feed?.catch(() => undefined);
    opened?.close();
  }
});
