/**
 * Fidelity cases found by running other public projects' Apex test suites (issue 9, "other real suites"): each snippet
 * holds the outcome the Apex documentation gives, with the source named beside it. A FAIL in a suite that passes in
 * real orgs is a runtime bug; each fix here starts as one of these cases.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProject } from '../../../scripts/apex-runtime/runner/project';
import { runTests, type TestResult } from '../../../scripts/apex-runtime/runner/run-tests';

function run(body: string): Map<string, TestResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-suites-'));
  fs.writeFileSync(
    path.join(root, 'sfdx-project.json'),
    JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] })
  );
  const dir = path.join(root, 'force-app', 'classes');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'Suite_Tests.cls'), `@IsTest\nprivate class Suite_Tests {\n${body}\n}\n`);
  const results = runTests(loadProject(root), {}, () => undefined);
  return new Map(results.map((r) => [r.methodName, r]));
}

describe('apex runtime fidelity: cases from other real suites', () => {
  const r = run(`
    private enum Operation { SUM, AVERAGE }
    // Apex Reference, "Enum Methods": valueOf ignores case (its example: StatusCode.valueOf('delete_failed'))
    @IsTest static void enumValueOfIgnoresCase() {
      Assert.areEqual(Operation.AVERAGE, Operation.valueOf('average'));
      Assert.areEqual(Operation.SUM, Operation.valueOf('Sum'));
    }
    // Apex Reference, "Enum Methods": an exception is thrown if the string matches no value
    @IsTest static void enumValueOfUnknownThrows() { Operation.valueOf('median'); }
    // Salesforce Help, "Set Your Business Hours": every org has "Default" business hours, open 24/7, seen by tests;
    // Apex Reference, "BusinessHours Class": diff in milliseconds, add, isWithin, nextStartDate
    @IsTest static void defaultBusinessHoursAreAroundTheClock() {
      BusinessHours bh = [SELECT Id, IsDefault, IsActive FROM BusinessHours WHERE Name = 'Default'];
      Assert.isTrue(bh.IsDefault && bh.IsActive);
      Datetime start = Datetime.newInstanceGmt(2024, 3, 1, 8, 0, 0);
      Assert.areEqual(86400000L, BusinessHours.diff(bh.Id, start, start.addDays(1)));
      Assert.areEqual(start.addHours(30), BusinessHours.add(bh.Id, start, 30 * 3600000L));
      Assert.isTrue(BusinessHours.isWithin(bh.Id, start));
      Assert.areEqual(start, BusinessHours.nextStartDate(bh.Id, start));
    }
    // Apex Reference, "Approval Class": lock, unlock, isLocked; "record locks and unlocks are treated as DML": they
    // count as DML statements and roll back with the transaction
    @IsTest static void approvalLocksAreDml() {
      Account a = new Account(Name = 'L');
      insert a;
      Integer before = Limits.getDmlStatements();
      Approval.LockResult r = Approval.lock(a.Id);
      Assert.isTrue(r.isSuccess());
      Assert.areEqual(a.Id, r.getId());
      Assert.isTrue(Approval.isLocked(a.Id));
      Assert.areEqual(before + 1, Limits.getDmlStatements());
      Savepoint sp = Database.setSavepoint();
      List<Approval.UnlockResult> unlocked = Approval.unlock(new List<Account>{ a });
      Assert.isTrue(unlocked[0].isSuccess());
      Assert.isFalse(Approval.isLocked(a));
      Database.rollback(sp);
      Assert.isTrue(Approval.isLocked(new List<Id>{ a.Id }).get(a.Id));
    }
    // the platform's error for locking a record that does not exist is not documented: reported, not guessed
    @IsTest static void lockOfMissingRecordIsUnsupported() { Approval.lock('001000000000001AAA'); }
  `);

  it('passes what the platform passes', () => {
    for (const m of ['enumValueOfIgnoresCase', 'defaultBusinessHoursAreAroundTheClock', 'approvalLocksAreDml']) {
      expect([m, r.get(m)?.outcome, r.get(m)?.message]).toEqual([m, 'PASS', undefined]);
    }
  });

  it('reports what it cannot decide as UNSUPPORTED with the construct', () => {
    expect(r.get('lockOfMissingRecordIsUnsupported')).toMatchObject({
      outcome: 'UNSUPPORTED',
      message: 'Approval.lock of a record that does not exist (001000000000001AAA)'
    });
  });

  it('fails where the platform fails, with its exception', () => {
    expect(r.get('enumValueOfUnknownThrows')).toMatchObject({
      outcome: 'FAIL',
      exceptionType: 'System.NoSuchElementException'
    });
  });
});
