/**
 * Apex Reference, "System Class": isFuture() "returns true if the currently executing code is invoked by code contained
 * in a method annotated with @future", isQueueable() "if a queueable Apex job invoked the executing code", isBatch()
 * "if a batch Apex job invoked the executing code", isScheduled() "if a scheduled Apex job invoked the executing code";
 * each is false elsewhere. The runtime answered true to all four in any asynchronous job. What they return in a
 * Transaction Finalizer is not documented: UNSUPPORTED.
 */
import { outcomes, runSnippet } from './snippet-project';

describe('System.isFuture/isQueueable/isBatch/isScheduled', () => {
  const r = runSnippet(
    'AsyncContext_Tests',
    `
    static List<String> seen = new List<String>();
    static String flags() {
      return (System.isFuture() ? 'F' : '-') + (System.isQueueable() ? 'Q' : '-') + (System.isBatch() ? 'B' : '-')
        + (System.isScheduled() ? 'S' : '-');
    }
    @future static void later() { seen.add(flags()); }
    class Job implements Queueable {
      public void execute(QueueableContext ctx) { seen.add(flags()); }
    }
    class Nightly implements Schedulable {
      public void execute(SchedulableContext ctx) { seen.add(flags()); }
    }
    class Sweep implements Database.Batchable<SObject> {
      public List<SObject> start(Database.BatchableContext ctx) { return new List<Account>{ new Account(Name = 'A') }; }
      public void execute(Database.BatchableContext ctx, List<SObject> scope) { seen.add(flags()); }
      public void finish(Database.BatchableContext ctx) {}
    }
    class Check implements Finalizer {
      public void execute(FinalizerContext ctx) { seen.add(flags()); }
    }
    class Attaching implements Queueable {
      public void execute(QueueableContext ctx) { System.attachFinalizer(new Check()); }
    }
    @IsTest static void eachCheckAnswersForItsOwnKind() {
      seen.add(flags());
      Test.startTest();
      later();
      System.enqueueJob(new Job());
      System.schedule('nightly', '0 0 1 * * ?', new Nightly());
      Database.executeBatch(new Sweep());
      Test.stopTest();
      Assert.areEqual(new List<String>{ '----', 'F---', '-Q--', '---S', '--B-' }, seen);
    }
    @IsTest static void checksInAFinalizerAreUnsupported() {
      Test.startTest();
      System.enqueueJob(new Attaching());
      Test.stopTest();
    }
  `
  );

  it('answers for the kind of job that runs the code', () => {
    expect(outcomes(r, ['eachCheckAnswersForItsOwnKind'])).toEqual([
      ['eachCheckAnswersForItsOwnKind', 'PASS', undefined]
    ]);
  });

  it('reports the checks in a finalizer as UNSUPPORTED', () => {
    expect(r.get('checksInAFinalizerAreUnsupported')).toMatchObject({
      outcome: 'UNSUPPORTED',
      message: 'System.isFuture in a Transaction Finalizer'
    });
  });
});
