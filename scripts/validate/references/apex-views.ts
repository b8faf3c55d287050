import { FileView } from '../core/types';
import { ApexClassRange, outlineApex } from './apex-outline';
import { lineLocator, scanApex } from './apex-source';

/**
 * What the metadata checks read from an Apex class, as views for their cache keys (see FileView): an edit to a class
 * runs those checks again only when it changes what they read. Each view is built from the very functions the checks
 * read classes with (the outline, the scan, the invocable test), keeping every line a finding can point at.
 */

/** An Apex class file (a trigger is read whole: the trigger rules read its declaration). */
export function isApexClass(file: string): boolean {
  return file.endsWith('.cls');
}

/** Whether the class's code (comments and strings blanked) declares an invocable method: the catalog's test. */
export function declaresInvocable(code: string): boolean {
  return /@InvocableMethod\b/i.test(code);
}

/** The class outline without character offsets, which move with any edit but which no reader looks at. */
function outlineWithoutOffsets(source: string): unknown {
  const outline = outlineApex(source);
  const range = (owner: ApexClassRange | undefined): unknown =>
    owner && { name: owner.name, qualifiedName: owner.qualifiedName, line: owner.line, inner: owner.inner };
  return {
    classes: outline.classes.map(range),
    members: outline.members.map((member) => ({ ...member, owner: range(member.owner) }))
  };
}

/** Each static SOQL query with the line it starts on: the SOQL check's findings are lines inside the query. */
function staticSoql(source: string): unknown {
  const lineOf = lineLocator(source);
  return scanApex(source).queries.map((query) => ({ text: query.text, line: lineOf(query.offset) }));
}

/** For the openapi check: the REST mappings. */
export const APEX_REST_MAPPINGS_VIEW: FileView = { id: 'apex-rest-mappings', read: restMappingsIn };

/** `@RestResource(urlMapping='` in Apex with comments and string contents blanked (the quotes stay). */
const REST_RESOURCE = /@RestResource\s*\(\s*urlMapping\s*=\s*'/gi;

/** The `@RestResource` url mappings of one class, with their lines: all the openapi check reads from Apex. */
export function restMappingsIn(source: string): Array<{ line: number; urlMapping: string }> {
  const code = scanApex(source).code;
  const mappings: Array<{ line: number; urlMapping: string }> = [];
  for (const match of code.matchAll(REST_RESOURCE)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = code.indexOf("'", start);
    if (end >= 0) {
      mappings.push({ line: code.slice(0, match.index).split('\n').length, urlMapping: source.slice(start, end) });
    }
  }
  return mappings;
}

/** For checks that read a class's annotated members (metadata-rules: invocable method rules). */
export const APEX_OUTLINE_VIEW: FileView = { id: 'apex-outline', read: outlineWithoutOffsets };

/** For checks that also read the catalog's invocable flag (lwc-references: `@AuraEnabled` methods it imports). */
export const APEX_CATALOG_VIEW: FileView = {
  id: 'apex-catalog',
  read: (source) => ({ outline: outlineWithoutOffsets(source), invocable: declaresInvocable(scanApex(source).code) })
};

/** For cross-references: the catalog's reading plus every static SOQL query. */
export const APEX_REFERENCES_VIEW: FileView = {
  id: 'apex-references',
  read: (source) => ({
    outline: outlineWithoutOffsets(source),
    invocable: declaresInvocable(scanApex(source).code),
    soql: staticSoql(source)
  })
};
