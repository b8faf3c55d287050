import { SchemaModel } from './model';

export interface LoadSchemaOptions {
  /** The SFDX project root (the folder of `sfdx-project.json`). */
  root: string;
  /**
   * Package directories to read, relative to root; default: every `packageDirectories[].path` of sfdx-project.json
   * (a folder without sfdx-project.json loads `force-app` if it exists).
   */
  packageDirectories?: string[];
}

/**
 * Builds the schema of a project: the standard catalogue (apex-ls sobject jar plus documented rules) merged with the
 * project's objects, fields, record types, custom settings, custom metadata types and records, and platform events.
 * Malformed metadata becomes a `warnings` entry, never an exception; only a missing root throws.
 */
export function loadSchema(options: LoadSchemaOptions): SchemaModel {
  throw new Error(`loadSchema(${options.root}): not implemented yet`);
}
