/**
 * Public entry of the schema model. The runtime calls `loadSchema({ root })` once per project and reads the returned
 * `SchemaModel`; nothing here names a particular project's objects.
 */
export * from './types';
export { SchemaModel } from './model';
export type { SObjectSchema, ParentRelationship, LazyObjects } from './model';
export { loadSchema, projectPackageDirectories } from './load';
export type { LoadSchemaOptions } from './load';
export { checkObjectRules } from './rules';
export type { RuleRecord, RuleContext, RuleViolation } from './rules';
