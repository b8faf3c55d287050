import { OrgCallError, RecordWriteError } from '../../scripts/lib/org-api';
import { retrying, transientReason, withRetries } from '../../scripts/lib/retry';
import { fakeClock, ScriptedOrgApi } from '../support/fake-org';

/** An attempt that fails with the given errors, then succeeds. */
function failing<T>(errors: unknown[], value: T) {
  let calls = 0;
  const attempt = async () => {
    calls++;
    const error = errors.shift();
    if (error !== undefined) {
      throw error;
    }
    return value;
  };
  return { attempt, calls: () => calls };
}

describe('transientReason', () => {
  it.each([
    [new RecordWriteError('locked', ['UNABLE_TO_LOCK_ROW']), 'write', 'UNABLE_TO_LOCK_ROW'],
    [new RecordWriteError('mixed', ['UNABLE_TO_LOCK_ROW', 'REQUIRED_FIELD_MISSING']), 'write', undefined],
    [new OrgCallError('The query', 'Service Unavailable', 503), 'read', 'HTTP 503'],
    [new OrgCallError('The query', 'x', 500, 'SERVER_UNAVAILABLE'), 'read', 'SERVER_UNAVAILABLE'],
    [
      new OrgCallError('The query', 'ConcurrentPerOrgLongTxn Limit exceeded.', 403, 'REQUEST_LIMIT_EXCEEDED'),
      'read',
      'REQUEST_LIMIT_EXCEEDED'
    ],
    [new OrgCallError('The query', 'TotalRequests Limit exceeded.', 403, 'REQUEST_LIMIT_EXCEEDED'), 'read', undefined],
    [new OrgCallError('The query', 'No such column', 400, 'INVALID_FIELD'), 'read', undefined],
    [new OrgCallError('GET /x', 'no answer within 120 s', undefined, 'TIMEOUT'), 'read', 'no answer in time'],
    // A write that timed out may have been saved.
    [new OrgCallError('Creating Account', 'no answer within 120 s', undefined, 'TIMEOUT'), 'write', undefined],
    [new Error('plain'), 'read', undefined]
  ] as const)('%s (%s) -> %s', (cause, call, reason) => {
    expect(transientReason(cause, call)).toBe(reason);
  });
});

describe('retrying', () => {
  it('retries a transient error with a growing wait and prints each attempt', async () => {
    const clock = fakeClock();
    const log: string[] = [];
    const { attempt, calls } = failing([new RecordWriteError('locked', ['UNABLE_TO_LOCK_ROW'])], 'saved');
    await expect(retrying('creating Order', 'write', attempt, { clock, log: (line) => log.push(line) })).resolves.toBe(
      'saved'
    );
    expect(calls()).toBe(2);
    expect(clock.slept).toEqual([2000]);
    expect(log).toEqual(['retrying creating Order after UNABLE_TO_LOCK_ROW (attempt 2 of 3, in 2 s)']);
  });

  it('gives up after the last attempt with the last error', async () => {
    const clock = fakeClock();
    const errors = [1, 2, 3].map(() => new OrgCallError('The query', 'Service Unavailable', 503));
    const { attempt, calls } = failing(errors, 'never');
    await expect(retrying('the query', 'read', attempt, { clock, log: () => undefined })).rejects.toThrow(
      'The query failed: HTTP 503: Service Unavailable.'
    );
    expect(calls()).toBe(3);
    expect(clock.slept).toEqual([2000, 4000]);
  });

  it("waits as long as the org asks (Retry-After), else the limit's own wait", async () => {
    const clock = fakeClock();
    const limit = (retryAfterMs?: number) =>
      new OrgCallError('The query', 'ConcurrentRequests Limit exceeded', 403, 'REQUEST_LIMIT_EXCEEDED', retryAfterMs);
    const { attempt } = failing([limit(7000), limit()], 'ok');
    await retrying('the query', 'read', attempt, { clock, log: () => undefined });
    expect(clock.slept).toEqual([7000, 30_000]);
  });

  it('does not retry a permanent error', async () => {
    const { attempt, calls } = failing([new OrgCallError('The query', 'No such column', 400, 'INVALID_FIELD')], 1);
    await expect(retrying('the query', 'read', attempt, { clock: fakeClock(), log: () => undefined })).rejects.toThrow(
      'HTTP 400 INVALID_FIELD'
    );
    expect(calls()).toBe(1);
  });
});

describe('withRetries', () => {
  it('retries REST calls answered 503 and returns the last answer when they keep failing', async () => {
    const api = new ScriptedOrgApi(
      [],
      [
        { status: 503, body: 'down' },
        { status: 200, body: { ok: true } },
        { status: 503, body: 'down' },
        { status: 503, body: 'down' },
        { status: 503, body: 'still down' }
      ]
    );
    const log: string[] = [];
    const retried = withRetries(api, { clock: fakeClock(), log: (line) => log.push(line) });
    await expect(retried.send({ method: 'POST', path: '/services/apexrest/x' })).resolves.toEqual({
      status: 200,
      body: { ok: true }
    });
    await expect(retried.send({ method: 'GET', path: '/services/apexrest/y' })).resolves.toEqual({
      status: 503,
      body: 'still down'
    });
    expect(api.sent).toHaveLength(5);
    expect(log[0]).toBe('retrying POST /services/apexrest/x after HTTP 503 (attempt 2 of 3, in 2 s)');
  });

  it('passes other answers through untouched, 4xx and 500 included', async () => {
    const api = new ScriptedOrgApi([], [{ status: 400, body: { error: 'bad' } }]);
    const retried = withRetries(api, { clock: fakeClock(), log: () => undefined });
    await expect(retried.send({ method: 'POST', path: '/x' })).resolves.toEqual({
      status: 400,
      body: { error: 'bad' }
    });
    expect(api.sent).toHaveLength(1);
  });
});
