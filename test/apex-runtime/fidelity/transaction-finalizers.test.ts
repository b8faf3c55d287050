/**
 * Apex Developer Guide, "Transaction Finalizers": a Queueable attaches a Finalizer with `System.attachFinalizer`; after
 * the job ends, successfully or with an unhandled exception, the finalizer's `execute(FinalizerContext)` runs in its
 * own transaction. `getResult()` is a `System.ParentJobResult` (SUCCESS, UNHANDLED_EXCEPTION), `getException()` the
 * job's unhandled exception, `getAsyncApexJobId()` the job's Id; the Quiddity of that transaction is
 * TRANSACTION_FINALIZER_QUEUEABLE (Apex Reference, "Quiddity Enum"). "Execution Governors and Limits": an asynchronous
 * transaction may add 1 job with System.enqueueJob (50 in a synchronous one), so `Limits.getLimitQueueableJobs()` is 1
 * there. codefriar/ApexKit's OuroborosTests (CI in scratch orgs) relies on all of it: its finalizer trips a circuit
 * breaker because 1 - (0 + 1) leaves no room for another job. What no document gives (a second finalizer, one attached
 * outside a Queueable) is UNSUPPORTED. Scheduled and batch jobs have their Quiddity too: SCHEDULED,
 * BATCH_APEX; a batch chunk is BATCH_CHUNK_SERIAL or BATCH_CHUNK_PARALLEL, and which a test runs is not documented.
 */
import { outcomes, runSnippet } from './snippet-project';

describe('transaction finalizers', () => {
  const r = runSnippet(
    'Finalizer_Tests',
    `
    static List<String> seen = new List<String>();
    class Step implements Queueable {
      Boolean fail;
      Step(Boolean fail) { this.fail = fail; }
      public void execute(QueueableContext ctx) {
        System.attachFinalizer(new Done());
        seen.add('run ' + Limits.getLimitQueueableJobs());
        if (fail) { throw new IllegalArgumentException('boom'); }
      }
    }
    class Done implements Finalizer {
      public void execute(FinalizerContext ctx) {
        seen.add(ctx.getResult() + ' ' + (ctx.getException() == null ? 'none' : ctx.getException().getMessage()) + ' '
          + (ctx.getAsyncApexJobId() != null) + ' ' + Limits.getLimitQueueableJobs() + ' '
          + Request.getCurrent().getQuiddity());
        if (ctx.getResult() == ParentJobResult.SUCCESS) { seen.add('switch ok'); }
      }
    }
    class Twice implements Queueable {
      public void execute(QueueableContext ctx) {
        System.attachFinalizer(new Done());
        System.attachFinalizer(new Done());
      }
    }
    @IsTest static void finalizerRunsAfterTheJob() {
      Test.startTest();
      System.enqueueJob(new Step(false));
      Test.stopTest();
      Assert.areEqual(new List<String>{ 'run 1', 'SUCCESS none true 1 TRANSACTION_FINALIZER_QUEUEABLE', 'switch ok' }, seen);
      Assert.areEqual(50, Limits.getLimitQueueableJobs());
    }
    @IsTest static void finalizerSeesTheUnhandledException() {
      Test.startTest();
      Id jobId = System.enqueueJob(new Step(true));
      Test.stopTest();
      Assert.areEqual(new List<String>{ 'run 1', 'UNHANDLED_EXCEPTION boom true 1 TRANSACTION_FINALIZER_QUEUEABLE' }, seen);
      Assert.areEqual('Failed', [SELECT Status FROM AsyncApexJob WHERE Id = :jobId].Status);
    }
    class Fanout implements Queueable {
      public void execute(QueueableContext ctx) {
        System.attachFinalizer(new Done());
        System.enqueueJob(new Noop());
        System.enqueueJob(new Noop());
      }
    }
    class Noop implements Queueable {
      public void execute(QueueableContext ctx) {}
    }
    @IsTest static void asyncTransactionAddsOneQueueable() {
      Test.startTest();
      Id jobId = System.enqueueJob(new Fanout());
      Test.stopTest();
      Assert.areEqual('UNHANDLED_EXCEPTION Too many queueable jobs added to the queue: 2 true 1 TRANSACTION_FINALIZER_QUEUEABLE', seen[0]);
      Assert.areEqual('Failed', [SELECT Status FROM AsyncApexJob WHERE Id = :jobId].Status);
    }
    class Nightly implements Schedulable {
      public void execute(SchedulableContext ctx) { seen.add('' + Request.getCurrent().getQuiddity()); }
    }
    class Sweep implements Database.Batchable<SObject> {
      Boolean readInChunk;
      Sweep(Boolean readInChunk) { this.readInChunk = readInChunk; }
      public List<SObject> start(Database.BatchableContext ctx) {
        seen.add('' + Request.getCurrent().getQuiddity());
        return new List<Account>{ new Account(Name = 'A') };
      }
      public void execute(Database.BatchableContext ctx, List<SObject> scope) {
        if (readInChunk) { seen.add('' + Request.getCurrent().getQuiddity()); }
      }
      public void finish(Database.BatchableContext ctx) {}
    }
    @IsTest static void eachAsyncKindHasItsQuiddity() {
      Test.startTest();
      System.schedule('nightly', '0 0 1 * * ?', new Nightly());
      Database.executeBatch(new Sweep(false));
      Test.stopTest();
      Assert.areEqual(new List<String>{ 'SCHEDULED', 'BATCH_APEX' }, seen);
      Assert.areEqual(Quiddity.RUNTEST_SYNC, Request.getCurrent().getQuiddity());
    }
    @IsTest static void batchChunkQuiddityIsUnsupported() {
      Test.startTest();
      Database.executeBatch(new Sweep(true));
      Test.stopTest();
    }
    @IsTest static void attachOutsideQueueableIsUnsupported() {
      System.attachFinalizer(new Done());
    }
  `
  );

  it('runs the finalizer with the job result, its exception and asynchronous limits', () => {
    const names = [
      'finalizerRunsAfterTheJob',
      'finalizerSeesTheUnhandledException',
      'asyncTransactionAddsOneQueueable',
      'eachAsyncKindHasItsQuiddity'
    ];
    expect(outcomes(r, names)).toEqual(names.map((name) => [name, 'PASS', undefined]));
  });

  it('reports what no document gives as UNSUPPORTED', () => {
    expect(r.get('batchChunkQuiddityIsUnsupported')).toMatchObject({
      outcome: 'UNSUPPORTED',
      message: 'the Quiddity of a batch Apex chunk'
    });
    expect(r.get('attachOutsideQueueableIsUnsupported')).toMatchObject({
      outcome: 'UNSUPPORTED',
      message: 'System.attachFinalizer outside a Queueable job'
    });
  });
});
