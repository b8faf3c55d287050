import { nameKey, splitNamespace } from './names';
import { STANDARD_VALUE_SET_OF_FIELD } from './platform-fields';
import { SchemaField, StandardObject } from './standard-schema';

/** What the project's `*.field-meta.xml` says about a custom field. */
export interface CustomFieldInfo {
  type: string;
  required: boolean;
  formula: boolean;
  referenceTo: string[];
  relationshipName?: string;
  /** Picklist values the project defines for the field, in the field or in a global value set; absent if unknown. */
  values?: string[];
  /** For a FieldDefinition metadata relationship: the field of the same type that names the object. */
  controllingField?: string;
}

export interface FieldDef extends SchemaField {
  /** Set for fields the project defines in a field file. */
  custom?: CustomFieldInfo;
  /** A field the platform adds to every object of its kind (Id, Name, OwnerId, ...): no field-level security. */
  system?: boolean;
}

/** An object, standard or the project's, with the fields both add. */
export class ObjectDef {
  /** The project's `X.object-meta.xml`, if the project defines the object. */
  file?: string;
  /** Fields of this object are not catalogued (e.g. `X__Feed`): any field name is accepted. */
  openFields = false;
  /** `Hierarchy` or `List` for custom settings. */
  customSettingsType?: string;
  /** Lower-case names of the record types and custom buttons/links the project defines for the object. */
  readonly recordTypes = new Set<string>();
  readonly webLinks = new Set<string>();
  private readonly ownFields = new Map<string, FieldDef>();

  constructor(
    readonly name: string,
    private readonly standard: StandardObject | undefined
  ) {}

  /** A standard object of the apex-ls catalog (possibly extended by the project). */
  get isStandard(): boolean {
    return this.standard !== undefined;
  }

  /** Whether the object exists without the project's help or thanks to its object file. */
  get isDeclared(): boolean {
    return this.isStandard || this.file !== undefined;
  }

  get isCustomMetadata(): boolean {
    return /__mdt$/i.test(this.name);
  }

  field(name: string): FieldDef | undefined {
    const key = nameKey(name);
    return this.ownFields.get(key) ?? this.standard?.fields.get(key);
  }

  addField(field: FieldDef): void {
    this.ownFields.set(nameKey(field.name), field);
  }

  /** The child relationships that hold records of an object (e.g. Account's `Contacts` for Contact). */
  childRelationshipsTo(objectName: string): string[] {
    const fields = [...this.ownFields.values(), ...(this.standard?.fields.values() ?? [])];
    return fields
      .filter(
        (field) => field.kind === 'children' && field.targets.some((target) => nameKey(target) === nameKey(objectName))
      )
      .map((field) => field.name);
  }

  /** The fields the project defines in field files. */
  customFields(): FieldDef[] {
    return [...this.ownFields.values()].filter((field) => field.custom !== undefined);
  }
}

/** Kinds of named metadata that references point to, other than objects and fields. */
export type ComponentKind =
  | 'Apex class'
  | 'flow'
  | 'tab'
  | 'Visualforce page'
  | 'custom permission'
  | 'global value set'
  | 'quick action'
  | 'permission set'
  | 'muting permission set'
  | 'layout'
  | 'custom metadata record'
  | 'application'
  | 'FlexiPage';

export interface ApexClassInfo {
  file: string;
  /** Declares an `@InvocableMethod`, so flows can call it as an Apex action. */
  invocable: boolean;
}

export type PathResolution =
  | { status: 'found'; object: ObjectDef; field: FieldDef }
  /** The path crosses a polymorphic relationship or an object whose fields are not catalogued. */
  | { status: 'unchecked' }
  | { status: 'missing'; object: ObjectDef; segment: string; foreignNamespace?: string }
  | { status: 'notRelationship'; object: ObjectDef; segment: string };

/**
 * Everything that a reference can name: the standard schema of the apex-ls jar merged with the project's objects,
 * fields and other components. Lookups are case-insensitive and strip the project's own namespace prefix.
 */
export class Catalog {
  readonly classes = new Map<string, ApexClassInfo>();
  /** Values of the global and standard value sets the project defines, by set name. */
  readonly valueSets = new Map<string, string[]>();
  private readonly projectObjects = new Map<string, ObjectDef>();
  private readonly standardObjects = new Map<string, ObjectDef>();
  private readonly components = new Map<ComponentKind, Map<string, string>>();

  constructor(
    private readonly standard: Map<string, StandardObject>,
    readonly namespace: string | undefined
  ) {}

  object(name: string): ObjectDef | undefined {
    const key = nameKey(this.withoutOwnNamespace(name));
    const own = this.projectObjects.get(key);
    if (own) {
      return own;
    }
    let wrapped = this.standardObjects.get(key);
    const standard = this.standard.get(key);
    if (!wrapped && standard) {
      wrapped = new ObjectDef(standard.name, standard);
      this.standardObjects.set(key, wrapped);
    }
    return wrapped;
  }

  /** The object the project defines or extends, created on first use. */
  projectObject(name: string): ObjectDef {
    const key = nameKey(this.withoutOwnNamespace(name));
    let object = this.projectObjects.get(key);
    if (!object) {
      const standard = this.standard.get(key);
      object = new ObjectDef(standard?.name ?? name, standard);
      this.projectObjects.set(key, object);
    }
    return object;
  }

  /** The names of every object the catalog knows: standard ones and the project's. */
  knownObjectNames(): string[] {
    return [
      ...[...this.standard.values()].map((object) => object.name),
      ...this.allProjectObjects().map((o) => o.name)
    ];
  }

  allProjectObjects(): ObjectDef[] {
    return [...this.projectObjects.values()];
  }

  field(object: ObjectDef, name: string): FieldDef | undefined {
    return object.field(this.withoutOwnNamespace(name));
  }

  addComponent(kind: ComponentKind, name: string, file: string): void {
    let names = this.components.get(kind);
    if (!names) {
      names = new Map();
      this.components.set(kind, names);
    }
    names.set(nameKey(name), file);
  }

  /** The file that defines a component of this kind, if the project has it. */
  component(kind: ComponentKind, name: string): string | undefined {
    return this.components.get(kind)?.get(nameKey(this.withoutOwnNamespace(name)));
  }

  apexClass(name: string): ApexClassInfo | undefined {
    return this.classes.get(nameKey(this.withoutOwnNamespace(name)));
  }

  /** The picklist values the project defines for a field (in the field, a global or a standard value set). */
  picklistValues(object: ObjectDef, field: FieldDef): string[] | undefined {
    if (field.custom) {
      return field.custom.values;
    }
    const valueSet = STANDARD_VALUE_SET_OF_FIELD.get(nameKey(`${object.name}.${field.name}`));
    return valueSet ? this.valueSets.get(nameKey(valueSet)) : undefined;
  }

  /** The namespace of a name when it is another package's (not this project's), e.g. `ns` for `ns__Thing__c`. */
  foreignNamespace(name: string): string | undefined {
    const { namespace } = splitNamespace(name);
    return namespace && nameKey(namespace) !== nameKey(this.namespace ?? '') ? namespace : undefined;
  }

  /**
   * Follows a dotted path from an object (`Account__r.Owner.Name`); flows may name a polymorphic target as
   * `Owner:User`. Every segment but the last must be a relationship.
   */
  resolvePath(start: ObjectDef, path: string): PathResolution {
    const segments = path.split('.');
    let object = start;
    for (let index = 0; index < segments.length; index++) {
      if (object.openFields) {
        return { status: 'unchecked' };
      }
      const [segment, targetHint] = segments[index].split(':');
      const field = this.field(object, segment);
      if (!field) {
        return { status: 'missing', object, segment, foreignNamespace: this.foreignNamespace(segment) };
      }
      if (index === segments.length - 1) {
        return { status: 'found', object, field };
      }
      if (field.kind !== 'reference') {
        return { status: 'notRelationship', object, segment };
      }
      const targetName = targetHint ?? (field.targets.length === 1 ? field.targets[0] : undefined);
      const target = targetName ? this.object(targetName) : undefined;
      if (!target) {
        // Polymorphic, or a target in another package: what lies beyond cannot be known offline.
        return { status: 'unchecked' };
      }
      object = target;
    }
    return { status: 'unchecked' };
  }

  private withoutOwnNamespace(name: string): string {
    const { namespace, local } = splitNamespace(name);
    return namespace && this.namespace && nameKey(namespace) === nameKey(this.namespace) ? local : name;
  }
}
