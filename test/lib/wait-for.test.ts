import { waitFor, WaitTimeoutError } from '../../scripts/lib/wait-for';
import { fakeClock } from '../support/fake-org';

describe('waitFor', () => {
  it('probes until the value is accepted and returns it', async () => {
    const clock = fakeClock();
    const values = ['Draft', 'Draft', 'Activating'];
    const value = await waitFor(
      'order status',
      async () => values.shift() ?? '',
      (status) => status === 'Activating',
      {
        timeoutMs: 10_000,
        intervalMs: 1000,
        clock
      }
    );
    expect(value).toBe('Activating');
    expect(clock.slept).toEqual([1000, 1000]);
  });

  it('times out with what it awaited and the last value seen', async () => {
    const clock = fakeClock();
    const wait = waitFor(
      'order status',
      async () => 'Draft',
      (status) => status === 'Activating',
      {
        timeoutMs: 5000,
        intervalMs: 2000,
        clock
      }
    );
    await expect(wait).rejects.toThrow(WaitTimeoutError);
    await expect(wait).rejects.toThrow('order status: not seen within 5 s (last seen: "Draft")');
    // The last pause is cut to the time left, so the wait never overshoots its limit.
    expect(clock.slept).toEqual([2000, 2000, 1000]);
  });

  it('probes once even with no time at all', async () => {
    let probes = 0;
    await expect(
      waitFor(
        'x',
        async () => ++probes,
        () => false,
        { timeoutMs: 0, clock: fakeClock() }
      )
    ).rejects.toThrow(WaitTimeoutError);
    expect(probes).toBe(1);
  });

  it('stops at once when the probe fails: a failing query is not a slow org', async () => {
    const clock = fakeClock();
    await expect(
      waitFor(
        'x',
        async () => Promise.reject(new Error('INVALID_FIELD')),
        () => true,
        { timeoutMs: 60_000, clock }
      )
    ).rejects.toThrow('INVALID_FIELD');
    expect(clock.slept).toEqual([]);
  });
});
