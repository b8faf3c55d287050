/**
 * The mutation harness on a one-class fixture: it must tell a killed mutant (a wrong comparison, a removed DML
 * statement) from a surviving equivalent one (a second, unobservable save), and never count as run a mutant that does
 * not parse or that no test executes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MutationHarness, mutationScore, type MutantResult } from '../../scripts/apex-mutation/harness';
import { findSites, type Site, type SiteKind } from '../../scripts/apex-mutation/sites';

const ROOT = path.resolve(__dirname, '../fixtures/apex-mutation/project');
const FILE = 'src/classes/AccountTiers.cls';
const SOURCE = fs.readFileSync(path.join(ROOT, FILE), 'utf8');

function site(kind: SiteKind, original: string): Site {
  const found = findSites(SOURCE).filter((s) => s.kind === kind && s.original === original);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('mutation harness on a fixture project', () => {
  // a mutant whose loop never ends is stopped after this long (the platform's CPU time limit would end it)
  const harness = new MutationHarness(ROOT, { timeoutMs: 8000 });
  const results: Record<string, MutantResult> = {};

  beforeAll(async () => {
    const baseline = await harness.runBaseline();
    expect(baseline.tests.map((t) => `${t.test} ${t.outcome}`)).toEqual([
      'AccountTiersTest.tiersByRevenue PASS',
      'AccountTiersTest.countsUpToTheLimit PASS',
      'AccountTiersTest.opensAnAccountWithItsTier PASS'
    ]);
    results.comparison = await harness.runMutation({ file: FILE, site: site('negate-comparison', '>=') });
    results.insert = await harness.runMutation({ file: FILE, site: site('remove-dml', 'insert account;') });
    results.equivalent = await harness.runMutation({ file: FILE, site: site('remove-dml', 'update account;') });
    results.endless = await harness.runMutation({ file: FILE, site: site('negate-comparison', '<') });
    results.uncovered = await harness.runMutation({ file: FILE, site: site('negate-comparison', '>') });
    const broken = { ...site('negate-comparison', '>='), replacement: '>= >=' };
    results.invalid = await harness.runMutation({ file: FILE, site: broken });
    // a mutant the runtime cannot run (DataWeave is not implemented) is reported as such, never as survived
    const unknown = { ...site('remove-dml', 'insert account;'), replacement: "DataWeave.Script.createScript('x');" };
    results.unsupported = await harness.runMutation({ file: FILE, site: unknown });
  });

  afterAll(() => harness.close());

  it('kills a flipped comparison, naming the test that caught it', () => {
    expect(results.comparison.status).toBe('killed');
    expect(results.comparison.description).toBe('line 6: comparison >= -> <');
    expect(results.comparison.detail.join('\n')).toContain('AccountTiersTest.tiersByRevenue');
  });

  it('kills a removed DML statement', () => {
    expect(results.insert.status).toBe('killed');
    expect(results.insert.detail.join('\n')).toContain('AccountTiersTest.opensAnAccountWithItsTier');
  });

  it('lets an equivalent mutant survive', () => {
    expect(results.equivalent.status).toBe('survived');
    expect(results.equivalent.testClasses).toEqual(['AccountTiersTest']);
  });

  it('stops a mutant that loops forever and counts it as a timeout', () => {
    expect(results.endless.status).toBe('timeout');
    expect(results.endless.description).toBe('line 22: comparison < -> >=');
  });

  it('reports a line no test executes as no coverage, without running it', () => {
    expect(results.uncovered.status).toBe('no-coverage');
    expect(results.uncovered.testClasses).toEqual([]);
  });

  it('reports a mutant that does not parse as invalid, neither killed nor survived', () => {
    expect(results.invalid.status).toBe('invalid');
    expect(results.invalid.detail[0]).toMatch(/^does not parse: line 6/);
  });

  it('reports a mutant whose tests only turn UNSUPPORTED as unsupported, neither killed nor survived', () => {
    expect(results.unsupported.status).toBe('unsupported');
    expect(results.unsupported.detail.join('\n')).toContain('AccountTiersTest.opensAnAccountWithItsTier');
  });

  it('scores killed over killed, survived and uncovered mutants', () => {
    expect(mutationScore(Object.values(results))).toEqual({ detected: 3, undetected: 2, score: 0.6 });
  });

  it("leaves the project's files unchanged", () => {
    expect(fs.readFileSync(path.join(ROOT, FILE), 'utf8')).toBe(SOURCE);
  });
});
