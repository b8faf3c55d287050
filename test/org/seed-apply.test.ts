import { formatSeedOutcome, runSeed, SeedError } from '../../scripts/org/seed/apply';
import { SEED_BATCHES } from '../../scripts/org/seed/seed-data';
import { MemorySeedStore } from '../support/fake-org';

/** An org as a fresh deploy leaves it: the filter deployed with the source, the standard price book inactive. */
function deployedOrg(): MemorySeedStore {
  const store = new MemorySeedStore();
  store.add('SubscriptionBuildFilter__mdt', {
    DeveloperName: 'Approved_Orders',
    TargetObject__c: 'Order',
    ChildRelation__c: 'OrderItems',
    Active__c: true
  });
  store.add('Pricebook2', { IsStandard: true, IsActive: false });
  return store;
}

const syncRecordCount = SEED_BATCHES.filter((batch) => batch.mode === 'sync').reduce(
  (count, batch) => count + batch.records.length,
  0
);

describe('runSeed against an in-memory org', () => {
  it('creates every record on the first run, in dependency order, then writes the deferred values', async () => {
    const store = deployedOrg();
    const outcome = await runSeed(SEED_BATCHES, store, { dryRun: false });

    expect(outcome.records.filter((record) => record.outcome === 'created')).toHaveLength(syncRecordCount);
    expect(store.list('Pricebook2')[0].IsActive).toBe(true);
    // The activated order is created as Draft, gets its items, and is activated last.
    const activated = store.list('Order').find((order) => order.Name === 'Seed: Activated order (provisioned)');
    expect(activated?.Status).toBe('Activated');
    const writeOrder = store.writes.map((write) => `${write.kind} ${write.sobject}`);
    expect(writeOrder.indexOf('create OrderItem')).toBeLessThan(writeOrder.lastIndexOf('update Order'));
    const createdOrders = store.writes.find((write) => write.kind === 'create' && write.sobject === 'Order');
    expect(createdOrders?.rows.find((row) => row.Name === 'Seed: Activated order (provisioned)')?.Status).toBe('Draft');
    // The pending account points at its eligibility case, created three batches later.
    const pending = store.list('Account').find((account) => account.SF_Account_No__c === 'SEED-0002');
    const eligibilityCase = store.list('Case').find((entry) => entry.Type === 'Eligibility Check');
    expect(pending?.Internet_Eligibility_Case_Id__c).toBe(eligibilityCase?.Id);
    // Every order item points at its order, product and price book entry.
    for (const item of store.list('OrderItem')) {
      expect(store.get('Order', String(item.OrderId))).toBeDefined();
      expect(store.get('PricebookEntry', String(item.PricebookEntryId))?.Product2Id).toBe(item.Product2Id);
    }
  });

  it('changes nothing on a second run and says so', async () => {
    const store = deployedOrg();
    await runSeed(SEED_BATCHES, store, { dryRun: false });
    store.writes.length = 0;

    const outcome = await runSeed(SEED_BATCHES, store, { dryRun: false });

    expect(store.writes).toEqual([]);
    expect(new Set(outcome.records.map((record) => record.outcome))).toEqual(new Set(['unchanged', 'verified']));
    const lines = formatSeedOutcome(outcome);
    expect(lines[lines.length - 1]).toBe(
      `Nothing to change: all ${outcome.records.length} seed records are up to date.`
    );
    expect(lines).toContain('Account                       7 unchanged');
  });

  it('puts back only the values that were changed by hand', async () => {
    const store = deployedOrg();
    await runSeed(SEED_BATCHES, store, { dryRun: false });
    const account = store.list('Account').find((entry) => entry.SF_Account_No__c === 'SEED-0006');
    Object.assign(account ?? {}, { Id_Verification_Status__c: 'Verified' });
    store.writes.length = 0;

    const outcome = await runSeed(SEED_BATCHES, store, { dryRun: false });

    expect(store.writes).toEqual([
      { kind: 'update', sobject: 'Account', rows: [{ Id: account?.Id, Id_Verification_Status__c: 'Rejected' }] }
    ]);
    expect(formatSeedOutcome(outcome)).toEqual(
      expect.arrayContaining([
        '  updated Account "SEED-0006": Id_Verification_Status__c: "Verified" → "Rejected"',
        `0 created, 1 updated, ${outcome.records.length - 1} already up to date.`
      ])
    );
  });

  it('writes nothing in a dry run and lists what it would do', async () => {
    const store = deployedOrg();
    const outcome = await runSeed(SEED_BATCHES, store, { dryRun: true });

    expect(store.writes).toEqual([]);
    const lines = formatSeedOutcome(outcome);
    expect(lines).toContain('Order                         6 to create');
    expect(lines).toContain('Pricebook2                    1 to update');
    expect(lines[lines.length - 1]).toBe(
      `Dry run: ${syncRecordCount} to create, 1 to update, 1 up to date; nothing was written.`
    );
  });

  it('stops before any write when the metadata it relies on is not deployed', async () => {
    const store = new MemorySeedStore();
    store.add('Pricebook2', { IsStandard: true, IsActive: true });
    const run = runSeed(SEED_BATCHES, store, { dryRun: false });
    await expect(run).rejects.toThrow(SeedError);
    await expect(run).rejects.toThrow(
      'The org lacks metadata the seed relies on: deploy the project first (npm run org:setup).'
    );
    await expect(run).rejects.toMatchObject({ details: ['SubscriptionBuildFilter__mdt "Approved_Orders" is missing'] });
    expect(store.writes).toEqual([]);
  });

  it("names the batch and the org's reason when a write fails", async () => {
    const store = deployedOrg();
    store.failCreatesOf = 'Contact';
    const run = runSeed(SEED_BATCHES, store, { dryRun: false });
    await expect(run).rejects.toThrow('Creating 7 Contact record(s) failed.');
    await expect(run).rejects.toMatchObject({
      details: ['Creating Contact #1 failed: FIELD_CUSTOM_VALIDATION_EXCEPTION: no']
    });
  });
});
