/**
 * A relationship is two fields on the child: the Id field and the reference to the parent record (Apex Developer
 * Guide, "Accessing sObject Fields Through Relationships"). A query that selects a field through the relationship
 * (`Account.Name`) returns the parent record with its Id, and the child's foreign key comes with it: dreamhouse-lwc's
 * `PropertyController.getPictures` selects `ContentDocument.Title` and reads `link.ContentDocumentId`, and its test
 * passes in real orgs (the project's CI runs it). A field outside the query and the relationship stays unreadable.
 */
import { outcomes, runSnippet } from './snippet-project';

describe('a parent path in SELECT brings the foreign key', () => {
  const r = runSnippet(
    'ParentPath_Tests',
    `
    @IsTest static void foreignKeyIsReadable() {
      Account a = new Account(Name = 'Parent');
      insert a;
      insert new Contact(LastName = 'Child', AccountId = a.Id);
      Contact c = [SELECT Account.Name FROM Contact LIMIT 1];
      Assert.areEqual(a.Id, c.AccountId);
      Assert.areEqual(a.Id, c.Account.Id);
      Assert.areEqual('Parent', c.Account.Name);
    }
    @IsTest static void otherFieldsStayUnselected() {
      Account a = new Account(Name = 'Parent');
      insert a;
      insert new Contact(LastName = 'Child', AccountId = a.Id);
      Contact c = [SELECT Account.Name FROM Contact LIMIT 1];
      String n = c.LastName;
    }
  `
  );

  it('reads the foreign key of a selected parent path', () => {
    expect(outcomes(r, ['foreignKeyIsReadable'])).toEqual([['foreignKeyIsReadable', 'PASS', undefined]]);
  });

  it('still throws for a field neither selected nor on the path', () => {
    expect(r.get('otherFieldsStayUnselected')).toMatchObject({
      outcome: 'FAIL',
      exceptionType: 'System.SObjectException',
      message: 'SObject row was retrieved via SOQL without querying the requested field: Contact.LastName'
    });
  });
});
