import { ChildRelationship, CustomMetadataRecord, FieldDescribe, ObjectDescribe, SchemaWarning } from './types';

/** An object with its fields and child relationships. */
export interface SObjectSchema {
  readonly describe: ObjectDescribe;
  /** Fields in declaration order (standard first, then the project's). */
  readonly fields: readonly FieldDescribe[];
  readonly childRelationships: readonly ChildRelationship[];
}

/** The result of following a relationship name from an object to its parent (`Account` on Contact). */
export interface ParentRelationship {
  /** The reference field (`AccountId`). */
  field: FieldDescribe;
  /** The parent objects (one, or several for a polymorphic field such as `Owner` or `What`). */
  targets: string[];
}

const key = (name: string): string => name.toLowerCase();

interface IndexedObject {
  schema: SObjectSchema;
  fields: Map<string, FieldDescribe>;
  parents: Map<string, ParentRelationship>;
  children: Map<string, ChildRelationship>;
}

/**
 * Objects the model builds on first use (the standard catalogue holds ~4,500 objects; a test touches a dozen).
 * `prefixOwner` answers which object a key prefix belongs to without building every object.
 */
export interface LazyObjects {
  /** Canonical API names. */
  names(): Iterable<string>;
  build(lowerCaseName: string): SObjectSchema | undefined;
  prefixOwner(prefix: string): string | undefined;
  /** Standard objects the project extends (fields, record types), so they can be found without building all. */
  extended?(): Iterable<string>;
}

/**
 * The loaded schema: the standard catalogue merged with a project's objects. Read-only for the runtime; every lookup is
 * case-insensitive. Built by `loadSchema` (see ./load.ts).
 */
export class SchemaModel {
  private readonly eager = new Map<string, SObjectSchema>();
  private readonly indexed = new Map<string, IndexedObject | null>();
  private readonly eagerPrefixes = new Map<string, string>();
  private readonly metadataRecords = new Map<string, CustomMetadataRecord[]>();

  constructor(
    /** The project's objects (they win over a standard object of the same name, which they extend). */
    objects: Iterable<SObjectSchema>,
    private readonly lazy: LazyObjects,
    customMetadataRecords: Iterable<CustomMetadataRecord>,
    /** Problems met while loading; never fatal. */
    readonly warnings: readonly SchemaWarning[]
  ) {
    for (const object of objects) {
      this.eager.set(key(object.describe.name), object);
      this.eagerPrefixes.set(object.describe.keyPrefix, key(object.describe.name));
    }
    for (const record of customMetadataRecords) {
      const list = this.metadataRecords.get(key(record.type)) ?? [];
      list.push(record);
      this.metadataRecords.set(key(record.type), list);
    }
    // An org returns custom metadata records in DeveloperName order (`getAll()`, and ties of an ORDER BY):
    // observed in orgs, octoberswimmer/aer-dist issue 366.
    for (const list of this.metadataRecords.values()) {
      list.sort((a, b) =>
        key(a.developerName) < key(b.developerName) ? -1 : key(a.developerName) > key(b.developerName) ? 1 : 0
      );
    }
  }

  /** An object by API name, any case; undefined if neither the catalogue nor the project defines it. */
  object(name: string): SObjectSchema | undefined {
    return this.index(name)?.schema;
  }

  /** Every object, standard and the project's (builds the whole catalogue, ~2 s: prefer `objectNames`). */
  objects(): SObjectSchema[] {
    return this.objectNames()
      .map((name) => this.object(name))
      .filter((object): object is SObjectSchema => !!object);
  }

  /** The objects with record types besides Master: the project's and the standard ones it extends. */
  objectsWithRecordTypes(): SObjectSchema[] {
    const names = [...this.eager.keys(), ...(this.lazy.extended?.() ?? [])];
    return [...new Set(names.map(key))]
      .map((name) => this.object(name))
      .filter((object): object is SObjectSchema => !!object && object.describe.recordTypes.length > 1);
  }

  /** Canonical names of every object without building them (`Schema.getGlobalDescribe()` keys). */
  objectNames(): string[] {
    const names = new Map<string, string>();
    for (const name of this.lazy.names()) {
      names.set(key(name), name);
    }
    for (const object of this.eager.values()) {
      names.set(key(object.describe.name), object.describe.name);
    }
    return [...names.values()];
  }

  /** The object whose Ids start with this three-character prefix (`001` -> Account). */
  objectByKeyPrefix(prefix: string): SObjectSchema | undefined {
    const name = this.eagerPrefixes.get(prefix) ?? this.lazy.prefixOwner(prefix);
    return name === undefined ? undefined : this.object(name);
  }

  /** The object an Id belongs to, by its first three characters. */
  objectOfId(id: string): SObjectSchema | undefined {
    return id.length === 15 || id.length === 18 ? this.objectByKeyPrefix(id.slice(0, 3)) : undefined;
  }

  /** A field of an object by API name, any case. */
  field(objectName: string, fieldName: string): FieldDescribe | undefined {
    return this.index(objectName)?.fields.get(key(fieldName));
  }

  /** The reference field behind a relationship name (`Contact`, `Account` -> AccountId). */
  parentRelationship(objectName: string, relationshipName: string): ParentRelationship | undefined {
    return this.index(objectName)?.parents.get(key(relationshipName));
  }

  /** A child relationship of an object by name (`Account`, `Contacts`). */
  childRelationship(objectName: string, relationshipName: string): ChildRelationship | undefined {
    return this.index(objectName)?.children.get(key(relationshipName));
  }

  /** The records of a custom metadata type in DeveloperName order (`getAll()`, SOQL on `X__mdt`); empty if none. */
  customMetadataRecords(typeName: string): readonly CustomMetadataRecord[] {
    return this.metadataRecords.get(key(typeName)) ?? [];
  }

  private index(name: string): IndexedObject | undefined {
    const lower = key(name);
    let entry = this.indexed.get(lower);
    if (entry === undefined) {
      const schema = this.eager.get(lower) ?? this.lazy.build(lower);
      entry = schema ? indexObject(schema) : null;
      this.indexed.set(lower, entry);
    }
    return entry ?? undefined;
  }
}

function indexObject(schema: SObjectSchema): IndexedObject {
  const fields = new Map<string, FieldDescribe>();
  const parents = new Map<string, ParentRelationship>();
  for (const field of schema.fields) {
    fields.set(key(field.name), field);
    if (field.type === 'REFERENCE' && field.relationshipName) {
      parents.set(key(field.relationshipName), { field, targets: field.referenceTo });
    }
  }
  const children = new Map<string, ChildRelationship>();
  for (const child of schema.childRelationships) {
    if (child.relationshipName) {
      children.set(key(child.relationshipName), child);
    }
  }
  return { schema, fields, parents, children };
}
