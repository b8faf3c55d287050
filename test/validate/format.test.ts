import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { formatCheck } from '../../scripts/validate/checks/format';
import { FixtureCopy } from '../support/fixture';
import { problemsOf } from '../support/run-check';

const PROJECT_ROOT = join(__dirname, '..', '..');
const FIELD = 'force-app/main/default/objects/Invoice__c/fields/Amount__c.field-meta.xml';

/** A custom field in the layout Salesforce writes on retrieve, with values whose whitespace is part of their meaning. */
const WHITESPACE_FIELD = `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
    <fullName>Amount_Label__c</fullName>
    <description>Two  spaces,  a trailing one and a line well beyond eighty characters, which Salesforce never wraps when it retrieves. </description>
    <formula>IF(
    ISBLANK(Amount__c),
        &quot;none&quot;,
    TEXT(Amount__c) &amp; &apos; EUR&apos;
)</formula>
    <inlineHelpText><![CDATA[  <b>kept</b>  ]]></inlineHelpText>
    <label>Amount Label</label>
    <defaultValue xsi:nil="true"/>
    <type>Text</type>
</CustomField>
`;

/** Prettier's output for a text, with the project's own .prettierrc, as `npm run prettier` would write it. */
function prettierOutput(text: string, filepath: string, options: string[] = []): string {
  return execFileSync(
    join(PROJECT_ROOT, 'node_modules', '.bin', 'prettier'),
    [...options, '--stdin-filepath', filepath],
    {
      cwd: PROJECT_ROOT,
      input: text,
      encoding: 'utf8'
    }
  );
}

/** The meaning of an XML document: elements, attributes and every text value; whitespace between elements is layout. */
function meaning(xml: string): unknown {
  const parser = new XMLParser({
    preserveOrder: true,
    trimValues: false,
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    cdataPropName: '#cdata',
    commentPropName: '#comment'
  });
  const layoutless = (nodes: Array<Record<string, unknown>>): unknown[] => {
    const hasElements = nodes.some((node) => Object.keys(node).some((key) => key !== '#text' && key !== ':@'));
    return nodes
      .filter((node) => !(hasElements && typeof node['#text'] === 'string' && /^\s*$/.test(node['#text'])))
      .map((node) =>
        Object.fromEntries(
          Object.entries(node).map(([key, value]) => [
            key,
            Array.isArray(value) ? layoutless(value as Array<Record<string, unknown>>) : value
          ])
        )
      );
  };
  return layoutless(parser.parse(xml) as Array<Record<string, unknown>>);
}

describe('format check', () => {
  let fixture: FixtureCopy;
  beforeEach(() => (fixture = new FixtureCopy('clean-project')));
  afterEach(() => fixture.dispose());

  it('passes the clean fixture, whose XML, JSON and Markdown are formatted', async () => {
    expect(await problemsOf(formatCheck, fixture)).toEqual([]);
  });

  it('fails metadata XML whose declaration or empty elements differ from what Salesforce writes', async () => {
    fixture.replace(FIELD, '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8" ?>');
    fixture.replace(FIELD, '<label>Amount</label>', '<label>Amount</label>\n    <defaultValue></defaultValue>');
    expect(await problemsOf(formatCheck, fixture)).toEqual([
      expect.objectContaining({
        file: FIELD,
        line: 1,
        severity: 'error',
        message: expect.stringContaining('not formatted')
      })
    ]);
  });

  it('accepts metadata in retrieved layout as it is, whitespace inside values included', async () => {
    fixture.write('force-app/main/default/objects/Invoice__c/fields/Amount_Label__c.field-meta.xml', WHITESPACE_FIELD);
    expect(await problemsOf(formatCheck, fixture)).toEqual([]);
  });

  it('fails unformatted JSON and YAML, and leaves out what .prettierignore names', async () => {
    fixture.write('config/settings.json', '{"a":1}\n');
    fixture.write('.github/workflows/ci.yml', 'on:   push\n');
    fixture.write('docs/reference/metadata.md', '* generated,   not formatted\n');
    expect((await problemsOf(formatCheck, fixture)).map((problem) => problem.file).sort()).toEqual([
      '.github/workflows/ci.yml',
      'config/settings.json'
    ]);
  });

  it('reports a file Prettier cannot parse', async () => {
    fixture.write('docs/broken.json', '{"a": }\n');
    expect(await problemsOf(formatCheck, fixture)).toEqual([
      expect.objectContaining({
        file: 'docs/broken.json',
        severity: 'error',
        message: expect.stringContaining('could not read')
      })
    ]);
  });

  it('warns once, without failing, when the project config has no XML plugin', async () => {
    fixture.write('.prettierrc', '{ "trailingComma": "none" }\n');
    const problems = await problemsOf(formatCheck, fixture);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/^not checked and \d+ more files/)
      })
    ]);
  });
});

describe("the project's Prettier settings for XML", () => {
  it('leave metadata in retrieved layout byte for byte as it is', () => {
    expect(prettierOutput(WHITESPACE_FIELD, 'force-app/x/fields/Amount_Label__c.field-meta.xml')).toBe(
      WHITESPACE_FIELD
    );
  });

  it("change no value, whitespace-only values included, where the plugin's other whitespace modes would", () => {
    const flow = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<Flow xmlns="http://soap.sforce.com/2006/04/metadata">',
      '    <assignments><value><stringValue> </stringValue></value></assignments>',
      '    <textTemplates><text>  Line one',
      '',
      '  Line two  </text></textTemplates>',
      '</Flow>',
      ''
    ].join('\n');
    const file = 'force-app/x/flows/Separator.flow-meta.xml';

    // The plugin is named on the command line so that Prettier knows its option before it reads the config.
    const withWhitespace = (mode: string): unknown =>
      meaning(prettierOutput(flow, file, ['--plugin', '@prettier/plugin-xml', '--xml-whitespace-sensitivity', mode]));

    expect(meaning(prettierOutput(flow, file))).toEqual(meaning(flow));
    // "preserve" drops the single space (<stringValue/>), "ignore" also re-flows the text template.
    expect(withWhitespace('preserve')).not.toEqual(meaning(flow));
    expect(withWhitespace('ignore')).not.toEqual(meaning(flow));
  });
});
