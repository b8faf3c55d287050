import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { javaClassFields } from './java-class';
import { zipEntries } from './zip';

/**
 * What a field is for path resolution: a plain value, a relationship to one parent record (`Account`, `Owner`), or
 * a child relationship that a sub-query can read (`Contacts`).
 */
export type FieldKind = 'value' | 'reference' | 'children';

export interface SchemaField {
  /** The API name as Salesforce spells it. */
  name: string;
  kind: FieldKind;
  /** The objects a reference points to or a child relationship holds; empty when polymorphic over any object. */
  targets: string[];
}

export interface StandardObject {
  name: string;
  /** Fields by lower-case name: Salesforce names are case-insensitive. */
  fields: Map<string, SchemaField>;
}

/** Where the standard SObjects live: apex-ls's `sobject-types` jar, one Java class per SObject. */
const SOBJECT_CLASS_PREFIX = 'com/nawforce/runforce/SObjects/';
const SOBJECT_DESCRIPTOR = /^Lcom\/nawforce\/runforce\/SObjects\/(\w+);$/;
const CHILDREN_DESCRIPTOR = /^\[Lcom\/nawforce\/runforce\/SObjects\/(\w+);$/;
/** A polymorphic reference to any object (e.g. a feed's `Parent`). */
const ANY_SOBJECT_DESCRIPTOR = 'Lcom/nawforce/runforce/System/SObject;';

let loaded: Map<string, StandardObject> | undefined;

/**
 * The standard SObjects and their fields (API 65 in `sobject-types-65.0.0.jar`), read from the jar that
 * `@salesforce/code-analyzer-pmd-engine` ships for apex-ls. Reading all 4,500 classes takes ~0.3 s, so the catalog is
 * derived on first use and kept in memory: no generated file can drift from the pinned jar.
 */
export function standardSchema(): Map<string, StandardObject> {
  if (!loaded) {
    loaded = readStandardSchema(readFileSync(sobjectTypesJar()));
  }
  return loaded;
}

/** The path of the `sobject-types-*.jar` inside the pinned PMD engine; throws a message that says how to fix it. */
export function sobjectTypesJar(): string {
  let javaLib: string;
  try {
    javaLib = join(dirname(require.resolve('@salesforce/code-analyzer-pmd-engine/package.json')), 'dist', 'java-lib');
  } catch {
    throw new Error('@salesforce/code-analyzer-pmd-engine is not installed: run npm ci');
  }
  const jar = existsSync(javaLib)
    ? readdirSync(javaLib).find((file) => /^sobject-types-.*\.jar$/.test(file))
    : undefined;
  if (!jar) {
    throw new Error(
      `no sobject-types-*.jar in ${javaLib}: the pinned @salesforce/code-analyzer-pmd-engine changed its layout`
    );
  }
  return join(javaLib, jar);
}

/** Builds the catalog from the jar's bytes (exported for the test that proves the format is still understood). */
export function readStandardSchema(jar: Buffer): Map<string, StandardObject> {
  const objects = new Map<string, StandardObject>();
  for (const entry of zipEntries(jar)) {
    const match = entry.name.startsWith(SOBJECT_CLASS_PREFIX)
      ? /^([A-Za-z]\w*)\.class$/.exec(entry.name.slice(SOBJECT_CLASS_PREFIX.length))
      : null;
    if (!match) {
      continue;
    }
    const javaFields = javaClassFields(entry.read()).filter((field) => !field.isStatic);
    const names = new Set(javaFields.map((field) => field.name.toLowerCase()));
    const fields = new Map<string, SchemaField>();
    for (const { name, descriptor } of javaFields) {
      fields.set(name.toLowerCase(), toSchemaField(name, descriptor, names));
    }
    objects.set(match[1].toLowerCase(), { name: match[1], fields });
  }
  return objects;
}

function toSchemaField(name: string, descriptor: string, siblings: Set<string>): SchemaField {
  const children = CHILDREN_DESCRIPTOR.exec(descriptor);
  if (children) {
    return { name, kind: 'children', targets: [children[1]] };
  }
  // A relationship always has its foreign key beside it (Account/AccountId, Owner/OwnerId); an SObject-typed field
  // without one is a compound value such as BillingAddress.
  const isRelationship = siblings.has(`${name.toLowerCase()}id`);
  const parent = SOBJECT_DESCRIPTOR.exec(descriptor);
  if (parent && isRelationship) {
    return { name, kind: 'reference', targets: [parent[1]] };
  }
  if (descriptor === ANY_SOBJECT_DESCRIPTOR && isRelationship) {
    return { name, kind: 'reference', targets: [] };
  }
  return { name, kind: 'value', targets: [] };
}
