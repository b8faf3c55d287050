import { Project } from '../core/project';
import { error, warning } from '../core/types';
import { readXml } from '../metadata/xml-reader';
import { child, lineOf, MetadataFile, MetadataModel, ObjectFile, Rule, text } from './model';

/**
 * How an object may be reached: its application class (the enableSharing/enableBulkApi/enableStreamingApi trio),
 * its internal and external sharing defaults, and the scopes its list views filter by.
 * Evidence for each rule: docs/quality-gate/metadata-rules.md, "Object access rules".
 */

/** The three settings that classify a custom object as an Enterprise Application (all true) or Light (all false). */
const APPLICATION_CLASS_SETTINGS = ['enableSharing', 'enableBulkApi', 'enableStreamingApi'] as const;

/** Sharing defaults from the most closed to the most open (Metadata API SharingModel enumeration). */
const SHARING_OPENNESS = ['Private', 'Read', 'ReadSelect', 'ReadWrite', 'ReadWriteTransfer', 'FullAccess'];

const isCustomObject = (object: ObjectFile): boolean =>
  /__c$/i.test(object.objectName) && child(object.root, 'customSettingsType') === undefined;

export const OBJECT_ACCESS_RULES: Rule<ObjectFile>[] = [
  // Why: enableSharing, enableBulkApi and enableStreamingApi are one switch in the org: all three true make an
  // Enterprise Application object, all three false a Light Application object; a mix is refused.
  {
    id: 'object-application-class',
    check: (object) => {
      if (!isCustomObject(object)) {
        return [];
      }
      const stated = APPLICATION_CLASS_SETTINGS.flatMap((name) => {
        const value = text(object.root, name);
        return value === 'true' || value === 'false' ? [{ name, value }] : [];
      });
      const enabled = stated.filter((setting) => setting.value === 'true').map((setting) => setting.name);
      const disabled = stated.filter((setting) => setting.value === 'false').map((setting) => setting.name);
      if (enabled.length === 0 || disabled.length === 0) {
        return [];
      }
      return [
        error(
          object.file,
          `${enabled.join(', ')} ${enabled.length > 1 ? 'are' : 'is'} true but ${disabled.join(', ')} ` +
            `${disabled.length > 1 ? 'are' : 'is'} false: enableSharing, enableBulkApi and enableStreamingApi are set ` +
            'together (all true: an Enterprise Application object; all false: a Light Application object)',
          lineOf(object.root, disabled[0])
        )
      ];
    }
  },
  // Why: the default external access of an object can be as open as its internal default, never more open.
  {
    id: 'object-external-sharing',
    check: (object) => {
      const internal = text(object.root, 'sharingModel');
      const external = text(object.root, 'externalSharingModel');
      if (!internal || !external || internal === external) {
        return [];
      }
      // ControlledByParent is outside the order; a detail's sharing is object-master-detail-sharing's concern.
      const internalRank = SHARING_OPENNESS.indexOf(internal);
      const externalRank = SHARING_OPENNESS.indexOf(external);
      if (internalRank < 0 || externalRank < 0 || externalRank <= internalRank) {
        return [];
      }
      return [
        error(
          object.file,
          `externalSharingModel ${external} is more open than sharingModel ${internal}: the default external ` +
            'access must be as restrictive as the internal one or more',
          lineOf(object.root, 'externalSharingModel')
        )
      ];
    }
  }
];

/** `objects/<Object>/listViews/<View>.listView-meta.xml`. */
export interface ListViewFile extends MetadataFile {
  objectName: string;
}

const LIST_VIEW_FILE = /\/objects\/([^/]+)\/listViews\/[^/]+\.listView-meta\.xml$/;

export function loadListViews(project: Project): ListViewFile[] {
  return project.packageFilesEndingWith('.listView-meta.xml').flatMap((file) => {
    const match = LIST_VIEW_FILE.exec(`/${file}`);
    const root = match ? readXml(project.read(file)).root : undefined;
    return match && root?.local === 'ListView' ? [{ file, root, objectName: match[1] }] : [];
  });
}

/** Scopes that need the records to have an owner (a user or a queue). */
const OWNER_SCOPES = new Set(['Mine', 'MineAndMyGroups', 'Queue']);
/** Scopes that exist only for standard objects with that feature (territories, teams, delegation, assignments). */
const FEATURE_SCOPES = new Set(['MyTerritory', 'MyTeamTerritory', 'Team', 'Delegated', 'AssignedToMe']);

/** A custom object without an owner: the detail of a master-detail relationship. */
function isOwnerless(model: MetadataModel, objectName: string): boolean {
  return /__c$/i.test(objectName) && model.fieldsOf(objectName).some((field) => field.type === 'MasterDetail');
}

export const LIST_VIEW_RULES: Rule<ListViewFile>[] = [
  // Why: a Queue list view lists the records of one queue, named in <queue>; without it there is nothing to list.
  {
    id: 'list-view-queue',
    check: (view) =>
      text(view.root, 'filterScope') === 'Queue' && !text(view.root, 'queue')
        ? [
            error(
              view.file,
              'filterScope Queue needs a <queue> naming the queue whose records the view lists',
              lineOf(view.root, 'filterScope')
            )
          ]
        : []
  },
  // Why: "My records" and queue scopes filter by owner; the detail of a master-detail relationship has no owner.
  // Not seen as a deploy error yet, so a warning; the feature scopes exist only on standard objects with the feature.
  {
    id: 'list-view-scope',
    check: (view, model) => {
      const scope = text(view.root, 'filterScope');
      if (!scope) {
        return [];
      }
      const line = lineOf(view.root, 'filterScope');
      if (OWNER_SCOPES.has(scope) && isOwnerless(model, view.objectName)) {
        return [
          warning(
            view.file,
            `filterScope ${scope} filters by owner, but ${view.objectName} is the detail of a master-detail ` +
              'relationship and has no owner: use Everything',
            line
          )
        ];
      }
      if (FEATURE_SCOPES.has(scope) && /__c$/i.test(view.objectName)) {
        return [
          warning(
            view.file,
            `filterScope ${scope} exists only for standard objects with that feature (territories, teams, ` +
              `delegation, assignments), not for custom object ${view.objectName}`,
            line
          )
        ];
      }
      return [];
    }
  }
];
