import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { StepFailure } from '../../scripts/lib/progress';
import {
  GLOBAL_OAUTH_SETTINGS,
  GLOBAL_OAUTH_TEMPLATE,
  missingDeployVariables,
  prepareProject,
  projectApiVersion
} from '../../scripts/org/project-check';

const ECA =
  'force-app/portal-integration/main/connected-app/externalClientApps/Customer_Portal_Integration.eca-meta.xml';
const OPTIONAL_APP = 'force-app-optional/connected-app/connectedApps/Customer_Portal_Integration.connectedApp-meta.xml';
const CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

/** A project with the real sfdx-project.json and stand-ins for the files its replacements name. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'project-check-'));
  writeFileSync(join(root, 'sfdx-project.json'), readFileSync(join(__dirname, '..', '..', 'sfdx-project.json')));
  for (const file of [ECA, OPTIONAL_APP, GLOBAL_OAUTH_TEMPLATE]) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '<template>__SF_JWT_CERT_PEM__</template>');
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

  it('needs the variables of replacements in package directories only', () => {
    expect(missingDeployVariables(root, {})).toEqual([{ variable: 'SF_APP_CONTACT_EMAIL', file: ECA }]);
    expect(missingDeployVariables(root, { SF_APP_CONTACT_EMAIL: 'a@example.com' })).toEqual([]);
  });

  it('fails on a missing variable with the file that needs it and how to set it', async () => {
    const check = prepareProject(root, {});
    await expect(check).rejects.toThrow(StepFailure);
    await expect(check).rejects.toThrow(
      `SF_APP_CONTACT_EMAIL is not set: the deploy writes it into ${ECA} (export SF_APP_CONTACT_EMAIL=salesforce-admins@your-company.example).`
    );
  });

  it('copies the global OAuth settings template into the package when a certificate is given', async () => {
    const report = await prepareProject(root, { SF_APP_CONTACT_EMAIL: 'a@example.com', SF_JWT_CERT_PEM: CERTIFICATE });
    expect(readFileSync(join(root, GLOBAL_OAUTH_SETTINGS), 'utf8')).toBe('<template>__SF_JWT_CERT_PEM__</template>');
    expect(report.note).toBe("copied the JWT app's global OAuth settings from the template (git-ignored)");
    // The copy makes the certificate a deploy-time variable like any other.
    expect(missingDeployVariables(root, { SF_APP_CONTACT_EMAIL: 'a@example.com' })).toEqual([
      { variable: 'SF_JWT_CERT_PEM', file: GLOBAL_OAUTH_SETTINGS }
    ]);
  });

  it('deploys without the certificate when none is given, and says so', async () => {
    const report = await prepareProject(root, { SF_APP_CONTACT_EMAIL: 'a@example.com' });
    expect(existsSync(join(root, GLOBAL_OAUTH_SETTINGS))).toBe(false);
    expect(report.note).toContain('no SF_JWT_CERT_PEM');
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
});
