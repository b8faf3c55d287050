import { formatDuration, formatSummary, runSteps, Step, StepFailure } from '../../scripts/lib/progress';
import { fakeClock } from '../support/fake-org';

function collector() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { write: (text: string) => out.push(text), error: (text: string) => err.push(text) } };
}

describe('runSteps', () => {
  const ran: string[] = [];
  const step = (
    title: string,
    run: () => Promise<{ note?: string; summary?: string[]; skipped?: boolean }>
  ): Step<string[]> => ({
    title,
    run: async (log) => {
      log.push(title);
      return run();
    }
  });

  beforeEach(() => {
    ran.length = 0;
  });

  it('numbers the steps, times them, and collects their summary lines', async () => {
    const { out, output } = collector();
    const clock = fakeClock();
    const outcome = await runSteps(
      [
        step('Checking', async () => {
          await clock.sleep(1200);
          return { note: 'fine' };
        }),
        step('Deploying org settings', async () => ({ skipped: true, note: 'scratch org' })),
        step('Seeding data', async () => ({ summary: ['seed data: 3 created'] }))
      ],
      ran,
      output,
      clock
    );
    expect(outcome).toEqual({
      ok: true,
      summary: ['seed data: 3 created'],
      steps: [
        { title: 'Checking', status: 'done', note: 'fine' },
        { title: 'Deploying org settings', status: 'skipped', note: 'scratch org' },
        { title: 'Seeding data', status: 'done', note: undefined }
      ]
    });
    expect(out.join('')).toBe(
      [
        '[1/3] Checking...',
        '      done in 1.2 s: fine',
        '[2/3] Deploying org settings...',
        '      skipped: scratch org',
        '[3/3] Seeding data...',
        '      done in 0.0 s',
        ''
      ].join('\n')
    );
  });

  it('stops at the first failure with its sentence and details on stderr', async () => {
    const { out, err, output } = collector();
    const outcome = await runSteps(
      [
        step('Deploying', async () => {
          throw new StepFailure('The deploy failed: Deploy failed.', ['ApexClass Broken: Unexpected token']);
        }),
        step('Seeding data', async () => ({}))
      ],
      ran,
      output,
      fakeClock()
    );
    expect(outcome.ok).toBe(false);
    expect(ran).toEqual(['Deploying']);
    expect(out.join('')).toBe('[1/2] Deploying...\n      failed after 0.0 s\n');
    expect(err.join('')).toBe('error: The deploy failed: Deploy failed.\n  ApexClass Broken: Unexpected token\n');
  });

  it('prints an unexpected error as its message only', async () => {
    const { err, output } = collector();
    await runSteps([step('Connecting', async () => Promise.reject(new TypeError('boom')))], ran, output, fakeClock());
    expect(err.join('')).toBe('error: boom\n');
  });
});

describe('formatting', () => {
  it('formats durations and summaries', () => {
    expect([formatDuration(1234), formatDuration(65_000), formatDuration(125_400)]).toEqual([
      '1.2 s',
      '1 min 05 s',
      '2 min 05 s'
    ]);
    expect(formatSummary('Done.', ['a: 1', 'b: 2'])).toBe('\nDone.\n  a: 1\n  b: 2\n');
  });
});

describe('step details', () => {
  it('are printed indented below the done line', async () => {
    const out: string[] = [];
    await runSteps(
      [{ title: 'Seeding data', run: async () => ({ note: 'Nothing to change.', details: ['Account  7 unchanged'] }) }],
      undefined,
      { write: (text) => out.push(text), error: (text) => out.push(text) },
      fakeClock()
    );
    expect(out.join('')).toBe(
      '[1/1] Seeding data...\n      done in 0.0 s: Nothing to change.\n        Account  7 unchanged\n'
    );
  });
});
