import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { StepFailure } from '../../scripts/lib/progress';
import {
  missingDeployVariables,
  prepareProject,
  productionSourceDirs,
  projectApiVersion
} from '../../scripts/org/project-check';

const ECA =
  'force-app/portal-integration/main/connected-app/externalClientApps/Customer_Portal_Integration.eca-meta.xml';
const GLOBAL_OAUTH_SETTINGS =
  'force-app/portal-integration/main/connected-app/extlClntAppGlobalOauthSets/Customer_Portal_Integration.ecaGlblOauth-meta.xml';
const OPTIONAL_APP = 'force-app-optional/connected-app/connectedApps/Customer_Portal_Integration.connectedApp-meta.xml';
const CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

/** A project with the real sfdx-project.json and stand-ins for the files its replacements name. */
function project(replacements?: unknown[]): string {
  const root = mkdtempSync(join(tmpdir(), 'project-check-'));
  const projectJson = JSON.parse(readFileSync(join(__dirname, '..', '..', 'sfdx-project.json'), 'utf8')) as {
    replacements: unknown[];
  };
  projectJson.replacements = replacements ?? projectJson.replacements;
  writeFileSync(join(root, 'sfdx-project.json'), JSON.stringify(projectJson));
  for (const file of [ECA, GLOBAL_OAUTH_SETTINGS, OPTIONAL_APP]) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '<stand-in>__SF_JWT_CERT_PEM__</stand-in>');
  }
  return root;
}

describe('the project check before a deploy', () => {
  let root: string;
  beforeEach(() => {
    root = project();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads the API version from sfdx-project.json', () => {
    expect(projectApiVersion(root)).toBe('65.0');
  });

  it('needs no variable for a deploy of the package directories', async () => {
    expect(missingDeployVariables(root, {})).toEqual([]);
    const report = await prepareProject(root, {});
    expect(report.note).toBe(
      "no SF_JWT_CERT_PEM: the JWT app is deployed without its certificate; upload one in Setup before JWT logins; no SF_APP_CONTACT_EMAIL: the JWT app's contact is the placeholder salesforce-admins@example.com"
    );
  });

  it('says which variables the deploy takes when they are set', async () => {
    const report = await prepareProject(root, { SF_APP_CONTACT_EMAIL: 'a@example.com', SF_JWT_CERT_PEM: CERTIFICATE });
    expect(report.note).toBe(
      "the JWT app gets the certificate of SF_JWT_CERT_PEM; the JWT app's contact is SF_APP_CONTACT_EMAIL"
    );
  });

  it('fails on a required variable with the file that needs it and how to set it', async () => {
    rmSync(root, { recursive: true, force: true });
    root = project([
      { filename: ECA, stringToReplace: '__SF_APP_CONTACT_EMAIL__', replaceWithEnv: 'SF_APP_CONTACT_EMAIL' }
    ]);
    expect(missingDeployVariables(root, {})).toEqual([{ variable: 'SF_APP_CONTACT_EMAIL', file: ECA }]);
    const check = prepareProject(root, {});
    await expect(check).rejects.toThrow(StepFailure);
    await expect(check).rejects.toThrow(
      `SF_APP_CONTACT_EMAIL is not set: the deploy writes it into ${ECA} (export SF_APP_CONTACT_EMAIL=salesforce-admins@your-company.example).`
    );
  });

  it('needs no variable for files outside the package directories, which deploy only on purpose', () => {
    rmSync(root, { recursive: true, force: true });
    root = project([
      { filename: OPTIONAL_APP, stringToReplace: '__SF_JWT_CERT_PEM__', replaceWithEnv: 'SF_JWT_CERT_PEM' }
    ]);
    expect(missingDeployVariables(root, {})).toEqual([]);
  });

  it('refuses a certificate variable that holds no certificate, without printing it', async () => {
    const check = prepareProject(root, { SF_APP_CONTACT_EMAIL: 'a@example.com', SF_JWT_CERT_PEM: 'secret-ish text' });
    await expect(check).rejects.toThrow(
      'SF_JWT_CERT_PEM is set but holds no PEM certificate (-----BEGIN CERTIFICATE-----).'
    );
    await expect(check).rejects.toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-ish') })
    );
  });

  it('leaves the test-only sources out of the production package directories', () => {
    expect(productionSourceDirs(root)).toEqual(['force-app/subscription-builder', 'force-app/portal-integration']);
  });
});
