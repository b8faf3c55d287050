import { ObjectAccess, PermissionGrants } from './types';

/** A PermissionSet record and its permission records as an Apex test inserted them (field values as booleans). */
export interface PermissionRecords {
  /** PermissionSet.Name */
  name: string;
  label?: string;
  /** PermissionSet.Permissions* checkboxes by field name (`PermissionsEditActivatedOrders`); false ones may be left out. */
  userPermissions?: Record<string, boolean | null | undefined>;
  /** ObjectPermissions rows of the set. */
  objects?: {
    sobjectType: string;
    read?: boolean | null;
    create?: boolean | null;
    edit?: boolean | null;
    delete?: boolean | null;
    viewAll?: boolean | null;
    modifyAll?: boolean | null;
  }[];
  /** FieldPermissions rows of the set (`Field` is `Object.Field`). */
  fields?: { field: string; read?: boolean | null; edit?: boolean | null }[];
  /** Names of Apex classes / custom permissions granted through SetupEntityAccess rows. */
  classes?: string[];
  customPermissions?: string[];
}

/**
 * The grants of a permission set a test created as records, with the same rules as metadata: higher object
 * permissions imply lower ones, edit implies read (Help, "Object Permissions", "Field-Level Security").
 */
export function grantsFromRecords(records: PermissionRecords): PermissionGrants {
  const grants: PermissionGrants = {
    name: records.name,
    label: records.label ?? records.name,
    kind: 'permissionSet',
    objects: new Map(),
    fields: new Map(),
    classes: new Set((records.classes ?? []).map((name) => name.toLowerCase())),
    userPermissions: new Set(),
    customPermissions: new Set((records.customPermissions ?? []).map((name) => name.toLowerCase())),
    customMetadataTypes: new Set(),
    customSettings: new Set()
  };
  for (const [field, enabled] of Object.entries(records.userPermissions ?? {})) {
    if (enabled === true && /^Permissions/i.test(field)) {
      grants.userPermissions.add(field.slice('Permissions'.length).toLowerCase());
    }
  }
  for (const row of records.objects ?? []) {
    const modifyAll = row.modifyAll === true;
    const remove = row.delete === true || modifyAll;
    const edit = row.edit === true || remove;
    const viewAll = row.viewAll === true || modifyAll;
    const create = row.create === true || modifyAll;
    const access: ObjectAccess = {
      read: row.read === true || edit || viewAll || create,
      create,
      edit,
      delete: remove,
      viewAll,
      modifyAll
    };
    grants.objects.set(row.sobjectType.toLowerCase(), access);
  }
  for (const row of records.fields ?? []) {
    const edit = row.edit === true;
    grants.fields.set(row.field.toLowerCase(), { read: row.read === true || edit, edit });
  }
  return grants;
}
