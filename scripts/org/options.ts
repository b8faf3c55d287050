import { resolve } from 'node:path';
import { FlagDefinitions, formatUsage, parseFlags } from '../lib/args';
import { UsageError } from '../lib/cli';
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
    valueName: 'LEVEL',
    description: `Apex tests the deploy runs: ${TEST_LEVELS.join(', ')} (default: the org's default)`
  },
  wait: { kind: 'number', valueName: 'MINUTES', description: 'how long a deploy may take (default 60)' },
  'skip-seed': { kind: 'boolean', description: 'do not seed data' },
  'permission-sets': {
    kind: 'list',
    valueName: 'A,B',
    description: `permission sets to assign to the user (default ${DEVELOPER_PERMISSION_SETS.join(', ')})`
  }
} as const satisfies FlagDefinitions;

const HELP_FLAG = { help: { kind: 'boolean', description: 'print this text' } } as const satisfies FlagDefinitions;

const SETUP_FLAGS = {
  'target-org': { kind: 'string', valueName: 'ALIAS', description: 'alias or username of an sf CLI login (required)' },
  ...SHARED_FLAGS,
  'allow-production': {
    kind: 'boolean',
    description: 'allow a production org (value sets replace its picklists; seeding adds test data)'
  },
  ...HELP_FLAG
} as const satisfies FlagDefinitions;

const CREATE_FLAGS = {
  alias: { kind: 'string', valueName: 'NAME', description: 'alias of the new scratch org (required)' },
  'target-dev-hub': {
    kind: 'string',
    valueName: 'ALIAS',
    description: "the Dev Hub (default: the sf CLI's target-dev-hub)"
  },
  'duration-days': {
    kind: 'number',
    valueName: 'DAYS',
    description: 'days until the scratch org expires, 1-30 (default 7)'
  },
  'set-default': { kind: 'boolean', description: "make the new org the sf CLI's default org" },
  ...SHARED_FLAGS,
  ...HELP_FLAG
} as const satisfies FlagDefinitions;

export const SETUP_USAGE = formatUsage(
  'npm run org:setup -- --target-org ALIAS [options]',
  'Sets up an existing org (a scratch org or a sandbox): checks the project, deploys the org settings (not for\n' +
    'scratch orgs) and the project, assigns the permission sets, seeds data. Stops at the first failure.',
  SETUP_FLAGS
);

export const CREATE_USAGE = formatUsage(
  'npm run org:create -- --alias NAME [options]',
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

/** org:setup's options, or `help` when the usage is asked for. */
export function parseSetupOptions(argv: string[]): OrgScriptOptions | 'help' {
  const flags = parseFlags(argv, SETUP_FLAGS, SETUP_USAGE);
  if (flags.help) {
    return 'help';
  }
  const targetOrg = flags['target-org'];
  if (targetOrg === undefined) {
    throw new UsageError(`--target-org is required: the alias or username of an sf CLI login\n\n${SETUP_USAGE}`);
  }
  return {
    ...sharedOptions(flags, SETUP_USAGE),
    targetOrg,
    durationDays: 0,
    setDefault: false,
    allowProduction: flags['allow-production']
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
  if (days < 1 || days > 30) {
    throw new UsageError(`--duration-days must be between 1 and 30, not ${days}\n\n${CREATE_USAGE}`);
  }
  return {
    ...sharedOptions(flags, CREATE_USAGE),
    targetOrg: alias,
    devHub: flags['target-dev-hub'],
    durationDays: days,
    setDefault: flags['set-default'],
    allowProduction: false
  };
}
