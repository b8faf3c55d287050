import { error, Problem, warning } from '../core/types';
import { XmlElement } from '../metadata/xml-reader';
import { children, isTrue, lineOf, NamedFile, Rule, text } from './model';

/**
 * Rules of `permissionsets/<Name>.permissionset-meta.xml` about how its grants depend on each other: the deploy
 * refuses an object permission whose prerequisite is missing from the same permission set.
 */

/** Each object permission and the permissions it depends on, named as Salesforce names them in the error. */
const OBJECT_PERMISSION_DEPENDENCIES: Array<{ element: string; label: string; needs: string[] }> = [
  { element: 'allowCreate', label: 'Create', needs: ['allowRead'] },
  { element: 'allowEdit', label: 'Edit', needs: ['allowRead'] },
  { element: 'allowDelete', label: 'Delete', needs: ['allowRead', 'allowEdit'] },
  { element: 'viewAllRecords', label: 'View All', needs: ['allowRead'] },
  {
    element: 'modifyAllRecords',
    label: 'Modify All',
    needs: ['allowRead', 'allowEdit', 'allowDelete', 'viewAllRecords']
  }
];
const LABELS: Record<string, string> = {
  allowRead: 'Read',
  allowEdit: 'Edit',
  allowDelete: 'Delete',
  viewAllRecords: 'View All'
};

/**
 * Standard objects whose records hang off an account: access to them without Read Account is refused in orgs where
 * their sharing is controlled by the account ("Permission Read Order depends on permission(s): Read Account"), and
 * useless elsewhere. Org-shape dependent, so a warning; extend the list when an org shows another such dependency.
 */
const ACCOUNT_CHILD_OBJECTS = new Set(['contact', 'opportunity', 'order', 'contract', 'asset']);

const objectPermissions = (permissionSet: NamedFile): XmlElement[] => children(permissionSet.root, 'objectPermissions');

/** The object permission entry of an object, by lower-case name. */
function objectEntry(permissionSet: NamedFile, objectName: string): XmlElement | undefined {
  return objectPermissions(permissionSet).find(
    (entry) => text(entry, 'object')?.toLowerCase() === objectName.toLowerCase()
  );
}

/** Reports each entry of a list whose key was already listed. */
function duplicates(permissionSet: NamedFile, list: string, key: string): Problem[] {
  const seen = new Map<string, XmlElement>();
  return children(permissionSet.root, list).flatMap((entry) => {
    const name = text(entry, key);
    const first = name ? seen.get(name.toLowerCase()) : undefined;
    if (!name || !first) {
      if (name) {
        seen.set(name.toLowerCase(), entry);
      }
      return [];
    }
    return [
      warning(
        permissionSet.file,
        `${name} is listed twice in <${list}> (first at line ${first.line}): merge the two entries`,
        entry.line
      )
    ];
  });
}

export const PERMISSION_SET_RULES: Rule<NamedFile>[] = [
  // Why: object permissions build on each other; a permission without its prerequisite is refused:
  // "Permission Create X depends on permission(s): Read X".
  // Source: Salesforce Help, "Object Permissions" (Create/Edit need Read, Delete needs Edit, View All needs Read,
  // Modify All needs Read, Edit, Delete and View All); Gearset KB 7549344; public deploy logs quoting the error.
  {
    id: 'permission-object-dependencies',
    check: (permissionSet) =>
      objectPermissions(permissionSet).flatMap((entry) => {
        const object = text(entry, 'object') ?? '?';
        return OBJECT_PERMISSION_DEPENDENCIES.filter(({ element }) => isTrue(entry, element)).flatMap(
          ({ element, label, needs }) => {
            const missing = needs.filter((need) => !isTrue(entry, need));
            return missing.length > 0
              ? [
                  error(
                    permissionSet.file,
                    `Permission ${label} ${object} depends on permission(s): ${missing.map((need) => `${LABELS[need]} ${object}`).join(', ')}: set ${missing.map((need) => `<${need}>true`).join(', ')} or remove <${element}>`,
                    lineOf(entry, element)
                  )
                ]
              : [];
          }
        );
      })
  },
  // Why: any access to a detail object's records goes through its master: "Permission Read <child> depends on
  // permission(s): Read <master>".
  // Source: public deploy logs quoting the error for master-detail children; Salesforce Help, "Considerations for
  // Relationships" (detail records inherit the master's access).
  {
    id: 'permission-master-read',
    check: (permissionSet, model) =>
      objectPermissions(permissionSet).flatMap((entry) => {
        const object = text(entry, 'object');
        if (!object || !['allowRead', 'allowCreate', 'allowEdit', 'allowDelete'].some((name) => isTrue(entry, name))) {
          return [];
        }
        return model
          .fieldsOf(object)
          .filter((field) => field.type === 'MasterDetail')
          .flatMap((field) => {
            const master = text(field.root, 'referenceTo');
            const masterEntry = master ? objectEntry(permissionSet, master) : undefined;
            return master && !(masterEntry && isTrue(masterEntry, 'allowRead'))
              ? [
                  error(
                    permissionSet.file,
                    `Permission Read ${object} depends on permission(s): Read ${master} (${object} is a detail of ${master} through ${field.fieldName}): grant <allowRead> on ${master}`,
                    lineOf(entry, 'object')
                  )
                ]
              : [];
          });
      })
  },
  // Why: see ACCOUNT_CHILD_OBJECTS. Source: Gearset KB 7549344 (permission dependencies), Salesforce Help "Object
  // Permissions" (access to account-related records needs access to the account), public deploy logs quoting
  // "... depends on permission(s): Read Account"/"Read Contact" in orgs whose sharing is controlled by parent.
  {
    id: 'permission-account-parent-read',
    check: (permissionSet) => {
      const account = objectEntry(permissionSet, 'Account');
      if (account && isTrue(account, 'allowRead')) {
        return [];
      }
      return objectPermissions(permissionSet)
        .filter((entry) => ACCOUNT_CHILD_OBJECTS.has((text(entry, 'object') ?? '').toLowerCase()))
        .filter((entry) => ['allowRead', 'allowCreate', 'allowEdit'].some((name) => isTrue(entry, name)))
        .map((entry) =>
          warning(
            permissionSet.file,
            `grants ${text(entry, 'object')} access without <allowRead> on Account: Salesforce refuses it where ${text(entry, 'object')} sharing is controlled by the account ("Permission Read ${text(entry, 'object')} depends on permission(s): Read Account")`,
            lineOf(entry, 'object')
          )
        );
    }
  },
  // Why: a field that can be edited but not read is not a state Salesforce offers; edit access includes read.
  // Source: Metadata API Developer Guide, PermissionSet (PermissionSetFieldPermissions editable, readable);
  // Salesforce Help, "Field-Level Security" (Edit Access includes Read Access). Not seen as a deploy error, so a
  // warning.
  {
    id: 'permission-field-readable',
    check: (permissionSet) =>
      children(permissionSet.root, 'fieldPermissions')
        .filter((entry) => isTrue(entry, 'editable') && !isTrue(entry, 'readable'))
        .map((entry) =>
          warning(
            permissionSet.file,
            `${text(entry, 'field')} is editable but not readable: set <readable>true</readable>`,
            lineOf(entry, 'readable')
          )
        )
  },
  // Why: field access is useless without read access to the field's object; unless another permission set or the
  // profile grants it, users see nothing. Custom objects only: some standard objects take no object permissions
  // of their own (an OrderItem's access follows its Order).
  // Source: Salesforce Help, "Field-Level Security" (field permissions apply within the object permissions).
  // Bad practice, not a deploy error: a warning.
  {
    id: 'permission-field-without-object',
    check: (permissionSet) =>
      children(permissionSet.root, 'fieldPermissions').flatMap((entry) => {
        const field = text(entry, 'field') ?? '';
        const object = /^[^.]+__c\./i.test(field) ? field.slice(0, field.indexOf('.')) : undefined;
        const objectAccess = object ? objectEntry(permissionSet, object) : undefined;
        return object &&
          (isTrue(entry, 'readable') || isTrue(entry, 'editable')) &&
          !(objectAccess && isTrue(objectAccess, 'allowRead'))
          ? [
              warning(
                permissionSet.file,
                `grants access to ${field} but not <allowRead> on ${object}: add an <objectPermissions> entry for ${object}, or rely on another permission set knowingly`,
                lineOf(entry, 'field')
              )
            ]
          : [];
      })
  },
  // Why: a platform event takes Read (subscribe) and Create (publish) only; its records cannot be edited, deleted or
  // viewed in bulk. Source: the platform answers "User license does not allow this permission" when other object
  // permissions are set on a platform event (jetstreamapp/jetstream issue 921, setting them through the API); no
  // report of a metadata deploy refusing them was found, so a warning.
  {
    id: 'permission-platform-event-access',
    check: (permissionSet) =>
      objectPermissions(permissionSet)
        .filter((entry) => /__e$/i.test(text(entry, 'object') ?? ''))
        .flatMap((entry) =>
          ['allowEdit', 'allowDelete', 'viewAllRecords', 'modifyAllRecords']
            .filter((element) => isTrue(entry, element))
            .map((element) =>
              warning(
                permissionSet.file,
                `${text(entry, 'object')} is a platform event: it takes only Read and Create, not <${element}> (the platform answers "User license does not allow this permission")`,
                lineOf(entry, element)
              )
            )
        )
  },
  // Why: an object or field listed twice leaves it unclear which grant wins.
  // Source: Metadata API Developer Guide, PermissionSet (one entry per object and field). A warning.
  {
    id: 'permission-duplicate-entry',
    check: (permissionSet) => [
      ...duplicates(permissionSet, 'objectPermissions', 'object'),
      ...duplicates(permissionSet, 'fieldPermissions', 'field')
    ]
  }
];
