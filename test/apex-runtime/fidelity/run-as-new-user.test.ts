/**
 * Apex Developer Guide, "Using the runAs Method": runAs changes the user context "to an existing user or a new user",
 * and "you can create new users with runAs"; its example runs as a User that was never inserted and reads
 * `UserInfo.getUserName()` and `getProfileId()` inside. lwc-recipes' TestContactController runs as such a user with
 * the Minimum Access profile and expects the Contact object not to be updateable. Same page: "Every call to runAs
 * counts against the total number of DML statements issued in the process".
 */
import { outcomes, runSnippet } from './snippet-project';

describe('System.runAs with a new User', () => {
  const r = runSnippet(
    'RunAsNew_Tests',
    `
    static User newUser(String profile, String userName) {
      return new User(ProfileId = [SELECT Id FROM Profile WHERE Name = :profile].Id, LastName = 'last',
        Email = 'new@example.com', UserName = userName, Alias = 'alias', TimeZoneSidKey = 'America/Los_Angeles',
        EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US', LocaleSidKey = 'en_US');
    }
    @IsTest static void runsAsTheNewUser() {
      User u = newUser('Minimum Access - Salesforce', 'new.user@example.com.runas');
      Id profileId = u.ProfileId;
      System.runAs(u) {
        Assert.areEqual('new.user@example.com.runas', UserInfo.getUserName());
        Assert.areEqual(profileId, UserInfo.getProfileId());
        Assert.isFalse(Schema.SObjectType.Contact.isUpdateable());
        insert new Account(Name = 'no mixed DML with the user creation');
      }
      Assert.areEqual(1, [SELECT COUNT() FROM User WHERE UserName = 'new.user@example.com.runas']);
      Assert.areNotEqual(u.Id, UserInfo.getUserId());
    }
  `
  );

  const counted = runSnippet(
    'RunAsCount_Tests',
    `
    @IsTest static void everyCallCountsOneDmlStatement() {
      User admin = new User(Id = UserInfo.getUserId());
      Integer before = Limits.getDmlStatements();
      System.runAs(admin) { Assert.areEqual(before + 1, Limits.getDmlStatements()); }
      User fresh = new User(ProfileId = [SELECT Id FROM Profile WHERE Name = 'Standard User'].Id, LastName = 'l',
        Email = 'c@example.com', UserName = 'count.user@example.com.runas', Alias = 'c', TimeZoneSidKey = 'GMT',
        EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US', LocaleSidKey = 'en_US');
      System.runAs(fresh) { Assert.areEqual(before + 2, Limits.getDmlStatements()); }
    }
  `
  );

  it('counts every call as one DML statement', () => {
    expect(outcomes(counted, ['everyCallCountsOneDmlStatement'])).toEqual([
      ['everyCallCountsOneDmlStatement', 'PASS', undefined]
    ]);
  });

  it('creates the user and runs the block as that user', () => {
    expect(outcomes(r, ['runsAsTheNewUser'])).toEqual([['runsAsTheNewUser', 'PASS', undefined]]);
  });
});
