/**
 * Profile records carry their user license's UserType and their user permissions as `Permissions<Name>` checkboxes
 * (Object Reference, "Profile"). The Standard User profile of a new org has "Mass Edits from Lists"
 * (MassInlineEdit) and "Submit macros" (SubmitMacrosAllowed) but not PrivacyDataAccess, which the System
 * Administrator has: the `userPermissions` of both profiles as retrieved from an org (a public project's profile files). dreamhouse-lwc's
 * TestPropertyController picks its test user's profile with exactly this filter, and passes in orgs.
 */
import { outcomes, runSnippet } from './snippet-project';

describe('Profile records', () => {
  const r = runSnippet(
    'ProfileRows_Tests',
    `
    @IsTest static void filtersOnUserTypeAndPermissions() {
      List<Profile> found = [SELECT Name FROM Profile WHERE UserType = 'Standard'
        AND PermissionsPrivacyDataAccess = FALSE AND PermissionsSubmitMacrosAllowed = TRUE
        AND PermissionsMassInlineEdit = TRUE];
      Set<String> names = new Set<String>();
      for (Profile p : found) { names.add(p.Name); }
      Assert.isTrue(names.contains('Standard User'), String.valueOf(names));
      Assert.isFalse(names.contains('System Administrator'), String.valueOf(names));
      Assert.isFalse(names.contains('Minimum Access - Salesforce'), String.valueOf(names));
    }
    @IsTest static void chatterFreeIsNotAStandardUserType() {
      Profile p = [SELECT UserType FROM Profile WHERE Name = 'Chatter Free User'];
      Assert.areEqual('CsnOnly', p.UserType);
      Assert.areEqual('Standard', [SELECT UserType FROM Profile WHERE Name = 'System Administrator'].UserType);
    }
  `
  );

  it('exposes UserType and the permission checkboxes', () => {
    const names = ['filtersOnUserTypeAndPermissions', 'chatterFreeIsNotAStandardUserType'];
    expect(outcomes(r, names)).toEqual(names.map((n) => [n, 'PASS', undefined]));
  });
});
