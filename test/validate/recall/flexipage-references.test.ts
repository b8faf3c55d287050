import { crossReferencesCheck } from '../../../scripts/validate/checks/cross-references';
import { Problem } from '../../../scripts/validate/core/types';
import { customObject, D, field, metadata, MiniProject, PlantedChange, withPlanted } from './mini-project';

const OBJECT_FILE = `${D}/objects/Thing__c/Thing__c.object-meta.xml`;
const TAB = `${D}/tabs/Thing_Home.tab-meta.xml`;
const APP = `${D}/applications/Things.app-meta.xml`;
const RECORD_PAGE = `${D}/flexipages/Thing_Record_Page.flexipage-meta.xml`;

function flexiPage(name: string, type: string): [string, string] {
  return [
    `${D}/flexipages/${name}.flexipage-meta.xml`,
    metadata(
      'FlexiPage',
      `    <masterLabel>${name}</masterLabel>\n    <template>\n        <name>flexipage:defaultAppHomeTemplate</name>\n    </template>\n    <type>${type}</type>`
    )
  ];
}

/**
 * An object, a Lightning page tab and an app, each naming a Lightning page (FlexiPage) the project defines, and a
 * record page with Dynamic Forms fields of its object.
 */
function files(): Record<string, string> {
  return {
    [OBJECT_FILE]: customObject(`    <actionOverrides>
        <actionName>View</actionName>
        <comment>Action override created by Lightning App Builder during activation.</comment>
        <content>Thing_Record_Page</content>
        <formFactor>Large</formFactor>
        <skipRecordTypeSelect>false</skipRecordTypeSelect>
        <type>Flexipage</type>
    </actionOverrides>
    <actionOverrides>
        <actionName>Edit</actionName>
        <type>Default</type>
    </actionOverrides>`),
    [TAB]: metadata(
      'CustomTab',
      '    <flexiPage>Thing_Home</flexiPage>\n    <label>Thing Home</label>\n    <motif>Custom20: Airplane</motif>'
    ),
    [APP]: metadata(
      'CustomApplication',
      `    <formFactors>Large</formFactors>
    <label>Things</label>
    <navType>Standard</navType>
    <profileActionOverrides>
        <actionName>View</actionName>
        <content>Thing_Record_Page</content>
        <formFactor>Large</formFactor>
        <pageOrSobjectType>Thing__c</pageOrSobjectType>
        <type>Flexipage</type>
        <profile>Admin</profile>
    </profileActionOverrides>
    <tabs>Thing_Home</tabs>
    <uiType>Lightning</uiType>
    <utilityBar>Things_UtilityBar</utilityBar>`
    ),
    [`${D}/objects/Thing__c/fields/Amount__c.field-meta.xml`]: field(
      'Amount__c',
      '    <precision>16</precision>\n    <scale>2</scale>\n    <type>Currency</type>'
    ),
    [RECORD_PAGE]: metadata(
      'FlexiPage',
      `    <flexiPageRegions>
${['Record.Name', 'Record.Amount__c', 'Record.CreatedDate']
  .map(
    (item) => `        <itemInstances>
            <fieldInstance>
                <fieldInstanceProperties>
                    <name>uiBehavior</name>
                    <value>none</value>
                </fieldInstanceProperties>
                <fieldItem>${item}</fieldItem>
                <identifier>${item.replace(/[._]/g, '')}Field</identifier>
            </fieldInstance>
        </itemInstances>`
  )
  .join('\n')}
        <name>Facet-1</name>
        <type>Facet</type>
    </flexiPageRegions>
    <masterLabel>Thing Record Page</masterLabel>
    <sobjectType>Thing__c</sobjectType>
    <template>
        <name>flexipage:recordHomeTemplateDesktop</name>
    </template>
    <type>RecordPage</type>`
    ),
    ...Object.fromEntries([flexiPage('Thing_Home', 'AppPage'), flexiPage('Things_UtilityBar', 'UtilityBar')])
  };
}

describe('recall: Lightning pages that metadata names (cross-references)', () => {
  let project: MiniProject | undefined;
  afterEach(() => project?.dispose());

  async function run(change?: PlantedChange): Promise<Problem[]> {
    project = new MiniProject(withPlanted(files(), change));
    return project.run(crossReferencesCheck);
  }

  it('accepts the project whose pages all exist', async () => {
    expect(await run()).toEqual([]);
  });

  it("fails a tab whose flexiPage the project does not define (the platform: 'no FlexiPage named X found')", async () => {
    expect(await run([TAB, '<flexiPage>Thing_Home<', '<flexiPage>Thing_Hom<'])).toEqual([
      expect.objectContaining({
        file: TAB,
        line: 3,
        severity: 'error',
        message: expect.stringMatching(/flexiPage names FlexiPage 'Thing_Hom', which this project does not define/)
      })
    ]);
  });

  it("fails a record page field the page's object lacks ('We couldn't retrieve or load the information on the field')", async () => {
    expect(await run([RECORD_PAGE, '>Record.Amount__c<', '>Record.Amount_c<'])).toEqual([
      expect.objectContaining({
        file: RECORD_PAGE,
        severity: 'error',
        message: expect.stringMatching(
          /fieldItem names field 'Thing__c.Amount_c', which is not defined in this project/
        )
      })
    ]);
  });

  it("fails a record page field written as Object.Field instead of Record.Field ('Invalid field reference')", async () => {
    expect(await run([RECORD_PAGE, '>Record.Amount__c<', '>Thing__c.Amount__c<'])).toEqual([
      expect.objectContaining({
        file: RECORD_PAGE,
        severity: 'error',
        message: expect.stringMatching(/'Thing__c.Amount__c' is no field reference a record page accepts/)
      })
    ]);
  });

  const unconfirmed: Array<[what: string, change: PlantedChange]> = [
    ['an object override', [OBJECT_FILE, '<content>Thing_Record_Page<', '<content>Thing_Record<']],
    ['an app profile override', [APP, '<content>Thing_Record_Page<', '<content>Thing_Record<']],
    ['an app utility bar', [APP, '<utilityBar>Things_UtilityBar<', '<utilityBar>Things_Bar<']]
  ];

  it.each(unconfirmed)('warns about %s naming a page the project does not define', async (_what, change) => {
    expect(await run(change)).toEqual([
      expect.objectContaining({
        file: change[0],
        severity: 'warning',
        message: expect.stringMatching(/names FlexiPage '(Thing_Record|Things_Bar)'.*unless the org already has it/)
      })
    ]);
  });

  it('does not look at the content of an override that is no Lightning page', async () => {
    expect(
      await run([
        OBJECT_FILE,
        '<actionName>Edit</actionName>',
        '<actionName>Edit</actionName>\n        <content>Gone</content>'
      ])
    ).toEqual([]);
  });
});
