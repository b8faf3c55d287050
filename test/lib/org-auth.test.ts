import { UsageError } from '../../scripts/lib/cli';
import { describeConnectionFailure, findOrgTarget, OrgTarget, resolveOrgTarget } from '../../scripts/lib/org-auth';

const JWT = {
  SF_LOGIN_URL: 'https://test.salesforce.com/',
  SF_CLIENT_ID: '3MVG9-consumer-key',
  SF_USERNAME: 'integration.user@company.com',
  SF_PRIVATE_KEY_PATH: '/secrets/portal-jwt.key'
};

describe('resolveOrgTarget', () => {
  it('uses --target-org as an sf CLI login, even when the JWT variables are set', () => {
    expect(resolveOrgTarget(' dev ', JWT)).toEqual({ kind: 'stored', aliasOrUsername: 'dev' });
  });

  it("logs in with the portal's JWT variables, a key file or a base64 key", () => {
    expect(resolveOrgTarget(undefined, JWT)).toEqual({
      kind: 'jwt',
      loginUrl: 'https://test.salesforce.com',
      clientId: '3MVG9-consumer-key',
      username: 'integration.user@company.com',
      privateKey: { kind: 'file', path: '/secrets/portal-jwt.key' }
    });
    const base64 = { ...JWT, SF_PRIVATE_KEY_PATH: '', SF_PRIVATE_KEY_BASE64: 'LS0tLS1CRUdJTg==' };
    expect(resolveOrgTarget(undefined, base64)).toMatchObject({
      privateKey: { kind: 'base64', value: 'LS0tLS1CRUdJTg==' }
    });
  });

  it.each([
    [
      {},
      'No org given: pass -o/--target-org ALIAS (an sf CLI login), set SF_TARGET_ORG, make one the default (npx sf config set target-org ALIAS), or set SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME and SF_PRIVATE_KEY_PATH or SF_PRIVATE_KEY_BASE64 for a JWT login.'
    ],
    [
      { SF_LOGIN_URL: JWT.SF_LOGIN_URL, SF_PRIVATE_KEY_PATH: JWT.SF_PRIVATE_KEY_PATH },
      'The JWT login needs SF_CLIENT_ID and SF_USERNAME, which are not set (set: SF_LOGIN_URL, SF_PRIVATE_KEY_PATH); or pass --target-org ALIAS instead.'
    ],
    [
      { ...JWT, SF_PRIVATE_KEY_PATH: undefined },
      'The JWT login needs SF_PRIVATE_KEY_PATH or SF_PRIVATE_KEY_BASE64, which is not set'
    ],
    [{ ...JWT, SF_PRIVATE_KEY_BASE64: 'abc' }, 'Set SF_PRIVATE_KEY_PATH or SF_PRIVATE_KEY_BASE64, not both.'],
    [
      { ...JWT, SF_LOGIN_URL: 'login.salesforce.com' },
      'SF_LOGIN_URL must be a URL such as https://login.salesforce.com'
    ]
  ])('refuses %j with one sentence', (env, message) => {
    const resolve = () => resolveOrgTarget(undefined, env);
    expect(resolve).toThrow(UsageError);
    expect(resolve).toThrow(message);
  });

  it('falls back in the sf CLI order: flag, SF_TARGET_ORG, the JWT variables, then the target-org config', () => {
    const fromEnv = { value: 'env-org', source: 'SF_TARGET_ORG' };
    const fromConfig = { value: 'config-org', source: 'global config' };
    expect(resolveOrgTarget('flag-org', JWT, fromEnv)).toEqual({ kind: 'stored', aliasOrUsername: 'flag-org' });
    expect(resolveOrgTarget(undefined, JWT, fromEnv)).toEqual({ kind: 'stored', aliasOrUsername: 'env-org' });
    expect(resolveOrgTarget(undefined, JWT, fromConfig)).toMatchObject({ kind: 'jwt' });
    expect(resolveOrgTarget(undefined, {}, fromConfig)).toEqual({ kind: 'stored', aliasOrUsername: 'config-org' });
  });

  it('reads the configuration only when no flag names the org', async () => {
    const keys: string[] = [];
    const read = async (key: string) => {
      keys.push(key);
      return { value: 'config-org', source: 'local config' };
    };
    await expect(findOrgTarget('dev', {}, read)).resolves.toEqual({ kind: 'stored', aliasOrUsername: 'dev' });
    expect(keys).toEqual([]);
    await expect(findOrgTarget(undefined, {}, read)).resolves.toEqual({
      kind: 'stored',
      aliasOrUsername: 'config-org'
    });
    expect(keys).toEqual(['target-org']);
  });

  it('never puts a key into its messages', () => {
    const secret = 'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t';
    expect(() => resolveOrgTarget(undefined, { ...JWT, SF_PRIVATE_KEY_BASE64: secret })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(secret) })
    );
  });
});

describe('describeConnectionFailure', () => {
  const stored: OrgTarget = { kind: 'stored', aliasOrUsername: 'dev' };
  const jwt = resolveOrgTarget(undefined, JWT);
  const error = (message: string, name = 'Error', code?: string) => Object.assign(new Error(message), { name, code });

  it.each([
    [
      error('connect ECONNREFUSED 127.0.0.1:9', 'Error', 'ECONNREFUSED'),
      stored,
      'Cannot reach the org "dev": the connection was refused.'
    ],
    [
      error('getaddrinfo ENOTFOUND x.my.salesforce.com'),
      stored,
      'Cannot reach the org "dev": its host name does not resolve (no network, or a wrong URL).'
    ],
    [
      error('Error authenticating with JWT.\nErrors encountered:\nfetch failed\nfetch failed', 'JwtAuthError'),
      jwt,
      'Cannot reach https://test.salesforce.com: no answer (no network, a wrong URL, or the server is down).'
    ],
    [
      error(
        "Error authenticating with JWT.\nErrors encountered:\ninvalid_grant: user hasn't approved this consumer",
        'JwtAuthError'
      ),
      jwt,
      "The JWT login of integration.user@company.com at https://test.salesforce.com failed: invalid_grant: user hasn't approved this consumer."
    ],
    [
      error('INVALID_SESSION_ID: Session expired or invalid'),
      stored,
      'The stored login for "dev" has expired or was revoked: log in again (npx sf org login web --alias dev).'
    ],
    [error('Something odd\nwith a second line'), stored, 'Connecting to the org "dev" failed: Something odd.'],
    [
      // @salesforce/core's JWT error with what each login URL answered: the token library's reason is kept, once.
      error(
        'Error authenticating with JWT.\nErrors encountered:\nsecretOrPrivateKey must be an asymmetric key when using RS256\nsecretOrPrivateKey must be an asymmetric key when using RS256  [audience=https://test.salesforce.com login=https://test.salesforce.com]',
        'JwtAuthError'
      ),
      jwt,
      'The JWT login of integration.user@company.com at https://test.salesforce.com failed: secretOrPrivateKey must be an asymmetric key when using RS256.'
    ]
  ])('%s', (cause, target, sentence) => {
    expect(describeConnectionFailure(cause, target)).toBe(sentence);
  });

  it('masks anything that looks like an access token', () => {
    const message = describeConnectionFailure(error('bad token 00D5g000004ABCD!AQ8AQHk.secret.part in header'), stored);
    expect(message).toBe('Connecting to the org "dev" failed: bad token 00D…!*** in header.');
  });
});
