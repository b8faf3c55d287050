import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { XMLValidator } from 'fast-xml-parser';

/**
 * What a plain `sf project deploy start` sends for the JWT app: the sf CLI converts the source with
 * source-deploy-retrieve and applies sfdx-project.json's `replacements` on the way (the same code path as a deploy's
 * zip; SF_APPLY_REPLACEMENTS_ON_CONVERT makes a directory conversion apply them too).
 */
const ROOT = join(__dirname, '..', '..');
const APP_DIR = 'force-app/portal-integration/main/connected-app';
const VARIABLES = ['SF_APP_CONTACT_EMAIL', 'SF_JWT_CERT_PEM', 'SF_APPLY_REPLACEMENTS_ON_CONVERT'] as const;
const CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIBtest\n-----END CERTIFICATE-----';

async function convertApp(env: Partial<Record<(typeof VARIABLES)[number], string>>): Promise<Record<string, string>> {
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  const output = mkdtempSync(join(tmpdir(), 'deploy-replacements-'));
  try {
    for (const name of VARIABLES) {
      delete process.env[name];
    }
    Object.assign(process.env, env, { SF_APPLY_REPLACEMENTS_ON_CONVERT: 'true' });
    const components = ComponentSet.fromSource({ fsPaths: [join(ROOT, APP_DIR)] });
    components.projectDirectory = ROOT;
    await new MetadataConverter().convert(components, 'metadata', {
      type: 'directory',
      outputDirectory: output,
      genUniqueDir: false
    });
    return {
      header: readFileSync(join(output, 'externalClientApps', 'Customer_Portal_Integration.eca'), 'utf8'),
      globalSettings: readFileSync(
        join(output, 'extlClntAppGlobalOauthSets', 'Customer_Portal_Integration.ecaGlblOauth'),
        'utf8'
      ),
      settings: readFileSync(join(output, 'extlClntAppOauthSettings', 'Customer_Portal_Integration.ecaOauth'), 'utf8')
    };
  } finally {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = saved[name];
      }
    }
    rmSync(output, { recursive: true, force: true });
  }
}

describe('the JWT app as a deploy sends it', () => {
  it('deploys without any variable set: a default contact, its own OAuth consumer, no certificate yet', async () => {
    const files = await convertApp({});

    for (const text of Object.values(files)) {
      expect(XMLValidator.validate(text)).toBe(true);
      expect(text).not.toMatch(/__SF_[A-Z_]+__/);
    }
    expect(files.header).toContain('<contactEmail>salesforce-admins@example.com</contactEmail>');
    // Salesforce documents that an External Client App deploy carries its global OAuth settings or an oauthLink.
    expect(files.globalSettings).toContain(
      '<externalClientApplication>Customer_Portal_Integration</externalClientApplication>'
    );
    expect(files.settings).not.toContain('<oauthLink>');
    expect(files.globalSettings).not.toContain('<certificate>');
    expect(files.globalSettings).toContain('<!-- No JWT certificate was given at deploy time (SF_JWT_CERT_PEM)');
  });

  it('takes the contact and the certificate from the environment when they are set', async () => {
    const files = await convertApp({ SF_APP_CONTACT_EMAIL: 'crm-admins@acme.example', SF_JWT_CERT_PEM: CERTIFICATE });

    expect(files.header).toContain('<contactEmail>crm-admins@acme.example</contactEmail>');
    expect(files.globalSettings).toContain(`<certificate>${CERTIFICATE}</certificate>`);
    expect(files.globalSettings).not.toContain('No JWT certificate');
    expect(XMLValidator.validate(files.globalSettings)).toBe(true);
  });

  it('commits no consumer key, secret or certificate', () => {
    const committed = readFileSync(
      join(ROOT, APP_DIR, 'extlClntAppGlobalOauthSets', 'Customer_Portal_Integration.ecaGlblOauth-meta.xml'),
      'utf8'
    );
    expect(committed).not.toMatch(/<consumerKey>|<consumerSecret>|BEGIN CERTIFICATE/);
    expect(committed).toContain('<certificate>__SF_JWT_CERT_PEM__</certificate>');
  });
});
