import { conventionsCheck } from '../../scripts/validate/checks/conventions';
import { FixtureCopy } from '../support/fixture';
import { errorsOf, problemsOf } from '../support/run-check';

const OBJECTS = 'force-app/main/default/objects';

describe('conventions check', () => {
  let fixture: FixtureCopy;
  beforeEach(() => (fixture = new FixtureCopy('clean-project')));
  afterEach(() => fixture.dispose());

  it('passes the clean fixture', async () => {
    expect(await problemsOf(conventionsCheck, fixture)).toEqual([]);
  });

  it('fails a custom field without a description', async () => {
    const field = `${OBJECTS}/Invoice__c/fields/Amount__c.field-meta.xml`;
    fixture.replace(field, '    <description>The invoice total.</description>\n', '');
    expect(await errorsOf(conventionsCheck, fixture)).toEqual([
      expect.objectContaining({ file: field, line: 6, message: expect.stringContaining('no <description>') })
    ]);
  });

  it('warns about a custom field without help text', async () => {
    const field = `${OBJECTS}/Invoice__c/fields/Amount__c.field-meta.xml`;
    fixture.replace(field, '    <inlineHelpText>Total amount, tax included.</inlineHelpText>\n', '');
    expect(await problemsOf(conventionsCheck, fixture)).toEqual([
      expect.objectContaining({ file: field, severity: 'warning', message: expect.stringContaining('inlineHelpText') })
    ]);
  });

  it('fails a custom object without a description', async () => {
    const object = `${OBJECTS}/Invoice__c/Invoice__c.object-meta.xml`;
    fixture.replace(object, '    <description>An invoice sent to an account.</description>\n', '');
    expect(await errorsOf(conventionsCheck, fixture)).toEqual([expect.objectContaining({ file: object })]);
  });

  it('fails an API version newer than sourceApiVersion', async () => {
    const meta = 'force-app/main/default/classes/InvoiceService.cls-meta.xml';
    fixture.replace(meta, '<apiVersion>65.0</apiVersion>', '<apiVersion>66.0</apiVersion>');
    expect(await errorsOf(conventionsCheck, fixture)).toEqual([
      expect.objectContaining({
        file: meta,
        line: 3,
        message: expect.stringContaining('newer than sourceApiVersion 65.0')
      })
    ]);
  });

  it('fails a committed private key or certificate, wherever it is', async () => {
    fixture.write('config/jwt.key', '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n');
    fixture.write(
      'force-app/main/default/certs/Portal.crt',
      'x\n-----BEGIN CERTIFICATE-----\nMIID\n-----END CERTIFICATE-----\n'
    );
    const errors = await errorsOf(conventionsCheck, fixture);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'config/jwt.key', line: 1, message: expect.stringContaining('private key') }),
        expect.objectContaining({
          file: 'force-app/main/default/certs/Portal.crt',
          line: 2,
          message: expect.stringContaining('certificate')
        })
      ])
    );
  });

  it('fails a hard-coded consumer secret but allows a deploy-time replacement token', async () => {
    const app = 'force-app/main/default/connectedApps/Portal.connectedApp-meta.xml';
    fixture.write(
      app,
      '<ConnectedApp>\n<oauthConfig>\n<consumerKey>__PORTAL_CONSUMER_KEY__</consumerKey>\n<consumerSecret>s3cr3t</consumerSecret>\n</oauthConfig>\n</ConnectedApp>\n'
    );
    expect(await errorsOf(conventionsCheck, fixture)).toEqual([
      expect.objectContaining({ file: app, line: 4, message: expect.stringContaining('consumer secret') })
    ]);
  });

  it('fails a permission set description longer than the 255 characters the Metadata API accepts', async () => {
    const permissionSet = 'force-app/main/default/permissionsets/Invoice_Manager.permissionset-meta.xml';
    fixture.replace(
      permissionSet,
      '<description>Creates and sends invoices.</description>',
      `<description>${'x'.repeat(256)}</description>`
    );
    expect(await errorsOf(conventionsCheck, fixture)).toEqual([
      expect.objectContaining({
        file: permissionSet,
        message: '<description> has 256 characters; PermissionSet accepts at most 255'
      })
    ]);
  });

  it('fails a custom field label longer than 40 characters', async () => {
    const field = `${OBJECTS}/Invoice__c/fields/Amount__c.field-meta.xml`;
    fixture.replace(field, '<label>Amount</label>', `<label>${'Amount '.repeat(6)}</label>`);
    expect(await errorsOf(conventionsCheck, fixture)).toEqual([
      expect.objectContaining({
        file: field,
        line: 7,
        message: expect.stringContaining('CustomField accepts at most 40')
      })
    ]);
  });
});
