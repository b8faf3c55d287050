/**
 * Fidelity suite: small Apex test classes whose outcome the Apex Developer Guide documents, run through the runtime.
 * Failures where the platform fails (limits, unselected fields, required fields, mixed DML) matter as much as passes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProject } from '../../../scripts/apex-runtime/runner/project';
import { runTests, type TestResult } from '../../../scripts/apex-runtime/runner/run-tests';

function run(body: string): Map<string, TestResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-fidelity-'));
  fs.writeFileSync(
    path.join(root, 'sfdx-project.json'),
    JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] })
  );
  const dir = path.join(root, 'force-app', 'classes');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'Fidelity_Tests.cls'), `@IsTest\nprivate class Fidelity_Tests {\n${body}\n}\n`);
  // a trigger that fails on demand, and a before-save flow that fills a field
  const triggers = path.join(root, 'force-app', 'triggers');
  fs.mkdirSync(triggers, { recursive: true });
  fs.writeFileSync(
    path.join(triggers, 'ContactGuard.trigger'),
    "trigger ContactGuard on Contact (after insert) {\n  for (Contact c : Trigger.new) {\n    if (c.LastName == 'Boom') {\n      throw new IllegalArgumentException('no Boom');\n    }\n  }\n}\n"
  );
  const flows = path.join(root, 'force-app', 'flows');
  fs.mkdirSync(flows, { recursive: true });
  fs.writeFileSync(
    path.join(flows, 'Account_Default_Site.flow-meta.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <assignments>
        <name>Set_Site</name>
        <label>Set Site</label>
        <assignmentItems>
            <assignToReference>$Record.Site</assignToReference>
            <operator>Assign</operator>
            <value><stringValue>Main</stringValue></value>
        </assignmentItems>
    </assignments>
    <label>Account default site</label>
    <processType>AutoLaunchedFlow</processType>
    <start>
        <connector><targetReference>Set_Site</targetReference></connector>
        <filterFormula>ISBLANK({!$Record.Site})</filterFormula>
        <object>Account</object>
        <recordTriggerType>Create</recordTriggerType>
        <triggerType>RecordBeforeSave</triggerType>
    </start>
    <status>Active</status>
</Flow>
`
  );
  const results = runTests(loadProject(root), {}, () => undefined);
  return new Map(results.map((r) => [r.methodName, r]));
}

describe('apex runtime fidelity', () => {
  const r = run(`
    // Apex Developer Guide, "Expression Operators": == on Strings ignores case; String.equals does not
    @IsTest static void stringEqualityIgnoresCase() { Assert.isTrue('a' == 'A'); Assert.isFalse('a'.equals('A')); }
    // "Primitive Data Types": Integer division truncates; Decimal keeps its scale
    @IsTest static void integerDivisionTruncates() { Assert.areEqual(2, 5 / 2); Assert.areEqual('1.10', String.valueOf(1.10)); }
    // "Expression Operators": a comparison with null is false
    @IsTest static void nullComparisonIsFalse() { Integer n = null; Assert.isFalse(n > 2); }
    // "Exceptions": methods on null throw NullPointerException
    @IsTest static void nullDereferenceThrows() { String s = null; s.length(); }
    // "Execution Governors and Limits": 100 SOQL queries; LimitException cannot be caught
    @IsTest static void tooManyQueries() {
      try { for (Integer i = 0; i < 101; i++) { List<Account> a = [SELECT Id FROM Account]; } } catch (Exception e) { }
    }
    // "SOQL": reading a field the query did not select throws SObjectException
    @IsTest static void unselectedFieldThrows() {
      insert new Account(Name = 'A');
      Account a = [SELECT Id FROM Account LIMIT 1];
      String n = a.Name;
    }
    // "DML": a missing required field fails the insert with REQUIRED_FIELD_MISSING
    @IsTest static void requiredFieldMissing() {
      try { insert new Account(); Assert.fail('no exception'); }
      catch (DmlException e) { Assert.areEqual('REQUIRED_FIELD_MISSING', e.getDmlStatusCode(0)); }
    }
    // "sObjects That Cannot Be Used Together in DML Operations": setup after non-setup object throws
    @IsTest static void mixedDml() {
      insert new Account(Name = 'A');
      Profile p = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
      User u = new User(LastName = 'x', Username = 'x@example.com.fidelity', Email = 'x@example.com', Alias = 'x',
        ProfileId = p.Id, EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US', LocaleSidKey = 'en_US',
        TimeZoneSidKey = 'GMT', UserRoleId = null);
      insert new PermissionSetAssignment(AssigneeId = UserInfo.getUserId(), PermissionSetId = null);
    }
    // "Decimal Class": setScale rounds half-even by default
    @IsTest static void decimalSetScaleHalfEven() {
      Assert.areEqual(2.4, 2.45.setScale(1)); Assert.areEqual(2.6, 2.55.setScale(1));
      Assert.areEqual('2.50', String.valueOf(2.5.setScale(2)));
    }
    // "Maps": String keys are case-sensitive; Ids are the same key in 15 and 18 characters
    @IsTest static void mapKeys() {
      Map<String, Integer> m = new Map<String, Integer>{ 'a' => 1 };
      Assert.isNull(m.get('A'));
      insert new Account(Name = 'K');
      Id id18 = [SELECT Id FROM Account LIMIT 1].Id;
      Map<Id, String> byId = new Map<Id, String>{ id18 => 'x' };
      Assert.areEqual('x', byId.get(String.valueOf(id18).left(15)));
    }
    // "Triggers and Order of Execution": DML inside a failed savepoint is rolled back
    @IsTest static void savepointRollback() {
      Savepoint sp = Database.setSavepoint();
      insert new Account(Name = 'Gone');
      Database.rollback(sp);
      Assert.areEqual(0, [SELECT COUNT() FROM Account]);
    }
    // "DML": allOrNone=false saves the good rows and reports the bad ones
    @IsTest static void partialSuccess() {
      List<Database.SaveResult> rs = Database.insert(new List<Account>{ new Account(Name = 'ok'), new Account() }, false);
      Assert.isTrue(rs[0].isSuccess()); Assert.isFalse(rs[1].isSuccess());
      Assert.areEqual(StatusCode.REQUIRED_FIELD_MISSING, rs[1].getErrors()[0].getStatusCode());
      Assert.areEqual(1, [SELECT COUNT() FROM Account]);
    }
    // "Classes": a failed cast names the runtime type
    @IsTest static void castFails() {
      try { Object o = 'text'; Integer i = (Integer) o; Assert.fail('cast passed'); }
      catch (TypeException e) { Assert.areEqual('Invalid conversion from runtime type String to Integer', e.getMessage()); }
    }
    // "Using the runAs Method": setup and non-setup DML may mix inside runAs
    @IsTest static void runAsAllowsMixedDml() {
      insert new Account(Name = 'A');
      System.runAs(new User(Id = UserInfo.getUserId())) {
        Profile p = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
        insert new User(LastName = 'y', Username = 'y@example.com.fidelity', Email = 'y@example.com', Alias = 'y',
          ProfileId = p.Id, EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US', LocaleSidKey = 'en_US',
          TimeZoneSidKey = 'GMT');
      }
      Assert.areEqual(1, [SELECT COUNT() FROM User WHERE Username = 'y@example.com.fidelity']);
    }
    // "Test.startTest/stopTest": queued Queueable work runs at stopTest
    public class Job implements Queueable { public void execute(QueueableContext c) { insert new Account(Name = 'async'); } }
    @IsTest static void asyncRunsAtStopTest() {
      Test.startTest();
      System.enqueueJob(new Job());
      Assert.areEqual(0, [SELECT COUNT() FROM Account]);
      Test.stopTest();
      Assert.areEqual(1, [SELECT COUNT() FROM Account WHERE Name = 'async']);
    }
    // "Triggers and Order of Execution": a before-save flow sets fields before the record is saved
    @IsTest static void beforeSaveFlowSetsField() {
      insert new List<Account>{ new Account(Name = 'F1'), new Account(Name = 'F2', Site = 'Own') };
      Assert.areEqual('Main', [SELECT Site FROM Account WHERE Name = 'F1'].Site);
      Assert.areEqual('Own', [SELECT Site FROM Account WHERE Name = 'F2'].Site);
    }
    // "Triggers": an exception a trigger does not handle fails the DML statement that fired it
    @IsTest static void triggerExceptionFailsTheStatement() {
      try { insert new Contact(LastName = 'Boom'); Assert.fail('no exception'); }
      catch (DmlException e) {
        Assert.areEqual('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', e.getDmlStatusCode(0));
        Assert.isTrue(e.getMessage().contains('ContactGuard: execution of AfterInsert'), e.getMessage());
        Assert.isTrue(e.getMessage().contains('caused by: System.IllegalArgumentException: no Boom'), e.getMessage());
      }
      Assert.areEqual(0, [SELECT COUNT() FROM Contact]);
    }
    // "Enforce User Mode for Database Operations": user-mode DML without object access fails for the running user
    @IsTest static void userModeWithoutAccess() {
      Profile p = [SELECT Id FROM Profile WHERE Name = 'Minimum Access - Salesforce'];
      User u = new User(LastName = 'min', Username = 'min@example.com.fidelity', Email = 'min@example.com', Alias = 'min',
        ProfileId = p.Id, EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US', LocaleSidKey = 'en_US',
        TimeZoneSidKey = 'GMT');
      insert u;
      System.runAs(u) {
        insert as user new Account(Name = 'denied');
      }
    }
    // a DML statement on a null record throws NullPointerException, worded as any null dereference (apex-recipes'
    // CustomRestEndpointRecipes_Tests.httpCalloutDeleteSingleContactNegativeException reads it and passes in orgs)
    @IsTest static void dmlOnNullRecord() {
      Contact c = null;
      try { delete c; Assert.fail('no exception'); }
      catch (NullPointerException e) { Assert.areEqual('Attempt to de-reference a null object', e.getMessage()); }
    }
    // Object Reference, "Case": CaseNumber is an auto-number the platform assigns on insert
    @IsTest static void standardAutoNumberOnInsert() {
      insert new List<Case>{ new Case(Subject = 'a'), new Case(Subject = 'b') };
      List<Case> cases = [SELECT CaseNumber FROM Case ORDER BY CaseNumber];
      Assert.isTrue(Pattern.matches('[0-9]{8}', cases[0].CaseNumber), cases[0].CaseNumber);
      Assert.areNotEqual(cases[0].CaseNumber, cases[1].CaseNumber);
    }
    // Object Reference, "DatedConversionRate"/"CurrencyType": only in multi-currency orgs; the runtime's org has one
    // currency, so a dynamic query of them fails as the platform's does
    @IsTest static void currencyObjectsNeedMultiCurrency() {
      Assert.isFalse(UserInfo.isMultiCurrencyOrganization());
      for (String obj : new List<String>{ 'DatedConversionRate', 'CurrencyType' }) {
        try { Database.query('SELECT Id FROM ' + obj + ' LIMIT 1'); Assert.fail(obj + ' queried'); }
        catch (QueryException e) { Assert.isTrue(e.getMessage().startsWith('sObject type \\'' + obj + '\\' is not supported'), e.getMessage()); }
      }
    }
    // "Adding SOSL Queries to Unit Tests": a search in a test returns nothing unless Test.setFixedSearchResults names
    // the Ids; those stand in for the matches (the FIND term is not applied) and each RETURNING WHERE still filters
    @IsTest static void soslUsesFixedSearchResults() {
      Account kept = new Account(Name = 'Kept');
      Account filtered = new Account(Name = 'Filtered');
      insert new List<Account>{ kept, filtered, new Account(Name = 'Not fixed') };
      List<List<SObject>> none = [FIND 'Kept' IN ALL FIELDS RETURNING Account(Name)];
      Assert.areEqual(0, none[0].size());
      Test.setFixedSearchResults(new List<Id>{ kept.Id, filtered.Id });
      String term = 'nothing matches this';
      List<List<SObject>> found = [FIND :term IN NAME FIELDS RETURNING Account(Name WHERE Name != 'Filtered'), Contact];
      Assert.areEqual(2, found.size());
      Assert.areEqual(1, found[0].size());
      Assert.areEqual('Kept', ((Account) found[0][0]).Name);
      Assert.areEqual(0, found[1].size());
    }
    // SOQL and SOSL Reference, "WHERE": a long text area (Account.Description) can be selected but not filtered
    @IsTest static void longTextAreaIsNotFilterable() {
      insert new Account(Name = 'D', Description = 'long');
      Assert.areEqual('long', [SELECT Description FROM Account LIMIT 1].Description);
      try { Database.query('SELECT Id FROM Account WHERE Description = \\'long\\''); Assert.fail('filtered'); }
      catch (QueryException e) { Assert.areEqual('field \\'Description\\' can not be filtered in query call', e.getMessage()); }
    }
    // a construct the runtime does not implement is UNSUPPORTED, never a pass
    @IsTest static void unsupportedIsReported() { Test.loadData(Account.SObjectType, 'x'); }
  `);

  it('passes what the platform passes', () => {
    for (const m of [
      'stringEqualityIgnoresCase',
      'integerDivisionTruncates',
      'nullComparisonIsFalse',
      'requiredFieldMissing',
      'decimalSetScaleHalfEven',
      'mapKeys',
      'savepointRollback',
      'partialSuccess',
      'castFails',
      'runAsAllowsMixedDml',
      'asyncRunsAtStopTest',
      'beforeSaveFlowSetsField',
      'triggerExceptionFailsTheStatement',
      'dmlOnNullRecord',
      'standardAutoNumberOnInsert',
      'currencyObjectsNeedMultiCurrency',
      'soslUsesFixedSearchResults',
      'longTextAreaIsNotFilterable'
    ]) {
      expect([m, r.get(m)?.outcome, r.get(m)?.message]).toEqual([m, 'PASS', undefined]);
    }
  });

  it('fails where the platform fails, with its exception', () => {
    expect(r.get('nullDereferenceThrows')).toMatchObject({
      outcome: 'FAIL',
      exceptionType: 'System.NullPointerException'
    });
    expect(r.get('tooManyQueries')).toMatchObject({
      outcome: 'FAIL',
      exceptionType: 'System.LimitException',
      message: 'Too many SOQL queries: 101'
    });
    expect(r.get('unselectedFieldThrows')).toMatchObject({
      outcome: 'FAIL',
      exceptionType: 'System.SObjectException',
      message: 'SObject row was retrieved via SOQL without querying the requested field: Account.Name'
    });
    expect(r.get('userModeWithoutAccess')).toMatchObject({
      outcome: 'FAIL',
      exceptionType: 'System.SecurityException',
      message: "Access to entity 'Account' denied"
    });
    expect(r.get('mixedDml')?.outcome).toBe('FAIL');
    expect(r.get('mixedDml')?.message).toContain('MIXED_DML_OPERATION');
  });

  it('reports what it cannot run as UNSUPPORTED with the construct', () => {
    expect(r.get('unsupportedIsReported')).toMatchObject({
      outcome: 'UNSUPPORTED',
      message: 'Test.loadData of a static resource the project lacks (x)'
    });
  });
});
