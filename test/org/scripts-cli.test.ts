import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
      /^SF_(LOGIN_URL|CLIENT_ID|USERNAME|PRIVATE_KEY_PATH|PRIVATE_KEY_BASE64|JWT_CERT_PEM|APP_CONTACT_EMAIL|TARGET_ORG|TARGET_DEV_HUB)$/.test(
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
    ['org/create.ts', 'Usage: npm run org:create -- -a NAME [options]'],
    ['org/setup.ts', 'Usage: npm run org:setup -- [-o ALIAS] [options]'],
    ['org/seed.ts', 'Usage: npm run org:seed -- [-o ALIAS] [--dry-run]'],
    ['org/apex-tests.ts', 'Usage: npm run test:apex:org -- [-o ALIAS] [--min-coverage 90] [-d DIR]'],
    ['e2e/index.ts', 'Usage: npm run test:e2e -- [-o ALIAS] [--only ID,ID] [--timeout SECONDS]']
  ])('%s', async (script, usage) => {
    const ran = await runScript(script, ['-h']);
    expect(ran.code).toBe(0);
    expect(ran.stdout.split('\n')[0]).toBe(usage);
    expect(ran.stdout).toContain('-h, --help');
    expect(ran.stdout).toContain('--json');
    // --help says where the org comes from when -o is not given.
    expect(ran.stdout).toMatch(/SF_TARGET_(ORG|DEV_HUB)/);
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
      'error: No Dev Hub: pass -v/--target-dev-hub ALIAS, set SF_TARGET_DEV_HUB, or log in to one as the default with npx sf org login web --set-default-dev-hub --alias devhub.'
    ]);
  });

  it('org:seed and test:e2e without any login', async () => {
    const [seed, e2e] = await Promise.all([runScript('org/seed.ts', []), runScript('e2e/index.ts', [])]);
    for (const ran of [seed, e2e]) {
      expect(ran.code).toBe(1);
      expect(errorLines(ran)).toEqual([
        'error: No org given: pass -o/--target-org ALIAS (an sf CLI login), set SF_TARGET_ORG, make one the default (npx sf config set target-org ALIAS), or set SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME and SF_PRIVATE_KEY_PATH or SF_PRIVATE_KEY_BASE64 for a JWT login.'
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
    expect(ran.stdout).toMatch(/^registration: Customer registration\n {4}Data flow 1, Customer Registration: /);
  });

  it('a usage error ends with the usage text', async () => {
    const ran = await runScript('e2e/index.ts', ['--only', 'no-such-check']);
    expect(ran.code).toBe(1);
    expect(errorLines(ran)[0]).toMatch(/^error: unknown check: no-such-check \(known: registration, /);
  });

  it('test:e2e --only matches check ids in any letter case', async () => {
    const ran = await runScript('e2e/index.ts', ['--list', '--only', 'REGISTRATION,Rest-Retry']);
    expect(ran.code).toBe(0);
    expect(ran.stdout.split('\n').filter((line) => !line.startsWith(' '))).toEqual([
      'registration: Customer registration',
      'rest-retry: REST web service: a retry with the same idempotency key',
      ''
    ]);
  });

  it('numbers out of range are refused', async () => {
    const ran = await runScript('org/apex-tests.ts', ['-o', 'x', '--min-coverage', '150']);
    expect(ran.code).toBe(1);
    expect(errorLines(ran)).toEqual(['error: --min-coverage must be between 0 and 100, not 150']);
  });
});

describe("without -o every script uses the sf CLI's default org, found as the sf CLI finds it", () => {
  let configHome: string;

  beforeAll(() => {
    // `sf config set target-org fromconfig --global` writes this file.
    configHome = mkdtempSync(join(tmpdir(), 'org-scripts-config-'));
    mkdirSync(join(configHome, '.sf'));
    writeFileSync(join(configHome, '.sf', 'config.json'), JSON.stringify({ 'target-org': 'fromconfig' }));
  });

  afterAll(() => rmSync(configHome, { recursive: true, force: true }));

  const noLogin = (alias: string) =>
    `error: No sf CLI login is stored for "${alias}": log in first (npx sf org login web --alias ${alias}), or pass the alias or username of an org you logged in to.`;

  it.each([['org/setup.ts'], ['org/seed.ts'], ['org/apex-tests.ts'], ['e2e/index.ts']])(
    '%s: the target-org config, and SF_TARGET_ORG before it',
    async (script) => {
      const env = { HOME: configHome, SF_APP_CONTACT_EMAIL: 'admins@example.com' };
      const [fromConfig, fromEnv] = await Promise.all([
        runScript(script, [], cleanEnv(env)),
        runScript(script, [], cleanEnv({ ...env, SF_TARGET_ORG: 'fromenv' }))
      ]);
      expect(errorLines(fromConfig)).toEqual([noLogin('fromconfig')]);
      expect(errorLines(fromEnv)).toEqual([noLogin('fromenv')]);
    }
  );

  it('org:create: the Dev Hub from SF_TARGET_DEV_HUB', async () => {
    const ran = await runScript(
      'org/create.ts',
      ['-a', 'new-org'],
      cleanEnv({ SF_APP_CONTACT_EMAIL: 'admins@example.com', SF_TARGET_DEV_HUB: 'envhub' })
    );
    expect(errorLines(ran)).toEqual([noLogin('envhub')]);
  });
});

describe('--json: one document on stdout in the sf CLI shape, progress on stderr', () => {
  it('a failure: name, message, exitCode, status', async () => {
    const ran = await runScript('org/seed.ts', ['-o', 'nosuch', '--json']);
    expect(ran.code).toBe(1);
    expect(JSON.parse(ran.stdout)).toEqual({
      name: 'OrgConnectionError',
      message:
        'No sf CLI login is stored for "nosuch": log in first (npx sf org login web --alias nosuch), or pass the alias or username of an org you logged in to.',
      exitCode: 1,
      status: 1,
      warnings: []
    });
  });

  it('a usage error keeps its sentence, without the usage text', async () => {
    const ran = await runScript('e2e/index.ts', ['--json', '--bogus']);
    expect(ran.code).toBe(1);
    expect(JSON.parse(ran.stdout)).toMatchObject({ name: 'UsageError', message: 'unknown argument "--bogus"' });
  });

  it('a success: status 0 and the result', async () => {
    const ran = await runScript('e2e/index.ts', ['--list', '--json', '--only', 'registration']);
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual({
      status: 0,
      result: [{ id: 'registration', title: 'Customer registration', proves: expect.stringMatching(/^Data flow 1/) }],
      warnings: []
    });
  });

  it('org:setup: the steps so far go to stderr, the failure to stdout', async () => {
    const ran = await runScript('org/setup.ts', ['-o', 'nosuch', '--check-only', '--json']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('[1/2] Connecting to the org...');
    expect(JSON.parse(ran.stdout)).toMatchObject({
      name: 'StepFailed',
      exitCode: 1,
      result: { targetOrg: 'nosuch', org: null, steps: [{ title: 'Connecting to the org', status: 'failed' }] }
    });
  });
});

describe('test:apex:org and its old name', () => {
  it('org:test:apex still runs the command, with a deprecation notice', async () => {
    const ran = await runScript(
      'org/apex-tests.ts',
      ['-o', 'nosuch'],
      cleanEnv({ npm_lifecycle_event: 'org:test:apex' })
    );
    expect(ran.stderr).toContain(
      'warning: npm run org:test:apex is deprecated and will be removed in the next release: use npm run test:apex:org.'
    );
    expect(errorLines(ran)).toHaveLength(1);
    const current = await runScript(
      'org/apex-tests.ts',
      ['-o', 'nosuch'],
      cleanEnv({ npm_lifecycle_event: 'test:apex:org' })
    );
    expect(current.stderr).not.toContain('deprecated');
  });
});
