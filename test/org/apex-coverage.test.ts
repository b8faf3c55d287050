import { evaluateApexRun, percentOf } from '../../scripts/org/apex-coverage';

const run = (summary: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  summary: { outcome: 'Passed', testsRan: 10, passing: 10, failing: 0, orgWideCoverage: '93%', ...summary },
  tests: [],
  ...extra
});

describe('evaluateApexRun', () => {
  it('passes with all tests green and coverage at or above the minimum', () => {
    expect(evaluateApexRun(run({}), 90)).toEqual({
      ok: true,
      lines: [
        '10 tests ran: 10 passed, 0 failed (outcome Passed).',
        'Org-wide Apex coverage 93% (at least 90% required).'
      ]
    });
  });

  it('fails on coverage under the minimum and lists the least covered classes', () => {
    const verdict = evaluateApexRun(
      run(
        { orgWideCoverage: '88%' },
        {
          coverage: {
            coverage: [
              { name: 'SubscriptionBuilder', coveredPercent: 95 },
              { name: 'SubscriptionMapping', coveredPercent: 71 },
              { name: 'OrderProvisionRequestPublisher', coveredPercent: 85 }
            ]
          }
        }
      ),
      90
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.lines.slice(1)).toEqual([
      'Org-wide Apex coverage 88% (at least 90% required): too low.',
      '  SubscriptionMapping: 71%',
      '  OrderProvisionRequestPublisher: 85%'
    ]);
  });

  it('fails on a failed test and names it', () => {
    const verdict = evaluateApexRun(
      run(
        { outcome: 'Failed', passing: 9, failing: 1 },
        {
          tests: [{ Outcome: 'Fail', FullName: 'OrderApprovalFlow_Tests.approves', Message: 'Assertion Failed\nmore' }]
        }
      ),
      90
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.lines).toContain('  failed: OrderApprovalFlow_Tests.approves: Assertion Failed');
  });

  it('fails without coverage or without a summary', () => {
    expect(evaluateApexRun(run({ orgWideCoverage: undefined }), 90).ok).toBe(false);
    expect(evaluateApexRun(undefined, 90)).toEqual({
      ok: false,
      lines: ['The test run reported no summary: did it start?']
    });
  });

  it('reads percentages', () => {
    expect([percentOf('91%'), percentOf(88.5), percentOf('n/a')]).toEqual([91, 88.5, undefined]);
  });
});
