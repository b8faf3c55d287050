/**
 * In source format a standard field's file (`objects/Contact/fields/Birthdate.field-meta.xml`) carries settings such
 * as feed tracking and usually no <type>: the field is described by the standard catalogue, and the file neither
 * replaces it nor draws a warning. A custom field without a type still warns (lwc-recipes ships such standard files).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchema } from '../../../scripts/apex-runtime/schema';

function field(name: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>${name}</fullName>
    <trackFeedHistory>false</trackFeedHistory>${extra}
</CustomField>
`;
}

describe('standard field files in source format', () => {
  const root = mkdtempSync(join(tmpdir(), 'apex-standard-fields-'));
  writeFileSync(join(root, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }));
  const fields = join(root, 'force-app', 'objects', 'Contact', 'fields');
  mkdirSync(fields, { recursive: true });
  writeFileSync(join(fields, 'Birthdate.field-meta.xml'), field('Birthdate'));
  writeFileSync(join(fields, 'AccountId.field-meta.xml'), field('AccountId', '\n    <type>Lookup</type>'));
  writeFileSync(join(fields, 'Nickname__c.field-meta.xml'), field('Nickname__c'));
  const schema = loadSchema({ root });

  it('keeps the catalogue description of a standard field', () => {
    expect(schema.field('Contact', 'Birthdate')?.type).toBe('DATE');
    expect(schema.field('Contact', 'AccountId')?.referenceTo).toEqual(['Account']);
  });

  it('warns only for the custom field without a type', () => {
    expect(schema.warnings.map((warning) => warning.file)).toEqual([
      join('force-app', 'objects', 'Contact', 'fields', 'Nickname__c.field-meta.xml')
    ]);
  });
});
