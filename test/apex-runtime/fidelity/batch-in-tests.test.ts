/**
 * Apex Developer Guide, "Using Batch Apex" (testing batch Apex): a test method can run only one execution of a batch
 * job's execute(); a job whose start() returns more records than its scope fails the test with System.
 * UnexpectedException ("No more than one executeBatch can be called from within a test method ..."), the message
 * public test logs quote. The runtime ran every chunk and passed such tests.
 */
import { outcomes, runSnippet } from './snippet-project';

describe('apex runtime fidelity: batch Apex in tests', () => {
  const r = runSnippet(
    'BatchInTests_Tests',
    `
    public class Counter implements Database.Batchable<SObject>, Database.Stateful {
      public Integer seen = 0;
      public Database.QueryLocator start(Database.BatchableContext c) { return Database.getQueryLocator('SELECT Id FROM Account'); }
      public void execute(Database.BatchableContext c, List<Account> scope) { seen += scope.size(); }
      public void finish(Database.BatchableContext c) { insert new Account(Name = 'seen ' + seen); }
    }
    @IsTest static void oneExecutionPasses() {
      insert new List<Account>{ new Account(Name = 'a'), new Account(Name = 'b') };
      Test.startTest();
      Database.executeBatch(new Counter(), 2);
      Test.stopTest();
      Assert.areEqual(1, [SELECT COUNT() FROM Account WHERE Name = 'seen 2']);
    }
    @IsTest static void twoExecutionsFailTheTest() {
      insert new List<Account>{ new Account(Name = 'a'), new Account(Name = 'b') };
      Test.startTest();
      Database.executeBatch(new Counter(), 1);
      Test.stopTest();
    }
  `
  );

  it('passes a batch that needs one execution', () => {
    expect(outcomes(r, ['oneExecutionPasses'])).toEqual([['oneExecutionPasses', 'PASS', undefined]]);
  });

  it('fails the test method when the batch needs more than one execution', () => {
    expect(r.get('twoExecutionsFailTheTest')).toMatchObject({
      outcome: 'FAIL',
      message: expect.stringContaining('No more than one executeBatch can be called from within a test method')
    });
  });
});
