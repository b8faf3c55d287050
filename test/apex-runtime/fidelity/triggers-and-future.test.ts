/**
 * Trigger and asynchronous outcomes the Apex Developer Guide documents, found differing from the runtime by a probe
 * of 27 trigger, query, limit and async constructs (the other 21 matched; the six that differed from the probe's
 * expectations were checked against the documentation, and only these were runtime bugs).
 */
import { outcomes, runSnippet } from './snippet-project';

const TRIGGER = `trigger AccountRules on Account (before insert, after insert, before update) {
  if (Trigger.isBefore) {
    for (Account a : Trigger.new) {
      if (a.Name == 'field error') a.Name.addError('Name is refused');
      if (a.Name == 'named field error') a.addError('Description', 'Description is refused');
    }
    if (Trigger.isUpdate) {
      for (Account a : Trigger.old) {
        if (a.Name == 'old') a.Name = 'changed old';
      }
    }
  } else {
    for (Account a : Trigger.new) {
      if (a.Name == 'after change') a.Description = 'too late';
    }
  }
}`;

describe('apex runtime fidelity: triggers and @future', () => {
  const r = runSnippet(
    'TriggerFuture_Tests',
    `
    static Integer futureRuns = 0;
    @future static void countLater(String name) { insert new Account(Name = name); }
    @future static void reportContext() {
      insert new Account(Name = 'future ' + System.isFuture() + ' queueable ' + System.isQueueable() + ' batch ' + System.isBatch());
    }
    public class Job implements Queueable {
      public void execute(QueueableContext c) {
        insert new Account(Name = 'queueable ' + System.isQueueable() + ' future ' + System.isFuture());
      }
    }
    // Apex Reference, "SObject Class", addError on a field: "Trigger.new[0].myField__c.addError('bad')" marks the
    // field; the DML error names it (Database.Error.getFields)
    @IsTest static void fieldAddErrorFailsTheRecordAndNamesTheField() {
      try {
        insert new Account(Name = 'field error');
        Assert.fail('expected a DmlException');
      } catch (DmlException e) {
        Assert.areEqual(StatusCode.FIELD_CUSTOM_VALIDATION_EXCEPTION, e.getDmlType(0));
        Assert.areEqual('Name is refused', e.getDmlMessage(0));
        Assert.areEqual(new List<String>{ 'Name' }, e.getDmlFieldNames(0));
      }
      List<Database.SaveResult> results = Database.insert(new List<Account>{ new Account(Name = 'named field error') }, false);
      Assert.areEqual('Description is refused', results[0].getErrors()[0].getMessage());
      Assert.areEqual(new List<String>{ 'Description' }, results[0].getErrors()[0].getFields());
    }
    // Apex Developer Guide, "Triggers and Order of Execution" / "Context Variable Considerations": in an after
    // trigger trigger.new is saved already ("Not allowed. A runtime error is thrown"), and trigger.old is never
    // writable; the error is System.FinalException: Record is read-only
    @IsTest static void afterTriggerRecordsAreReadOnly() {
      try {
        insert new Account(Name = 'after change');
        Assert.fail('expected a DmlException');
      } catch (DmlException e) {
        Assert.isTrue(e.getMessage().contains('execution of AfterInsert'), e.getMessage());
        Assert.isTrue(e.getMessage().contains('System.FinalException: Record is read-only'), e.getMessage());
      }
      Account a = new Account(Name = 'old');
      insert a;
      try {
        update a;
        Assert.fail('expected a DmlException');
      } catch (DmlException e) {
        Assert.isTrue(e.getMessage().contains('Record is read-only'), e.getMessage());
      }
      a.Name = 'after change';
      a.Description = 'the caller may still change its own copy';
      Assert.areEqual('the caller may still change its own copy', a.Description);
    }
    // Apex Developer Guide, "Future Methods" and "Testing Asynchronous Apex": a @future call is queued; in a test
    // it runs when Test.stopTest() runs, and it counts toward Limits.getFutureCalls()
    @IsTest static void futureRunsAtStopTestAndCounts() {
      Test.startTest();
      countLater('later');
      Assert.areEqual(1, Limits.getFutureCalls());
      Assert.areEqual(0, [SELECT COUNT() FROM Account WHERE Name = 'later']);
      Test.stopTest();
      Assert.areEqual(1, [SELECT COUNT() FROM Account WHERE Name = 'later']);
    }
    // Apex Reference, "System Class": isFuture (a @future method invoked the code), isQueueable (a queueable job),
    // isBatch (a batch job) each name one kind of async context
    @IsTest static void asyncContextsAreTold() {
      Test.startTest();
      reportContext();
      System.enqueueJob(new Job());
      Test.stopTest();
      Assert.areEqual(1, [SELECT COUNT() FROM Account WHERE Name = 'future true queueable false batch false']);
      Assert.areEqual(1, [SELECT COUNT() FROM Account WHERE Name = 'queueable true future false']);
    }
  `,
    { 'triggers/AccountRules.trigger': TRIGGER }
  );

  it.each([
    'fieldAddErrorFailsTheRecordAndNamesTheField',
    'afterTriggerRecordsAreReadOnly',
    'futureRunsAtStopTestAndCounts',
    'asyncContextsAreTold'
  ])('%s', (name) => {
    expect(outcomes(r, [name])).toEqual([[name, 'PASS', undefined]]);
  });
});
