import { XMLParser } from 'fast-xml-parser';
import { Check, CheckOutcome, error, Problem, warning } from '../core/types';
import { allProjectFilesViewing, isApexBody } from '../core/cache';
import { Project } from '../core/project';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false });

/** Secrets that must never be committed: private keys, certificates, OAuth consumer secrets and keys. */
const SECRET_PATTERNS: Array<{ pattern: RegExp; what: string }> = [
  { pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, what: 'a private key' },
  {
    pattern: /-----BEGIN CERTIFICATE-----/,
    what: 'a certificate body (supply it at deploy time through sfdx-project.json replacements)'
  },
  // A value that is only a replacement token such as __SF_CONSUMER_KEY__ is filled in at deploy time and allowed.
  { pattern: /<consumerSecret>\s*(?!__[A-Z0-9_]+__\s*<)[^<\s]/, what: 'an OAuth consumer secret' },
  {
    pattern: /<consumerKey>\s*(?!__[A-Z0-9_]+__\s*<)[^<\s]/,
    what: 'a hard-coded OAuth consumer key (Salesforce generates it per org)'
  }
];

/**
 * Text limits the Metadata API enforces at deploy time but the WSDL types do not express, for the top-level elements
 * of the types this project writes. Sources: the Metadata API reference of each type (PermissionSet description "up to
 * 255 characters", label 80), the custom field and object limits of the Salesforce Help (labels 40, descriptions
 * 1,000, help text 510), the custom metadata record label (40).
 */
const LENGTH_LIMITS: Record<string, Record<string, number>> = {
  CustomField: { label: 40, description: 1000, inlineHelpText: 510, relationshipLabel: 80 },
  CustomObject: { label: 40, pluralLabel: 40, description: 1000 },
  PermissionSet: { label: 80, description: 255 },
  PermissionSetGroup: { label: 80, description: 255 },
  CustomMetadata: { label: 40 },
  CustomTab: { description: 1000 },
  ListView: { label: 40 }
};

/**
 * The project's own rules, which no Salesforce tool checks: every custom object, event, custom metadata type and custom
 * field says what it is for; texts stay within the lengths the Metadata API accepts; no file's API version is newer than the project's sourceApiVersion (a newer element fails
 * in an org on the older release); no secret, key or certificate body is committed anywhere in the project.
 */
export const conventionsCheck: Check = {
  id: 'conventions',
  title: 'descriptions on custom metadata, API versions within sourceApiVersion, no committed secrets',
  basis: 'house-policy',
  inputs: allProjectFilesViewing(isApexBody, { id: 'conventions-secrets', read: (source) => secretsIn(source) }),
  async run(project: Project): Promise<CheckOutcome> {
    const metaFiles = project.packageFilesEndingWith('-meta.xml');
    const problems: Problem[] = [];
    for (const file of metaFiles) {
      const text = project.read(file);
      let document: Record<string, Record<string, unknown>>;
      try {
        document = parser.parse(text) as Record<string, Record<string, unknown>>;
      } catch {
        continue; // the metadata-xml check reports malformed XML with its line
      }
      problems.push(
        ...descriptionProblems(file, document, text),
        ...lengthProblems(file, document, text),
        ...apiVersionProblems(project, file, document, text)
      );
    }
    const secretCandidates = [
      ...project.packageFiles(),
      // Metadata, configuration and docs; the TypeScript tooling is left out because it names these patterns itself.
      ...['config', 'docs', 'force-app-optional'].flatMap((dir) => project.filesUnder(dir)),
      'sfdx-project.json'
    ];
    for (const file of new Set(secretCandidates)) {
      problems.push(...secretProblems(project, file));
    }
    return { filesSeen: metaFiles.length, problems };
  }
};

function lineOf(text: string, tag: string): number | undefined {
  const index = text.indexOf(`<${tag}>`);
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}

function descriptionProblems(file: string, document: Record<string, Record<string, unknown>>, text: string): Problem[] {
  const field = document.CustomField;
  if (field && file.endsWith('.field-meta.xml') && /__c\.field-meta\.xml$/.test(file)) {
    const problems: Problem[] = [];
    if (!String(field.description ?? '').trim()) {
      problems.push(
        error(file, 'custom field has no <description>: say what it holds and who writes it', lineOf(text, 'label'))
      );
    }
    if (!String(field.inlineHelpText ?? '').trim() && !/__mdt\//.test(file) && !/__e\//.test(file)) {
      problems.push(
        warning(file, 'custom field has no <inlineHelpText> for the people who see it', lineOf(text, 'label'))
      );
    }
    return problems;
  }
  const object = document.CustomObject;
  if (
    object &&
    /\/objects\/\w+__(c|e|mdt)\/[^/]+\.object-meta\.xml$/.test(file) &&
    !String(object.description ?? '').trim()
  ) {
    return [error(file, 'custom object, event or metadata type has no <description>', lineOf(text, 'label'))];
  }
  return [];
}

function lengthProblems(file: string, document: Record<string, Record<string, unknown>>, text: string): Problem[] {
  const problems: Problem[] = [];
  for (const [typeName, limits] of Object.entries(LENGTH_LIMITS)) {
    const root = document[typeName];
    if (!root) {
      continue;
    }
    for (const [element, limit] of Object.entries(limits)) {
      const value = root[element];
      if (typeof value === 'string' && value.length > limit) {
        problems.push(
          error(
            file,
            `<${element}> has ${value.length} characters; ${typeName} accepts at most ${limit}`,
            lineOf(text, element)
          )
        );
      }
    }
  }
  return problems;
}

function apiVersionProblems(
  project: Project,
  file: string,
  document: Record<string, Record<string, unknown>>,
  text: string
): Problem[] {
  const root = Object.values(document).find((value) => typeof value === 'object' && value !== null);
  const version = Number(root?.apiVersion);
  const projectVersion = Number(project.sourceApiVersion);
  if (!root || Number.isNaN(version) || root.apiVersion === undefined || Number.isNaN(projectVersion)) {
    return [];
  }
  return version > projectVersion
    ? [
        error(
          file,
          `apiVersion ${String(root.apiVersion)} is newer than sourceApiVersion ${project.sourceApiVersion}`,
          lineOf(text, 'apiVersion')
        )
      ]
    : [];
}

function secretProblems(project: Project, file: string): Problem[] {
  let text: string;
  try {
    text = project.read(file);
  } catch {
    return [];
  }
  return secretsIn(text).map(({ what, line }) => error(file, `contains ${what}: never commit it`, line));
}

/** The secrets a text holds, each with the line of its first occurrence: all this check reads from Apex. */
function secretsIn(text: string): Array<{ what: string; line: number }> {
  return SECRET_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ pattern, what }) => ({
    what,
    line: text.slice(0, text.search(pattern)).split('\n').length
  }));
}
