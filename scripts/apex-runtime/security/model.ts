import { SchemaModel } from '../schema';
import { PermissionGrants, SecurityWarning, UserAccess, UserGrants } from './types';

export interface LoadSecurityOptions {
  /** The SFDX project root. */
  root: string;
  /** Package directories to read, relative to root; default: those of sfdx-project.json. */
  packageDirectories?: string[];
}

/** The profiles, permission sets and groups of a project plus the documented standard profiles. */
export class SecurityModel {
  constructor(
    readonly schema: SchemaModel,
    private readonly grants: Map<string, PermissionGrants>,
    readonly warnings: readonly SecurityWarning[]
  ) {}

  /** A profile, permission set or permission set group by API name (profiles also by label, e.g. `Standard User`). */
  grant(name: string): PermissionGrants | undefined {
    return this.grants.get(name.toLowerCase());
  }

  /** Every profile, permission set and group, e.g. to create PermissionSet/Profile records for SOQL. */
  all(): PermissionGrants[] {
    return [...new Set(this.grants.values())];
  }

  /** The union of the user's profile and assigned permission sets/groups, answering access questions. */
  accessFor(user: UserGrants): UserAccess {
    throw new Error(`accessFor(${user.profile}): not implemented yet`);
  }
}

/**
 * Reads `profiles/*.profile-meta.xml`, `permissionsets/*.permissionset-meta.xml` and
 * `permissionsetgroups/*.permissionsetgroup-meta.xml` from the project's package directories and adds the standard
 * profile baselines (System Administrator, Standard User, Minimum Access - Salesforce, Read Only).
 */
export function loadSecurity(schema: SchemaModel, options: LoadSecurityOptions): SecurityModel {
  throw new Error(`loadSecurity(${options.root}, ${schema.objects().length} objects): not implemented yet`);
}
