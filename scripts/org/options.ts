import { resolve } from 'node:path';
import { FlagDefinitions, formatUsage, parseFlags } from '../lib/args';
import { UsageError } from '../lib/cli';
import { noTargetOrgMessage, OrgConfigReader, resolveConfiguredOrg } from '../lib/target-org';
import { DEVELOPER_PERMISSION_SETS } from './permission-sets';
import { OrgScriptOptions } from './steps';

/** The project the scripts work on: two levels above scripts/org. */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');

const TEST_LEVELS = ['NoTestRun', 'RunLocalTests', 'RunAllTestsInOrg'];

const SHARED_FLAGS = {
  validate: {
    kind: 'boolean',
    description: 'validate the deploy with RunLocalTests first (sf project deploy validate)'
  },
  'test-level': {
    kind: 'string',
    char: 'l',
    valueName: 'LEVEL',
    description: `Apex tests the deploy runs: ${TEST_LEVELS.join(', ')} (default: the org's default)`
  },
  wait: {
    kind: 'number',
    char: 'w',
    valueName: 'MINUTES',
    description: 'how long a deploy may take, 1-1440 (default 60)',
    min: 1,
    max: 1440
  },
  'skip-seed': { kind: 'boolean', description: 'do not seed data' },
  'permission-sets': {
    kind: 'list',
    valueName: 'A,B',
    description: `permission sets to assign to the user (default ${DEVELOPER_PERMISSION_SETS.join(', ')})`
  }
} as const satisfies FlagDefinitions;

/** Every org script's --json and --help, as the sf CLI has them. */
export const COMMON_FLAGS = {
  json: {
    kind: 'boolean',
    description: "print one JSON document in the sf CLI's shape on stdout (progress goes to stderr)"
  },
  help: { kind: 'boolean', char: 'h', description: 'print this text' }
} as const satisfies FlagDefinitions;

/** -o/--target-org as in the sf CLI, with its fallbacks spelled out. */
export const TARGET_ORG_FLAG = {
  'target-org': {
    kind: 'string',
    char: 'o',
    valueName: 'ALIAS',
    description: "alias or username of an sf CLI login (default: SF_TARGET_ORG, then the sf CLI's target-org config)"
  }
} as const satisfies FlagDefinitions;

const SETUP_FLAGS = {
  ...TARGET_ORG_FLAG,
  ...SHARED_FLAGS,
  'allow-production': {
    kind: 'boolean',
    description: 'allow a production org (value sets replace its picklists; seeding adds test data)'
  },
  'check-only': {
    kind: 'boolean',
    description: 'only check the org (Orders, flow activation, picklist values in use), deploy nothing'
  },
  'allow-value-set-changes': {
    kind: 'boolean',
    description: "deploy even though the project's standard value sets drop picklist values that records use"
  },
  ...COMMON_FLAGS
} as const satisfies FlagDefinitions;

const CREATE_FLAGS = {
  alias: { kind: 'string', char: 'a', valueName: 'NAME', description: 'alias of the new scratch org (required)' },
  'target-dev-hub': {
    kind: 'string',
    char: 'v',
    valueName: 'ALIAS',
    description: "the Dev Hub (default: SF_TARGET_DEV_HUB, then the sf CLI's target-dev-hub config)"
  },
  'duration-days': {
    kind: 'number',
    char: 'y',
    valueName: 'DAYS',
    description: 'days until the scratch org expires, 1-30 (default 7)',
    min: 1,
    max: 30
  },
  'set-default': { kind: 'boolean', char: 'd', description: "make the new org the sf CLI's default org" },
  ...SHARED_FLAGS,
  ...COMMON_FLAGS
} as const satisfies FlagDefinitions;

export const SETUP_USAGE = formatUsage(
  'npm run org:setup -- [-o ALIAS] [options]',
  'Sets up an existing org (a scratch org or a sandbox): checks the project and the org (Orders enabled, flows\n' +
    'deploy as active, picklist values in use that the standard value sets would drop), deploys the org settings\n' +
    '(not for scratch orgs) and the project, assigns the permission sets, seeds data. Stops at the first failure.',
  SETUP_FLAGS
);

export const CREATE_USAGE = formatUsage(
  'npm run org:create -- -a NAME [options]',
  'Creates a scratch org from config/project-scratch-def.json, deploys the project, assigns the permission sets,\n' +
    'seeds data and prints how to log in. Needs a Dev Hub login; SF_APP_CONTACT_EMAIL and SF_JWT_CERT_PEM are optional (see the README).',
  CREATE_FLAGS
);

function sharedOptions(
  flags: {
    validate: boolean;
    'test-level': string | undefined;
    wait: number | undefined;
    'skip-seed': boolean;
    'permission-sets': string[];
  },
  usage: string
) {
  const testLevel = flags['test-level'];
  if (testLevel !== undefined && !TEST_LEVELS.includes(testLevel)) {
    throw new UsageError(`--test-level must be one of ${TEST_LEVELS.join(', ')}, not "${testLevel}"\n\n${usage}`);
  }
  return {
    validate: flags.validate,
    testLevel,
    waitMinutes: flags.wait ?? 60,
    seed: !flags['skip-seed'],
    permissionSets: flags['permission-sets'].length > 0 ? flags['permission-sets'] : [...DEVELOPER_PERMISSION_SETS]
  };
}

/**
 * org:setup's options, or `help` when the usage is asked for. The org is -o/--target-org, else SF_TARGET_ORG, else
 * the sf CLI's target-org config (read through `readConfig`).
 */
export async function parseSetupOptions(
  argv: string[],
  readConfig: OrgConfigReader
): Promise<OrgScriptOptions | 'help'> {
  const flags = parseFlags(argv, SETUP_FLAGS, SETUP_USAGE);
  if (flags.help) {
    return 'help';
  }
  const options = sharedOptions(flags, SETUP_USAGE);
  const target = await resolveConfiguredOrg(flags['target-org'], 'target-org', readConfig);
  if (target === undefined) {
    throw new UsageError(noTargetOrgMessage());
  }
  return {
    ...options,
    targetOrg: target.value,
    targetSource: target.source,
    durationDays: 0,
    setDefault: false,
    allowProduction: flags['allow-production'],
    checkOnly: flags['check-only'],
    allowValueSetChanges: flags['allow-value-set-changes']
  };
}

/** org:create's options, or `help`. */
export function parseCreateOptions(argv: string[]): OrgScriptOptions | 'help' {
  const flags = parseFlags(argv, CREATE_FLAGS, CREATE_USAGE);
  if (flags.help) {
    return 'help';
  }
  const alias = flags.alias;
  if (alias === undefined) {
    throw new UsageError(`--alias is required: the name of the new scratch org\n\n${CREATE_USAGE}`);
  }
  const days = flags['duration-days'] ?? 7;
  return {
    ...sharedOptions(flags, CREATE_USAGE),
    targetOrg: alias,
    devHub: flags['target-dev-hub'],
    durationDays: days,
    setDefault: flags['set-default'],
    allowProduction: false,
    checkOnly: false,
    // A new scratch org has no records whose picklist values the project's value sets could drop.
    allowValueSetChanges: true
  };
}
