/**
 * Public entry of the security model. The runtime calls `loadSecurity(schema, { root })` once per project, then
 * `accessFor({ profile, permissionSets })` for the running user of `System.runAs` (and for the test's default user,
 * a System Administrator).
 */
export * from './types';
export { SecurityModel, loadSecurity, groupOfPermissionSets } from './model';
export type { LoadSecurityOptions } from './model';
export { STANDARD_PROFILES, profileUserType } from './baselines';
export { permissionRecords } from './records';
export { grantsFromRecords } from './runtime-grants';
export type { PermissionRecords } from './runtime-grants';
export type { SetupRecord } from './records';
