import { lwcReferencesCheck } from '../../../scripts/validate/checks/lwc-references';
import { Problem } from '../../../scripts/validate/core/types';
import { customObject, D, field, metadata, MiniProject, PlantedChange, withPlanted, withRule } from './mini-project';

const CONTROLLER = `public with sharing class ThingController {
    @AuraEnabled(cacheable=true)
    public static List<Thing__c> getThings() {
        return [SELECT Id FROM Thing__c];
    }
    public static Integer notExposed() {
        return 1;
    }
}
`;

const bundleConfig = (targets: string, targetConfigs = '') =>
  metadata(
    'LightningComponentBundle',
    `    <apiVersion>65.0</apiVersion>\n    <isExposed>true</isExposed>\n    <targets>\n${targets}\n    </targets>\n${targetConfigs}`
  );

/** A project whose component `thingList` uses everything correctly; each test plants one mistake in a copy. */
function correctFiles(): Record<string, string> {
  return {
    [`${D}/classes/ThingController.cls`]: CONTROLLER,
    [`${D}/objects/Thing__c/Thing__c.object-meta.xml`]: customObject(),
    [`${D}/objects/Thing__c/fields/Account__c.field-meta.xml`]: field(
      'Account__c',
      '    <referenceTo>Account</referenceTo>\n    <relationshipName>Things</relationshipName>\n    <type>Lookup</type>'
    ),
    [`${D}/labels/CustomLabels.labels-meta.xml`]: metadata(
      'CustomLabels',
      '    <labels>\n        <fullName>Thing_Title</fullName>\n        <language>en_US</language>\n        <protected>false</protected>\n        <shortDescription>t</shortDescription>\n        <value>Things</value>\n    </labels>'
    ),
    [`${D}/lwc/thingList/thingList.js`]: `import { LightningElement, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import getThings from '@salesforce/apex/ThingController.getThings';
import ACCOUNT_NAME from '@salesforce/schema/Thing__c.Account__r.Name';
import THING from '@salesforce/schema/Thing__c';
import TITLE from '@salesforce/label/c.Thing_Title';
import { format } from 'c/thingUtils';
// import missing from '@salesforce/apex/Nope.nope';
export default class ThingList extends NavigationMixin(LightningElement) {
    fields = [ACCOUNT_NAME, THING, TITLE, format];
    @wire(getThings) things;
}
`,
    [`${D}/lwc/thingList/thingList.html`]: `<template>
    <lightning-card title="Things">
        <c-thing-row></c-thing-row>
    </lightning-card>
</template>
`,
    [`${D}/lwc/thingList/thingList.js-meta.xml`]: bundleConfig(
      '        <target>lightning__RecordPage</target>\n        <target>lightning__AppPage</target>\n        <target>lightning__RecordAction</target>\n        <target>lightning__Tab</target>\n        <target>lightning__FlowScreen</target>',
      '    <targetConfigs>\n        <targetConfig targets="lightning__RecordPage">\n            <objects>\n                <object>Thing__c</object>\n            </objects>\n        </targetConfig>\n    </targetConfigs>'
    ),
    [`${D}/lwc/thingRow/thingRow.js`]:
      "import { LightningElement } from 'lwc';\nexport default class ThingRow extends LightningElement {}\n",
    [`${D}/lwc/thingRow/thingRow.html`]: '<template></template>\n',
    [`${D}/lwc/thingRow/thingRow.js-meta.xml`]: bundleConfig('        <target>lightning__AppPage</target>'),
    [`${D}/lwc/thingUtils/thingUtils.js`]: 'export function format(value) {\n    return value;\n}\n',
    [`${D}/lwc/thingUtils/thingUtils.js-meta.xml`]: bundleConfig(''),
    [`${D}/quickActions/Thing__c.Show.quickAction-meta.xml`]: metadata(
      'QuickAction',
      '    <actionSubtype>ScreenAction</actionSubtype>\n    <label>Show</label>\n    <lightningWebComponent>thingList</lightningWebComponent>\n    <optionsCreateFeedItem>false</optionsCreateFeedItem>\n    <type>LightningWebComponent</type>'
    ),
    [`${D}/flexipages/Thing_Page.flexipage-meta.xml`]: metadata(
      'FlexiPage',
      '    <flexiPageRegions>\n        <itemInstances>\n            <componentInstance>\n                <componentName>thingList</componentName>\n            </componentInstance>\n        </itemInstances>\n        <itemInstances>\n            <componentInstance>\n                <componentName>force:highlightsPanel</componentName>\n            </componentInstance>\n        </itemInstances>\n        <name>main</name>\n        <type>Region</type>\n    </flexiPageRegions>\n    <masterLabel>Thing Page</masterLabel>\n    <type>AppPage</type>'
    ),
    [`${D}/flows/Thing_Screen.flow-meta.xml`]: metadata(
      'Flow',
      '    <apiVersion>65.0</apiVersion>\n    <label>Thing Screen</label>\n    <processType>Flow</processType>\n    <screens>\n        <name>Show</name>\n        <label>Show</label>\n        <locationX>0</locationX>\n        <locationY>0</locationY>\n        <fields>\n            <name>things</name>\n            <extensionName>c:thingList</extensionName>\n            <fieldType>ComponentInstance</fieldType>\n        </fields>\n    </screens>\n    <start>\n        <locationX>0</locationX>\n        <locationY>0</locationY>\n        <connector>\n            <targetReference>Show</targetReference>\n        </connector>\n    </start>\n    <status>Active</status>'
    ),
    [`${D}/tabs/Things.tab-meta.xml`]: metadata(
      'CustomTab',
      '    <label>Things</label>\n    <lwcComponent>thingList</lwcComponent>\n    <motif>Custom1: Heart</motif>'
    )
  };
}

describe('recall: Lightning web components (lwc-references)', () => {
  let project: MiniProject | undefined;
  afterEach(() => project?.dispose());

  async function run(change?: PlantedChange): Promise<Problem[]> {
    project = new MiniProject(withPlanted(correctFiles(), change));
    return project.run(lwcReferencesCheck);
  }

  it('accepts the correct project: every import, child, target and component name resolves', async () => {
    expect(await run()).toEqual([]);
  });

  const JS = `${D}/lwc/thingList/thingList.js`;
  const cases: Array<[rule: string, change: PlantedChange, line: number, says: RegExp]> = [
    [
      'lwc-apex-import',
      [JS, 'ThingController.getThings', 'MissingController.getThings'],
      3,
      /no Apex class MissingController.*Unable to find Apex action class/
    ],
    [
      'lwc-apex-import',
      [JS, 'ThingController.getThings', 'ThingController.notExposed'],
      3,
      /has no @AuraEnabled method notExposed/
    ],
    [
      'lwc-schema-import',
      [JS, 'Thing__c.Account__r.Name', 'Thing__c.Acount__r.Name'],
      4,
      /Thing__c has no field Acount__r.*of type sobjectField/
    ],
    [
      'lwc-schema-import',
      [JS, "schema/Thing__c'", "schema/Thingy__c'"],
      5,
      /Thingy__c is neither a standard object.*sobjectClass/
    ],
    ['lwc-label-import', [JS, 'c.Thing_Title', 'c.Thing_Titel'], 6, /no custom label Thing_Titel/],
    ['lwc-module-import', [JS, "'c/thingUtils'", "'c/thingUtil'"], 7, /no Lightning web component thingUtil/],
    [
      'lwc-lightning-module',
      [JS, "'lightning/navigation'", "'lightning/navigator'"],
      2,
      /not a lightning module this gate knows/
    ],
    [
      'lwc-child-component',
      [`${D}/lwc/thingList/thingList.html`, 'c-thing-row>', 'c-thing-rows>'],
      3,
      /no Lightning web component thingRows/
    ],
    [
      'lwc-lightning-component',
      [`${D}/lwc/thingList/thingList.html`, 'lightning-card title', 'lightning-cards title'],
      2,
      /not a base component this gate knows/
    ],
    [
      'lwc-target',
      [`${D}/lwc/thingRow/thingRow.js-meta.xml`, 'lightning__AppPage', 'lightning__AppPages'],
      6,
      /target lightning__AppPages is not a js-meta.xml target/
    ],
    [
      'lwc-target-object',
      [`${D}/lwc/thingList/thingList.js-meta.xml`, '<object>Thing__c', '<object>Thingy__c'],
      15,
      /object Thingy__c.*sobjectClass/
    ],
    [
      'lwc-quick-action-component',
      [`${D}/quickActions/Thing__c.Show.quickAction-meta.xml`, '>thingList<', '>thingLists<'],
      5,
      /no Lightning web component thingLists/
    ],
    [
      'lwc-flexipage-component',
      [`${D}/flexipages/Thing_Page.flexipage-meta.xml`, '>thingList<', '>c:thingLists<'],
      6,
      /names c:thingLists.*no Lightning web or Aura component/
    ],
    [
      'lwc-tab-component',
      [`${D}/tabs/Things.tab-meta.xml`, '>thingList<', '>thingLists<'],
      4,
      /no Lightning web component thingLists/
    ]
  ];

  it.each(cases)('%s: %j is caught', async (rule, change, line, says) => {
    const problems = await run(change);
    const found = withRule(problems, rule);
    expect(found).toEqual([expect.objectContaining({ file: change[0], line })]);
    expect(found[0].message).toMatch(says);
    expect(problems).toHaveLength(1);
  });

  const CONFIG = `${D}/lwc/thingList/thingList.js-meta.xml`;
  it('lwc-component-usable: a FlexiPage placing a component that is not exposed is an error', async () => {
    const problems = await run([CONFIG, '<isExposed>true</isExposed>', '<isExposed>false</isExposed>']);
    expect(withRule(problems, 'lwc-component-usable')).toEqual([
      expect.objectContaining({ file: `${D}/flexipages/Thing_Page.flexipage-meta.xml`, severity: 'error' })
    ]);
    expect(problems[0].message).toMatch(/must be marked 'isExposed=true'/);
  });

  it.each([
    ['lightning__FlowScreen', `${D}/flows/Thing_Screen.flow-meta.xml`, 'error'],
    ['lightning__RecordAction', `${D}/quickActions/Thing__c.Show.quickAction-meta.xml`, 'warning'],
    ['lightning__Tab', `${D}/tabs/Things.tab-meta.xml`, 'warning'],
    ['lightning__AppPage', `${D}/flexipages/Thing_Page.flexipage-meta.xml`, 'warning']
  ])('lwc-component-usable: without the target %s, %s is reported (%s)', async (target, file, severity) => {
    const problems = await run([CONFIG, `        <target>${target}</target>\n`, '']);
    expect(withRule(problems, 'lwc-component-usable')).toEqual([expect.objectContaining({ file, severity })]);
    expect(problems).toHaveLength(1);
  });

  it('a commented-out import is not read', async () => {
    const problems = await run([JS, '// import missing', '// import stillMissing']);
    expect(problems).toEqual([]);
  });
});
