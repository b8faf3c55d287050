import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthInfo, Connection, StateAggregator } from '@salesforce/core';
import { UsageError } from './cli';
import { ConfiguredValue, givenFlag, OrgConfigReader } from './target-org';

/** The portal's login variables (seed 000, "Environment Variables (Portal)"). */
export const JWT_VARIABLES = [
  'SF_LOGIN_URL',
  'SF_CLIENT_ID',
  'SF_USERNAME',
  'SF_PRIVATE_KEY_PATH',
  'SF_PRIVATE_KEY_BASE64'
] as const;

export type PrivateKeySource = { kind: 'file'; path: string } | { kind: 'base64'; value: string };

/** Which org to use and how to log in to it. */
export type OrgTarget =
  | { kind: 'stored'; aliasOrUsername: string }
  | { kind: 'jwt'; loginUrl: string; clientId: string; username: string; privateKey: PrivateKeySource };

/** A connection that answered, with the facts the scripts decide on. */
export interface OrgSession {
  connection: Connection;
  username: string;
  orgId: string;
  instanceUrl: string;
  /** How to name the org in messages: the alias or username given, never a secret. */
  label: string;
}

/** A failed login or an unreachable org: one sentence for the user, no stack trace. */
export class OrgConnectionError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'OrgConnectionError';
  }
}

const NO_TARGET =
  'No org given: pass -o/--target-org ALIAS (an sf CLI login), set SF_TARGET_ORG, make one the default ' +
  '(npx sf config set target-org ALIAS), or set SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME and SF_PRIVATE_KEY_PATH or ' +
  'SF_PRIVATE_KEY_BASE64 for a JWT login.';

/**
 * Decides how to reach the org, environment before files as in the sf CLI: an explicit --target-org (an alias or
 * username of an sf CLI login) wins; then SF_TARGET_ORG; then the portal's JWT variables, all of them; then the sf
 * CLI's target-org config; otherwise a UsageError that says what is missing. `configured` is what the sf CLI's
 * configuration holds (see target-org.ts). Reads no file, so it is pure; the key is read when connecting.
 */
export function resolveOrgTarget(
  targetOrg: string | undefined,
  env: NodeJS.ProcessEnv,
  configured?: ConfiguredValue
): OrgTarget {
  const flag = givenFlag(targetOrg);
  if (flag !== undefined) {
    return { kind: 'stored', aliasOrUsername: flag };
  }
  if (configured !== undefined && configured.source === 'SF_TARGET_ORG') {
    return { kind: 'stored', aliasOrUsername: configured.value };
  }
  const value = (name: (typeof JWT_VARIABLES)[number]): string | undefined => {
    const text = env[name]?.trim();
    return text === undefined || text === '' ? undefined : text;
  };
  const present = JWT_VARIABLES.filter((name) => value(name) !== undefined);
  if (present.length === 0) {
    if (configured !== undefined) {
      return { kind: 'stored', aliasOrUsername: configured.value };
    }
    throw new UsageError(NO_TARGET);
  }
  const missing: string[] = (['SF_LOGIN_URL', 'SF_CLIENT_ID', 'SF_USERNAME'] as const).filter(
    (name) => value(name) === undefined
  );
  const keyPath = value('SF_PRIVATE_KEY_PATH');
  const keyBase64 = value('SF_PRIVATE_KEY_BASE64');
  if (keyPath === undefined && keyBase64 === undefined) {
    missing.push('SF_PRIVATE_KEY_PATH or SF_PRIVATE_KEY_BASE64');
  }
  if (missing.length > 0) {
    throw new UsageError(
      `The JWT login needs ${joinWords(missing)}, which ${missing.length === 1 ? 'is' : 'are'} not set ` +
        `(set: ${present.join(', ')}); or pass --target-org ALIAS instead.`
    );
  }
  if (keyPath !== undefined && keyBase64 !== undefined) {
    throw new UsageError('Set SF_PRIVATE_KEY_PATH or SF_PRIVATE_KEY_BASE64, not both.');
  }
  const loginUrl = value('SF_LOGIN_URL') ?? '';
  if (!/^https?:\/\/[^\s/]+/.test(loginUrl)) {
    throw new UsageError(
      `SF_LOGIN_URL must be a URL such as https://login.salesforce.com or https://test.salesforce.com, not "${loginUrl}".`
    );
  }
  return {
    kind: 'jwt',
    loginUrl: loginUrl.replace(/\/+$/, ''),
    clientId: value('SF_CLIENT_ID') ?? '',
    username: value('SF_USERNAME') ?? '',
    privateKey: keyPath !== undefined ? { kind: 'file', path: keyPath } : { kind: 'base64', value: keyBase64 ?? '' }
  };
}

/** resolveOrgTarget with the sf CLI's configuration read only when no flag names the org. */
export async function findOrgTarget(
  targetOrg: string | undefined,
  env: NodeJS.ProcessEnv,
  read: OrgConfigReader
): Promise<OrgTarget> {
  const configured = givenFlag(targetOrg) === undefined ? await read('target-org') : undefined;
  return resolveOrgTarget(targetOrg, env, configured);
}

/** How an org target appears in messages. */
export function describeTarget(target: OrgTarget): string {
  return target.kind === 'stored' ? `"${target.aliasOrUsername}"` : `${target.username} at ${target.loginUrl}`;
}

/**
 * Logs in and checks that the org answers. Every failure becomes an OrgConnectionError with one sentence.
 * A base64 key is written to a temporary file (mode 0600) because @salesforce/core reads the key from a file, and
 * deleted as soon as the login is done, whatever happened.
 */
export async function connectToOrg(target: OrgTarget, apiVersion: string): Promise<OrgSession> {
  try {
    const authInfo =
      target.kind === 'stored' ? await storedAuthInfo(target.aliasOrUsername) : await jwtAuthInfo(target);
    const connection = await Connection.create({ authInfo, connectionOptions: { version: apiVersion } });
    // A cheap call that needs a valid session: a stale stored login fails here, not in the middle of the work.
    await connection.query('SELECT Id FROM Organization');
    const fields = authInfo.getFields();
    return {
      connection,
      username: fields.username ?? authInfo.getUsername(),
      orgId: fields.orgId ?? '',
      instanceUrl: connection.instanceUrl,
      label: target.kind === 'stored' ? target.aliasOrUsername : target.username
    };
  } catch (cause) {
    if (cause instanceof OrgConnectionError) {
      throw cause;
    }
    throw new OrgConnectionError(describeConnectionFailure(cause, target));
  }
}

async function storedAuthInfo(aliasOrUsername: string): Promise<AuthInfo> {
  const state = await StateAggregator.getInstance();
  const username = state.aliases.resolveUsername(aliasOrUsername);
  if (!(await state.orgs.exists(username))) {
    throw new OrgConnectionError(
      `No sf CLI login is stored for "${aliasOrUsername}": log in first ` +
        `(npx sf org login web --alias ${aliasOrUsername}), or pass the alias or username of an org you logged in to.`
    );
  }
  return AuthInfo.create({ username });
}

async function jwtAuthInfo(target: Extract<OrgTarget, { kind: 'jwt' }>): Promise<AuthInfo> {
  let keyFile: string;
  let temporary = false;
  if (target.privateKey.kind === 'file') {
    keyFile = target.privateKey.path;
    if (!existsSync(keyFile)) {
      throw new OrgConnectionError(`SF_PRIVATE_KEY_PATH names ${keyFile}, which does not exist.`);
    }
  } else {
    const pem = Buffer.from(target.privateKey.value, 'base64').toString('utf8');
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
      throw new OrgConnectionError('SF_PRIVATE_KEY_BASE64 does not decode to a PEM private key (base64 -w0 key.pem).');
    }
    keyFile = join(tmpdir(), `sf-jwt-${randomUUID()}.key`);
    await writeFile(keyFile, pem, { mode: 0o600 });
    temporary = true;
  }
  try {
    return await AuthInfo.create({
      username: target.username,
      oauth2Options: { clientId: target.clientId, loginUrl: target.loginUrl, privateKeyFile: keyFile }
    });
  } finally {
    if (temporary) {
      await rm(keyFile, { force: true });
    }
  }
}

/**
 * One sentence for a failed login or connection, from the error's code and message. The message of a library error
 * can be long and multi-line: only the useful first line is kept, and anything that looks like an access token is
 * masked, so nothing secret reaches the terminal or a CI log.
 */
export function describeConnectionFailure(cause: unknown, target: OrgTarget): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  const name = cause instanceof Error ? cause.name : '';
  const where = target.kind === 'stored' ? `the org ${describeTarget(target)}` : target.loginUrl;
  const text = `${code} ${name} ${message}`;
  if (/ECONNREFUSED/.test(text)) {
    return `Cannot reach ${where}: the connection was refused.`;
  }
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(text)) {
    return `Cannot reach ${where}: its host name does not resolve (no network, or a wrong URL).`;
  }
  if (/ETIMEDOUT|ESOCKETTIMEDOUT|timed? ?out/i.test(text)) {
    return `Cannot reach ${where}: the connection timed out.`;
  }
  // Node's fetch reports every network failure as "fetch failed", and the JWT flow keeps only that text.
  if (/fetch failed|ECONNRESET|socket hang up/i.test(text)) {
    return `Cannot reach ${where}: no answer (no network, a wrong URL, or the server is down).`;
  }
  if (target.kind === 'jwt' && /JwtAuthError|invalid_grant|invalid_client|user hasn't approved|JWT/i.test(text)) {
    return `The JWT login of ${target.username} at ${target.loginUrl} failed: ${salesforceReason(message)}.`;
  }
  if (/INVALID_SESSION_ID|expired|RefreshTokenAuthError|invalid_grant/i.test(text)) {
    return (
      `The stored login for ${describeTarget(target)} has expired or was revoked: log in again ` +
      `(npx sf org login web --alias ${target.kind === 'stored' ? target.aliasOrUsername : 'ALIAS'}).`
    );
  }
  return `Connecting to ${where} failed: ${salesforceReason(message)}.`;
}

/**
 * The library's own reason. @salesforce/core's JWT error says "Error authenticating with JWT." and lists, after
 * "Errors encountered:", what each login URL answered (the token library's "secretOrPrivateKey must be an
 * asymmetric key when using RS256", or Salesforce's invalid_grant): those lines, once each, are the reason.
 */
export function salesforceReason(message: string): string {
  const [, listed] = message.split(/Errors encountered:\s*/);
  const reasons =
    listed === undefined
      ? [firstLine(message)]
      : [...new Set(listed.split('\n').map((line) => line.replace(/\s+\[audience=.*$/, '').trim()))].filter(Boolean);
  return mask(reasons.join('; ')).replace(/[.\s]+$/, '');
}

function firstLine(message: string): string {
  const line = message.split('\n').find((text) => text.trim() !== '') ?? 'unknown error';
  return mask(line.trim());
}

// Salesforce access tokens and session ids start with the org id and an exclamation mark.
function mask(text: string): string {
  return text.replace(/00D[A-Za-z0-9]{12,15}![A-Za-z0-9._-]+/g, '00D…!***');
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
