import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  apexTestArgs,
  deprecationNotice,
  evaluateApexRun,
  percentOf,
  reportFiles,
  runOrgApexTests
} from '../../scripts/org/apex-coverage';

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

describe('test:apex:org --output-dir', () => {
  it('asks sf apex run test to write its report files into the directory', () => {
    expect(apexTestArgs('dev', 30, '/tmp/out')).toEqual([
      'apex',
      'run',
      'test',
      '--target-org',
      'dev',
      '--test-level',
      'RunLocalTests',
      '--code-coverage',
      '--result-format',
      'json',
      '--wait',
      '30',
      '--output-dir',
      '/tmp/out'
    ]);
    expect(apexTestArgs('dev', 30, undefined)).not.toContain('--output-dir');
  });

  it("finds the sf CLI's JUnit and coverage files by their names", () => {
    const dir = mkdtempSync(join(tmpdir(), 'apex-out-'));
    try {
      expect(reportFiles(dir)).toEqual({ junit: [], coverage: [], all: [] });
      // The names plugin-apex's TestReporter gives them.
      for (const file of [
        'test-run-id.txt',
        'test-result-707xx0000000001.json',
        'test-result-707xx0000000001-junit.xml',
        'test-result-codecoverage.json',
        'test-result-707xx0000000001-codecoverage.json'
      ]) {
        writeFileSync(join(dir, file), '');
      }
      expect(reportFiles(dir)).toMatchObject({
        junit: ['test-result-707xx0000000001-junit.xml'],
        coverage: ['test-result-707xx0000000001-codecoverage.json', 'test-result-codecoverage.json']
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(reportFiles(join(dir, 'gone')).all).toEqual([]);
  });

  it('prints a notice only under the old npm script name', () => {
    expect(deprecationNotice('org:test:apex')).toMatch(/deprecated.*use npm run test:apex:org/);
    expect(deprecationNotice('test:apex:org')).toBeUndefined();
    expect(deprecationNotice(undefined)).toBeUndefined();
  });
});

describe('runOrgApexTests', () => {
  const passedRun = run({ testRunId: '707xx0000000001' });
  const quiet = { write: () => undefined, error: () => undefined };

  /** An sf CLI stand-in that answers the run and, like plugin-apex, writes its files to --output-dir. */
  function sfWriting(files: string[]) {
    const calls: string[][] = [];
    const sf = async (args: string[]) => {
      calls.push(args);
      const dir = args[args.indexOf('--output-dir') + 1];
      for (const file of files) {
        writeFileSync(join(dir, file), '<testsuites/>');
      }
      return { ok: true as const, result: passedRun, warnings: [] };
    };
    return { sf, calls };
  }

  it('passes and names the JUnit and coverage files the sf CLI wrote into --output-dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apex-run-'));
    try {
      const { sf, calls } = sfWriting(['test-result-707xx0000000001-junit.xml', 'test-result-codecoverage.json']);
      const answer = await runOrgApexTests(
        { targetOrg: 'dev', minCoverage: 90, waitMinutes: 30, outputDir: dir },
        { sf, connect: async () => undefined },
        quiet
      );
      expect(calls[0]).toContain('--output-dir');
      expect(answer.result).toMatchObject({
        passed: true,
        files: { junit: ['test-result-707xx0000000001-junit.xml'], coverage: ['test-result-codecoverage.json'] }
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails when the sf CLI wrote no JUnit or coverage file, though the tests passed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apex-run-'));
    try {
      const { sf } = sfWriting(['test-run-id.txt']);
      const running = runOrgApexTests(
        { targetOrg: 'dev', minCoverage: 90, waitMinutes: 30, outputDir: dir },
        { sf, connect: async () => undefined },
        quiet
      );
      await expect(running).rejects.toMatchObject({
        name: 'ApexTestsFailed',
        details: expect.arrayContaining([
          expect.stringMatching(/wrote no JUnit or coverage file .* \(found: test-run-id\.txt\)/)
        ])
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with the run as its result when a test failed, and says why in one sentence when the run never started', async () => {
    const failedRun = run({ outcome: 'Failed', failing: 1, passing: 9 });
    const failing = runOrgApexTests(
      { targetOrg: 'dev', minCoverage: 90, waitMinutes: 30 },
      {
        sf: async () => ({ ok: false, name: 'x', message: 'tests failed', result: failedRun }),
        connect: async () => undefined
      },
      quiet
    );
    await expect(failing).rejects.toMatchObject({ result: { passed: false, run: failedRun } });
    const broken = runOrgApexTests(
      { targetOrg: 'dev', minCoverage: 90, waitMinutes: 30 },
      {
        sf: async () => ({ ok: false, name: 'x', message: 'No org', result: undefined }),
        connect: async () => undefined
      },
      quiet
    );
    await expect(broken).rejects.toThrow('The Apex tests could not run in dev: No org');
  });
});
