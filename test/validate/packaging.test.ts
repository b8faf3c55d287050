import { packagingCheck } from '../../scripts/validate/checks/packaging';
import { FixtureCopy } from '../support/fixture';
import { errorsOf, problemsOf } from '../support/run-check';

const CLASSES = 'force-app/main/default/classes';
const LWC = 'force-app/main/default/lwc/invoiceSummary';

/** Makes `force-app-extra` a second package directory of the fixture. */
function addSecondPackageDirectory(fixture: FixtureCopy): void {
  fixture.write(
    'sfdx-project.json',
    JSON.stringify({
      packageDirectories: [{ path: 'force-app', default: true }, { path: 'force-app-extra' }],
      sourceApiVersion: '65.0'
    })
  );
}

/** A custom text field's source file. */
function textField(fullName: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>${fullName}</fullName>
    <description>A note.</description>
    <label>${fullName.replace(/__c$/, '').replace(/_/g, ' ')}</label>
    <length>80</length>
    <type>Text</type>
</CustomField>
`;
}

describe('packaging check', () => {
  let fixture: FixtureCopy;
  beforeEach(() => (fixture = new FixtureCopy('clean-project')));
  afterEach(() => fixture.dispose());

  it('resolves and converts the clean fixture without problems', async () => {
    expect(await problemsOf(packagingCheck, fixture)).toEqual([]);
  });

  it('warns for a class of the same name in two package directories: the deploy keeps only one, silently', async () => {
    addSecondPackageDirectory(fixture);
    for (const suffix of ['.cls', '.cls-meta.xml']) {
      fixture.write(
        `force-app-extra/classes/InvoiceService${suffix}`,
        fixture.read(`${CLASSES}/InvoiceService${suffix}`)
      );
    }
    const problems = await problemsOf(packagingCheck, fixture);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: `${CLASSES}/InvoiceService.cls`,
        message: expect.stringContaining(
          'ApexClass InvoiceService is also defined in force-app-extra/classes/InvoiceService.cls'
        )
      })
    ]);
  });

  it('does not warn for one object whose fields are spread over two package directories (the deploy merges them)', async () => {
    addSecondPackageDirectory(fixture);
    fixture.write('force-app-extra/objects/Account/fields/Extra_Note__c.field-meta.xml', textField('Extra_Note__c'));
    fixture.write(
      'force-app/main/default/objects/Account/fields/Other_Note__c.field-meta.xml',
      textField('Other_Note__c')
    );
    expect(await problemsOf(packagingCheck, fixture)).toEqual([]);
  });

  it('fails a class without its -meta.xml, which sf would silently leave out', async () => {
    fixture.remove(`${CLASSES}/InvoiceService.cls-meta.xml`);
    expect(await errorsOf(packagingCheck, fixture)).toEqual([
      expect.objectContaining({
        file: `${CLASSES}/InvoiceService.cls`,
        message: expect.stringContaining('InvoiceService.cls-meta.xml')
      })
    ]);
  });

  it('fails a -meta.xml without its class', async () => {
    fixture.remove(`${CLASSES}/InvoiceService.cls`);
    expect(await errorsOf(packagingCheck, fixture)).toEqual([
      expect.objectContaining({
        file: `${CLASSES}/InvoiceService.cls-meta.xml`,
        message: expect.stringContaining("Expected source files for type 'ApexClass'")
      })
    ]);
  });

  it('fails a misnamed flow file', async () => {
    const flows = 'force-app/main/default/flows';
    fixture.write(
      `${flows}/Invoice_Stamp_Sent_At.flow.xml`,
      fixture.read(`${flows}/Invoice_Stamp_Sent_At.flow-meta.xml`)
    );
    fixture.remove(`${flows}/Invoice_Stamp_Sent_At.flow-meta.xml`);
    expect(await errorsOf(packagingCheck, fixture)).toEqual([
      expect.objectContaining({
        file: `${flows}/Invoice_Stamp_Sent_At.flow.xml`,
        message: expect.stringContaining('silently leave it out')
      })
    ]);
  });

  it('fails a Lightning web component bundle without its js-meta.xml', async () => {
    fixture.remove(`${LWC}/invoiceSummary.js-meta.xml`);
    expect(await errorsOf(packagingCheck, fixture)).toEqual([
      expect.objectContaining({ file: LWC, message: expect.stringContaining('has no invoiceSummary.js-meta.xml') })
    ]);
  });

  it('fails a Lightning web component bundle without its main module', async () => {
    fixture.remove(`${LWC}/invoiceSummary.js`);
    expect(await errorsOf(packagingCheck, fixture)).toEqual([
      expect.objectContaining({ file: LWC, message: expect.stringContaining('has no invoiceSummary.js') })
    ]);
  });

  it('fails a stray file that belongs to no component', async () => {
    fixture.write(`${CLASSES}/notes.txt`, 'remember to write tests\n');
    expect(await errorsOf(packagingCheck, fixture)).toEqual([
      expect.objectContaining({
        file: `${CLASSES}/notes.txt`,
        message: expect.stringContaining('not part of any metadata component')
      })
    ]);
  });

  it('leaves files excluded by .forceignore alone', async () => {
    fixture.write(`${LWC}/__tests__/invoiceSummary.test.js`, 'test.todo("later");\n');
    expect(await problemsOf(packagingCheck, fixture)).toEqual([]);
  });

  it('names the missing -meta.xml of a class kept in a feature folder instead of classes/', async () => {
    const feature = 'force-app/main/default/engine';
    fixture.write(
      `${feature}/InvoiceNumbers.cls`,
      fixture.read(`${CLASSES}/InvoiceDefaults.cls`).replace('InvoiceDefaults', 'InvoiceNumbers')
    );
    expect(await errorsOf(packagingCheck, fixture)).toEqual([
      expect.objectContaining({
        file: `${feature}/InvoiceNumbers.cls`,
        message: expect.stringContaining('needs InvoiceNumbers.cls-meta.xml')
      })
    ]);
  });
});
