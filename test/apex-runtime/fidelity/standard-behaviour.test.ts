/**
 * Platform behaviour common test suites lean on, probed with documented outcomes: variables declared at the top of
 * a trigger, Test.loadData and Test.setCreatedDate, and the fields the platform derives from a status picklist
 * (Opportunity.IsClosed/IsWon/Probability from the stage, Case.IsClosed from the status).
 */
import { outcomes, runSnippet } from './snippet-project';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const stage = (name: string, closed: boolean, won: boolean, probability: number, forecast: string): string =>
  `<standardValue><fullName>${name}</fullName><default>false</default><label>${name}</label><closed>${closed}</closed><forecastCategory>${forecast}</forecastCategory><probability>${probability}</probability><won>${won}</won></standardValue>`;

const TRIGGER = `trigger ContactCopies on Contact (after insert) {
  List<Account> copies = new List<Account>();
  Integer count = 0, limitOf = 5;
  for (Contact c : Trigger.new) {
    if (count++ < limitOf) copies.add(new Account(Name = 'copy of ' + c.LastName));
  }
  insert copies;
}`;

describe('apex runtime fidelity: standard platform behaviour', () => {
  const r = runSnippet(
    'Standard_Tests',
    `
    // Apex Developer Guide, "Triggers": a trigger's body is a block of code; variables declared at its top level
    // (which the grammar reads as field declarations) are that block's variables
    @IsTest static void triggerTopLevelVariablesWork() {
      insert new Contact(LastName = 'Ada');
      Assert.areEqual(1, [SELECT COUNT() FROM Account WHERE Name = 'copy of Ada']);
    }
    // Apex Reference, "Test Class", loadData(sObjectToken, resourceName): inserts the records of a CSV static resource
    // (a header row of field names) and returns them
    @IsTest static void loadDataInsertsTheCsvRecords() {
      List<SObject> rows = Test.loadData(Account.SObjectType, 'Accounts');
      Assert.areEqual(2, rows.size());
      Assert.isNotNull(rows[0].Id);
      Account globex = [SELECT Industry, NumberOfEmployees, Description FROM Account WHERE Name = 'Globex, Inc.'];
      Assert.areEqual('Media', globex.Industry);
      Assert.areEqual(250, globex.NumberOfEmployees);
      Assert.areEqual('says "hi"', globex.Description);
      List<SObject> contacts = Test.loadData(Contact.SObjectType, 'Contacts');
      Assert.areEqual(rows[1].Id, [SELECT AccountId FROM Contact WHERE Id = :contacts[0].Id].AccountId);
    }
    // Apex Reference, "Test Class", setCreatedDate(recordId, createdDatetime)
    @IsTest static void setCreatedDateChangesTheRecord() {
      Account a = new Account(Name = 'old');
      insert a;
      Datetime past = Datetime.newInstanceGmt(2020, 1, 1, 0, 0, 0);
      Test.setCreatedDate(a.Id, past);
      Assert.areEqual(past, [SELECT CreatedDate FROM Account WHERE Id = :a.Id].CreatedDate);
    }
    // Object Reference, "Opportunity": IsClosed and IsWon are "directly controlled by StageName"; Probability and
    // ForecastCategoryName are implied by it unless set. Stages come from the OpportunityStage value set.
    @IsTest static void opportunityStageDrivesClosedWonAndProbability() {
      Opportunity o = new Opportunity(Name = 'o', StageName = 'Signed', CloseDate = Date.today());
      insert o;
      Opportunity won = [SELECT IsClosed, IsWon, Probability, ForecastCategoryName FROM Opportunity WHERE Id = :o.Id];
      Assert.isTrue(won.IsClosed);
      Assert.isTrue(won.IsWon);
      Assert.areEqual(100, won.Probability);
      Assert.areEqual('Closed', won.ForecastCategoryName);
      o.StageName = 'Talking';
      update o;
      Opportunity open = [SELECT IsClosed, IsWon, Probability, ForecastCategoryName FROM Opportunity WHERE Id = :o.Id];
      Assert.isFalse(open.IsClosed);
      Assert.areEqual(40, open.Probability);
      Assert.areEqual('Best Case', open.ForecastCategoryName);
      insert new Opportunity(Name = 'p', StageName = 'Talking', CloseDate = Date.today(), Probability = 15);
      Assert.areEqual(15, [SELECT Probability FROM Opportunity WHERE Name = 'p'].Probability);
    }
    // Object Reference, "Case": IsClosed "is controlled by the Status field"; ClosedDate is when it was closed
    @IsTest static void caseStatusDrivesIsClosed() {
      Case c = new Case(Subject = 's', Status = 'New');
      insert c;
      Assert.isFalse([SELECT IsClosed FROM Case WHERE Id = :c.Id].IsClosed);
      c.Status = 'Closed';
      update c;
      Case closed = [SELECT IsClosed, ClosedDate FROM Case WHERE Id = :c.Id];
      Assert.isTrue(closed.IsClosed);
      Assert.isNotNull(closed.ClosedDate);
    }
  `,
    {
      'triggers/ContactCopies.trigger': TRIGGER,
      'staticresources/Accounts.csv':
        'Id,Name,Industry,NumberOfEmployees,Description\r\n001000000000001,Acme,Energy,10,\r\n001000000000002,"Globex, Inc.",Media,250,"says ""hi"""\r\n',
      'staticresources/Accounts.resource-meta.xml': `${XML}<StaticResource ${NS}><cacheControl>Private</cacheControl><contentType>text/csv</contentType></StaticResource>`,
      'staticresources/Contacts.csv': 'LastName,AccountId\nLovelace,001000000000002\n',
      'staticresources/Contacts.resource-meta.xml': `${XML}<StaticResource ${NS}><cacheControl>Private</cacheControl><contentType>text/csv</contentType></StaticResource>`,
      'standardValueSets/OpportunityStage.standardValueSet-meta.xml': `${XML}<StandardValueSet ${NS}><sorted>false</sorted>${stage('Talking', false, false, 40, 'BestCase')}${stage('Signed', true, true, 100, 'Closed')}${stage('Lost', true, false, 0, 'Omitted')}</StandardValueSet>`
    }
  );

  it.each([
    'triggerTopLevelVariablesWork',
    'loadDataInsertsTheCsvRecords',
    'setCreatedDateChangesTheRecord',
    'opportunityStageDrivesClosedWonAndProbability',
    'caseStatusDrivesIsClosed'
  ])('%s', (name) => {
    expect(outcomes(r, [name])).toEqual([[name, 'PASS', undefined]]);
  });
});
