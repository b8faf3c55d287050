import { Project } from '../core/project';
import { error } from '../core/types';
import { readXml, XmlElement } from '../metadata/xml-reader';
import { children, lineOf, Rule, text } from './model';

/**
 * Custom labels (`labels/CustomLabels.labels-meta.xml`, one `<labels>` per label). Evidence for each rule:
 * docs/quality-gate/metadata-rules.md, "Custom labels".
 */

/** One `<labels>` entry of a CustomLabels file. */
export interface CustomLabelEntry {
  file: string;
  label: XmlElement;
}

export function loadCustomLabels(project: Project): CustomLabelEntry[] {
  return project.packageFilesEndingWith('.labels-meta.xml').flatMap((file) => {
    const root = readXml(project.read(file)).root;
    return root?.local === 'CustomLabels' ? children(root, 'labels').map((label) => ({ file, label })) : [];
  });
}

/** Salesforce Help, "Custom Labels": labels "can be up to 1,000 characters in length". */
const MAX_VALUE_LENGTH = 1000;
/** Tooling API ExternalString.Name: "only alphanumeric characters, start with a letter, ... no spaces or double underscores". */
const LABEL_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export const CUSTOM_LABEL_RULES: Rule<CustomLabelEntry>[] = [
  // Why: the org stores a label's value in at most 1,000 characters; a longer value is refused.
  {
    id: 'custom-label-value-length',
    check: ({ file, label }) => {
      const value = text(label, 'value') ?? '';
      // Characters as the org counts them (entities decoded by the reader, surrogate pairs as one).
      const length = [...value].length;
      return length > MAX_VALUE_LENGTH
        ? [
            error(
              file,
              `custom label ${text(label, 'fullName') ?? '?'}: <value> has ${length} characters; a custom label ` +
                `holds at most ${MAX_VALUE_LENGTH} (split it, or keep long text in a static resource)`,
              lineOf(label, 'value')
            )
          ]
        : [];
    }
  },
  // Why: Apex (System.Label.X), LWC (@salesforce/label/c.X) and formulas ($Label.X) name a label by its fullName.
  {
    id: 'custom-label-name',
    check: ({ file, label }) => {
      const name = text(label, 'fullName');
      return name !== undefined && (!LABEL_NAME.test(name) || name.includes('__'))
        ? [
            error(
              file,
              `custom label name '${name}' is not an API name: letters, digits and single underscores, starting ` +
                'with a letter',
              lineOf(label, 'fullName')
            )
          ]
        : [];
    }
  }
];
