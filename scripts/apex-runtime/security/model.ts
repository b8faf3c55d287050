import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { childElements, childText, parseXml, XmlElement } from '../../validate/references/xml';
import { projectPackageDirectories, SchemaModel } from '../schema';
import { HIDDEN_STANDARD_FIELDS, PROFILE_FILE_NAMES, STANDARD_PROFILES, standardProfile } from './baselines';
import { FieldAccess, ObjectAccess, PermissionGrants, SecurityWarning, UserAccess, UserGrants } from './types';

export interface LoadSecurityOptions {
  /** The SFDX project root. */
  root: string;
  /** Package directories to read, relative to root; default: those of sfdx-project.json. */
  packageDirectories?: string[];
}

const NONE: ObjectAccess = { read: false, create: false, edit: false, delete: false, viewAll: false, modifyAll: false };

/**
 * Objects every user may work with whatever the profile: files and attachments, whose record access follows the
 * linked or parent record (Object Reference, ContentVersion and Attachment: "access is determined by the parent";
 * observed in orgs for "Minimum Access - Salesforce": octoberswimmer/aer-dist issues 198 and 209). Their standard
 * fields are readable; custom fields still need a grant.
 */
const UNIVERSAL_OBJECTS: ReadonlySet<string> = new Set([
  'contentversion',
  'contentdocument',
  'contentdocumentlink',
  'attachment',
  'note'
]);
/**
 * Setup objects that have no object permissions to grant (no `objectPermissions` entry can name them): every user may
 * query them, as users query their own User record or a RecordType in any org. Writing them is the runtime's concern
 * (system mode, or setup permissions such as Manage Users).
 */
const SETUP_OBJECTS: ReadonlySet<string> = new Set(
  [
    'User',
    'Group',
    'GroupMember',
    'RecordType',
    'Organization',
    'Profile',
    'UserRole',
    'BusinessHours',
    'CronTrigger',
    'CronJobDetail',
    'AsyncApexJob',
    'ApexClass',
    'ApexTrigger',
    'PermissionSet',
    'PermissionSetAssignment',
    'PermissionSetGroup',
    'PermissionSetGroupComponent',
    'ObjectPermissions',
    'FieldPermissions',
    'SetupEntityAccess',
    'CustomPermission',
    'EmailTemplate',
    'Folder',
    'StaticResource',
    'OrgWideEmailAddress',
    'EntityDefinition',
    'FieldDefinition'
  ].map((name) => name.toLowerCase())
);
const SETUP_READ: ObjectAccess = { ...NONE, read: true };

const UNIVERSAL_ACCESS: ObjectAccess = {
  read: true,
  create: true,
  edit: true,
  delete: true,
  viewAll: false,
  modifyAll: false
};

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

  /**
   * The union of the user's profile and assigned permission sets/groups, answering access questions.
   * `runtimeGrants` are permission sets the test created as records (PermissionSet, ObjectPermissions,
   * FieldPermissions; see `grantsFromRecords`): they are looked up by name before the project's metadata.
   */
  accessFor(user: UserGrants, runtimeGrants: readonly PermissionGrants[] = []): UserAccess {
    const unknown: string[] = [];
    const sources: PermissionGrants[] = [];
    const created = new Map(runtimeGrants.map((grants) => [grants.name.toLowerCase(), grants]));
    for (const name of [user.profile, ...(user.permissionSets ?? []), ...(user.permissionSetGroups ?? [])]) {
      const found = created.get(name.toLowerCase()) ?? this.grant(name);
      if (found) {
        sources.push(found);
      } else {
        unknown.push(name);
      }
    }
    return new CombinedAccess(this.schema, sources, unknown);
  }
}

/** Permissions are additive: a user may do what any of their profile, permission sets and groups allows. */
class CombinedAccess implements UserAccess {
  private readonly viewAllData: boolean;
  private readonly modifyAllData: boolean;

  constructor(
    private readonly schema: SchemaModel,
    private readonly sources: PermissionGrants[],
    readonly unknownGrants: readonly string[]
  ) {
    this.viewAllData = this.hasUserPermission('ViewAllData');
    this.modifyAllData = this.hasUserPermission('ModifyAllData');
  }

  object(objectName: string): ObjectAccess {
    if (this.modifyAllData) {
      return { read: true, create: true, edit: true, delete: true, viewAll: true, modifyAll: true };
    }
    const key = objectName.toLowerCase();
    const kind = this.schema.object(objectName)?.describe.kind;
    if (kind === 'customMetadata' || kind === 'customSetting') {
      return this.setupDataAccess(key, kind);
    }
    const combined = UNIVERSAL_OBJECTS.has(key)
      ? { ...UNIVERSAL_ACCESS }
      : SETUP_OBJECTS.has(key)
        ? { ...SETUP_READ }
        : { ...NONE };
    for (const source of this.sources) {
      const access = source.objects.get(key) ?? source.defaultObjectAccess;
      if (access) {
        for (const permission of Object.keys(combined) as (keyof ObjectAccess)[]) {
          combined[permission] ||= access[permission];
        }
      }
    }
    if (this.viewAllData) {
      combined.read = true;
      combined.viewAll = true;
    }
    return combined;
  }

  /**
   * Custom metadata types and custom settings are readable only with explicit access or Customize Application (View
   * All Custom Settings for settings): the org settings "Restrict access to custom metadata types" and "Restrict
   * access to custom settings" are on in orgs created since Spring '20 (Salesforce Help, "Custom Metadata Types
   * Access" and "Custom Settings Access"). `getAll()`/`getInstance()` in Apex ignore this; the runtime decides.
   */
  private setupDataAccess(key: string, kind: 'customMetadata' | 'customSetting'): ObjectAccess {
    const granted = this.sources.some(
      (source) =>
        source.defaultObjectAccess?.read === true ||
        (kind === 'customMetadata' ? source.customMetadataTypes : source.customSettings).has(key)
    );
    const read =
      granted ||
      this.viewAllData ||
      this.hasUserPermission('CustomizeApplication') ||
      (kind === 'customSetting' && this.hasUserPermission('ViewAllCustomSettings'));
    const write = kind === 'customSetting' && (this.modifyAllData || this.hasUserPermission('CustomizeApplication'));
    return { read, create: write, edit: write, delete: write, viewAll: read, modifyAll: write };
  }

  field(objectName: string, fieldName: string): FieldAccess {
    const object = this.object(objectName);
    const field = this.schema.field(objectName, fieldName);
    if (!object.read || !field) {
      return { read: false, edit: false };
    }
    const canWrite = object.edit || object.create;
    const kind = this.schema.object(objectName)?.describe.kind;
    // Fields of custom metadata types and settings follow the type's access (no field grants in their metadata).
    const followsObject =
      kind === 'customMetadata' || kind === 'customSetting' || SETUP_OBJECTS.has(objectName.toLowerCase());
    if (!field.permissionable || followsObject || (UNIVERSAL_OBJECTS.has(objectName.toLowerCase()) && !field.custom)) {
      // Fields without field-level security follow the object (Id, Name, required and master-detail fields).
      return { read: true, edit: canWrite && (field.createable || field.updateable) };
    }
    if (this.modifyAllData) {
      return { read: true, edit: field.createable || field.updateable };
    }
    const key = `${objectName}.${field.name}`.toLowerCase();
    // Field-level security of an address is set on the compound field and covers its parts (ShippingAddress ->
    // ShippingStreet, ShippingCity, ...): Help, "Address Compound Fields".
    const compoundKey = field.compoundFieldName ? `${objectName}.${field.compoundFieldName}`.toLowerCase() : undefined;
    let read = this.viewAllData;
    let edit = false;
    for (const source of this.sources) {
      const standardField =
        !field.custom &&
        source.standardFieldAccess !== undefined &&
        !HIDDEN_STANDARD_FIELDS.has(key) &&
        (source.objects.get(objectName.toLowerCase())?.read ?? false);
      const access =
        source.fields.get(key) ??
        (compoundKey ? source.fields.get(compoundKey) : undefined) ??
        (standardField ? source.standardFieldAccess : undefined) ??
        source.defaultFieldAccess;
      if (access) {
        read ||= access.read || access.edit;
        edit ||= access.edit;
      }
    }
    const writable = field.createable || field.updateable;
    return { read, edit: edit && canWrite && writable };
  }

  canRunClass(className: string): boolean {
    const key = className.toLowerCase();
    return this.sources.some((source) => source.allClasses === true || source.classes.has(key));
  }

  hasUserPermission(permission: string): boolean {
    const key = permission.toLowerCase();
    return this.sources.some((source) => source.userPermissions.has(key));
  }

  hasCustomPermission(permission: string): boolean {
    const key = permission.toLowerCase();
    return this.sources.some((source) => source.allCustomPermissions === true || source.customPermissions.has(key));
  }
}

/**
 * Reads `profiles/*.profile-meta.xml`, `permissionsets/*.permissionset-meta.xml`,
 * `mutingpermissionsets/*.mutingpermissionset-meta.xml` and `permissionsetgroups/*.permissionsetgroup-meta.xml` from
 * the project's package directories and adds the standard profile baselines (System Administrator, Standard User,
 * Minimum Access - Salesforce, Read Only). A project profile file adds its grants to the baseline of the same name.
 */
export function loadSecurity(schema: SchemaModel, options: LoadSecurityOptions): SecurityModel {
  const warnings: SecurityWarning[] = [];
  const grants = new Map<string, PermissionGrants>();
  for (const name of STANDARD_PROFILES) {
    grants.set(name.toLowerCase(), standardProfile(name));
  }
  const files = collect(options.root, options.packageDirectories ?? projectPackageDirectories(options.root));
  const read = (file: string): XmlElement | undefined => {
    try {
      return parseXml(readFileSync(file, 'utf8'));
    } catch (cause) {
      warnings.push({ file: relative(options.root, file), message: `not readable XML: ${(cause as Error).message}` });
      return undefined;
    }
  };
  for (const file of files.profiles) {
    const xml = read(file);
    if (!xml) {
      continue;
    }
    const fileName = basename(file, '.profile-meta.xml');
    const name = PROFILE_FILE_NAMES[fileName.toLowerCase()] ?? fileName;
    const profile = grants.get(name.toLowerCase()) ?? emptyGrants(name, 'profile');
    addGrants(profile, xml);
    profile.userLicense = childText(xml, 'userLicense') ?? profile.userLicense;
    grants.set(name.toLowerCase(), profile);
  }
  const muting = new Map<string, PermissionGrants>();
  for (const file of files.permissionSets) {
    const xml = read(file);
    if (xml) {
      const set = emptyGrants(basename(file, '.permissionset-meta.xml'), 'permissionSet', childText(xml, 'label'));
      addGrants(set, xml);
      grants.set(set.name.toLowerCase(), set);
    }
  }
  for (const file of files.mutingPermissionSets) {
    const xml = read(file);
    if (xml) {
      const set = emptyGrants(
        basename(file, '.mutingpermissionset-meta.xml'),
        'permissionSet',
        childText(xml, 'label')
      );
      addGrants(set, xml, true);
      muting.set(set.name.toLowerCase(), set);
    }
  }
  for (const file of files.groups) {
    const xml = read(file);
    if (!xml) {
      continue;
    }
    const group = emptyGrants(
      basename(file, '.permissionsetgroup-meta.xml'),
      'permissionSetGroup',
      childText(xml, 'label')
    );
    for (const member of childElements(xml, 'permissionSets')) {
      const set = grants.get(member.text.toLowerCase());
      if (set?.kind === 'permissionSet') {
        merge(group, set);
        group.members = [...(group.members ?? []), set.name];
      } else {
        warnings.push({
          file: relative(options.root, file),
          message: `permission set ${member.text} is not defined in the project`
        });
      }
    }
    // A muting permission set removes what it names from the group (Help, "Muting Permission Sets").
    for (const member of childElements(xml, 'mutingPermissionSets')) {
      const set = muting.get(member.text.toLowerCase());
      if (set) {
        mute(group, set);
      }
    }
    grants.set(group.name.toLowerCase(), group);
  }
  // A profile granting every custom permission grants those the org defines: a name the org does not define is
  // never granted, so FeatureManagement.checkPermission answers false for it, also for a System Administrator (the CI
  // of mitchspano/apex-trigger-actions-framework passes MetadataTriggerHandlerTest on that, run as the org's admin).
  const defined = files.customPermissions.map((file) => basename(file, '.customPermission-meta.xml').toLowerCase());
  for (const grant of grants.values()) {
    if (grant.allCustomPermissions) {
      defined.forEach((name) => grant.customPermissions.add(name));
      grant.allCustomPermissions = false;
    }
  }
  return new SecurityModel(schema, grants, warnings);
}

/**
 * A permission set group as its PermissionSetGroupComponent records make it at run time (a test adding a component
 * and calling `Test.calculatePermissionSetGroup`): the union of its permission sets. Pass it to `accessFor`.
 */
export function groupOfPermissionSets(
  name: string,
  members: readonly PermissionGrants[],
  label?: string
): PermissionGrants {
  const group = emptyGrants(name, 'permissionSetGroup', label);
  for (const member of members) {
    merge(group, member);
    group.members = [...(group.members ?? []), member.name];
  }
  return group;
}

function emptyGrants(name: string, kind: PermissionGrants['kind'], label?: string): PermissionGrants {
  return {
    name,
    label: label ?? name,
    kind,
    objects: new Map(),
    fields: new Map(),
    classes: new Set(),
    userPermissions: new Set(),
    customPermissions: new Set(),
    customMetadataTypes: new Set(),
    customSettings: new Set()
  };
}

const enabled = (element: XmlElement): boolean => childText(element, 'enabled') === 'true';
const flag = (element: XmlElement, tag: string): boolean => childText(element, tag) === 'true';

/** Adds the grants of PermissionSet/Profile metadata (Metadata API, "PermissionSet" and "Profile"). */
function addGrants(target: PermissionGrants, xml: XmlElement, muting = false): void {
  for (const entry of childElements(xml, 'objectPermissions')) {
    const object = childText(entry, 'object');
    if (!object) {
      continue;
    }
    // Higher permissions imply lower ones (Help, "Object Permissions": Modify All > View All/Delete > Edit > Read);
    // a muting permission set mutes exactly the permissions it flags.
    const modifyAll = flag(entry, 'modifyAllRecords');
    if (muting) {
      target.objects.set(object.toLowerCase(), {
        read: flag(entry, 'allowRead'),
        create: flag(entry, 'allowCreate'),
        edit: flag(entry, 'allowEdit'),
        delete: flag(entry, 'allowDelete'),
        viewAll: flag(entry, 'viewAllRecords'),
        modifyAll
      });
      continue;
    }
    const remove = flag(entry, 'allowDelete') || modifyAll;
    const edit = flag(entry, 'allowEdit') || remove;
    const viewAll = flag(entry, 'viewAllRecords') || modifyAll;
    const access: ObjectAccess = {
      read: flag(entry, 'allowRead') || edit || viewAll || flag(entry, 'allowCreate'),
      create: flag(entry, 'allowCreate') || modifyAll,
      edit,
      delete: remove,
      viewAll,
      modifyAll
    };
    const key = object.toLowerCase();
    const existing = target.objects.get(key);
    target.objects.set(key, existing ? union(existing, access) : access);
  }
  for (const entry of childElements(xml, 'fieldPermissions')) {
    const field = childText(entry, 'field');
    if (field) {
      const edit = flag(entry, 'editable');
      const key = field.toLowerCase();
      const existing = target.fields.get(key);
      const access = { read: flag(entry, 'readable') || edit, edit };
      target.fields.set(
        key,
        existing ? { read: existing.read || access.read, edit: existing.edit || access.edit } : access
      );
    }
  }
  const names = (tag: string, nameTag: string, set: Set<string>): void => {
    for (const entry of childElements(xml, tag)) {
      const name = childText(entry, nameTag);
      if (name && enabled(entry)) {
        set.add(name.toLowerCase());
      }
    }
  };
  names('classAccesses', 'apexClass', target.classes);
  names('userPermissions', 'name', target.userPermissions);
  names('customPermissions', 'name', target.customPermissions);
  names('customMetadataTypeAccesses', 'name', target.customMetadataTypes);
  names('customSettingAccesses', 'name', target.customSettings);
}

function union(left: ObjectAccess, right: ObjectAccess): ObjectAccess {
  return {
    read: left.read || right.read,
    create: left.create || right.create,
    edit: left.edit || right.edit,
    delete: left.delete || right.delete,
    viewAll: left.viewAll || right.viewAll,
    modifyAll: left.modifyAll || right.modifyAll
  };
}

function merge(target: PermissionGrants, source: PermissionGrants): void {
  for (const [key, access] of source.objects) {
    const existing = target.objects.get(key);
    target.objects.set(key, existing ? union(existing, access) : access);
  }
  for (const [key, access] of source.fields) {
    const existing = target.fields.get(key);
    target.fields.set(
      key,
      existing ? { read: existing.read || access.read, edit: existing.edit || access.edit } : access
    );
  }
  for (const tag of [
    'classes',
    'userPermissions',
    'customPermissions',
    'customMetadataTypes',
    'customSettings'
  ] as const) {
    source[tag].forEach((name) => target[tag].add(name));
  }
}

/** Removes what a muting permission set enables (its flags say what to mute). */
function mute(target: PermissionGrants, muting: PermissionGrants): void {
  for (const [key, access] of muting.objects) {
    const existing = target.objects.get(key);
    if (existing) {
      target.objects.set(key, {
        read: existing.read && !access.read,
        create: existing.create && !access.create,
        edit: existing.edit && !access.edit,
        delete: existing.delete && !access.delete,
        viewAll: existing.viewAll && !access.viewAll,
        modifyAll: existing.modifyAll && !access.modifyAll
      });
    }
  }
  for (const [key, access] of muting.fields) {
    const existing = target.fields.get(key);
    if (existing) {
      target.fields.set(key, { read: existing.read && !access.read, edit: existing.edit && !access.edit });
    }
  }
  for (const tag of [
    'classes',
    'userPermissions',
    'customPermissions',
    'customMetadataTypes',
    'customSettings'
  ] as const) {
    muting[tag].forEach((name) => target[tag].delete(name));
  }
}

interface SecurityFiles {
  profiles: string[];
  permissionSets: string[];
  mutingPermissionSets: string[];
  groups: string[];
  customPermissions: string[];
}

function collect(root: string, directories: string[]): SecurityFiles {
  const files: SecurityFiles = {
    profiles: [],
    permissionSets: [],
    mutingPermissionSets: [],
    groups: [],
    customPermissions: []
  };
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
          visit(path);
        }
      } else if (entry.name.endsWith('.profile-meta.xml')) {
        files.profiles.push(path);
      } else if (entry.name.endsWith('.permissionset-meta.xml')) {
        files.permissionSets.push(path);
      } else if (entry.name.endsWith('.mutingpermissionset-meta.xml')) {
        files.mutingPermissionSets.push(path);
      } else if (entry.name.endsWith('.permissionsetgroup-meta.xml')) {
        files.groups.push(path);
      } else if (entry.name.endsWith('.customPermission-meta.xml')) {
        files.customPermissions.push(path);
      }
    }
  };
  for (const directory of directories) {
    const folder = join(root, directory);
    if (existsSync(folder)) {
      visit(folder);
    }
  }
  return files;
}
