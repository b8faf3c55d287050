/**
 * False alarms that known-deployable projects raised (issue 11's table), each pinned as accepted by a small fixture
 * written here, next to the real mistake of the same kind that must still fail. The projects themselves are not read.
 */
import { apexTypesCheck } from '../../scripts/validate/checks/apex-types';
import { configSchemaCheck } from '../../scripts/validate/checks/config-schema';
import { crossReferencesCheck } from '../../scripts/validate/checks/cross-references';
import { checkMetadataFile, metadataXmlCheck } from '../../scripts/validate/checks/metadata-xml';
import { packagingCheck } from '../../scripts/validate/checks/packaging';
import { Project } from '../../scripts/validate/core/project';
import { Problem } from '../../scripts/validate/core/types';
import { FixtureCopy } from '../support/fixture';
import { errorsOf, problemsOf } from '../support/run-check';

const DEFAULT = 'force-app/main/default';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

const errors = (problems: Problem[]): Problem[] => problems.filter((problem) => problem.severity === 'error');
const xmlErrors = (file: string, text: string): Problem[] => errors(checkMetadataFile(file, text));

describe('metadata-xml accepts what orgs write and deploy', () => {
  it('accepts the tooling namespace on a class -meta.xml; any other namespace is still reported', () => {
    const file = `${DEFAULT}/classes/A.cls-meta.xml`;
    const meta = (ns: string): string =>
      `${DECLARATION}\n<ApexClass xmlns="${ns}">\n    <apiVersion>65.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`;
    expect(xmlErrors(file, meta('urn:metadata.tooling.soap.sforce.com'))).toEqual([]);
    expect(checkMetadataFile(file, meta('http://example.com/metadata'))).toEqual([
      expect.objectContaining({
        line: 2,
        severity: 'warning',
        message: expect.stringContaining('is in namespace "http://example.com/metadata"')
      })
    ]);
  });

  it('accepts the fqn attribute the CLI templates wrote on class and Aura bundle roots; another attribute still warns', () => {
    const classMeta = (attribute: string): string =>
      `${DECLARATION}\n<ApexClass xmlns="urn:metadata.tooling.soap.sforce.com" ${attribute}>\n    <apiVersion>65.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`;
    const auraMeta = `${DECLARATION}\n<AuraDefinitionBundle xmlns="urn:metadata.tooling.soap.sforce.com" fqn="pageTemplate">\n    <apiVersion>65.0</apiVersion>\n    <description>A Lightning Component Bundle</description>\n</AuraDefinitionBundle>\n`;
    expect(checkMetadataFile(`${DEFAULT}/classes/A.cls-meta.xml`, classMeta('fqn="A"'))).toEqual([]);
    expect(checkMetadataFile(`${DEFAULT}/aura/pageTemplate/pageTemplate.cmp-meta.xml`, auraMeta)).toEqual([]);
    expect(checkMetadataFile(`${DEFAULT}/classes/A.cls-meta.xml`, classMeta('fqm="A"'))).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('unexpected attribute fqm="A" on <ApexClass>')
      })
    ]);
  });

  it('accepts a PromptVersion with customApplication after stepNumber, as orgs write it; a split run still fails', () => {
    const version = [
      '        <body>Hello</body>',
      '        <displayPosition>TopCenter</displayPosition>',
      '        <displayType>FloatingPanel</displayType>',
      '        <isPublished>true</isPublished>',
      '        <masterLabel>Step 1</masterLabel>',
      '        <shouldDisplayActionButton>false</shouldDisplayActionButton>',
      '        <shouldIgnoreGlobalDelay>true</shouldIgnoreGlobalDelay>',
      '        <stepNumber>1</stepNumber>',
      '        <customApplication>Sales</customApplication>',
      '        <timesToDisplay>1</timesToDisplay>',
      '        <title>Welcome</title>',
      '        <userAccess>Everyone</userAccess>',
      '        <userProfileAccess>Everyone</userProfileAccess>',
      '        <versionNumber>1</versionNumber>'
    ].join('\n');
    const prompt = (versions: string): string =>
      `${DECLARATION}\n<Prompt ${NS}>\n    <masterLabel>Tour</masterLabel>\n${versions}</Prompt>\n`;
    const wrapped = `    <promptVersions>\n${version}\n    </promptVersions>\n`;
    const file = `${DEFAULT}/prompts/Tour.prompt-meta.xml`;
    expect(xmlErrors(file, prompt(wrapped))).toEqual([]);

    const split = `${DECLARATION}\n<Prompt ${NS}>\n${wrapped}    <masterLabel>Tour</masterLabel>\n${wrapped}</Prompt>\n`;
    expect(xmlErrors(file, split)).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Element promptVersions is duplicated at this location in type Prompt')
      })
    ]);
  });

  it('accepts a FlexiPage ComponentInstance with componentName after identifier; an unknown element still fails', () => {
    const page = (instance: string): string =>
      [
        DECLARATION,
        `<FlexiPage ${NS}>`,
        '    <flexiPageRegions>',
        '        <itemInstances>',
        '            <componentInstance>',
        instance,
        '            </componentInstance>',
        '        </itemInstances>',
        '        <name>main</name>',
        '        <type>Region</type>',
        '    </flexiPageRegions>',
        '    <masterLabel>Home</masterLabel>',
        '    <template>',
        '        <name>flexipage:appHomeTemplateDesktop</name>',
        '    </template>',
        '    <type>AppPage</type>',
        '</FlexiPage>',
        ''
      ].join('\n');
    const file = `${DEFAULT}/flexipages/Home.flexipage-meta.xml`;
    const retrieved =
      '                <identifier>c_hello</identifier>\n                <componentName>c:hello</componentName>';
    expect(xmlErrors(file, page(retrieved))).toEqual([]);
    const misspelled =
      '                <identifier>c_hello</identifier>\n                <componentNam>c:hello</componentNam>';
    expect(xmlErrors(file, page(misspelled))).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Element componentNam invalid in type ComponentInstance')
      })
    ]);
  });

  it('accepts an element of an older API version in a project that deploys at that version; a typo still fails', () => {
    // FlexiPageRegion held componentInstances up to API 47 (Metadata API 47.0 WSDL); the types describe today's
    // itemInstances only. A project whose sourceApiVersion is 47.0 deploys such a page.
    const page = (region: string): string =>
      [
        DECLARATION,
        `<FlexiPage ${NS}>`,
        '    <flexiPageRegions>',
        region,
        '        <name>main</name>',
        '        <type>Region</type>',
        '    </flexiPageRegions>',
        '    <masterLabel>Loans</masterLabel>',
        '    <template>',
        '        <name>flexipage:defaultAppHomeTemplate</name>',
        '    </template>',
        '    <type>AppPage</type>',
        '</FlexiPage>',
        ''
      ].join('\n');
    const file = `${DEFAULT}/flexipages/Loans.flexipage-meta.xml`;
    const older = page(
      '        <componentInstances>\n            <componentName>loanCalculator</componentName>\n        </componentInstances>'
    );
    expect(checkMetadataFile(file, older, '47.0')).toEqual([
      expect.objectContaining({
        line: 4,
        severity: 'warning',
        message: expect.stringContaining('the project deploys at API 47.0')
      })
    ]);
    expect(errors(checkMetadataFile(file, older, '67.0'))).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Element componentInstances invalid in type FlexiPageRegion')
      })
    ]);
    const typo = page(
      '        <itemInstance>\n            <componentInstance><componentName>loanCalculator</componentName></componentInstance>\n        </itemInstance>'
    );
    expect(errors(checkMetadataFile(file, typo, '47.0'))).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Element itemInstance invalid in type FlexiPageRegion')
      })
    ]);
    // an element today's types know in another type is misplaced, which no removal from the API explains
    const misplaced = page('        <sobjectType>Account</sobjectType>');
    expect(errors(checkMetadataFile(file, misplaced, '47.0'))).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Element sobjectType invalid in type FlexiPageRegion')
      })
    ]);
  });

  it('accepts a LightningMessageChannel written masterLabel first; a wrong boolean still fails', () => {
    const channel = (exposed: string): string =>
      [
        DECLARATION,
        `<LightningMessageChannel ${NS}>`,
        '    <masterLabel>RecordSelected</masterLabel>',
        `    <isExposed>${exposed}</isExposed>`,
        '    <description>Passes a record Id</description>',
        '    <lightningMessageFields>',
        '        <fieldName>recordId</fieldName>',
        '        <description>The record Id</description>',
        '    </lightningMessageFields>',
        '</LightningMessageChannel>',
        ''
      ].join('\n');
    const file = `${DEFAULT}/messageChannels/Record_Selected.messageChannel-meta.xml`;
    expect(xmlErrors(file, channel('true'))).toEqual([]);
    expect(xmlErrors(file, channel('yes'))).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringContaining('<isExposed> must be') })
    ]);
  });

  it('accepts SiteType ChatterNetwork and ChatterNetworkPicasso and CustomSite allowGuestPaymentsApi; typos still fail', () => {
    const site = (siteType: string, guestPayments: string): string =>
      [
        DECLARATION,
        `<CustomSite ${NS}>`,
        '    <active>true</active>',
        `    <${guestPayments}>false</${guestPayments}>`,
        '    <allowHomePage>false</allowHomePage>',
        '    <allowStandardIdeasPages>false</allowStandardIdeasPages>',
        '    <allowStandardLookups>false</allowStandardLookups>',
        '    <allowStandardSearch>false</allowStandardSearch>',
        '    <authorizationRequiredPage>CommunitiesLogin</authorizationRequiredPage>',
        '    <bandwidthExceededPage>BandwidthExceeded</bandwidthExceededPage>',
        '    <browserXssProtection>true</browserXssProtection>',
        '    <clickjackProtectionLevel>SameOriginOnly</clickjackProtectionLevel>',
        '    <contentSniffingProtection>true</contentSniffingProtection>',
        '    <masterLabel>Shop</masterLabel>',
        `    <siteType>${siteType}</siteType>`,
        '</CustomSite>',
        ''
      ].join('\n');
    const file = `${DEFAULT}/sites/Shop.site-meta.xml`;
    expect(xmlErrors(file, site('ChatterNetwork', 'allowGuestPaymentsApi'))).toEqual([]);
    expect(xmlErrors(file, site('ChatterNetwrk', 'allowGuestPaymentApi')).map((problem) => problem.message)).toEqual([
      expect.stringContaining('Element allowGuestPaymentApi invalid in type CustomSite'),
      expect.stringContaining(
        '"ChatterNetwrk" is not a valid SiteType value for <siteType>: did you mean ChatterNetwork?'
      )
    ]);
    const experience = (type: string): string =>
      `${DECLARATION}\n<SiteDotCom ${NS}>\n    <label>Shop</label>\n    <siteType>${type}</siteType>\n</SiteDotCom>\n`;
    expect(xmlErrors(`${DEFAULT}/experiences/Shop1.site-meta.xml`, experience('ChatterNetworkPicasso'))).toEqual([]);
  });

  it('warns (house policy) when the XML declaration is missing; malformed XML is still an error', () => {
    const file = `${DEFAULT}/lwc/logger/logger.js-meta.xml`;
    const bundle = `<LightningComponentBundle ${NS}>\n    <apiVersion>65.0</apiVersion>\n    <isExposed>false</isExposed>\n</LightningComponentBundle>\n`;
    expect(checkMetadataFile(file, bundle)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        basis: 'house-policy',
        message: expect.stringContaining('no XML declaration')
      })
    ]);
    expect(xmlErrors(file, bundle.replace('</isExposed>', '</isExposd>'))).toEqual([
      expect.objectContaining({ message: expect.stringContaining('malformed XML') })
    ]);
  });

  it('reports order alone as a house-policy warning in a Flow, as known-deployable flows are written', () => {
    const flow = [
      DECLARATION,
      `<Flow ${NS}>`,
      '    <apiVersion>65.0</apiVersion>',
      '    <label>Greeting</label>',
      '    <processType>Flow</processType>',
      '    <status>Active</status>',
      '    <formulas>',
      '        <name>greeting</name>',
      '        <dataType>String</dataType>',
      "        <expression>'Hello'</expression>",
      '    </formulas>',
      '</Flow>',
      ''
    ].join('\n');
    const problems = checkMetadataFile(`${DEFAULT}/flows/Greeting.flow-meta.xml`, flow);
    expect(errors(problems)).toEqual([]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        basis: 'house-policy',
        line: 7,
        message: expect.stringContaining('Element formulas is out of the order')
      })
    );
  });
});

describe('metadata-xml reads each file against the project API version', () => {
  it('re-checks every file under --changed when sfdx-project.json changed, since its sourceApiVersion concerns all', async () => {
    const copy = new FixtureCopy('clean-project');
    try {
      const page = `${DEFAULT}/flexipages/Loans.flexipage-meta.xml`;
      copy.write(
        page,
        `${DECLARATION}\n<FlexiPage ${NS}>\n    <flexiPageRegions>\n        <componentInstances>\n            <componentName>loanCalculator</componentName>\n        </componentInstances>\n        <name>main</name>\n        <type>Region</type>\n    </flexiPageRegions>\n    <masterLabel>Loans</masterLabel>\n    <template>\n        <name>flexipage:defaultAppHomeTemplate</name>\n    </template>\n    <type>AppPage</type>\n</FlexiPage>\n`
      );
      copy.replace('sfdx-project.json', '"65.0"', '"47.0"');
      const outcome = await metadataXmlCheck.run(new Project(copy.root, new Set(['sfdx-project.json'])));
      expect(outcome.problems).toContainEqual(
        expect.objectContaining({
          file: page,
          severity: 'warning',
          message: expect.stringContaining('the project deploys at API 47.0')
        })
      );
    } finally {
      copy.dispose();
    }
  });
});

describe('config-schema accepts what the CLI sends as written', () => {
  it('warns on a boolean written as the string "false" in a scratch definition; another wrong type still fails', async () => {
    const copy = new FixtureCopy('clean-project');
    try {
      const definition = 'config/project-scratch-def.json';
      copy.replace(definition, '"edition": "Developer",', '"edition": "Developer",\n  "hasSampleData": "false",');
      expect(await errorsOf(configSchemaCheck, copy)).toEqual([]);
      expect(await problemsOf(configSchemaCheck, copy)).toEqual([
        expect.objectContaining({
          file: definition,
          line: 4,
          severity: 'warning',
          message: expect.stringContaining("'hasSampleData' property type must be boolean")
        })
      ]);

      copy.replace(definition, '"hasSampleData": "false"', '"hasSampleData": "no"');
      expect(await errorsOf(configSchemaCheck, copy)).toEqual([
        expect.objectContaining({ message: expect.stringContaining("'hasSampleData' property type must be boolean") })
      ]);
    } finally {
      copy.dispose();
    }
  });
});

describe('cross-references accepts what orgs have', () => {
  let copy: FixtureCopy;
  beforeEach(() => {
    copy = new FixtureCopy('clean-project');
  });
  afterEach(() => copy.dispose());

  const PERMISSION_SET = `${DEFAULT}/permissionsets/Invoice_Manager.permissionset-meta.xml`;
  const grant = (field: string): string =>
    `    <fieldPermissions>\n        <editable>true</editable>\n        <field>${field}</field>\n        <readable>true</readable>\n    </fieldPermissions>\n`;

  it("accepts field permissions on a custom object's Name field; a required custom field is still refused", async () => {
    copy.replace(PERMISSION_SET, '    <fieldPermissions>\n', `${grant('Invoice__c.Name')}    <fieldPermissions>\n`);
    expect(await errorsOf(crossReferencesCheck, copy)).toEqual([]);

    copy.write(
      `${DEFAULT}/objects/Invoice__c/fields/Code__c.field-meta.xml`,
      `${DECLARATION}\n<CustomField ${NS}>\n    <fullName>Code__c</fullName>\n    <label>Code</label>\n    <length>10</length>\n    <required>true</required>\n    <type>Text</type>\n</CustomField>\n`
    );
    copy.replace(PERMISSION_SET, '    <fieldPermissions>\n', `${grant('Invoice__c.Code__c')}    <fieldPermissions>\n`);
    expect(await errorsOf(crossReferencesCheck, copy)).toEqual([
      expect.objectContaining({
        file: PERMISSION_SET,
        message: expect.stringContaining("'Invoice__c.Code__c', a required field")
      })
    ]);
  });

  it('accepts a layout of a standard object the offline schema lacks (CaseClose); a misspelled object still fails', async () => {
    const layout = `${DECLARATION}\n<Layout ${NS}>\n    <layoutSections>\n        <editHeading>true</editHeading>\n        <label>Information</label>\n        <style>OneColumn</style>\n    </layoutSections>\n</Layout>\n`;
    copy.write(`${DEFAULT}/layouts/CaseClose-Close Case Layout.layout-meta.xml`, layout);
    expect(await errorsOf(crossReferencesCheck, copy)).toEqual([]);
    expect(await problemsOf(crossReferencesCheck, copy)).toContainEqual(
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining("names object 'CaseClose'") })
    );

    copy.write(`${DEFAULT}/layouts/Acount-Account Layout.layout-meta.xml`, layout);
    expect(await errorsOf(crossReferencesCheck, copy)).toEqual([
      expect.objectContaining({ message: expect.stringContaining("names object 'Acount', which is neither defined") })
    ]);
  });

  it('accepts sub-queries on standard child relationships, also qualified by the parent; a custom one must exist', async () => {
    const SERVICE = `${DEFAULT}/classes/InvoiceService.cls`;
    const method = (query: string): string =>
      `\n  public static List<SObject> planted() {\n    return ${query};\n  }\n}\n`;
    const source = copy.read(SERVICE).replace(/\}\s*$/, '');
    copy.write(
      SERVICE,
      source +
        method('[SELECT Id, (SELECT LastName FROM Account.Contacts) FROM Account]').replace(/\}\n$/, '') +
        method('[SELECT QualifiedApiName, (SELECT DeveloperName FROM Fields) FROM EntityDefinition]').replace(
          'planted()',
          'plantedToo()'
        )
    );
    expect(await errorsOf(crossReferencesCheck, copy)).toEqual([]);

    copy.write(SERVICE, source + method('[SELECT Id, (SELECT Id FROM Invoice_Lines__r) FROM Invoice__c]'));
    expect(await errorsOf(crossReferencesCheck, copy)).toEqual([
      expect.objectContaining({
        file: SERVICE,
        message: expect.stringContaining("names 'Invoice_Lines__r', which is not a child relationship of Invoice__c")
      })
    ]);
  });
});

describe('cross-references still catches an object named instead of its child relationship', () => {
  let copy: FixtureCopy;
  beforeEach(() => {
    copy = new FixtureCopy('clean-project');
  });
  afterEach(() => copy.dispose());

  it('reports FROM Contact under Account and suggests Contacts', async () => {
    const SERVICE = `${DEFAULT}/classes/InvoiceService.cls`;
    const source = copy.read(SERVICE).replace(/\}\s*$/, '');
    copy.write(
      SERVICE,
      `${source}\n  public static List<Account> planted() {\n    return [SELECT Id, (SELECT Id FROM Contact) FROM Account];\n  }\n}\n`
    );
    expect(await errorsOf(crossReferencesCheck, copy)).toEqual([
      expect.objectContaining({
        file: SERVICE,
        message: expect.stringMatching(
          /names 'Contact', which is not a child relationship of Account.*Did you mean Contacts\?/
        )
      })
    ]);
  });
});

describe('packaging tells non-metadata files from lost metadata', () => {
  let copy: FixtureCopy;
  beforeEach(() => {
    copy = new FixtureCopy('clean-project');
  });
  afterEach(() => copy.dispose());

  it('warns about jest mocks in a package directory; a class without its -meta.xml is still an error', async () => {
    copy.write('force-app/test/jest-mocks/lightning/navigation.js', 'export const NavigationMixin = (Base) => Base;\n');
    const problems = await problemsOf(packagingCheck, copy);
    expect(errors(problems)).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'force-app/test/jest-mocks/lightning/navigation.js',
        severity: 'warning',
        message: expect.stringContaining('not metadata')
      })
    ]);

    copy.write(`${DEFAULT}/classes/Lost.cls`, 'public class Lost {}\n');
    expect(await errorsOf(packagingCheck, copy)).toEqual([
      expect.objectContaining({
        file: `${DEFAULT}/classes/Lost.cls`,
        message: expect.stringContaining('Lost.cls-meta.xml')
      })
    ]);
  });
});

describe('apex-types knows what apex-ls lacks', () => {
  let copy: FixtureCopy;
  beforeEach(() => {
    copy = new FixtureCopy('clean-project');
  });
  afterEach(() => copy.dispose());

  const CLASS = `${DEFAULT}/classes/Platform.cls`;
  const writeClass = (body: string): void => {
    copy.write(CLASS, `public with sharing class Platform {\n${body}\n}\n`);
    copy.write(
      `${CLASS}-meta.xml`,
      `${DECLARATION}\n<ApexClass ${NS}>\n    <apiVersion>65.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`
    );
  };

  it('accepts DataWeave script classes of the project and Cache partitions as Cache.Partition; a missing script fails', async () => {
    copy.write(`${DEFAULT}/dw/helloWorld.dwl`, '%dw 2.0\noutput application/json\n---\n{ hello: "world" }\n');
    copy.write(
      `${DEFAULT}/dw/helloWorld.dwl-meta.xml`,
      `${DECLARATION}\n<DataWeaveResource ${NS}>\n    <apiVersion>65.0</apiVersion>\n    <isGlobal>false</isGlobal>\n</DataWeaveResource>\n`
    );
    writeClass(
      [
        '  public static String hello() {',
        '    try {',
        '      return new DataWeaveScriptResource.helloWorld().execute(new Map<String, Object>()).getValueAsString();',
        '    } catch (DataWeaveScriptException problem) {',
        '      return problem.getMessage();',
        '    }',
        '  }',
        '  public static Cache.Partition partition(Boolean session) {',
        "    if (session) {\n      return Cache.Session.getPartition('local.Default');\n    }",
        "    return Cache.Org.getPartition('local.Default');",
        '  }'
      ].join('\n')
    );
    expect(await errorsOf(apexTypesCheck, copy)).toEqual([]);

    copy.replace(CLASS, 'DataWeaveScriptResource.helloWorld', 'DataWeaveScriptResource.goodbyeWorld');
    expect(await errorsOf(apexTypesCheck, copy)).toEqual([
      expect.objectContaining({ file: CLASS, message: expect.stringContaining('DataWeaveScriptResource.goodbyeWorld') })
    ]);
  });

  it('still reports a type that is not a Cache.Partition', async () => {
    writeClass("  public static Cache.Partition partition() {\n    return 'local.Default';\n  }");
    expect(await errorsOf(apexTypesCheck, copy)).toEqual([
      expect.objectContaining({ file: CLASS, message: expect.stringContaining('Incompatible return type') })
    ]);
  });

  it("accepts an inner class's private override of a @TestVisible private virtual method, as orgs compile it; overriding a method that is not virtual still fails", async () => {
    // mitchspano/apex-trigger-actions-framework: TriggerBase.getDmlRows() and TriggerBaseTest's inner class.
    writeClass(
      [
        '  @TestVisible',
        '  private virtual Integer rows() {',
        '    return 1;',
        '  }',
        '  @TestVisible',
        '  private class Fake extends Platform {',
        '    private override Integer rows() {',
        '      return 2;',
        '    }',
        '  }'
      ].join('\n')
    );
    copy.replace(CLASS, 'public with sharing class Platform {', 'public with sharing virtual class Platform {');
    const problems = await problemsOf(apexTypesCheck, copy);
    expect(errors(problems)).toEqual([]);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: CLASS, severity: 'warning', message: expect.stringContaining('orgs compile it') })
    );

    copy.replace(CLASS, 'private virtual Integer rows()', 'private Integer rows()');
    expect(await errorsOf(apexTypesCheck, copy)).not.toEqual([]);
  });
});
