import { lwcReferencesCheck } from '../../../scripts/validate/checks/lwc-references';
import { Problem } from '../../../scripts/validate/core/types';
import { D, metadata, PlantedChange, runOnce, withPlanted, withRule } from './mini-project';

const AURA = `${D}/aura/thingPanel/thingPanel.cmp`;
const PAGE = `${D}/pages/ThingPage.page`;
const FLEXIPAGE = `${D}/flexipages/Thing_Home.flexipage-meta.xml`;
const UTILITY_BAR = `${D}/flexipages/Thing_UtilityBar.flexipage-meta.xml`;

const componentInstance = (name: string, properties: Array<[name: string, value: string, type?: string]>) =>
  `            <componentInstance>\n${properties
    .map(
      ([property, value, type]) =>
        `                <componentInstanceProperties>\n                    <name>${property}</name>\n` +
        (type ? `                    <type>${type}</type>\n` : '') +
        `                    <value>${value}</value>\n                </componentInstanceProperties>\n`
    )
    .join(
      ''
    )}                <componentName>${name}</componentName>\n                <identifier>${name}</identifier>\n            </componentInstance>`;

const flexiPage = (type: string, instances: string[]) =>
  metadata(
    'FlexiPage',
    `    <flexiPageRegions>\n${instances.map((instance) => `        <itemInstances>\n${instance}\n        </itemInstances>`).join('\n')}\n        <name>main</name>\n        <type>Region</type>\n    </flexiPageRegions>\n    <masterLabel>Thing</masterLabel>\n    <type>${type}</type>`
  );

/**
 * An Aura component that uses another Aura component and a web component and has an Apex controller, a Visualforce
 * page with a controller and an extension, and Lightning pages that set declared design properties (and a utility
 * bar's decorator properties); each test plants one mistake.
 */
function correctFiles(): Record<string, string> {
  const apexClass = (name: string) => `public with sharing class ${name} {}\n`;
  return {
    [`${D}/classes/ThingController.cls`]: apexClass('ThingController'),
    [`${D}/classes/ThingExtension.cls`]: apexClass('ThingExtension'),
    [AURA]: `<aura:component controller="ThingController" implements="flexipage:availableForAllPageTypes">
    <!-- <c:retiredPanel /> is gone -->
    <aura:attribute name="title" type="String" />
    <lightning:card title="{!v.title}">
        <c:thingBadge />
        <c:thingList onselect="{!c.handleSelect}" />
    </lightning:card>
</aura:component>
`,
    [`${D}/aura/thingPanel/thingPanel.cmp-meta.xml`]: metadata(
      'AuraDefinitionBundle',
      '    <apiVersion>65.0</apiVersion>'
    ),
    [`${D}/aura/thingPanel/thingPanel.design`]:
      '<design:component label="Thing Panel">\n    <design:attribute name="title" label="Title" />\n</design:component>\n',
    [`${D}/aura/thingBadge/thingBadge.cmp`]: '<aura:component>\n    <span>Thing</span>\n</aura:component>\n',
    [`${D}/aura/thingBadge/thingBadge.cmp-meta.xml`]: metadata(
      'AuraDefinitionBundle',
      '    <apiVersion>65.0</apiVersion>'
    ),
    [`${D}/lwc/thingList/thingList.js`]:
      "import { LightningElement, api } from 'lwc';\nexport default class ThingList extends LightningElement {\n    @api pageSize;\n}\n",
    [`${D}/lwc/thingList/thingList.html`]: '<template></template>\n',
    [`${D}/lwc/thingList/thingList.js-meta.xml`]: metadata(
      'LightningComponentBundle',
      '    <apiVersion>65.0</apiVersion>\n    <isExposed>true</isExposed>\n    <targets>\n        <target>lightning__HomePage</target>\n        <target>lightning__UtilityBar</target>\n    </targets>\n    <targetConfigs>\n        <targetConfig targets="lightning__HomePage">\n            <property name="pageSize" type="Integer" default="10" />\n        </targetConfig>\n    </targetConfigs>'
    ),
    [PAGE]:
      '<apex:page standardController="Account" controller="ThingController" extensions="ThingExtension">\n    <apex:outputText value="{!$CurrentPage.Name}" />\n</apex:page>\n',
    [`${PAGE}-meta.xml`]: metadata('ApexPage', '    <apiVersion>65.0</apiVersion>\n    <label>ThingPage</label>'),
    [FLEXIPAGE]: flexiPage('HomePage', [
      componentInstance('thingList', [['pageSize', '20']]),
      componentInstance('thingPanel', [['title', 'Things']]),
      componentInstance('flexipage:richText', [['richTextValue', 'Hello']])
    ]),
    [UTILITY_BAR]: flexiPage('UtilityBar', [
      componentInstance('thingList', [
        ['label', 'Things', 'decorator'],
        ['width', '340', 'decorator']
      ])
    ])
  };
}

async function run(change?: PlantedChange): Promise<Problem[]> {
  return runOnce(lwcReferencesCheck, withPlanted(correctFiles(), change));
}

describe('recall: component markup and Lightning page properties (lwc-references)', () => {
  it('accepts components, controllers and design properties that exist', async () => {
    expect(await run()).toEqual([]);
  });

  it.each<[string, PlantedChange, number, string]>([
    [
      'an Aura component that uses a component the project lacks',
      [AURA, '<c:thingBadge />', '<c:thingBadges />'],
      5,
      "'No COMPONENT named markup://c:thingBadges found' [aura-component-reference]"
    ],
    [
      'an Aura component that uses a renamed web component',
      [AURA, '<c:thingList ', '<c:thingsList '],
      6,
      'markup://c:thingsList found'
    ],
    [
      'an Aura controller the project lacks',
      [AURA, 'controller="ThingController"', 'controller="ThingsController"'],
      1,
      "'No APEX_CLASS named ThingsController found' [markup-apex-controller]"
    ],
    [
      'a Visualforce controller the project lacks',
      [PAGE, 'controller="ThingController"', 'controller="ThingCtrl"'],
      1,
      "Apex class 'ThingCtrl' does not exist"
    ],
    [
      'a Visualforce extension the project lacks',
      [PAGE, 'extensions="ThingExtension"', 'extensions="ThingExtension, ThingExtra"'],
      1,
      "Apex class 'ThingExtra' does not exist"
    ]
  ])('reports %s', async (_what, change, line, text) => {
    const problems = await run(change);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: change[0], line, severity: 'error' });
    expect(problems[0].message).toContain(text);
  });

  it.each<[string, PlantedChange]>([
    ['a property the web component does not declare', [FLEXIPAGE, '<name>pageSize</name>', '<name>pageSise</name>']],
    [
      'a property the Aura component design does not declare',
      [FLEXIPAGE, '<name>title</name>', '<name>heading</name>']
    ],
    [
      'a utility bar property that is not a decorator',
      [UTILITY_BAR, '<type>decorator</type>\n                    <value>340', '<value>340']
    ]
  ])('reports a Lightning page that sets %s [lwc-flexipage-property]', async (_what, change) => {
    const problems = withRule(await run(change), 'lwc-flexipage-property');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: change[0], severity: 'error' });
    expect(problems[0].message).toMatch(/Invalid property \[\w+\] in component \[c:thing(List|Panel)\]/);
  });
});
