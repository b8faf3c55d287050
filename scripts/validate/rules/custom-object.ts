import { error, Problem, warning } from '../core/types';
import { child, lineOf, MetadataModel, ObjectFile, Rule, text } from './model';

/**
 * Rules of `objects/<Object>/<Object>.object-meta.xml` by the kind of object (custom object `__c`, platform event
 * `__e`, custom metadata type `__mdt`), and the rules that tie an object to its master-detail fields.
 */

const MASTER_DETAIL_MAX = 2;

const isCustomObject = (object: ObjectFile): boolean =>
  /__c$/i.test(object.objectName) && child(object.root, 'customSettingsType') === undefined;

function masterDetailFieldsOf(model: MetadataModel, object: ObjectFile) {
  return model.fieldsOf(object.objectName).filter((field) => field.type === 'MasterDetail');
}

export const CUSTOM_OBJECT_RULES: Rule<ObjectFile>[] = [
  // Why: a custom object cannot be created without its labels and its name field.
  // Source: Metadata API Developer Guide, CustomObject (label, pluralLabel, nameField required for custom objects);
  // forcedotcom/sf-skills platform-custom-object-generate SKILL.md ("Required Elements").
  {
    id: 'object-required-elements',
    check: (object) =>
      isCustomObject(object)
        ? ['label', 'pluralLabel', 'nameField']
            .filter((element) => child(object.root, element) === undefined)
            .map((element) =>
              error(
                object.file,
                `Required field is missing: ${element}: a custom object needs <${element}>`,
                object.root.line
              )
            )
        : []
  },
  // Why: the deployment status and the sharing model are part of every custom object's definition; left out, the
  // org's defaults decide (an object InDevelopment is hidden from users).
  // Source: forcedotcom/sf-skills platform-custom-object-generate SKILL.md ("Required Elements": sharingModel,
  // deploymentStatus); Metadata API Developer Guide, CustomObject. Not seen as a deploy error, so a warning.
  {
    id: 'object-sharing-and-status',
    check: (object) =>
      isCustomObject(object)
        ? ['deploymentStatus', 'sharingModel']
            .filter((element) => child(object.root, element) === undefined)
            .map((element) =>
              warning(object.file, `custom object without <${element}>: state it explicitly`, object.root.line)
            )
        : []
  },
  // Why: a custom object's name field is Text or an Auto Number whose display format holds the number placeholder.
  // Source: Metadata API Developer Guide, CustomObject (nameField: Text or AutoNumber); forcedotcom/sf-skills
  // platform-custom-object-generate SKILL.md ("AutoNumber: must include <displayFormat>").
  {
    id: 'object-name-field',
    check: (object) => {
      const nameField = child(object.root, 'nameField');
      if (!nameField || !isCustomObject(object)) {
        return [];
      }
      const type = text(nameField, 'type');
      if (type !== 'Text' && type !== 'AutoNumber') {
        return [
          error(
            object.file,
            `the name field's <type> is ${type ?? 'missing'}: it must be Text or AutoNumber`,
            lineOf(nameField, 'type')
          )
        ];
      }
      return type === 'AutoNumber' && !/\{0+\}/.test(text(nameField, 'displayFormat') ?? '')
        ? [
            error(
              object.file,
              'an AutoNumber name field needs a <displayFormat> with a number placeholder such as SUB-{00000}',
              lineOf(nameField, 'displayFormat')
            )
          ]
        : [];
    }
  },
  // Why: a detail object's records are shared through their master: "Cannot set sharingModel to ReadWrite on a
  // CustomObject with a MasterDetail relationship field".
  // Source: forcedotcom/sf-skills platform-custom-object-generate SKILL.md ("Sharing Model Rules").
  {
    id: 'object-master-detail-sharing',
    check: (object, model) => {
      const masterDetail = masterDetailFieldsOf(model, object);
      const sharingModel = text(object.root, 'sharingModel');
      return masterDetail.length > 0 && sharingModel !== undefined && sharingModel !== 'ControlledByParent'
        ? [
            error(
              object.file,
              `Cannot set sharingModel to ${sharingModel} on a CustomObject with a MasterDetail relationship field (${masterDetail[0].fieldName}): use ControlledByParent`,
              lineOf(object.root, 'sharingModel')
            )
          ]
        : [];
    }
  },
  // Why: an object can be the detail of at most two masters (MAX_RELATIONSHIPS_EXCEEDED).
  // Source: Salesforce Help, "Object Relationships Overview" (two master-detail relationships per object);
  // forcedotcom/sf-skills platform-custom-object-generate SKILL.md ("Relationship Cap").
  {
    id: 'object-master-detail-count',
    check: (object, model) => {
      const masterDetail = masterDetailFieldsOf(model, object);
      return masterDetail.slice(MASTER_DETAIL_MAX).map((field) =>
        error(
          field.file,
          `${object.objectName} already has ${MASTER_DETAIL_MAX} master-detail fields (${masterDetail
            .slice(0, MASTER_DETAIL_MAX)
            .map((other) => other.fieldName)
            .join(', ')}): make ${field.fieldName} a Lookup`,
          lineOf(field.root, 'type')
        )
      );
    }
  },
  // Why: only high-volume platform events can be created ("If you create a platform event with the StandardVolume
  // event type, you get an error"); the publish behaviour decides whether a rolled-back transaction leaks events.
  // Source: Platform Events Developer Guide, "Migrate Platform Event Definitions with Metadata API" (eventType) and
  // "Platform Event Fields" (Publish Behavior).
  {
    id: 'object-platform-event',
    check: (object) => {
      if (!/__e$/i.test(object.objectName)) {
        return [];
      }
      const eventType = text(object.root, 'eventType');
      const problems: Problem[] = [];
      if (eventType === 'StandardVolume') {
        problems.push(
          error(
            object.file,
            'StandardVolume platform events can no longer be created: use <eventType>HighVolume</eventType>',
            lineOf(object.root, 'eventType')
          )
        );
      }
      for (const element of ['eventType', 'publishBehavior'].filter((name) => !child(object.root, name))) {
        problems.push(
          warning(
            object.file,
            `platform event without <${element}>: state it (HighVolume; PublishAfterCommit or PublishImmediately)`,
            object.root.line
          )
        );
      }
      return problems;
    }
  },
  // Why: a custom metadata type has no deployment status, sharing model or name field of its own; the deploy
  // rejects deploymentStatus on a `__mdt` object.
  // Source: SalesforceFoundation/NPSP#1578 (deploymentStatus on __mdt fails the deploy); metadata-pitfalls §7.2.
  {
    id: 'object-custom-metadata-type',
    check: (object) => {
      if (!/__mdt$/i.test(object.objectName)) {
        return [];
      }
      return [
        ...(child(object.root, 'deploymentStatus')
          ? [
              error(
                object.file,
                'a custom metadata type takes no <deploymentStatus>: remove it',
                lineOf(object.root, 'deploymentStatus')
              )
            ]
          : []),
        ...['sharingModel', 'nameField']
          .filter((element) => child(object.root, element))
          .map((element) =>
            warning(
              object.file,
              `a custom metadata type has no <${element}> of its own: remove it`,
              lineOf(object.root, element)
            )
          )
      ];
    }
  }
];
