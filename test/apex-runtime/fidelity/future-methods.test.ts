/**
 * Apex Developer Guide, "Future Methods": a method annotated `@future` runs asynchronously, in its own transaction,
 * "when Salesforce has resources available"; "Testing Asynchronous Apex": calls made between Test.startTest() and
 * Test.stopTest() are collected and run when stopTest() runs. Its AsyncApexJob has JobType 'Future' and its
 * transaction reads the Quiddity FUTURE (Apex Reference, "Quiddity Enum"). The runtime used to run the method where it
 * was called. A call from a future or batch transaction is refused by the platform with a message no document gives:
 * UNSUPPORTED.
 */
import { outcomes, runSnippet } from './snippet-project';

describe('@future methods', () => {
  const r = runSnippet(
    'Future_Tests',
    `
    static List<String> seen = new List<String>();
    @future static void later(String tag) {
      seen.add(tag + ' ' + Request.getCurrent().getQuiddity() + ' ' + System.isFuture());
    }
    @future static void nested() { later('inner'); }
    @IsTest static void runsAtStopTest() {
      Test.startTest();
      later('a');
      Assert.areEqual(new List<String>(), seen);
      Assert.areEqual(1, Limits.getFutureCalls());
      Test.stopTest();
      Assert.areEqual(new List<String>{ 'a FUTURE true' }, seen);
      AsyncApexJob job = [SELECT JobType, Status FROM AsyncApexJob];
      Assert.areEqual('Future', job.JobType);
      Assert.areEqual('Completed', job.Status);
    }
    @IsTest static void fiftyFirstCallHitsTheLimit() {
      for (Integer i = 0; i < 51; i++) { later('n'); }
    }
    @IsTest static void futureFromFutureIsUnsupported() {
      Test.startTest();
      nested();
      Test.stopTest();
    }
  `
  );

  it('queues the call until Test.stopTest()', () => {
    expect(outcomes(r, ['runsAtStopTest'])).toEqual([['runsAtStopTest', 'PASS', undefined]]);
  });

  it('allows 50 calls per transaction ("Execution Governors and Limits")', () => {
    expect(r.get('fiftyFirstCallHitsTheLimit')).toMatchObject({
      outcome: 'FAIL',
      exceptionType: 'System.LimitException',
      message: 'Too many future calls: 51'
    });
  });

  it('reports a call from a future transaction as UNSUPPORTED', () => {
    expect(r.get('futureFromFutureIsUnsupported')).toMatchObject({
      outcome: 'UNSUPPORTED',
      message: 'an @future call from a future or batch transaction'
    });
  });
});
