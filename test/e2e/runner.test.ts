import { CheckContext, Cleanup, E2eCheck } from '../../scripts/e2e/context';
import { CheckFailure } from '../../scripts/e2e/expect';
import {
  describeFailure,
  formatCheckResult,
  makeRunTag,
  runChecks,
  selectChecks,
  summarize
} from '../../scripts/e2e/runner';
import { WaitTimeoutError } from '../../scripts/lib/wait-for';
import { fakeClock, ScriptedOrgApi } from '../support/fake-org';

const api = new ScriptedOrgApi();

function contextFor(cleanup: Cleanup): CheckContext {
  return {
    api,
    tag: 'TAG00001',
    timeoutMs: 1000,
    settleMs: 0,
    clock: fakeClock(),
    cleanup,
    provisionEvents: () => Promise.reject(new Error('no events in this test')),
    uniqueNumber: () => 1
  };
}

const check = (id: string, run: (context: CheckContext) => Promise<void>): E2eCheck => ({
  id,
  title: `the ${id} check`,
  proves: `requirement of ${id}`,
  run
});

describe('runChecks', () => {
  it('reports each check with what it expected and saw, and cleans up after every check, newest first', async () => {
    const deleted: string[] = [];
    const out: string[] = [];
    const err: string[] = [];
    const checks = [
      check('passes', async (context) => {
        context.cleanup.add('Account 001A', async () => void deleted.push('001A'));
        context.cleanup.add('Order 801A', async () => void deleted.push('801A'));
      }),
      check('fails', async (context) => {
        context.cleanup.add('Account 001B', async () => void deleted.push('001B'));
        throw new CheckFailure('the order', 'Status = "Approved"', 'Status = "Draft"');
      }),
      check('leaves a record', async (context) => {
        context.cleanup.add('Account 001C', async () => Promise.reject(new Error('DELETE_FAILED: has orders')));
      })
    ];
    const results = await runChecks(
      checks,
      contextFor,
      { write: (text) => out.push(text), error: (text) => err.push(text) },
      fakeClock()
    );
    expect(deleted).toEqual(['801A', '001A', '001B']);
    expect(results.map((result) => [result.check.id, result.passed, result.leftovers])).toEqual([
      ['passes', true, []],
      ['fails', false, []],
      ['leaves a record', true, ['could not delete Account 001C: DELETE_FAILED: has orders']]
    ]);
    expect(out.join('')).toContain('[1/3] passes: the passes check...\n      PASS in 0.0 s: requirement of passes\n');
    expect(err.join('')).toContain(
      [
        '      FAIL in 0.0 s: requirement of fails',
        '      the order',
        '        expected: Status = "Approved"',
        '        seen:     Status = "Draft"',
        ''
      ].join('\n')
    );
    expect(summarize(results)).toEqual({
      ok: false,
      line: '2 passed, 1 failed; 1 record(s) could not be cleaned up: fails'
    });
  });

  it('succeeds only when every check passed and cleaned up', () => {
    const result = { check: check('a', async () => undefined), passed: true, durationMs: 5, leftovers: [] };
    expect(summarize([result, result])).toEqual({ ok: true, line: '2 passed, 0 failed' });
    expect(formatCheckResult(result)).toEqual(['      PASS in 0.0 s: requirement of a']);
  });
});

describe('describeFailure', () => {
  it('reads check failures, time-outs and unexpected errors as expected versus seen', () => {
    expect(describeFailure(new CheckFailure('x', 'a', 'b'))).toEqual({ what: 'x', expected: 'a', seen: 'b' });
    expect(describeFailure(new WaitTimeoutError('the event', '0 events', 120_000))).toEqual({
      what: 'the event',
      expected: 'within 120 s',
      seen: '0 events'
    });
    expect(describeFailure(new Error('INVALID_FIELD: No such column\nline 2'))).toEqual({
      what: 'the check',
      expected: 'no error',
      seen: 'INVALID_FIELD: No such column / line 2'
    });
  });
});

describe('run tags and check selection', () => {
  it('makes short upper-case tags from the time and three random digits', () => {
    expect(makeRunTag(36 ** 5 + 35, () => 35)).toBe('0000ZZZZ');
    expect(makeRunTag(1_700_000_000_000, () => 1)).toMatch(/^[0-9A-Z]{5}111$/);
  });

  it('selects checks by id and refuses unknown ids', () => {
    const all = [check('a', async () => undefined), check('b', async () => undefined)];
    expect(selectChecks([], all)).toBe(all);
    expect(selectChecks(['b'], all).map((selected) => selected.id)).toEqual(['b']);
    expect(() => selectChecks(['c'], all)).toThrow('unknown check: c (known: a, b)');
  });
});
