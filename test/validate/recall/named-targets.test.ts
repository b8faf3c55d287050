import { crossReferencesCheck } from '../../../scripts/validate/checks/cross-references';
import { Problem } from '../../../scripts/validate/core/types';
import { customObject, D, field, metadata, MiniProject, PlantedChange, withPlanted, withRule } from './mini-project';

const OBJECT = `${D}/objects/Thing__c`;
const LAYOUT = `${D}/layouts/Thing__c-Thing Layout.layout-meta.xml`;
const PERMISSION_SET = `${D}/permissionsets/Thing_User.permissionset-meta.xml`;
const RECORD = `${D}/customMetadata/Thing_Setting.Default.md-meta.xml`;

function files(): Record<string, string> {
  return {
    [`${OBJECT}/Thing__c.object-meta.xml`]: customObject(
      '    <compactLayoutAssignment>Thing_Compact</compactLayoutAssignment>'
    ),
    [`${OBJECT}/compactLayouts/Thing_Compact.compactLayout-meta.xml`]: metadata(
      'CompactLayout',
      '    <fullName>Thing_Compact</fullName>\n    <fields>Name</fields>\n    <label>Thing Compact</label>'
    ),
    [`${OBJECT}/fields/Amount__c.field-meta.xml`]: field(
      'Amount__c',
      '    <precision>16</precision>\n    <scale>2</scale>\n    <type>Currency</type>'
    ),
    [`${OBJECT}/fields/Doubled__c.field-meta.xml`]: field(
      'Doubled__c',
      '    <formula>Amount__c * 2</formula>\n    <precision>18</precision>\n    <scale>2</scale>\n    <type>Number</type>'
    ),
    [LAYOUT]: metadata(
      'Layout',
      `    <layoutSections>
        <customLabel>false</customLabel>
        <detailHeading>false</detailHeading>
        <editHeading>true</editHeading>
        <label>Information</label>
        <layoutColumns>
            <layoutItems>
                <behavior>Required</behavior>
                <field>Name</field>
            </layoutItems>
            <layoutItems>
                <behavior>Edit</behavior>
                <field>Amount__c</field>
            </layoutItems>
            <layoutItems>
                <behavior>Readonly</behavior>
                <field>Doubled__c</field>
            </layoutItems>
        </layoutColumns>
        <style>OneColumn</style>
    </layoutSections>`
    ),
    [PERMISSION_SET]: metadata(
      'PermissionSet',
      '    <hasActivationRequired>false</hasActivationRequired>\n    <label>Thing User</label>\n    <userPermissions>\n        <enabled>true</enabled>\n        <name>ApiEnabled</name>\n    </userPermissions>'
    ),
    [`${D}/objects/Thing_Setting__mdt/Thing_Setting__mdt.object-meta.xml`]: metadata(
      'CustomObject',
      '    <label>Thing Setting</label>\n    <pluralLabel>Thing Settings</pluralLabel>\n    <visibility>Public</visibility>'
    ),
    [`${D}/objects/Thing_Setting__mdt/fields/Mode__c.field-meta.xml`]: field(
      'Mode__c',
      '    <type>Picklist</type>\n    <valueSet>\n        <restricted>true</restricted>\n        <valueSetDefinition>\n            <sorted>false</sorted>\n            <value>\n                <fullName>Fast</fullName>\n                <default>true</default>\n                <label>Fast</label>\n            </value>\n            <value>\n                <fullName>Safe</fullName>\n                <default>false</default>\n                <label>Safe</label>\n            </value>\n        </valueSetDefinition>\n    </valueSet>'
    ),
    [`${D}/objects/Thing_Setting__mdt/fields/Enabled__c.field-meta.xml`]: field(
      'Enabled__c',
      '    <defaultValue>false</defaultValue>\n    <type>Checkbox</type>'
    ),
    [`${D}/objects/Thing_Setting__mdt/fields/Limit__c.field-meta.xml`]: field(
      'Limit__c',
      '    <precision>5</precision>\n    <scale>0</scale>\n    <type>Number</type>'
    ),
    [RECORD]: metadata(
      'CustomMetadata',
      `    <label>Default</label>
    <protected>false</protected>
    <values>
        <field>Mode__c</field>
        <value xsi:type="xsd:string">Fast</value>
    </values>
    <values>
        <field>Enabled__c</field>
        <value xsi:type="xsd:boolean">true</value>
    </values>
    <values>
        <field>Limit__c</field>
        <value xsi:type="xsd:double">10</value>
    </values>`
    ).replace(
      '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata">',
      '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
    )
  };
}

describe('recall: names that point elsewhere (cross-references)', () => {
  let project: MiniProject | undefined;
  afterEach(() => project?.dispose());

  async function run(change?: PlantedChange): Promise<Problem[]> {
    project = new MiniProject(withPlanted(files(), change));
    return project.run(crossReferencesCheck);
  }

  it('accepts the correct project', async () => {
    expect(await run()).toEqual([]);
  });

  const cases: Array<[rule: string, change: PlantedChange, says: RegExp]> = [
    [
      'compact-layout-assignment',
      [`${OBJECT}/Thing__c.object-meta.xml`, '>Thing_Compact<', '>Thing_Compakt<'],
      /names compact layout 'Thing_Compakt', which Thing__c does not define/
    ],
    [
      'layout-field-behavior',
      [LAYOUT, '<behavior>Readonly</behavior>', '<behavior>Edit</behavior>'],
      /is Edit, but Thing__c.Doubled__c is a formula field/
    ],
    [
      'user-permission-unknown',
      [PERMISSION_SET, '<name>ApiEnabled</name>', '<name>ApiEnable</name>'],
      /'ApiEnable', which is not a user permission.*Unknown user permission: ApiEnable/
    ],
    [
      'custom-metadata-value',
      [RECORD, '>Fast</value>', '>Quick</value>'],
      /'Quick' is not a value of the field's picklist \(values: Fast, Safe\)/
    ],
    ['custom-metadata-value', [RECORD, '>true</value>', '>yes</value>'], /'yes' is no checkbox value/],
    ['custom-metadata-value', [RECORD, '>10</value>', '>ten</value>'], /'ten' is not a number/]
  ];

  it.each(cases)('%s: %j is caught', async (rule, change, says) => {
    const problems = await run(change);
    expect(problems).toEqual([expect.objectContaining({ file: change[0], severity: 'error' })]);
    expect(withRule(problems, rule)).toHaveLength(1);
    expect(problems[0].message).toMatch(says);
  });

  it('SYSTEM as compact layout assignment is the default and accepted', async () => {
    expect(await run([`${OBJECT}/Thing__c.object-meta.xml`, '>Thing_Compact<', '>SYSTEM<'])).toEqual([]);
  });
});
