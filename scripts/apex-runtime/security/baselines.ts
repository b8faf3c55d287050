import { ObjectAccess, PermissionGrants } from './types';

/**
 * The standard profiles of a new org, as documented: Salesforce Help, "Standard Profiles"
 * (https://help.salesforce.com/s/articleView?id=sf.standard_profiles.htm) and "Minimum Access - Salesforce Profile"
 * (https://help.salesforce.com/s/articleView?id=sf.users_profiles_minimum_access.htm).
 * - System Administrator: "Can configure and customize the application. Has access to all functionality that doesn't
 *   require an additional license" - every object, field, class and user permission.
 * - Standard User: "Can create and edit most major types of records, run reports, and view the organization's setup.
 *   Can view, but not manage, campaigns. Can create, but not review, solutions." Objects the project defines are not
 *   granted: a deployed custom object is visible to a profile only when profile metadata grants it.
 * - Marketing User: the Standard User plus campaigns ("Can manage campaigns, import leads, ...").
 * - Read Only: "Can view the organization's setup, run and export reports, and view, but not edit, other records."
 * - Minimum Access - Salesforce: no object permissions ("the most restrictive access"); access comes from
 *   permission sets.
 * Standard fields of an accessible object are visible (field-level security of standard profiles is "visible" for
 * standard fields in a new org); custom fields need a grant.
 */
export const STANDARD_PROFILES = [
  'System Administrator',
  'Standard User',
  'Marketing User',
  'Minimum Access - Salesforce',
  'Read Only'
] as const;

/** The file names (`Admin.profile-meta.xml`) the Metadata API gives the standard profiles. */
export const PROFILE_FILE_NAMES: Record<string, (typeof STANDARD_PROFILES)[number]> = {
  admin: 'System Administrator',
  standard: 'Standard User',
  marketingprofile: 'Marketing User',
  readonly: 'Read Only',
  'minimum access - salesforce': 'Minimum Access - Salesforce'
};

const FULL: ObjectAccess = { read: true, create: true, edit: true, delete: true, viewAll: true, modifyAll: true };
const CRED: ObjectAccess = { read: true, create: true, edit: true, delete: true, viewAll: false, modifyAll: false };
const READ: ObjectAccess = { read: true, create: false, edit: false, delete: false, viewAll: false, modifyAll: false };
const CREATE_READ: ObjectAccess = { ...READ, create: true };

/** "Most major types of records" of the Standard User profile (Help, "Standard Profiles"; Object Reference). */
const STANDARD_USER_OBJECTS: Record<string, ObjectAccess> = {
  Account: CRED,
  Contact: CRED,
  Opportunity: CRED,
  OpportunityLineItem: CRED,
  Lead: CRED,
  // Cases: read, create, edit, no delete (apex-recipes' Safely_Tests, passing in orgs, expect isDeletable() false).
  Case: { ...CRED, delete: false },
  Contract: CRED,
  Order: CRED,
  OrderItem: CRED,
  Asset: CRED,
  Task: CRED,
  Event: CRED,
  Note: CRED,
  Attachment: CRED,
  ContentVersion: CRED,
  ContentDocument: CRED,
  ContentDocumentLink: CRED,
  Document: CRED,
  Idea: CRED,
  Quote: CRED,
  Campaign: READ,
  Product2: READ,
  Pricebook2: READ,
  PricebookEntry: READ,
  Solution: CREATE_READ,
  User: READ
};

/**
 * Standard fields that standard profiles other than System Administrator cannot see: the Data.com / D&B company
 * fields of Account (field-level security "hidden" by default; apex-recipes' Safely_Tests, which pass in orgs, rely
 * on Account.Tradestyle being "off limits" for the Marketing User profile).
 */
export const HIDDEN_STANDARD_FIELDS: ReadonlySet<string> = new Set(
  [
    'Account.Tradestyle',
    'Account.DunsNumber',
    'Account.NaicsCode',
    'Account.NaicsDesc',
    'Account.YearStarted',
    'Account.DandbCompanyId',
    'Account.Jigsaw',
    'Account.JigsawCompanyId',
    'Account.CleanStatus'
  ].map((name) => name.toLowerCase())
);

/**
 * User permissions a Standard User has in a new org (Help, "Standard Profiles"; "User Permissions"), as the
 * `userPermissions` of a Standard User profile retrieved from an org with the Metadata API list them (a public SFDX
 * project's `profiles/Standard.profile-meta.xml`). dreamhouse-lwc's tests pick this profile by
 * `PermissionsMassInlineEdit` and `PermissionsSubmitMacrosAllowed`, and pass in orgs.
 */
const STANDARD_USER_PERMISSIONS = [
  'ActivitiesAccess',
  'AllowUniversalSearch',
  'AllowViewKnowledge',
  'ApexRestServices',
  'ApiEnabled',
  'AssignTopics',
  'ChatterEditOwnPost',
  'ChatterFileLink',
  'ChatterInternalUser',
  'ChatterInviteExternalUsers',
  'ChatterOwnGroups',
  'ContentWorkspaces',
  'ConvertLeads',
  'CreateCustomizeFilters',
  'CreateCustomizeReports',
  'CreateTopics',
  'DistributeFromPersWksp',
  'EditEvent',
  'EditOppLineItemUnitPrice',
  'EditTask',
  'EditTopics',
  'EmailMass',
  'EmailSingle',
  'EnableNotifications',
  'ExportReport',
  'ImportPersonal',
  'LightningExperienceUser',
  'ListEmailSend',
  'MassInlineEdit',
  'RunReports',
  'SelectFilesFromSalesforce',
  'ShowCompanyNameAsUserBadge',
  'SubmitMacrosAllowed',
  'SubscribeToLightningReports',
  'TransactionalEmailSend',
  'UseWebLink',
  'ViewDeveloperName',
  'ViewHelpLink',
  'ViewRoles',
  'ViewSetup'
];

const ADMIN_PERMISSIONS = [
  'ViewAllData',
  'ModifyAllData',
  'ViewSetup',
  'CustomizeApplication',
  'ManageUsers',
  'AuthorApex',
  'ApiEnabled',
  'RunReports',
  'EditActivatedOrders',
  'ViewAllUsers',
  'ManageCustomPermissions',
  'ActivitiesAccess',
  'EditTask',
  'EditEvent',
  'ChatterInternalUser',
  'ViewRoles',
  // also enabled in a System Administrator profile retrieved the same way (Admin.profile-meta.xml)
  'MassInlineEdit',
  'SubmitMacrosAllowed',
  'PrivacyDataAccess',
  'ViewUserPII'
];

/** Profile.UserType by user license (Object Reference, "Profile" and "User": UserType values). */
const USER_TYPE_BY_LICENSE: Record<string, string> = {
  salesforce: 'Standard',
  'salesforce platform': 'Standard',
  'guest user license': 'Guest',
  'chatter free': 'CsnOnly'
};

/** The UserType of a profile's license; null when the license is not one the runtime knows (never a guess). */
export function profileUserType(license: string | undefined): string | null {
  return license ? (USER_TYPE_BY_LICENSE[license.toLowerCase()] ?? null) : null;
}

function grants(name: string): PermissionGrants {
  return {
    name,
    label: name,
    kind: 'profile',
    objects: new Map(),
    fields: new Map(),
    classes: new Set(),
    userPermissions: new Set(),
    customPermissions: new Set(),
    customMetadataTypes: new Set(),
    customSettings: new Set(),
    userLicense: 'Salesforce'
  };
}

/** Builds the baseline grants of a standard profile; `isProjectObject` tells the project's objects from standard ones. */
export function standardProfile(name: (typeof STANDARD_PROFILES)[number]): PermissionGrants {
  const profile = grants(name);
  switch (name) {
    case 'System Administrator':
      profile.defaultObjectAccess = FULL;
      profile.defaultFieldAccess = { read: true, edit: true };
      profile.allClasses = true;
      profile.allCustomPermissions = true;
      ADMIN_PERMISSIONS.forEach((permission) => profile.userPermissions.add(permission.toLowerCase()));
      break;
    case 'Standard User':
    case 'Marketing User':
      for (const [object, access] of Object.entries(STANDARD_USER_OBJECTS)) {
        profile.objects.set(object.toLowerCase(), access);
      }
      profile.standardFieldAccess = { read: true, edit: true };
      STANDARD_USER_PERMISSIONS.forEach((permission) => profile.userPermissions.add(permission.toLowerCase()));
      // "Can manage campaigns, import leads, ... Also has access to the same functionality as the Standard User."
      if (name === 'Marketing User') {
        profile.objects.set('campaign', CRED);
        profile.objects.set('campaignmember', CRED);
        profile.userPermissions.add('marketinguser');
      }
      break;
    case 'Read Only':
      for (const object of Object.keys(STANDARD_USER_OBJECTS)) {
        profile.objects.set(object.toLowerCase(), READ);
      }
      profile.standardFieldAccess = { read: true, edit: false };
      ['ApiEnabled', 'RunReports', 'ViewSetup'].forEach((permission) =>
        profile.userPermissions.add(permission.toLowerCase())
      );
      break;
    case 'Minimum Access - Salesforce':
      break;
  }
  return profile;
}
