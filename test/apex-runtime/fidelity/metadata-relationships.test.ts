/**
 * Custom metadata relationships to EntityDefinition and FieldDefinition store the object's and field's API name
 * (Metadata API Developer Guide, "CustomField": MetadataRelationship; Apex Developer Guide, "Custom Metadata Types":
 * `Object__r.QualifiedApiName` reads the related object's name in SOQL, in SELECT and WHERE).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProject } from '../../../scripts/apex-runtime/runner/project';
import { runTests, type TestResult } from '../../../scripts/apex-runtime/runner/run-tests';

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function field(name: string, referenceTo: string, controlling?: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>${name}</fullName>
    <fieldManageability>DeveloperControlled</fieldManageability>
    <label>${name}</label>
    ${controlling ? `<metadataRelationshipControllingField>${controlling}</metadataRelationshipControllingField>` : ''}
    <referenceTo>${referenceTo}</referenceTo>
    <type>MetadataRelationship</type>
</CustomField>
`;
}

function run(body: string): Map<string, TestResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-mdt-rel-'));
  write(
    path.join(root, 'sfdx-project.json'),
    JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] })
  );
  const app = path.join(root, 'force-app');
  write(
    path.join(app, 'objects', 'Tracked_Field__mdt', 'Tracked_Field__mdt.object-meta.xml'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>Tracked Field</label>\n    <pluralLabel>Tracked Fields</pluralLabel>\n    <visibility>Public</visibility>\n</CustomObject>\n'
  );
  write(
    path.join(app, 'objects', 'Tracked_Field__mdt', 'fields', 'Object__c.field-meta.xml'),
    field('Object__c', 'EntityDefinition')
  );
  write(
    path.join(app, 'objects', 'Tracked_Field__mdt', 'fields', 'Field__c.field-meta.xml'),
    field('Field__c', 'FieldDefinition', 'Tracked_Field__mdt.Object__c')
  );
  write(
    path.join(app, 'customMetadata', 'Tracked_Field.Contact_Phone.md-meta.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <label>Contact Phone</label>
    <protected>false</protected>
    <values><field>Object__c</field><value xsi:type="xsd:string">Contact</value></values>
    <values><field>Field__c</field><value xsi:type="xsd:string">Phone</value></values>
</CustomMetadata>
`
  );
  write(path.join(app, 'classes', 'Mdt_Tests.cls'), `@IsTest\nprivate class Mdt_Tests {\n${body}\n}\n`);
  const results = runTests(loadProject(root), {}, () => undefined);
  return new Map(results.map((r) => [r.methodName, r]));
}

describe('custom metadata relationships to EntityDefinition and FieldDefinition', () => {
  const r = run(`
    @IsTest static void filtersOnTheRelatedObjectsName() {
      String obj = 'Contact';
      List<Tracked_Field__mdt> rows = [SELECT DeveloperName FROM Tracked_Field__mdt
        WHERE Object__r.QualifiedApiName = :obj WITH USER_MODE];
      Assert.areEqual(1, rows.size());
      Assert.areEqual(0, [SELECT COUNT() FROM Tracked_Field__mdt WHERE Object__r.QualifiedApiName = 'Account']);
    }
    @IsTest static void selectsTheRelatedNames() {
      Tracked_Field__mdt row = [SELECT Object__c, Object__r.QualifiedApiName, Field__r.QualifiedApiName
        FROM Tracked_Field__mdt LIMIT 1];
      Assert.areEqual('Contact', row.Object__c);
      Assert.areEqual('Contact', row.Object__r.QualifiedApiName);
      Assert.areEqual('Phone', row.Field__r.QualifiedApiName);
    }
  `);

  it('follows the relationship by the stored API name', () => {
    for (const m of ['filtersOnTheRelatedObjectsName', 'selectsTheRelatedNames']) {
      expect([m, r.get(m)?.outcome, r.get(m)?.message]).toEqual([m, 'PASS', undefined]);
    }
  });
});
