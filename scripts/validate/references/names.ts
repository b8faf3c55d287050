/** Salesforce API names are case-insensitive: every catalog is keyed by the lower-case name. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/** The compound parts of a Location field `Loc__c`: `Loc__Latitude__s` and `Loc__Longitude__s`. */
const LOCATION_PART = /__(latitude|longitude)__s$/i;

/** Suffixes of custom names: fields, relationships, metadata types, events, big/external objects, derived objects. */
const CUSTOM_SUFFIX = /__(c|r|mdt|e|b|x|s|kav|share|history|feed|changeevent)$/i;

/**
 * A name split into its namespace prefix and its local name. Custom names carry one `__` before their suffix
 * (`Invoice__c`, `Account__r`, `Setting__mdt`, `Invoice__Share`), so a further `__` marks a namespace
 * (`ns__Invoice__c`); other names (classes, flows, CMDT record names) cannot contain `__` at all, so any `__` does.
 * Qualified names (`Invoice__c.Send`, `Invoice__c-Invoice Layout`) are judged by their first part.
 */
export function splitNamespace(name: string): { namespace?: string; local: string } {
  const [first] = name.split(/[.-]/);
  const core = first.replace(LOCATION_PART, '__s');
  const parts = core.split('__');
  const unprefixedParts = CUSTOM_SUFFIX.test(core) ? 2 : 1;
  if (parts.length > unprefixedParts && parts[0]) {
    return { namespace: parts[0], local: name.slice(parts[0].length + 2) };
  }
  return { local: name };
}

/** The metadata name of a source file: its base name without the type suffix (e.g. `.flow-meta.xml`). */
export function baseName(file: string, suffix: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
}

/** The folder `levels` above a file (1 = the folder that holds it). */
export function parentFolder(file: string, levels: number): string {
  const parts = file.split('/');
  return parts[parts.length - 1 - levels] ?? '';
}
