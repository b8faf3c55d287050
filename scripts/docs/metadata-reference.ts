import { XMLParser } from 'fast-xml-parser';
import { Project } from '../validate/core/project';

/** Where the generated reference lives, relative to the project root. */
export const REFERENCE_PATH = 'docs/reference/metadata.md';

type XmlNode = Record<string, unknown>;

/** Elements that repeat in the metadata this reference reads; everything else is a single value. */
const REPEATED = new Set([
  'value',
  'standardValue',
  'fieldPermissions',
  'objectPermissions',
  'classAccesses',
  'tabSettings',
  'customMetadataTypeAccesses',
  'userPermissions',
  'flowAccesses',
  'recordTypeVisibilities',
  'values',
  'scopes',
  'customPermissions',
  'pageAccesses',
  'applicationVisibilities',
  'permissionSetName'
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => REPEATED.has(name)
});

/**
 * Builds the Markdown reference of the project's metadata: every object and event with its fields, types, picklist
 * values, descriptions and help text; standard value sets; permission sets with their object, field, class and tab
 * access; flows; custom metadata records. Generated from the metadata, so it never drifts (the gate compares it).
 */
export function buildMetadataReference(project: Project): string {
  const files = project.packageFiles();
  const read = (file: string): XmlNode => {
    const document = parser.parse(project.read(file)) as XmlNode;
    const root = Object.keys(document).find((key) => key !== '?xml');
    return (root ? document[root] : {}) as XmlNode;
  };
  const out: string[] = [
    '# Metadata reference',
    '',
    'Generated from the metadata by `npm run docs`; do not edit by hand (`npm run validate` fails when it is out of date).',
    ''
  ];
  for (const dir of project.packageDirs) {
    const inDir = files.filter((file) => file.startsWith(`${dir}/`));
    out.push(`## Package \`${dir}\``, '');
    out.push(...objectsSection(inDir, read));
    out.push(...standardValueSetsSection(inDir, read));
    out.push(...permissionSetsSection(inDir, read));
    out.push(...flowsSection(inDir, read));
    out.push(...customMetadataSection(inDir, read));
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function text(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  return String(value).replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

function list(value: unknown): XmlNode[] {
  return Array.isArray(value) ? (value as XmlNode[]) : value ? [value as XmlNode] : [];
}

function yes(value: unknown): string {
  return String(value) === 'true' ? 'yes' : '';
}

function table(header: string[], rows: string[][]): string[] {
  if (rows.length === 0) {
    return [];
  }
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    ''
  ];
}

function objectsSection(files: string[], read: (file: string) => XmlNode): string[] {
  const objectNames = new Set<string>();
  for (const file of files) {
    const match = /\/objects\/([^/]+)\/(fields\/[^/]+\.field-meta\.xml|[^/]+\.object-meta\.xml)$/.exec(file);
    if (match) {
      objectNames.add(match[1]);
    }
  }
  if (objectNames.size === 0) {
    return [];
  }
  const out = ['### Objects and fields', ''];
  for (const objectName of [...objectNames].sort()) {
    const objectFile = files.find((file) => file.endsWith(`/objects/${objectName}/${objectName}.object-meta.xml`));
    const object = objectFile ? read(objectFile) : undefined;
    const kind = objectName.endsWith('__e')
      ? 'platform event'
      : objectName.endsWith('__mdt')
        ? 'custom metadata type'
        : objectName.endsWith('__c')
          ? 'custom object'
          : 'standard object';
    out.push(`#### ${objectName}${object?.label ? ` (${text(object.label)})` : ''}: ${kind}`, '');
    if (object?.description) {
      out.push(text(object.description), '');
    }
    const eventDetails = object?.eventType
      ? [`event type ${text(object.eventType)}`, `publish behaviour ${text(object.publishBehavior)}`]
      : [];
    if (eventDetails.length > 0) {
      out.push(`${eventDetails.join(', ')}.`, '');
    }
    const fieldFiles = files.filter((file) => file.includes(`/objects/${objectName}/fields/`)).sort();
    const rows = fieldFiles.map((file) => {
      const field = read(file);
      return [
        `\`${text(field.fullName)}\``,
        text(field.label),
        fieldType(field),
        yes(field.required),
        text(field.description),
        text(field.inlineHelpText)
      ];
    });
    out.push(...table(['Field', 'Label', 'Type', 'Required', 'Description', 'Help text'], rows));
  }
  return out;
}

function fieldType(field: XmlNode): string {
  const type = text(field.type) || 'Formula';
  const details: string[] = [];
  if (field.length) details.push(`length ${text(field.length)}`);
  if (field.precision) details.push(`precision ${text(field.precision)}, scale ${text(field.scale) || '0'}`);
  if (field.referenceTo) details.push(`to ${text(field.referenceTo)}`);
  if (field.formula) details.push(`formula \`${text(field.formula)}\``);
  if (String(field.externalId) === 'true') details.push('external id');
  if (String(field.unique) === 'true') details.push('unique');
  const valueSet = field.valueSet as XmlNode | undefined;
  if (valueSet) {
    const definition = valueSet.valueSetDefinition as XmlNode | undefined;
    const values = list(definition?.value).map(
      (value) => `${text(value.fullName)}${String(value.default) === 'true' ? ' (default)' : ''}`
    );
    if (values.length > 0) details.push(`values: ${values.join(', ')}`);
    if (valueSet.valueSetName) details.push(`global value set ${text(valueSet.valueSetName)}`);
    if (String(valueSet.restricted) === 'true') details.push('restricted');
  }
  return details.length > 0 ? `${type} (${details.join('; ')})` : type;
}

function standardValueSetsSection(files: string[], read: (file: string) => XmlNode): string[] {
  const valueSetFiles = files.filter((file) => file.endsWith('.standardValueSet-meta.xml')).sort();
  if (valueSetFiles.length === 0) {
    return [];
  }
  const out = [
    '### Standard value sets',
    '',
    "Deploying a standard value set replaces the org's list: see the deploy guide before deploying to production.",
    ''
  ];
  for (const file of valueSetFiles) {
    const name = /([^/]+)\.standardValueSet-meta\.xml$/.exec(file)?.[1] ?? file;
    out.push(`#### ${name}`, '');
    const rows = list(read(file).standardValue).map((value) => [
      text(value.fullName),
      text(value.label),
      yes(value.default),
      [
        value.groupingString ? `category ${text(value.groupingString)}` : '',
        value.probability !== undefined ? `probability ${text(value.probability)}%` : '',
        value.forecastCategory ? `forecast ${text(value.forecastCategory)}` : '',
        value.closed !== undefined ? `closed ${text(value.closed)}` : '',
        value.won !== undefined ? `won ${text(value.won)}` : ''
      ]
        .filter(Boolean)
        .join(', ')
    ]);
    out.push(...table(['Value', 'Label', 'Default', 'Details'], rows));
  }
  return out;
}

function permissionSetsSection(files: string[], read: (file: string) => XmlNode): string[] {
  const permissionSetFiles = files.filter((file) => file.endsWith('.permissionset-meta.xml')).sort();
  if (permissionSetFiles.length === 0) {
    return [];
  }
  const out = ['### Permission sets', ''];
  for (const file of permissionSetFiles) {
    const permissionSet = read(file);
    const name = /([^/]+)\.permissionset-meta\.xml$/.exec(file)?.[1] ?? file;
    out.push(`#### ${name} (${text(permissionSet.label)})`, '');
    if (permissionSet.description) {
      out.push(text(permissionSet.description), '');
    }
    out.push(
      ...table(
        ['Object', 'Create', 'Read', 'Edit', 'Delete', 'View all', 'Modify all'],
        list(permissionSet.objectPermissions).map((permission) => [
          text(permission.object),
          yes(permission.allowCreate),
          yes(permission.allowRead),
          yes(permission.allowEdit),
          yes(permission.allowDelete),
          yes(permission.viewAllRecords),
          yes(permission.modifyAllRecords)
        ])
      ),
      ...table(
        ['Field', 'Read', 'Edit'],
        list(permissionSet.fieldPermissions).map((permission) => [
          text(permission.field),
          yes(permission.readable),
          yes(permission.editable)
        ])
      )
    );
    const other = [
      ...list(permissionSet.classAccesses)
        .filter((access) => String(access.enabled) === 'true')
        .map((access) => `Apex class ${text(access.apexClass)}`),
      ...list(permissionSet.customMetadataTypeAccesses)
        .filter((access) => String(access.enabled) === 'true')
        .map((access) => `custom metadata type ${text(access.name)}`),
      ...list(permissionSet.tabSettings).map((tab) => `tab ${text(tab.tab)} (${text(tab.visibility)})`),
      ...list(permissionSet.flowAccesses)
        .filter((access) => String(access.enabled) === 'true')
        .map((access) => `flow ${text(access.flow)}`),
      ...list(permissionSet.userPermissions)
        .filter((permission) => String(permission.enabled) === 'true')
        .map((permission) => `user permission ${text(permission.name)}`),
      ...list(permissionSet.customPermissions)
        .filter((permission) => String(permission.enabled) === 'true')
        .map((permission) => `custom permission ${text(permission.name)}`)
    ];
    if (other.length > 0) {
      out.push(...other.map((item) => `- ${item}`), '');
    }
  }
  return out;
}

function flowsSection(files: string[], read: (file: string) => XmlNode): string[] {
  const flowFiles = files.filter((file) => file.endsWith('.flow-meta.xml')).sort();
  const rows = flowFiles.map((file) => {
    const flow = read(file);
    const start = (flow.start ?? {}) as XmlNode;
    const trigger = start.object
      ? `${text(start.triggerType)} on ${text(start.object)} (${text(start.recordTriggerType)})`
      : text(flow.processType);
    return [
      `\`${/([^/]+)\.flow-meta\.xml$/.exec(file)?.[1] ?? file}\``,
      text(flow.label),
      trigger,
      text(flow.status),
      text(flow.description)
    ];
  });
  return rows.length > 0
    ? ['### Flows', '', ...table(['Flow', 'Label', 'Trigger', 'Status', 'Description'], rows)]
    : [];
}

function customMetadataSection(files: string[], read: (file: string) => XmlNode): string[] {
  const recordFiles = files.filter((file) => file.endsWith('.md-meta.xml')).sort();
  const rows = recordFiles.map((file) => {
    const record = read(file);
    const values = list(record.values).map(
      (value) => `${text(value.field)} = ${text(typeof value.value === 'object' ? '' : value.value)}`
    );
    return [`\`${/([^/]+)\.md-meta\.xml$/.exec(file)?.[1] ?? file}\``, text(record.label), values.join('; ')];
  });
  return rows.length > 0 ? ['### Custom metadata records', '', ...table(['Record', 'Label', 'Values'], rows)] : [];
}
