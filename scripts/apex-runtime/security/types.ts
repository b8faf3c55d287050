/**
 * The security model of the offline Apex runtime: what a user may do, from their profile (a documented baseline or the
 * project's profile metadata) plus assigned permission sets and permission set groups (the project's metadata). The
 * union of grants is the user's access, as on the platform (Salesforce Help, "Permission Sets": permissions are
 * additive, a permission set never removes access).
 */

/** Object permissions (`objectPermissions` in PermissionSet/Profile metadata). */
export interface ObjectAccess {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

/** Field permissions (`fieldPermissions`). */
export interface FieldAccess {
  read: boolean;
  edit: boolean;
}

/** One source of grants: a profile, a permission set, or a permission set group (already flattened). */
export interface PermissionGrants {
  /** API name (`Subscription_Admin`, `System Administrator`). */
  name: string;
  label: string;
  kind: 'profile' | 'permissionSet' | 'permissionSetGroup';
  /** Object access by lower-case object API name. */
  objects: Map<string, ObjectAccess>;
  /** Field access by lower-case `object.field`. */
  fields: Map<string, FieldAccess>;
  /** Lower-case names of Apex classes this grants (`classAccesses` enabled). */
  classes: Set<string>;
  /** Lower-case user permission names enabled (`ViewAllData`, `ModifyAllData`, `EditActivatedOrders`, ...). */
  userPermissions: Set<string>;
  /** Lower-case custom permission names enabled. */
  customPermissions: Set<string>;
  /** Lower-case custom metadata type / custom setting names with `customMetadataTypeAccesses`/`customSettingAccesses`. */
  customMetadataTypes: Set<string>;
  customSettings: Set<string>;
  /**
   * For baselines that do not enumerate objects (System Administrator): access that applies to every object and field
   * not listed. Undefined means "no access unless listed".
   */
  defaultObjectAccess?: ObjectAccess;
  defaultFieldAccess?: FieldAccess;
  /** Access to the standard (non-custom) fields of every object this grant can read (standard profiles). */
  standardFieldAccess?: FieldAccess;
  /** A profile's user license (`userLicense` in Profile metadata: `Salesforce`, `Guest User License`, ...). */
  userLicense?: string;
  /** For a permission set group: the API names of its permission sets. */
  members?: string[];
  /** Every Apex class / custom permission (System Administrator). */
  allClasses?: boolean;
  allCustomPermissions?: boolean;
}

/** Who the user is for security: a profile and the permission sets / groups assigned to them (names, any case). */
export interface UserGrants {
  profile: string;
  permissionSets?: string[];
  permissionSetGroups?: string[];
}

/** The answers for one user; build it with `SecurityModel.accessFor`. */
export interface UserAccess {
  object(objectName: string): ObjectAccess;
  field(objectName: string, fieldName: string): FieldAccess;
  canRunClass(className: string): boolean;
  hasUserPermission(permission: string): boolean;
  hasCustomPermission(permission: string): boolean;
  /** Names of grants that are unknown (a permission set the project does not define): the runtime reports them. */
  readonly unknownGrants: readonly string[];
}

/** A problem found while loading permission metadata; loading goes on. */
export interface SecurityWarning {
  file: string;
  message: string;
}
