import { ConfigAggregator, OrgConfigProperties } from '@salesforce/core';

/** The two sf CLI config variables the org scripts read. */
export type OrgConfigKey = 'target-org' | 'target-dev-hub';

/** A value found in the sf CLI's configuration, and where (for messages: "from SF_TARGET_ORG"). */
export interface ConfiguredValue {
  value: string;
  /** `SF_TARGET_ORG`, `local config` or `global config`. */
  source: string;
}

/** Reads one sf CLI config variable; tests pass a fake one. */
export type OrgConfigReader = (key: OrgConfigKey) => Promise<ConfiguredValue | undefined>;

const ENV_NAMES: Record<OrgConfigKey, string> = {
  'target-org': 'SF_TARGET_ORG',
  'target-dev-hub': 'SF_TARGET_DEV_HUB'
};

/**
 * The sf CLI's own lookup (`@salesforce/core`'s ConfigAggregator, as `sf` commands use it): the environment variable
 * (`SF_TARGET_ORG`, `SF_TARGET_DEV_HUB`) wins over the project's `.sf/config.json`, which wins over the global one
 * in the home directory. `sf config set target-org` and `org:create --set-default` write these files.
 */
export const sfConfigReader: OrgConfigReader = async (key) => {
  const config = await ConfigAggregator.create();
  const property = key === 'target-org' ? OrgConfigProperties.TARGET_ORG : OrgConfigProperties.TARGET_DEV_HUB;
  const info = config.getInfo(property);
  const value = typeof info.value === 'string' ? info.value.trim() : '';
  if (value === '') {
    return undefined;
  }
  const source = info.isEnvVar() ? ENV_NAMES[key] : info.isLocal() ? 'local config' : 'global config';
  return { value, source };
};

/** A flag value that is present and not blank. */
export function givenFlag(flag: string | undefined): string | undefined {
  const value = flag?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The org a command works on, in the sf CLI's order: the flag, then the environment variable, then the config.
 * Undefined when none names one; the caller says what to do.
 */
export async function resolveConfiguredOrg(
  flag: string | undefined,
  key: OrgConfigKey,
  read: OrgConfigReader
): Promise<ConfiguredValue | undefined> {
  const given = givenFlag(flag);
  if (given !== undefined) {
    return { value: given, source: key === 'target-org' ? '--target-org' : '--target-dev-hub' };
  }
  return read(key);
}

/** The sentence for "no org": every way to name one, as the sf CLI accepts them. */
export function noTargetOrgMessage(): string {
  return (
    'No org given: pass -o/--target-org ALIAS, set SF_TARGET_ORG, or make one the default ' +
    '(npx sf config set target-org ALIAS).'
  );
}

export function noDevHubMessage(): string {
  return (
    'No Dev Hub: pass -v/--target-dev-hub ALIAS, set SF_TARGET_DEV_HUB, or log in to one as the default with ' +
    'npx sf org login web --set-default-dev-hub --alias devhub.'
  );
}
