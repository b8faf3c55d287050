import { OrgApi, RecordWriteError } from '../lib/org-api';
import { Clock, waitFor, WaitTimeoutError } from '../lib/wait-for';
import { CheckFailure, fieldDifferences } from './expect';
import { ProvisionEventFeed } from './provision-events';

/**
 * What a check made, to be deleted when it ends, newest first (children before parents: an order's subscription
 * before the order, the order before its account).
 */
export class Cleanup {
  private readonly actions: Array<{ label: string; run: () => Promise<void> }> = [];

  add(label: string, run: () => Promise<void>): void {
    this.actions.push({ label, run });
  }

  /** Deletes a record later; a record already gone (deleted with its parent) is fine. */
  deleteLater(api: OrgApi, sobject: string, id: string): void {
    this.add(`${sobject} ${id}`, async () => {
      try {
        await api.remove(sobject, [id]);
      } catch (cause) {
        const gone =
          cause instanceof RecordWriteError && cause.statusCodes.every((code) => code === 'ENTITY_IS_DELETED');
        if (!gone) {
          throw cause;
        }
      }
    });
  }

  /** Runs every action, newest first, and returns what could not be cleaned up. */
  async runAll(): Promise<string[]> {
    const problems: string[] = [];
    for (const action of [...this.actions].reverse()) {
      try {
        await action.run();
      } catch (cause) {
        problems.push(`could not delete ${action.label}: ${cause instanceof Error ? cause.message : String(cause)}`);
      }
    }
    this.actions.length = 0;
    return problems;
  }
}

/** Everything a check uses: the org, a unique tag for its records, time limits and the cleanup. */
export interface CheckContext {
  readonly api: OrgApi;
  /** Short and unique per run: in names, keys and e-mail addresses, so parallel runs never collide. */
  readonly tag: string;
  readonly timeoutMs: number;
  /** How long to keep watching to prove that something does NOT happen (a second event). */
  readonly settleMs: number;
  readonly clock: Clock;
  readonly cleanup: Cleanup;
  /** The feed of OrderProvisionRequested__e, opened on first use and shared by the run. */
  provisionEvents(): Promise<ProvisionEventFeed>;
  /** A number unique in the run, for unique external ids such as WHMCS ids. */
  uniqueNumber(): number;
}

/** One end-to-end check: what it does, which requirement it proves, and how. */
export interface E2eCheck {
  id: string;
  title: string;
  proves: string;
  run(context: CheckContext): Promise<void>;
}

/** Polls a query until its first record has the expected field values (automation runs asynchronously). */
export async function waitForFields(
  context: CheckContext,
  what: string,
  soql: string,
  expected: Readonly<Record<string, unknown>>
): Promise<Record<string, unknown>> {
  try {
    const record = await waitFor(
      what,
      async () => (await context.api.query(soql))[0],
      (found) => fieldDifferences(found, expected) === undefined,
      {
        timeoutMs: context.timeoutMs,
        clock: context.clock,
        describe: (found) => fieldDifferences(found, expected)?.seen ?? 'the expected values'
      }
    );
    return record ?? {};
  } catch (cause) {
    if (cause instanceof WaitTimeoutError) {
      const wanted = fieldDifferences(undefined, expected)?.expected ?? '';
      throw new CheckFailure(what, `${wanted} within ${Math.round(cause.waitedMs / 1000)} s`, cause.lastSeen);
    }
    throw cause;
  }
}
