import { Project } from '../core/project';
import { Problem } from '../core/types';
import { readXml, XmlElement } from '../metadata/xml-reader';

/**
 * The project's metadata that the deploy rules read, each file parsed once with the lines of its elements.
 * Files that do not parse are left out: the metadata-xml check reports them.
 */

/** One parsed metadata file. */
export interface MetadataFile {
  file: string;
  root: XmlElement;
}

/** `objects/<Object>/fields/<Field>.field-meta.xml`. */
export interface FieldFile extends MetadataFile {
  objectName: string;
  /** The API name from the file name, e.g. `Amount__c`. */
  fieldName: string;
  type: string | undefined;
  isFormula: boolean;
}

/** `objects/<Object>/<Object>.object-meta.xml`. */
export interface ObjectFile extends MetadataFile {
  objectName: string;
}

/** A metadata file named by its file name: value sets, flows, permission sets. */
export interface NamedFile extends MetadataFile {
  name: string;
}

/** An Apex trigger's source. */
export interface TriggerSource {
  file: string;
  name: string;
  text: string;
}

export interface MetadataModel {
  fields: FieldFile[];
  objects: ObjectFile[];
  standardValueSets: NamedFile[];
  globalValueSets: NamedFile[];
  flows: NamedFile[];
  permissionSets: NamedFile[];
  triggers: TriggerSource[];
  /** Fields of each object, keyed by the lower-case object name (one object may span package directories). */
  fieldsOf(objectName: string): FieldFile[];
  objectNamed(objectName: string): ObjectFile | undefined;
  filesSeen: number;
}

/** One deploy rule: an id that messages and the docs share, and the check it makes on one subject. */
export interface Rule<Subject> {
  id: string;
  check(subject: Subject, model: MetadataModel): Problem[];
}

/** Runs rules over subjects; every message ends with the id of the rule that found it. */
export function applyRules<Subject>(rules: Rule<Subject>[], subjects: Subject[], model: MetadataModel): Problem[] {
  return subjects.flatMap((subject) =>
    rules.flatMap((rule) =>
      rule.check(subject, model).map((problem) => ({ ...problem, message: `${problem.message} [${rule.id}]` }))
    )
  );
}

const FIELD_FILE = /\/objects\/([^/]+)\/fields\/([^/]+)\.field-meta\.xml$/;
const OBJECT_FILE = /\/objects\/([^/]+)\/([^/]+)\.object-meta\.xml$/;

export function loadMetadataModel(project: Project): MetadataModel {
  const parse = (file: string, rootName: string): XmlElement | undefined => {
    const root = readXml(project.read(file)).root;
    return root?.local === rootName ? root : undefined;
  };
  const named = (suffix: string, rootName: string): NamedFile[] =>
    project.packageFilesEndingWith(suffix).flatMap((file) => {
      const root = parse(file, rootName);
      return root ? [{ file, root, name: fileBaseName(file, suffix) }] : [];
    });

  const fields = project.packageFilesEndingWith('.field-meta.xml').flatMap((file): FieldFile[] => {
    const match = FIELD_FILE.exec(`/${file}`);
    const root = match ? parse(file, 'CustomField') : undefined;
    if (!match || !root) {
      return [];
    }
    return [
      {
        file,
        root,
        objectName: match[1],
        fieldName: match[2],
        type: text(root, 'type'),
        isFormula: text(root, 'formula') !== undefined
      }
    ];
  });
  const objects = project.packageFilesEndingWith('.object-meta.xml').flatMap((file): ObjectFile[] => {
    const match = OBJECT_FILE.exec(`/${file}`);
    const root = match && match[1] === match[2] ? parse(file, 'CustomObject') : undefined;
    return match && root ? [{ file, root, objectName: match[1] }] : [];
  });
  const triggers = project.packageFilesEndingWith('.trigger').map((file) => ({
    file,
    name: fileBaseName(file, '.trigger'),
    text: project.read(file)
  }));

  const fieldsByObject = groupBy(fields, (field) => field.objectName.toLowerCase());
  const objectsByName = new Map(objects.map((object) => [object.objectName.toLowerCase(), object]));
  const model: Omit<MetadataModel, 'filesSeen'> = {
    fields,
    objects,
    standardValueSets: named('.standardValueSet-meta.xml', 'StandardValueSet'),
    globalValueSets: named('.globalValueSet-meta.xml', 'GlobalValueSet'),
    flows: named('.flow-meta.xml', 'Flow'),
    permissionSets: named('.permissionset-meta.xml', 'PermissionSet'),
    triggers,
    fieldsOf: (objectName) => fieldsByObject.get(objectName.toLowerCase()) ?? [],
    objectNamed: (objectName) => objectsByName.get(objectName.toLowerCase())
  };
  const filesSeen =
    model.fields.length +
    model.objects.length +
    model.standardValueSets.length +
    model.globalValueSets.length +
    model.flows.length +
    model.permissionSets.length +
    model.triggers.length;
  return { ...model, filesSeen };
}

function fileBaseName(file: string, suffix: string): string {
  return file.slice(file.lastIndexOf('/') + 1, -suffix.length);
}

function groupBy<Item>(items: Item[], key: (item: Item) => string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  }
  return groups;
}

/** The direct children with this local name. */
export function children(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((child) => child.local === name);
}

export function child(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((child) => child.local === name);
}

/** The trimmed text of the first child with this name; undefined when it is absent or empty. */
export function text(parent: XmlElement, name: string): string | undefined {
  const value = child(parent, name)?.text.trim();
  return value ? value : undefined;
}

export function isTrue(parent: XmlElement, name: string): boolean {
  return text(parent, name) === 'true';
}

/** The line of the child with this name, else of the parent: where a problem about that child is reported. */
export function lineOf(parent: XmlElement, name: string): number {
  return child(parent, name)?.line ?? parent.line;
}

/** A whole number, or undefined for anything else (the metadata-xml check reports values that are not numbers). */
export function wholeNumber(parent: XmlElement, name: string): number | undefined {
  const value = text(parent, name);
  return value !== undefined && /^-?\d+(\.0+)?$/.test(value) ? Number.parseFloat(value) : undefined;
}
