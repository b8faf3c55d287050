import { error, Problem, warning } from '../core/types';
import { child, FieldFile, isTrue, lineOf, Rule, text, wholeNumber } from './model';

/**
 * Rules of a custom field file that depend on its <type>: which elements a type needs and which it refuses. The
 * Metadata API types declare every element optional, so only a deploy would tell (`Must specify 'length' for a
 * CustomField of type Text`, `Can not specify 'length' for a CustomField of type TextArea`). Standard fields
 * (no `__c`) are left alone: their files only customise help text, history tracking and the like.
 */

const TEXT_LENGTH_MAX = 255;
const LONG_TEXT_MIN = 256;
const LONG_TEXT_MAX = 131_072;
const PRECISION_MAX = 18;
const API_NAME_MAX = 40;
const LABEL_MAX = 40;

/** Types whose non-formula fields take a <length>. */
const LENGTH_TYPES = new Set(['Text', 'LongTextArea', 'Html', 'EncryptedText']);
const NUMERIC_TYPES = new Set(['Number', 'Currency', 'Percent']);
const RELATIONSHIP_TYPES = new Set(['Lookup', 'MasterDetail']);
/** Letters, digits and single inner underscores, starting with a letter: the rule of every custom API name. */
const API_NAME = /^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/;

export function isCustomField(field: FieldFile): boolean {
  return /__c$/i.test(field.fieldName);
}

/** The field's name without `__c` and without a namespace prefix (`ns__Name__c`). */
function localName(field: FieldFile): string {
  const parts = field.fieldName.slice(0, -'__c'.length).split('__');
  return parts[parts.length - 1];
}

const fail = (field: FieldFile, message: string, element: string): Problem[] => [
  error(field.file, message, lineOf(field.root, element))
];
const typeOf = (field: FieldFile): string => field.type ?? '(none)';

export const CUSTOM_FIELD_RULES: Rule<FieldFile>[] = [
  // Why: the file name is the field's API name; Salesforce accepts only letters, digits and single underscores,
  // starting with a letter, at most 40 characters before `__c`.
  // Source: Platform Events Developer Guide, "Platform Event Fields" (naming rule shared by every custom API name);
  // Salesforce Help, "Custom Field Attributes" (Field Name, 40 characters).
  {
    id: 'field-api-name',
    check: (field) => {
      const name = localName(field);
      if (!API_NAME.test(name)) {
        return [
          error(
            field.file,
            `field name ${field.fieldName} is not a valid API name: use letters, digits and single underscores, start with a letter, do not end with an underscore; rename the file`,
            field.root.line
          )
        ];
      }
      return name.length > API_NAME_MAX
        ? [
            error(
              field.file,
              `field name ${field.fieldName} has ${name.length} characters before __c; Salesforce allows at most ${API_NAME_MAX}`,
              field.root.line
            )
          ]
        : [];
    }
  },
  // Why: source format names a field by its file; a different <fullName> inside deploys a field the project does not
  // know under that name (permission sets, layouts and Apex use the file name).
  // Source: Metadata API Developer Guide, CustomField ("fullName ... the field's API name"); source format layout.
  {
    id: 'field-full-name',
    check: (field) => {
      const fullName = text(field.root, 'fullName');
      return fullName !== undefined && fullName.toLowerCase() !== field.fieldName.toLowerCase()
        ? fail(
            field,
            `<fullName>${fullName}</fullName> does not match the file name ${field.fieldName}: make them the same`,
            'fullName'
          )
        : [];
    }
  },
  // Why: a new custom field cannot be created without a data type.
  // Source: Metadata API Developer Guide, CustomField (type: "Required" for custom fields).
  {
    id: 'field-type',
    check: (field) =>
      field.type === undefined
        ? [
            error(
              field.file,
              'custom field has no <type>: add its data type (Text, Number, Picklist, ...)',
              field.root.line
            )
          ]
        : []
  },
  // Why: a field's label holds at most 40 characters, as its API name does.
  // Source: Salesforce Help, Knowledge Article 000381913 ("The current character limit for creating field names and
  // labels is 40 characters").
  {
    id: 'field-label-length',
    check: (field) => {
      const label = text(field.root, 'label');
      return label !== undefined && [...label].length > LABEL_MAX
        ? fail(
            field,
            `a field label holds at most ${LABEL_MAX} characters (this one has ${[...label].length}): shorten <label> and say more in <inlineHelpText>`,
            'label'
          )
        : [];
    }
  },
  // Why: "Must specify 'length' for a CustomField of type Text"; a Text field holds 1 to 255 characters.
  // Source: forcedotcom/sf-skills platform-custom-field-generate SKILL.md (Text: length, max 255); Salesforce Help,
  // "Custom Field Types" (Text: up to 255 characters).
  {
    id: 'field-text-length',
    check: (field) => {
      if (field.type !== 'Text' || field.isFormula) {
        return [];
      }
      const length = wholeNumber(field.root, 'length');
      return length === undefined || length < 1 || length > TEXT_LENGTH_MAX
        ? fail(
            field,
            `a Text field needs <length> between 1 and ${TEXT_LENGTH_MAX} (found ${text(field.root, 'length') ?? 'none'}); use LongTextArea for more`,
            'length'
          )
        : [];
    }
  },
  // Why: Long Text Area and Rich Text Area fields take 256 to 131,072 characters and must say how many.
  // Source: Salesforce Help, "Custom Field Types" (Text Area (Long): 256 to 131,072, default 32,768);
  // forcedotcom/sf-skills platform-custom-field-generate SKILL.md (LongTextArea/Html: length, visibleLines).
  {
    id: 'field-long-text-length',
    check: (field) => {
      if ((field.type !== 'LongTextArea' && field.type !== 'Html') || field.isFormula) {
        return [];
      }
      const length = wholeNumber(field.root, 'length');
      return length === undefined || length < LONG_TEXT_MIN || length > LONG_TEXT_MAX
        ? fail(
            field,
            `a ${field.type} field needs <length> between ${LONG_TEXT_MIN} and ${LONG_TEXT_MAX} (found ${text(field.root, 'length') ?? 'none'})`,
            'length'
          )
        : [];
    }
  },
  // Why: "Can not specify 'length' for a CustomField of type TextArea" (also Url, Number): only text types that store
  // a chosen number of characters take a length; a formula's length comes from its expression.
  // Source: deploy errors quoted in public deploy logs and forcedotcom/sf-skills platform-custom-field-generate
  // SKILL.md ("TextArea: do NOT include <length>"); Metadata API CustomField (length: "Length of the field").
  {
    id: 'field-length-not-allowed',
    check: (field) => {
      if (child(field.root, 'length') === undefined) {
        return [];
      }
      if (field.isFormula) {
        return [
          warning(
            field.file,
            'a formula field takes no <length>: its result type decides it; remove <length>',
            lineOf(field.root, 'length')
          )
        ];
      }
      return LENGTH_TYPES.has(typeOf(field))
        ? []
        : fail(field, `Can not specify 'length' for a CustomField of type ${typeOf(field)}: remove <length>`, 'length');
    }
  },
  // Why: "Must specify 'precision' / 'scale' for a CustomField of type Currency/Number", formulas included;
  // precision is 1 to 18 digits and scale (decimal places) 0 to precision.
  // Source: public deploy logs quoting both errors; forcedotcom/sf-skills platform-custom-field-generate SKILL.md
  // ("precision <= 18 AND scale <= precision"); Salesforce Help, "Custom Field Types" (Number: 18 digits).
  {
    id: 'field-number-precision',
    check: (field) => {
      if (!NUMERIC_TYPES.has(typeOf(field))) {
        return [];
      }
      const precision = wholeNumber(field.root, 'precision');
      const scale = wholeNumber(field.root, 'scale');
      if (precision === undefined || precision < 1 || precision > PRECISION_MAX) {
        return fail(
          field,
          `Must specify 'precision' for a CustomField of type ${typeOf(field)}: <precision> between 1 and ${PRECISION_MAX} (found ${text(field.root, 'precision') ?? 'none'})`,
          'precision'
        );
      }
      if (scale === undefined || scale < 0 || scale > precision) {
        return fail(
          field,
          `Must specify 'scale' for a CustomField of type ${typeOf(field)}: <scale> between 0 and the precision ${precision} (found ${text(field.root, 'scale') ?? 'none'})`,
          'scale'
        );
      }
      return [];
    }
  },
  // Why: "Can not specify 'precision' for a CustomField of type Summary": only numeric types take precision and
  // scale (a Location field takes a scale only).
  // Source: forcedotcom/sf-skills platform-custom-field-generate SKILL.md (roll-up summary section).
  {
    id: 'field-precision-not-allowed',
    check: (field) => {
      if (NUMERIC_TYPES.has(typeOf(field))) {
        return [];
      }
      const refused = ['precision', 'scale'].filter(
        (element) => child(field.root, element) !== undefined && !(element === 'scale' && field.type === 'Location')
      );
      return refused.flatMap((element) =>
        fail(
          field,
          `Can not specify '${element}' for a CustomField of type ${typeOf(field)}: remove <${element}>`,
          element
        )
      );
    }
  },
  // Why: a picklist gets its values either from its own definition or from a global value set, never both:
  // "Value set must reference a value set name or define a value set, but not both".
  // Source: Metadata API Developer Guide, ValueSet (valueSetDefinition / valueSetName); forcedotcom/sf-skills
  // platform-custom-field-generate SKILL.md §6.1.
  {
    id: 'field-picklist-value-set',
    check: (field) => {
      if (field.type !== 'Picklist' && field.type !== 'MultiselectPicklist') {
        return [];
      }
      const valueSet = child(field.root, 'valueSet');
      const sources = valueSet
        ? ['valueSetDefinition', 'valueSetName'].filter((name) => child(valueSet, name) !== undefined)
        : [];
      if (sources.length === 1) {
        return [];
      }
      return fail(
        field,
        sources.length === 2
          ? 'Value set must reference a value set name or define a value set, but not both: keep <valueSetDefinition> or <valueSetName>'
          : `a ${field.type} field needs a <valueSet> with a <valueSetDefinition> (its values) or a <valueSetName> (a global value set)`,
        'valueSet'
      );
    }
  },
  // Why: "Must specify 'visibleLines' for a CustomField of type LongTextArea"; the same holds for rich text and
  // multi-select picklists.
  // Source: public deploy logs quoting the error; forcedotcom/sf-skills platform-custom-field-generate SKILL.md
  // ("Visible lines are mandatory for Long/Rich text and Multi-select picklists").
  {
    id: 'field-visible-lines',
    check: (field) => {
      const needsLines = ['LongTextArea', 'Html', 'MultiselectPicklist'].includes(typeOf(field)) && !field.isFormula;
      const lines = wholeNumber(field.root, 'visibleLines');
      return needsLines && (lines === undefined || lines < 1)
        ? fail(
            field,
            `Must specify 'visibleLines' for a CustomField of type ${typeOf(field)}: add <visibleLines> (e.g. 3)`,
            'visibleLines'
          )
        : [];
    }
  },
  // Why: a lookup or master-detail field must name the object it points to and its child relationship.
  // Source: Metadata API Developer Guide, CustomField (referenceTo, relationshipName); forcedotcom/sf-skills
  // platform-custom-field-generate SKILL.md (Lookup and Master-Detail: referenceTo, relationshipName).
  {
    id: 'field-relationship-target',
    check: (field) =>
      RELATIONSHIP_TYPES.has(typeOf(field)) &&
      (text(field.root, 'referenceTo') === undefined || text(field.root, 'relationshipName') === undefined)
        ? fail(
            field,
            `a ${field.type} field needs <referenceTo> (the parent object) and <relationshipName> (the child relationship, e.g. Invoices)`,
            'type'
          )
        : []
  },
  // Why: the child relationship name is an API name (`Invoices`, queried as `Invoices__r`): letters, digits and
  // single underscores, starting with a letter; the platform appends `__r` itself.
  // Source: Salesforce Help, "Create Custom Fields" (Child Relationship Name follows the API name rules);
  // forcedotcom/sf-skills platform-custom-field-generate SKILL.md (relationshipName without __r).
  {
    id: 'field-relationship-name',
    check: (field) => {
      const name = text(field.root, 'relationshipName');
      return name !== undefined && !API_NAME.test(name)
        ? fail(
            field,
            `<relationshipName>${name}</relationshipName> is not a valid child relationship name: letters, digits and single underscores, starting with a letter, without __r (Salesforce adds it)`,
            'relationshipName'
          )
        : [];
    }
  },
  // Why: two relationship fields pointing at the same object cannot share a child relationship name:
  // "There is already a Child Relationship named X on Account".
  // Source: deploy error quoted in public deploy logs; Salesforce Help, "Create Custom Fields" (the child
  // relationship name must be unique on the parent object).
  {
    id: 'field-relationship-name-unique',
    check: (field, model) => {
      const target = text(field.root, 'referenceTo')?.toLowerCase();
      const name = text(field.root, 'relationshipName')?.toLowerCase();
      if (!RELATIONSHIP_TYPES.has(typeOf(field)) || !target || !name) {
        return [];
      }
      const first = model.fields.find(
        (other) =>
          RELATIONSHIP_TYPES.has(typeOf(other)) &&
          text(other.root, 'referenceTo')?.toLowerCase() === target &&
          text(other.root, 'relationshipName')?.toLowerCase() === name
      );
      return first && first !== field
        ? fail(
            field,
            `There is already a Child Relationship named ${text(field.root, 'relationshipName')} on ${text(field.root, 'referenceTo')} (${first.file}): choose another <relationshipName>`,
            'relationshipName'
          )
        : [];
    }
  },
  // Why: master-detail fields take a relationshipOrder (0 for the first master, 1 for the second);
  // "Can not specify 'relationshipOrder' for a CustomField of type Lookup".
  // Source: forcedotcom/sf-skills platform-custom-field-generate SKILL.md (Master-Detail: relationshipOrder 0 or 1);
  // deploy error quoted in public deploy logs.
  {
    id: 'field-relationship-order',
    check: (field) => {
      if (field.type === 'Lookup' && child(field.root, 'relationshipOrder') !== undefined) {
        return fail(
          field,
          "Can not specify 'relationshipOrder' for a CustomField of type Lookup: remove <relationshipOrder>",
          'relationshipOrder'
        );
      }
      const order = wholeNumber(field.root, 'relationshipOrder');
      return field.type === 'MasterDetail' && order !== 0 && order !== 1
        ? fail(
            field,
            `a MasterDetail field needs <relationshipOrder> 0 (first master) or 1 (second master) (found ${text(field.root, 'relationshipOrder') ?? 'none'})`,
            'relationshipOrder'
          )
        : [];
    }
  },
  // Why: a master-detail field is always required and always cascades: "Master-Detail Relationship Fields Cannot
  // be Optional or Required", "Can not specify 'deleteConstraint' for a CustomField of type MasterDetail".
  // Source: forcedotcom/sf-skills platform-custom-field-generate SKILL.md §8; public deploy logs quoting both.
  {
    id: 'field-master-detail-attributes',
    check: (field) => {
      if (field.type !== 'MasterDetail') {
        return [];
      }
      return [
        ...(child(field.root, 'required')
          ? fail(
              field,
              'Master-Detail Relationship Fields Cannot be Optional or Required: remove <required>',
              'required'
            )
          : []),
        ...(child(field.root, 'deleteConstraint')
          ? fail(
              field,
              "Can not specify 'deleteConstraint' for a CustomField of type MasterDetail: remove <deleteConstraint>",
              'deleteConstraint'
            )
          : [])
      ];
    }
  },
  // Why: standard objects cannot be on the detail side of a master-detail relationship.
  // Source: SOAP API Developer Guide, "Relationships Among Objects" (master-detail: custom objects on the detail side);
  // Salesforce Help, "Object Relationships Overview".
  {
    id: 'field-master-detail-on-custom-object',
    check: (field) =>
      field.type === 'MasterDetail' && !/__c$/i.test(field.objectName)
        ? fail(
            field,
            `${field.objectName} is a standard object and cannot be the detail of a master-detail relationship: use a Lookup`,
            'type'
          )
        : []
  },
  // Why: a required lookup cannot be cleared when its parent is deleted: "must specify either cascade delete or
  // restrict delete for required lookup foreign key" (SetNull is the default when none is given).
  // Source: deploy error quoted in public deploy logs and web.plus-idea.net (metadata-pitfalls §1.3).
  {
    id: 'field-required-lookup-delete',
    check: (field) =>
      field.type === 'Lookup' &&
      isTrue(field.root, 'required') &&
      (text(field.root, 'deleteConstraint') ?? 'SetNull') === 'SetNull'
        ? fail(
            field,
            'must specify either cascade delete or restrict delete for required lookup foreign key: set <deleteConstraint>Restrict</deleteConstraint> (or Cascade)',
            child(field.root, 'deleteConstraint') ? 'deleteConstraint' : 'required'
          )
        : []
  },
  // Why: what happens to a lookup when its parent is deleted should be written down, not left to the default.
  // Source: Metadata API Developer Guide, CustomField (deleteConstraint: Cascade, Restrict, SetNull);
  // forcedotcom/sf-skills platform-custom-field-generate SKILL.md (Lookup: deleteConstraint). Bad practice only.
  {
    id: 'field-lookup-delete-constraint',
    check: (field) =>
      field.type === 'Lookup' && child(field.root, 'deleteConstraint') === undefined
        ? [
            warning(
              field.file,
              'lookup without <deleteConstraint>: say what happens when the parent is deleted (SetNull, Restrict or Cascade)',
              lineOf(field.root, 'type')
            )
          ]
        : []
  },
  // Why: a formula field is calculated, so it can neither be required nor have a default value.
  // Source: Salesforce Help, "Formula Field" and "Custom Field Attributes" (Required and Default Value are not
  // offered for formula fields). Not seen as a deploy error in public logs, so a warning.
  {
    id: 'field-formula-attributes',
    check: (field) =>
      field.isFormula
        ? ['defaultValue', 'required']
            .filter((element) => (element === 'required' ? isTrue(field.root, element) : child(field.root, element)))
            .map((element) =>
              warning(field.file, `a formula field is calculated: remove <${element}>`, lineOf(field.root, element))
            )
        : []
  },
  // Why: only Text, Number, Email and Auto Number fields can be external IDs, and only Text, Number and Email
  // fields unique ("Can not specify 'unique' for a CustomField of type Lookup"); formulas can be neither. A custom
  // metadata type's MetadataRelationship may be unique: trailheadapps/easy-spaces-lwc deploys one
  // (Customer_Fields__mdt.Sobject_Type__c, <unique>true</unique>), so it is not reported.
  // Source: SOAP API Developer Guide, "Custom Fields" (External ID: text, number or email field); Salesforce Help,
  // "Custom Field Attributes" (External ID: Text, Number, Email, Auto Number); public deploy logs.
  {
    id: 'field-external-id-type',
    check: (field) => {
      const allowed = (element: string): Set<string> =>
        new Set(
          element === 'externalId'
            ? ['Text', 'Number', 'Email', 'AutoNumber']
            : ['Text', 'Number', 'Email', 'MetadataRelationship']
        );
      return ['externalId', 'unique']
        .filter((element) => isTrue(field.root, element))
        .filter((element) => field.isFormula || !allowed(element).has(typeOf(field)))
        .flatMap((element) =>
          fail(
            field,
            `Can not specify '${element}' for a CustomField of type ${field.isFormula ? `${typeOf(field)} formula` : typeOf(field)}: only ${[...allowed(element)].join(', ')} fields can be ${element === 'externalId' ? 'external IDs' : 'unique'}`,
            element
          )
        );
    }
  },
  // Why: an auto-number field's display format must contain the number placeholder, e.g. `INV-{0000}`.
  // Source: Salesforce Help, "Custom Field Types" (Auto Number display format with {0}); forcedotcom/sf-skills
  // platform-custom-field-generate SKILL.md (AutoNumber: displayFormat must include {0}).
  {
    id: 'field-auto-number-format',
    check: (field) =>
      field.type === 'AutoNumber' && !/\{0+\}/.test(text(field.root, 'displayFormat') ?? '')
        ? fail(
            field,
            'an AutoNumber field needs a <displayFormat> with a number placeholder such as INV-{0000}',
            'displayFormat'
          )
        : []
  },
  // Why: "Must specify 'defaultValue' for a CustomField of type Checkbox".
  // Source: the Metadata API error quoted in public integration code (FIELD_INTEGRITY_EXCEPTION).
  {
    id: 'field-checkbox-default',
    check: (field) =>
      field.type === 'Checkbox' &&
      !field.isFormula &&
      !['true', 'false'].includes(text(field.root, 'defaultValue') ?? '')
        ? fail(
            field,
            "Must specify 'defaultValue' for a CustomField of type Checkbox: <defaultValue>false</defaultValue> (or true)",
            'defaultValue'
          )
        : []
  },
  // Why: platform event fields can only be Checkbox, Date, Date/Time, Number, Text and Text Area (Long), never
  // formulas.
  // Source: Platform Events Developer Guide, "Platform Event Fields" ("support only these field types").
  {
    id: 'field-platform-event-type',
    check: (field) => {
      if (!/__e$/i.test(field.objectName)) {
        return [];
      }
      const allowed = ['Checkbox', 'Date', 'DateTime', 'Number', 'Text', 'LongTextArea'];
      if (field.isFormula) {
        return fail(field, 'platform event fields cannot be formulas: remove <formula>', 'formula');
      }
      return field.type !== undefined && !allowed.includes(field.type)
        ? fail(field, `platform event fields cannot be of type ${field.type}: use one of ${allowed.join(', ')}`, 'type')
        : [];
    }
  },
  // Why: custom metadata type fields support a fixed list of types; their manageability should be explicit.
  // Source: Salesforce Help, "Custom Metadata Type Fields" (supported custom field types; field manageability);
  // the sf CLI's `cmdt generate field` writes <fieldManageability> on every field.
  {
    id: 'field-custom-metadata-type',
    check: (field) => {
      if (!/__mdt$/i.test(field.objectName)) {
        return [];
      }
      const allowed = [
        'MetadataRelationship',
        'Checkbox',
        'Date',
        'DateTime',
        'Email',
        'Number',
        'Percent',
        'Phone',
        'Picklist',
        'Text',
        'TextArea',
        'LongTextArea',
        'Url'
      ];
      if (field.type !== undefined && !allowed.includes(field.type)) {
        return fail(
          field,
          `custom metadata type fields cannot be of type ${field.type}: use one of ${allowed.join(', ')}`,
          'type'
        );
      }
      return child(field.root, 'fieldManageability') === undefined
        ? [
            warning(
              field.file,
              'custom metadata type field without <fieldManageability>: say who may change its values (DeveloperControlled, SubscriberControlled or Locked)',
              lineOf(field.root, 'type')
            )
          ]
        : [];
    }
  }
];
