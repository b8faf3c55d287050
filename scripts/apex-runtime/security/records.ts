import { profileUserType } from './baselines';
import { SecurityModel } from './model';
import { PermissionGrants } from './types';

/**
 * A setup record the runtime's database should hold so that Apex can query the project's permissions
 * (`SELECT ... FROM PermissionSet`, `ObjectPermissions`, `FieldPermissions`, `SetupEntityAccess`, ...), as an org
 * holds them after a deploy (Object Reference: PermissionSet, ObjectPermissions, FieldPermissions,
 * SetupEntityAccess, PermissionSetGroup, PermissionSetGroupComponent, Profile).
 */
export interface SetupRecord {
  object: string;
  /** A key unique among the records, for references (`PermissionSet:subscription_admin`). */
  key: string;
  /** Field values by canonical field name. */
  fields: Record<string, string | boolean | null>;
  /**
   * Reference fields by canonical name -> the key of the record they point to. Keys of records this list does not
   * hold name what the runtime creates itself: `ApexClass:<lower-case name>`, `CustomPermission:<lower-case name>`.
   */
  references: Record<string, string>;
}

/**
 * The setup records of every profile, permission set and group of the model. Profiles get their profile-owned
 * permission set (`IsOwnedByProfile = true`), as in an org. Only explicit grants become ObjectPermissions /
 * FieldPermissions rows: the System Administrator's access to everything is not spelled out row by row.
 */
export function permissionRecords(security: SecurityModel): SetupRecord[] {
  const records: SetupRecord[] = [];
  const schema = security.schema;
  const userPermissionFields = (schema.object('PermissionSet')?.fields ?? []).filter((field) =>
    field.name.startsWith('Permissions')
  );
  const permissionSetRecord = (grants: PermissionGrants, key: string, owner?: string): SetupRecord => {
    const fields: Record<string, string | boolean | null> = {
      Name: owner ? `X${grants.name.replace(/\W/g, '')}` : grants.name,
      Label: grants.label,
      IsOwnedByProfile: owner !== undefined,
      IsCustom: owner === undefined,
      NamespacePrefix: null,
      Type: owner ? 'Profile' : 'Regular'
    };
    for (const field of userPermissionFields) {
      const permission = field.name.slice('Permissions'.length).toLowerCase();
      fields[field.name] = grants.userPermissions.has(permission);
    }
    return { object: 'PermissionSet', key, fields, references: owner ? { ProfileId: owner } : {} };
  };
  for (const grants of security.all()) {
    const name = grants.name.toLowerCase();
    let parentKey: string;
    if (grants.kind === 'profile') {
      const profileKey = `Profile:${name}`;
      records.push({
        object: 'Profile',
        key: profileKey,
        fields: { Name: grants.name, UserType: profileUserType(grants.userLicense) },
        references: {}
      });
      parentKey = `PermissionSet:profile:${name}`;
      records.push(permissionSetRecord(grants, parentKey, profileKey));
    } else if (grants.kind === 'permissionSetGroup') {
      const groupKey = `PermissionSetGroup:${name}`;
      records.push({
        object: 'PermissionSetGroup',
        key: groupKey,
        fields: { DeveloperName: grants.name, MasterLabel: grants.label, Status: 'Updated', NamespacePrefix: null },
        references: {}
      });
      for (const member of grants.members ?? []) {
        records.push({
          object: 'PermissionSetGroupComponent',
          key: `PermissionSetGroupComponent:${name}:${member.toLowerCase()}`,
          fields: {},
          references: { PermissionSetGroupId: groupKey, PermissionSetId: `PermissionSet:${member.toLowerCase()}` }
        });
      }
      // Every group has its own aggregate permission set (Type 'Group') that holds the combined grants.
      parentKey = `PermissionSet:group:${name}`;
      const aggregate = permissionSetRecord(grants, parentKey);
      aggregate.fields.Name = `X${grants.name.replace(/\W/g, '')}`;
      aggregate.fields.Type = 'Group';
      aggregate.fields.IsCustom = false;
      aggregate.references.PermissionSetGroupId = groupKey;
      records.push(aggregate);
    } else {
      parentKey = `PermissionSet:${name}`;
      records.push(permissionSetRecord(grants, parentKey));
    }
    for (const [object, access] of grants.objects) {
      records.push({
        object: 'ObjectPermissions',
        key: `ObjectPermissions:${parentKey}:${object}`,
        fields: {
          SobjectType: schema.object(object)?.describe.name ?? object,
          PermissionsRead: access.read,
          PermissionsCreate: access.create,
          PermissionsEdit: access.edit,
          PermissionsDelete: access.delete,
          PermissionsViewAllRecords: access.viewAll,
          PermissionsModifyAllRecords: access.modifyAll
        },
        references: { ParentId: parentKey }
      });
    }
    for (const [qualified, access] of grants.fields) {
      const [object, field] = qualified.split('.');
      const objectName = schema.object(object)?.describe.name ?? object;
      const fieldName = schema.field(object, field)?.name ?? field;
      records.push({
        object: 'FieldPermissions',
        key: `FieldPermissions:${parentKey}:${qualified}`,
        fields: {
          SobjectType: objectName,
          Field: `${objectName}.${fieldName}`,
          PermissionsRead: access.read,
          PermissionsEdit: access.edit
        },
        references: { ParentId: parentKey }
      });
    }
    const entityAccess = (type: 'ApexClass' | 'CustomPermission', names: Set<string>): void => {
      for (const entity of names) {
        records.push({
          object: 'SetupEntityAccess',
          key: `SetupEntityAccess:${parentKey}:${type}:${entity}`,
          fields: { SetupEntityType: type },
          references: { ParentId: parentKey, SetupEntityId: `${type}:${entity}` }
        });
      }
    };
    entityAccess('ApexClass', grants.classes);
    entityAccess('CustomPermission', grants.customPermissions);
  }
  return records;
}
