import { deferredChanges, lookupOf, PENDING_ID, planBatch, validateSeed } from '../../scripts/org/seed/plan';
import { ref, SeedBatch } from '../../scripts/org/seed/types';

const accounts: SeedBatch = {
  sobject: 'Account',
  mode: 'sync',
  records: [
    { key: 'account:a', match: { SF_Account_No__c: 'SEED-0001' }, fields: { Name: 'A', Portal_Status__c: 'Active' } },
    {
      key: 'account:b',
      match: { SF_Account_No__c: 'SEED-0002' },
      fields: { Name: 'B', Internet_Eligibility_Request_Date_Time__c: '2025-01-06T09:30:00.000Z', WH_Account__c: 5 }
    }
  ]
};

describe('planBatch: desired records against the org', () => {
  it('creates what is missing, updates only the fields that differ, and leaves equal records alone', () => {
    const existing = [
      {
        Id: '001B',
        SF_Account_No__c: 'seed-0002',
        Name: 'B',
        // The org writes date-times with +0000 and numbers as numbers: the same values.
        Internet_Eligibility_Request_Date_Time__c: '2025-01-06T09:30:00.000+0000',
        WH_Account__c: 5
      }
    ];
    // SF_Account_No__c is unique without case, as SOQL compares it: a case variant is the same customer.
    expect(planBatch(accounts, existing, new Map()).map((entry) => entry.action)).toEqual(['create', 'unchanged']);

    existing[0].SF_Account_No__c = 'SEED-0002';
    const plan = planBatch(accounts, existing, new Map());
    expect(plan.map((entry) => [entry.record.key, entry.action, entry.existing?.Id])).toEqual([
      ['account:a', 'create', undefined],
      ['account:b', 'unchanged', '001B']
    ]);

    existing[0].Name = 'B (renamed by hand)';
    const changed = planBatch(accounts, existing, new Map())[1];
    expect(changed.action).toBe('update');
    expect(changed.changes).toEqual([{ field: 'Name', from: 'B (renamed by hand)', to: 'B' }]);
  });

  it('resolves references to Ids, and a reference to a record still to be created means create', () => {
    const contacts: SeedBatch = {
      sobject: 'Contact',
      mode: 'sync',
      records: [{ key: 'contact:a', match: { Email: 'a@example.com' }, fields: { AccountId: ref('account:a') } }]
    };
    const existing = [{ Id: '003A', Email: 'a@example.com', AccountId: '001A' }];
    expect(planBatch(contacts, existing, new Map([['account:a', '001A']]))[0].action).toBe('unchanged');
    const moved = planBatch(contacts, existing, new Map([['account:a', null]]))[0];
    expect(moved.action).toBe('update');
    expect(moved.changes).toEqual([{ field: 'AccountId', from: '001A', to: PENDING_ID }]);

    const items: SeedBatch = {
      sobject: 'OrderItem',
      mode: 'sync',
      records: [{ key: 'item', match: { OrderId: ref('order'), Product2Id: ref('product') }, fields: { Quantity: 1 } }]
    };
    const existingItems = [{ Id: '802A', OrderId: '801A', Product2Id: '01tA', Quantity: 1 }];
    expect(
      planBatch(
        items,
        existingItems,
        new Map([
          ['order', null],
          ['product', '01tA']
        ])
      )[0].action
    ).toBe('create');
    expect(
      planBatch(
        items,
        existingItems,
        new Map([
          ['order', '801A'],
          ['product', '01tA']
        ])
      )[0].action
    ).toBe('unchanged');
  });

  it('matches null match values (a price tier without upper bound)', () => {
    const tiers: SeedBatch = {
      sobject: 'SubscriptionPriceTier__c',
      mode: 'sync',
      records: [{ key: 't', match: { SubscriptionItem__c: ref('item'), Quantity__c: null }, fields: { Price__c: 200 } }]
    };
    const plan = planBatch(
      tiers,
      [{ Id: 'a03', SubscriptionItem__c: 'a01', Quantity__c: null, Price__c: 200 }],
      new Map([['item', 'a01']])
    );
    expect(plan[0].action).toBe('unchanged');
  });

  it('uses the oldest of several matching records and says so', () => {
    const plan = planBatch(
      accounts,
      [
        { Id: '001A', SF_Account_No__c: 'SEED-0001', Name: 'A', Portal_Status__c: 'Active' },
        { Id: '001Z', SF_Account_No__c: 'SEED-0001', Name: 'A', Portal_Status__c: 'Active' }
      ],
      new Map()
    );
    expect(plan[0]).toMatchObject({
      action: 'unchanged',
      existing: { Id: '001A' },
      notes: ['2 records match; the oldest (001A) is used']
    });
  });

  it('never creates in existing and verify batches: a missing or different record is reported instead', () => {
    const verify: SeedBatch = {
      sobject: 'SubscriptionBuildFilter__mdt',
      mode: 'verify',
      records: [{ key: 'filter', match: { DeveloperName: 'Approved_Orders' }, fields: { Active__c: true } }]
    };
    expect(planBatch(verify, [], new Map())[0].action).toBe('missing');
    expect(
      planBatch(verify, [{ Id: 'm00', DeveloperName: 'Approved_Orders', Active__c: false }], new Map())[0].action
    ).toBe('differs');
    const existing: SeedBatch = { ...verify, sobject: 'Pricebook2', mode: 'existing' };
    expect(
      planBatch(existing, [{ Id: '01s', DeveloperName: 'Approved_Orders', Active__c: false }], new Map())[0].action
    ).toBe('update');
  });
});

describe('lookupOf', () => {
  it('queries by the first match field, leaves out values still waiting for an Id, and reads every compared field', () => {
    const batch: SeedBatch = {
      sobject: 'Order',
      mode: 'sync',
      records: [
        { key: 'o1', match: { Name: 'One' }, fields: { Status: 'Draft' }, createOnly: { AccountId: ref('a') } },
        { key: 'o2', match: { Name: 'Two' }, deferred: { Status: 'Activated' } }
      ]
    };
    expect(lookupOf(batch, new Map())).toEqual({
      field: 'Name',
      values: ['One', 'Two'],
      fields: ['Id', 'Name', 'Status']
    });
    const items: SeedBatch = {
      sobject: 'OrderItem',
      mode: 'sync',
      records: [
        { key: 'i1', match: { OrderId: ref('o1') } },
        { key: 'i2', match: { OrderId: ref('o2') } }
      ]
    };
    expect(
      lookupOf(
        items,
        new Map([
          ['o1', '801A'],
          ['o2', null]
        ])
      ).values
    ).toEqual(['801A']);
  });
});

describe('deferredChanges', () => {
  it('writes every deferred value of a new record and only the differing ones of an existing record', () => {
    const record = { key: 'o', match: { Name: 'O' }, deferred: { Status: 'Activated', Note__c: ref('case') } };
    const ids = new Map([['case', '500A']]);
    expect(deferredChanges({ sobject: 'Order', record, action: 'create', changes: [], notes: [] }, ids)).toEqual([
      { field: 'Status', from: undefined, to: 'Activated' },
      { field: 'Note__c', from: undefined, to: '500A' }
    ]);
    const existing = { Id: '801', Name: 'O', Status: 'Activated', Note__c: '500B' };
    expect(
      deferredChanges({ sobject: 'Order', record, action: 'unchanged', existing, changes: [], notes: [] }, ids)
    ).toEqual([{ field: 'Note__c', from: '500B', to: '500A' }]);
  });
});

describe('validateSeed', () => {
  it('finds duplicate keys, mixed match fields and references forward or to nothing', () => {
    const problems = validateSeed([
      {
        sobject: 'Account',
        mode: 'sync',
        records: [
          { key: 'a', match: { Name: 'A' }, fields: { ParentId: ref('b') } },
          { key: 'a', match: { SF_Account_No__c: 'X' }, deferred: { Case__c: ref('nowhere') } }
        ]
      },
      {
        sobject: 'Contact',
        mode: 'sync',
        records: [{ key: 'b', match: { Email: 'b' }, fields: { AccountId: ref('a') } }]
      }
    ]);
    expect(problems).toEqual([
      'a refers to b, which is not in an earlier batch',
      'the key a is used twice',
      'a is matched by SF_Account_No__c, the rest of Account by Name',
      'a refers to nowhere, which is not in the seed'
    ]);
  });
});
