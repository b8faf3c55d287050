import { CheckContext, Cleanup, waitForFields } from '../../scripts/e2e/context';
import { CheckFailure, expectFields, expectOne, expectValue } from '../../scripts/e2e/expect';
import { RecordWriteError } from '../../scripts/lib/org-api';
import { fakeClock, ScriptedOrgApi } from '../support/fake-org';

describe('Cleanup', () => {
  it('deletes records newest first and takes an already deleted record as done', async () => {
    const api = new ScriptedOrgApi();
    const cleanup = new Cleanup();
    cleanup.deleteLater(api, 'Account', '001A');
    cleanup.deleteLater(api, 'Order', '801A');
    api.removeError = new RecordWriteError('Deleting Order #1 failed: ENTITY_IS_DELETED: entity is deleted', [
      'ENTITY_IS_DELETED'
    ]);
    expect(await cleanup.runAll()).toEqual([]);
    expect(api.removed).toEqual([
      { sobject: 'Order', ids: ['801A'] },
      { sobject: 'Account', ids: ['001A'] }
    ]);
  });

  it('reports a record it could not delete and goes on with the rest', async () => {
    const api = new ScriptedOrgApi();
    api.removeError = new RecordWriteError('Deleting Account #1 failed: DELETE_FAILED: it has subscriptions', [
      'DELETE_FAILED'
    ]);
    const cleanup = new Cleanup();
    cleanup.deleteLater(api, 'Account', '001A');
    cleanup.deleteLater(api, 'Account', '001B');
    expect(await cleanup.runAll()).toEqual([
      'could not delete Account 001B: Deleting Account #1 failed: DELETE_FAILED: it has subscriptions',
      'could not delete Account 001A: Deleting Account #1 failed: DELETE_FAILED: it has subscriptions'
    ]);
  });
});

describe('waitForFields', () => {
  function context(api: ScriptedOrgApi): CheckContext {
    return {
      api,
      tag: 'T',
      timeoutMs: 6000,
      settleMs: 0,
      clock: fakeClock(),
      cleanup: new Cleanup(),
      provisionEvents: () => Promise.reject(new Error('unused')),
      uniqueNumber: () => 1
    };
  }

  it('returns the record once automation has set the expected values', async () => {
    const api = new ScriptedOrgApi();
    const states = ['Pending Review', 'Activating'];
    api.query = async <T>() => [{ Id: '801A', Activation_Status__c: states.shift() ?? 'Activating' }] as T[];
    const record = await waitForFields(context(api), 'the order', 'SELECT …', { Activation_Status__c: 'Activating' });
    expect(record.Activation_Status__c).toBe('Activating');
  });

  it('fails with the expected values and the last ones seen', async () => {
    const api = new ScriptedOrgApi([
      [/Order/, [{ Id: '801A', Activation_Status__c: 'Pending Review', Activation_Error__c: null }]]
    ]);
    const wait = waitForFields(context(api), 'the approved order', 'SELECT … FROM Order', {
      Activation_Status__c: 'Activating',
      Activation_Error__c: null
    });
    await expect(wait).rejects.toEqual(
      new CheckFailure(
        'the approved order',
        'Activation_Status__c = "Activating", Activation_Error__c = (blank) within 6 s',
        'Activation_Status__c = "Pending Review"'
      )
    );
  });
});

describe('expectations', () => {
  it('name every differing field at once', () => {
    expect(() =>
      expectFields(
        'the opportunity',
        { StageName: 'Ready', Amount: 10, CloseDate: '2025-01-01' },
        { StageName: 'Active', Amount: 10, Portal_Source__c: 'x' }
      )
    ).toThrow(
      new CheckFailure(
        'the opportunity',
        'StageName = "Active", Portal_Source__c = "x"',
        'StageName = "Ready", Portal_Source__c = (blank)'
      )
    );
    expect(() => expectFields('the account', undefined, { Name: 'A' })).toThrow(
      'the account: expected Name = "A", saw no record'
    );
  });

  it('compare single values and counts', () => {
    expect(() => expectValue('the price', 47.11, 47.1)).toThrow('the price: expected 47.11, saw 47.1');
    expect(() => expectOne('cases', [])).toThrow('cases: expected exactly one record, saw 0');
    expect(expectOne('cases', ['x'])).toBe('x');
  });
});
