import {
  ChildRelationship,
  CustomMetadataRecord,
  FieldDescribe,
  ObjectDescribe,
  SchemaWarning
} from './types';

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

/**
 * The loaded schema: the standard catalogue merged with a project's objects. Read-only for the runtime; every lookup is
 * case-insensitive. Built by `loadSchema` (see ./index.ts).
 */
export class SchemaModel {
  private readonly objectsByName = new Map<string, SObjectSchema>();
  private readonly fieldsByObject = new Map<string, Map<string, FieldDescribe>>();
  private readonly parentsByObject = new Map<string, Map<string, ParentRelationship>>();
  private readonly childrenByObject = new Map<string, Map<string, ChildRelationship>>();
  private readonly objectsByPrefix = new Map<string, SObjectSchema>();
  private readonly metadataRecords = new Map<string, CustomMetadataRecord[]>();

  constructor(
    objects: Iterable<SObjectSchema>,
    customMetadataRecords: Iterable<CustomMetadataRecord>,
    /** Problems met while loading; never fatal. */
    readonly warnings: readonly SchemaWarning[]
  ) {
    for (const object of objects) {
      const name = key(object.describe.name);
      this.objectsByName.set(name, object);
      this.objectsByPrefix.set(object.describe.keyPrefix, object);
      const fields = new Map<string, FieldDescribe>();
      const parents = new Map<string, ParentRelationship>();
      for (const field of object.fields) {
        fields.set(key(field.name), field);
        if (field.type === 'REFERENCE' && field.relationshipName) {
          parents.set(key(field.relationshipName), { field, targets: field.referenceTo });
        }
      }
      this.fieldsByObject.set(name, fields);
      this.parentsByObject.set(name, parents);
      this.childrenByObject.set(
        name,
        new Map(
          object.childRelationships
            .filter((child) => child.relationshipName !== undefined)
            .map((child) => [key(child.relationshipName as string), child])
        )
      );
    }
    for (const record of customMetadataRecords) {
      const list = this.metadataRecords.get(key(record.type)) ?? [];
      list.push(record);
      this.metadataRecords.set(key(record.type), list);
    }
  }

  /** An object by API name, any case; undefined if neither the catalogue nor the project defines it. */
  object(name: string): SObjectSchema | undefined {
    return this.objectsByName.get(key(name));
  }

  /** Every object, standard and the project's. */
  objects(): SObjectSchema[] {
    return [...this.objectsByName.values()];
  }

  /** The object whose Ids start with this three-character prefix (`001` -> Account). */
  objectByKeyPrefix(prefix: string): SObjectSchema | undefined {
    return this.objectsByPrefix.get(prefix);
  }

  /** The object an Id belongs to, by its first three characters. */
  objectOfId(id: string): SObjectSchema | undefined {
    return id.length >= 15 ? this.objectsByPrefix.get(id.slice(0, 3)) : undefined;
  }

  /** A field of an object by API name, any case. */
  field(objectName: string, fieldName: string): FieldDescribe | undefined {
    return this.fieldsByObject.get(key(objectName))?.get(key(fieldName));
  }

  /** The reference field behind a relationship name (`Contact`, `Account` -> AccountId). */
  parentRelationship(objectName: string, relationshipName: string): ParentRelationship | undefined {
    return this.parentsByObject.get(key(objectName))?.get(key(relationshipName));
  }

  /** A child relationship of an object by name (`Account`, `Contacts`). */
  childRelationship(objectName: string, relationshipName: string): ChildRelationship | undefined {
    return this.childrenByObject.get(key(objectName))?.get(key(relationshipName));
  }

  /** The records of a custom metadata type (`getAll()`, SOQL on `X__mdt`); empty when none or unknown. */
  customMetadataRecords(typeName: string): readonly CustomMetadataRecord[] {
    return this.metadataRecords.get(key(typeName)) ?? [];
  }
}
