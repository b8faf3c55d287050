import { error } from '../core/types';
import { XmlElement } from '../metadata/xml-reader';
import { child, children, FieldFile, isTrue, MetadataModel, NamedFile, Rule, text } from './model';

/**
 * Rules of a list of picklist values, wherever it is defined: a custom field's <valueSetDefinition>, a
 * StandardValueSet's <standardValue>s, a GlobalValueSet's <customValue>s.
 */

const VALUE_NAME_MAX = 255;

export interface ValueList {
  file: string;
  /** What the values belong to, for messages: `picklist Status__c`, `standard value set OrderStatus`. */
  owner: string;
  values: XmlElement[];
  /** Multi-select picklists may have several defaults; every other list at most one. */
  singleDefault: boolean;
}

/** Every list of picklist values in the project. */
export function valueLists(model: MetadataModel): ValueList[] {
  const fromField = (field: FieldFile): ValueList[] => {
    const definition = child(child(field.root, 'valueSet') ?? field.root, 'valueSetDefinition');
    return definition
      ? [
          {
            file: field.file,
            owner: `picklist ${field.fieldName}`,
            values: children(definition, 'value'),
            singleDefault: field.type !== 'MultiselectPicklist'
          }
        ]
      : [];
  };
  const fromValueSet = (kind: string, element: string) => (set: NamedFile) => ({
    file: set.file,
    owner: `${kind} ${set.name}`,
    values: children(set.root, element),
    singleDefault: true
  });
  return [
    ...model.fields.flatMap(fromField),
    ...model.standardValueSets.map(fromValueSet('standard value set', 'standardValue')),
    ...model.globalValueSets.map(fromValueSet('global value set', 'customValue'))
  ];
}

const nameOf = (value: XmlElement): string => text(value, 'fullName') ?? '';

export const PICKLIST_VALUE_RULES: Rule<ValueList>[] = [
  // Why: a value's API name identifies it; two values whose names differ only in case are the same value to
  // Salesforce, and the deploy is refused as a duplicate value.
  // Source: Metadata API Developer Guide, CustomValue (fullName: the value's API name); the platform-custom-field-
  // generate skill derived from forcedotcom/sf-skills, §11 ("Duplicate value <fullName>s ... are rejected").
  {
    id: 'picklist-duplicate-value',
    check: (list) => {
      const seen = new Map<string, XmlElement>();
      return list.values.flatMap((value) => {
        const key = nameOf(value).toLowerCase();
        const first = seen.get(key);
        if (!first) {
          seen.set(key, value);
          return [];
        }
        return [
          error(
            list.file,
            `${list.owner}: value "${nameOf(value)}" is defined twice (first at line ${first.line}): Salesforce compares value names without case; remove or rename one`,
            value.line
          )
        ];
      });
    }
  },
  // Why: a picklist (not a multi-select one) has a single default value; a second one is refused.
  // Source: Metadata API Developer Guide, CustomValue (default: whether the value is "the default picklist value");
  // Salesforce Help, "Add or Edit Picklist Values" (one default value per picklist).
  {
    id: 'picklist-single-default',
    check: (list) => {
      const defaults = list.values.filter((value) => isTrue(value, 'default'));
      return list.singleDefault && defaults.length > 1
        ? defaults
            .slice(1)
            .map((value) =>
              error(
                list.file,
                `${list.owner}: "${nameOf(value)}" is a second default value (the first is "${nameOf(defaults[0])}"): a picklist has one default; set <default>false</default>`,
                child(value, 'default')?.line ?? value.line
              )
            )
        : [];
    }
  },
  // Why: a value's API name holds at most 255 characters.
  // Source: Salesforce Help, "Picklist Limitations" / "Custom Field Attributes" (each value up to 255 characters).
  {
    id: 'picklist-value-length',
    check: (list) =>
      list.values
        .filter((value) => nameOf(value).length > VALUE_NAME_MAX)
        .map((value) =>
          error(
            list.file,
            `${list.owner}: value name has ${nameOf(value).length} characters; Salesforce accepts at most ${VALUE_NAME_MAX}`,
            child(value, 'fullName')?.line ?? value.line
          )
        )
  }
];
