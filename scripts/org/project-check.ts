import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StepFailure, StepReport } from '../lib/progress';

interface Replacement {
  filename?: string;
  replaceWithEnv?: string;
  allowUnsetEnvVariable?: boolean;
}

interface ProjectJson {
  packageDirectories?: Array<{ path: string }>;
  sourceApiVersion?: string;
  replacements?: Replacement[];
}

function readProjectJson(projectRoot: string): ProjectJson {
  return JSON.parse(readFileSync(join(projectRoot, 'sfdx-project.json'), 'utf8')) as ProjectJson;
}

/**
 * The package directory of test-only sources: the objects and permission set the engine's generic tests build from,
 * and those tests. Scratch orgs and sandboxes get it (the whole test suite runs there); production leaves it out.
 */
export const TEST_SOURCES_DIR = 'force-app/subscription-builder-test-sources';

/** The package directories a production deploy takes: every one but the test-only sources, in project order. */
export function productionSourceDirs(projectRoot: string): string[] {
  return (readProjectJson(projectRoot).packageDirectories ?? [])
    .map((dir) => dir.path.replace(/\/+$/, ''))
    .filter((path) => path !== TEST_SOURCES_DIR);
}

/** The API version the scripts talk to the org with: the project's sourceApiVersion. */
export function projectApiVersion(projectRoot: string): string {
  return readProjectJson(projectRoot).sourceApiVersion ?? '65.0';
}

/**
 * The environment variables a full deploy needs and lacks: those of sfdx-project.json's `replacements` whose file
 * exists inside a package directory (files outside are deployed only on purpose, with --source-dir).
 */
export function missingDeployVariables(
  projectRoot: string,
  env: NodeJS.ProcessEnv
): Array<{ variable: string; file: string }> {
  const project = readProjectJson(projectRoot);
  const packageDirs = (project.packageDirectories ?? []).map((dir) => dir.path.replace(/\/+$/, '') + '/');
  return (project.replacements ?? []).flatMap((replacement) => {
    const { filename, replaceWithEnv } = replacement;
    if (
      filename === undefined ||
      replaceWithEnv === undefined ||
      replacement.allowUnsetEnvVariable === true ||
      !packageDirs.some((dir) => filename.startsWith(dir)) ||
      !existsSync(join(projectRoot, filename)) ||
      (env[replaceWithEnv] ?? '') !== ''
    ) {
      return [];
    }
    return [{ variable: replaceWithEnv, file: filename }];
  });
}

const VARIABLE_HINTS: Record<string, string> = {
  SF_APP_CONTACT_EMAIL: 'export SF_APP_CONTACT_EMAIL=salesforce-admins@your-company.example',
  SF_JWT_CERT_PEM: 'export SF_JWT_CERT_PEM="$(cat portal-jwt.crt)"'
};

/**
 * Checks the project before a deploy: a certificate in SF_JWT_CERT_PEM must be a PEM certificate, and every
 * deploy-time variable the package directories require must be set (the JWT app's contact and certificate are
 * optional: without them the deploy uses a default contact and leaves the certificate to Setup). Fails with the
 * variable, the file that needs it and how to set it; never prints a variable's value.
 */
export async function prepareProject(projectRoot: string, env: NodeJS.ProcessEnv): Promise<StepReport> {
  const certificate = env.SF_JWT_CERT_PEM ?? '';
  if (certificate !== '' && !/-----BEGIN CERTIFICATE-----/.test(certificate)) {
    throw new StepFailure('SF_JWT_CERT_PEM is set but holds no PEM certificate (-----BEGIN CERTIFICATE-----).');
  }
  const missing = missingDeployVariables(projectRoot, env);
  if (missing.length > 0) {
    const first = missing[0];
    throw new StepFailure(
      `${first.variable} is not set: the deploy writes it into ${first.file} (${VARIABLE_HINTS[first.variable] ?? `export ${first.variable}=...`}).`,
      missing.slice(1).map((entry) => `${entry.variable} is not set either (needed by ${entry.file})`)
    );
  }
  const notes = [
    certificate === ''
      ? 'no SF_JWT_CERT_PEM: the JWT app is deployed without its certificate; upload one in Setup before JWT logins'
      : 'the JWT app gets the certificate of SF_JWT_CERT_PEM',
    (env.SF_APP_CONTACT_EMAIL ?? '') === ''
      ? "no SF_APP_CONTACT_EMAIL: the JWT app's contact is the placeholder salesforce-admins@example.com"
      : "the JWT app's contact is SF_APP_CONTACT_EMAIL"
  ];
  return { note: notes.join('; ') };
}
