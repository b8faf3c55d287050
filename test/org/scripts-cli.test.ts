import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The scripts as a user runs them, in child processes with an empty sf CLI home: --help prints the usage, and
 * without a reachable org every script stops with one sentence and exit code 1, never a stack trace. Nothing here
 * talks to Salesforce: the only "org" is a closed local port.
 */
const ROOT = join(__dirname, '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const TS_NODE = join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js');

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

let home: string;
let temp: string;

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, TMPDIR: temp, SF_DISABLE_TELEMETRY: 'true' };
  for (const name of Object.keys(env)) {
    if (
      /^SF_(LOGIN_URL|CLIENT_ID|USERNAME|PRIVATE_KEY_PATH|PRIVATE_KEY_BASE64|JWT_CERT_PEM|APP_CONTACT_EMAIL|TARGET_ORG)$/.test(
        name
      )
    ) {
      delete env[name];
    }
  }
  return { ...env, ...extra };
}

function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = cleanEnv()): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [TS_NODE, '--transpile-only', join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      env
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The one error line, and proof that nothing else (no stack trace) was printed as an error. */
function errorLines(ran: Ran): string[] {
  expect(ran.stderr).not.toMatch(/^\s+at /m);
  return ran.stderr.split('\n').filter((line) => line.startsWith('error: '));
}

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'org-scripts-home-'));
  temp = mkdtempSync(join(tmpdir(), 'org-scripts-tmp-'));
});

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(temp, { recursive: true, force: true });
});

describe('every script prints its usage with --help', () => {
  it.each([
    ['org/create.ts', 'Usage: npm run org:create -- --alias NAME [options]'],
    ['org/setup.ts', 'Usage: npm run org:setup -- --target-org ALIAS [options]'],
    ['org/seed.ts', 'Usage: npm run org:seed -- --target-org ALIAS [--dry-run]'],
    ['org/apex-tests.ts', 'Usage: npm run org:test:apex -- --target-org ALIAS [--min-coverage 90]'],
    ['e2e/index.ts', 'Usage: npm run test:e2e -- --target-org ALIAS [--only ID,ID] [--timeout SECONDS]']
  ])('%s', async (script, usage) => {
    const ran = await runScript(script, ['--help']);
    expect(ran.code).toBe(0);
    expect(ran.stdout.split('\n')[0]).toBe(usage);
    expect(ran.stdout).toContain('--help');
  });
});

describe('without a reachable org every script stops with one sentence and exit code 1', () => {
  it.each([
    ['org/setup.ts', ['--target-org', 'nosuch']],
    ['org/seed.ts', ['--target-org', 'nosuch']],
    ['org/apex-tests.ts', ['--target-org', 'nosuch']],
    ['e2e/index.ts', ['--target-org', 'nosuch']],
    ['org/create.ts', ['--alias', 'new-org', '--target-dev-hub', 'nosuch']]
  ])('%s %j: no stored login for the alias', async (script, args) => {
    // No deploy variable is set: the JWT app's contact and certificate are optional (sfdx-project.json replacements).
    const ran = await runScript(script, args, cleanEnv());
    expect(ran.code).toBe(1);
    expect(errorLines(ran)).toEqual([
      'error: No sf CLI login is stored for "nosuch": log in first (npx sf org login web --alias nosuch), or pass the alias or username of an org you logged in to.'
    ]);
  });

  it('org:create without a Dev Hub', async () => {
    const ran = await runScript('org/create.ts', ['--alias', 'new-org'], cleanEnv());
    expect(ran.code).toBe(1);
    expect(errorLines(ran)).toEqual([
      'error: No Dev Hub: pass --target-dev-hub ALIAS, or log in to one with npx sf org login web --set-default-dev-hub --alias devhub.'
    ]);
  });

  it('org:seed and test:e2e without any login', async () => {
    const [seed, e2e] = await Promise.all([runScript('org/seed.ts', []), runScript('e2e/index.ts', [])]);
    for (const ran of [seed, e2e]) {
      expect(ran.code).toBe(1);
      expect(errorLines(ran)).toEqual([
        'error: No org given: pass --target-org ALIAS (an sf CLI login) or set SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME and SF_PRIVATE_KEY_PATH or SF_PRIVATE_KEY_BASE64 for a JWT login.'
      ]);
    }
  });

  it('a JWT login to a closed port, with a key file or a base64 key that leaves no file behind', async () => {
    const port = await closedPort();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const keyFile = join(home, 'portal-jwt.key');
    writeFileSync(keyFile, pem, { mode: 0o600 });
    const jwt = {
      SF_LOGIN_URL: `http://127.0.0.1:${port}`,
      SF_CLIENT_ID: '3MVG9-test',
      SF_USERNAME: 'integration.user@example.com'
    };
    const [withFile, withBase64] = await Promise.all([
      runScript('org/seed.ts', [], cleanEnv({ ...jwt, SF_PRIVATE_KEY_PATH: keyFile })),
      runScript('e2e/index.ts', [], cleanEnv({ ...jwt, SF_PRIVATE_KEY_BASE64: Buffer.from(pem).toString('base64') }))
    ]);
    for (const ran of [withFile, withBase64]) {
      expect(ran.code).toBe(1);
      expect(errorLines(ran)).toEqual([
        `error: Cannot reach http://127.0.0.1:${port}: no answer (no network, a wrong URL, or the server is down).`
      ]);
      expect(`${ran.stdout}${ran.stderr}`).not.toContain('PRIVATE KEY');
    }
    expect(readdirSync(temp).filter((file) => file.startsWith('sf-jwt-'))).toEqual([]);
  });

  it('test:e2e --list needs no org', async () => {
    const ran = await runScript('e2e/index.ts', ['--list']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^registration\n {4}seed 000 data flow 1/);
  });

  it('a usage error ends with the usage text', async () => {
    const ran = await runScript('e2e/index.ts', ['--only', 'no-such-check']);
    expect(ran.code).toBe(1);
    expect(errorLines(ran)[0]).toMatch(/^error: unknown check: no-such-check \(known: registration, /);
  });
});
