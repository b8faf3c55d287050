/**
 * Issue 9's proof on this project: a wrong comparison and a skipped DML in the subscription builder engine must make
 * the project's own Apex tests fail in the offline runtime. Only the engine's two test classes run (a few seconds).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MutationHarness } from '../../scripts/apex-mutation/harness';
import { findSites, type Site, type SiteKind } from '../../scripts/apex-mutation/sites';

const ROOT = path.resolve(__dirname, '../..');
const ENGINE = 'force-app/subscription-builder/main/engine';

function sites(file: string, kind: SiteKind, original: string): Site[] {
  return findSites(fs.readFileSync(path.join(ROOT, file), 'utf8')).filter(
    (s) => s.kind === kind && s.original === original
  );
}

describe('mutations of the subscription builder engine', () => {
  const harness = new MutationHarness(ROOT, {
    classes: ['SubscriptionBuilder_Tests', 'SubscriptionBuildService_Tests']
  });

  beforeAll(async () => {
    const baseline = await harness.runBaseline();
    // a mutant can only be killed by tests that pass unmutated
    expect(baseline.tests.filter((t) => t.outcome === 'PASS').length).toBeGreaterThan(20);
  });

  afterAll(() => harness.close());

  it('kills an update planner that takes a changed source for an unchanged one', async () => {
    const file = `${ENGINE}/SubscriptionUpdatePlanner.cls`;
    const [fingerprint] = sites(file, 'negate-comparison', '==').filter((s) =>
      fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n')[s.line - 1].includes('SourceFingerprint__c')
    );
    const result = await harness.runMutation({ file, site: fingerprint });
    expect(result.status).toBe('killed');
    expect(result.detail.join('\n')).toContain(
      'SubscriptionBuilder_Tests.plansNothingForAnUpdateWhoseSourceHasNotChangedSinceItsLastUpdate'
    );
  });

  it('kills a save that skips the update statement of existing subscriptions', async () => {
    const file = `${ENGINE}/SubscriptionBuildSaver.cls`;
    // the first of the two identical update statements is the subscriptions' (saveSubscriptions), the second the items'
    const updates = sites(
      file,
      'remove-call',
      'updates.collectInto(store.updateRecords(updates.records), roundErrors);'
    );
    expect(updates).toHaveLength(2);
    const result = await harness.runMutation({ file, site: updates[0] });
    expect(result.status).toBe('killed');
    expect(result.detail.length).toBeGreaterThan(0);
  });
});
