import { StateAggregator } from '@salesforce/core';
import { OrgApi, orgApiOf } from '../lib/org-api';
import { connectToOrg, OrgTarget } from '../lib/org-auth';
import { Step, StepFailure, StepReport } from '../lib/progress';
import { withRetries } from '../lib/retry';
import { deployedComponentCount, describeDeployProblems, SfOutcome, SfRunner } from '../lib/sf-cli';
import { noDevHubMessage, OrgConfigReader, sfConfigReader } from '../lib/target-org';
import { OrgFacts, readOrgFacts, refusalForProduction } from './org-facts';
import {
  ORG_SETTINGS_DIR,
  projectValueSets,
  readinessFindings,
  ReadinessFinding,
  readOrgSettings,
  SettingsReader,
  valuesInUseThatWouldBeDropped
} from './org-readiness';
import { assignPermissionSets } from './permission-sets';
import { prepareProject, productionSourceDirs, projectApiVersion } from './project-check';
import { formatSeedOutcome, runSeed, SeedError, SeedOutcome } from './seed/apply';
import { SEED_BATCHES } from './seed/seed-data';
import { orgSeedStore } from './seed/store';

/** An org the scripts are connected to. */
export interface ConnectedOrg {
  label: string;
  username: string;
  instanceUrl: string;
  api: OrgApi;
  facts: OrgFacts;
  /** Reads an org settings component with the Metadata API. */
  readSettings: SettingsReader;
}

/** What the steps need from the outside world; tests replace every part. */
export interface OrgScriptDeps {
  projectRoot: string;
  env: NodeJS.ProcessEnv;
  sf: SfRunner;
  openOrg(target: OrgTarget): Promise<ConnectedOrg>;
  /** The username an alias already names, if any. */
  aliasOwner(alias: string): Promise<string | undefined>;
  /** The sf CLI's default Dev Hub (target-dev-hub), if set. */
  defaultDevHub(): Promise<string | undefined>;
}

export interface OrgScriptOptions {
  /** Alias or username of the org to set up (org:setup), or the alias of the new scratch org (org:create). */
  targetOrg: string;
  devHub?: string;
  durationDays: number;
  setDefault: boolean;
  validate: boolean;
  testLevel?: string;
  waitMinutes: number;
  seed: boolean;
  permissionSets: readonly string[];
  allowProduction: boolean;
  /** Where the org's name came from: --target-org, SF_TARGET_ORG or the sf CLI's config (org:setup). */
  targetSource?: string;
  /** Check the org and deploy nothing (org:setup --check-only). */
  checkOnly: boolean;
  /** Deploy even though records use picklist values the project's value sets drop. */
  allowValueSetChanges: boolean;
}

/** Shared by the steps of one run: what earlier steps found out. */
export interface OrgScriptRun {
  deps: OrgScriptDeps;
  options: OrgScriptOptions;
  org?: ConnectedOrg;
  /** What the org check found (org settings and picklist values), for the steps after it and the JSON result. */
  readiness?: { findings: ReadinessFinding[]; deploysOrgSettings: boolean };
  /** Warnings for the JSON result. */
  warnings?: string[];
}

/** Opens an org: a stored sf CLI login or a JWT login, with retries of the platform's transient errors. */
export async function openConnectedOrg(
  target: OrgTarget,
  apiVersion: string,
  log: (line: string) => void
): Promise<ConnectedOrg> {
  const session = await connectToOrg(target, apiVersion);
  const api = withRetries(orgApiOf(session.connection, session.username), { log });
  return {
    label: session.label,
    username: session.username,
    instanceUrl: session.instanceUrl,
    api,
    facts: await readOrgFacts(api),
    readSettings: (type, fullName) => session.connection.metadata.read(type, fullName)
  };
}

/** The real outside world; `log` takes progress lines such as retries. */
export function realDeps(
  projectRoot: string,
  sf: SfRunner,
  log: (line: string) => void,
  readConfig: OrgConfigReader = sfConfigReader
): OrgScriptDeps {
  const apiVersion = projectApiVersion(projectRoot);
  return {
    projectRoot,
    env: process.env,
    sf,
    openOrg: (target) => openConnectedOrg(target, apiVersion, log),
    async aliasOwner(alias) {
      const state = await StateAggregator.getInstance();
      return state.aliases.getUsername(alias) ?? undefined;
    },
    async defaultDevHub() {
      return (await readConfig('target-dev-hub'))?.value;
    }
  };
}

function connected(run: OrgScriptRun): ConnectedOrg {
  if (run.org === undefined) {
    throw new Error('no org is connected yet');
  }
  return run.org;
}

/** Fails the step with the command's message and its problems (component errors, failed tests). */
function requireSuccess(outcome: SfOutcome, sentence: string): Extract<SfOutcome, { ok: true }> {
  if (!outcome.ok) {
    throw new StepFailure(
      `${sentence}: ${outcome.message.replace(/[.\s]+$/, '')}.`,
      describeDeployProblems(outcome.result)
    );
  }
  return outcome;
}

const checkProject: Step<OrgScriptRun> = {
  title: 'Checking the project (deploy-time variables, JWT app settings)',
  run: (run) => prepareProject(run.deps.projectRoot, run.deps.env)
};

async function connectTo(run: OrgScriptRun, aliasOrUsername: string): Promise<ConnectedOrg> {
  const org = await run.deps.openOrg({ kind: 'stored', aliasOrUsername });
  const refusal = run.options.allowProduction
    ? undefined
    : refusalForProduction(
        org.facts,
        aliasOrUsername,
        'this script deploys value sets that replace its picklists and seeds test data'
      );
  if (refusal !== undefined) {
    throw new StepFailure(refusal);
  }
  run.org = org;
  return org;
}

const connectToTarget: Step<OrgScriptRun> = {
  title: 'Connecting to the org',
  async run(run) {
    const org = await connectTo(run, run.options.targetOrg);
    const source = run.options.targetSource;
    const from = source === undefined || source === '--target-org' ? '' : `, from ${source}`;
    return {
      note: `${org.username} (${org.facts.kind}, ${org.facts.name}${from})`,
      summary: [`org:              ${run.options.targetOrg} = ${org.username} (${org.facts.kind})`]
    };
  }
};

const connectToDevHub: Step<OrgScriptRun> = {
  title: 'Connecting to the Dev Hub',
  async run(run) {
    const alias = run.options.targetOrg;
    const owner = await run.deps.aliasOwner(alias);
    if (owner !== undefined) {
      throw new StepFailure(
        `The alias "${alias}" already names ${owner}: choose another alias, or set that org up with ` +
          `npm run org:setup -- --target-org ${alias}.`
      );
    }
    const devHub = run.options.devHub ?? (await run.deps.defaultDevHub());
    if (devHub === undefined) {
      throw new StepFailure(noDevHubMessage());
    }
    const hub = await run.deps.openOrg({ kind: 'stored', aliasOrUsername: devHub });
    try {
      await hub.api.query('SELECT Id FROM ScratchOrgInfo LIMIT 1');
    } catch {
      throw new StepFailure(
        `${devHub} is not a Dev Hub: enable Dev Hub in its Setup, or pass another --target-dev-hub.`
      );
    }
    run.options.devHub = devHub;
    return { note: `${devHub} = ${hub.username}` };
  }
};

const createScratchOrg: Step<OrgScriptRun> = {
  title: 'Creating the scratch org (a few minutes)',
  async run(run) {
    const { options } = run;
    const outcome = await run.deps.sf([
      'org',
      'create',
      'scratch',
      '--definition-file',
      'config/project-scratch-def.json',
      '--alias',
      options.targetOrg,
      '--target-dev-hub',
      options.devHub ?? '',
      '--duration-days',
      String(options.durationDays),
      '--wait',
      String(Math.max(options.waitMinutes, 10)),
      ...(options.setDefault ? ['--set-default'] : [])
    ]);
    requireSuccess(outcome, 'The scratch org could not be created');
    const org = await connectTo(run, options.targetOrg);
    return {
      note: `${options.targetOrg} = ${org.username}, for ${options.durationDays} day(s)`,
      summary: [`scratch org:      ${options.targetOrg} = ${org.username}, expires in ${options.durationDays} day(s)`]
    };
  }
};

/** Deploys one folder kept outside the package directories (`sf project deploy start --source-dir`). */
async function deploySourceDir(run: OrgScriptRun, dir: string, failure: string): Promise<void> {
  const outcome = await run.deps.sf([
    'project',
    'deploy',
    'start',
    '--source-dir',
    dir,
    '--target-org',
    run.options.targetOrg,
    '--wait',
    String(run.options.waitMinutes)
  ]);
  requireSuccess(outcome, failure);
}

/**
 * Before anything is deployed: Orders enabled, flows deploy as active where the setting matters, and no picklist
 * value in use that the project's standard value sets would drop. Settings that the next step's org settings deploy
 * fixes are notes in a full run; with --check-only every finding fails the run, each with what to do.
 */
const checkOrg: Step<OrgScriptRun> = {
  title: 'Checking the org (Orders, flow activation, picklist values in use)',
  async run(run) {
    const org = connected(run);
    const settings = await readOrgSettings(org.readSettings);
    const values = await valuesInUseThatWouldBeDropped(
      org.api,
      projectValueSets(run.deps.projectRoot),
      settings.ordersEnabled === false ? new Set(['Order']) : new Set()
    );
    const findings = readinessFindings(settings, org.facts.kind, values, run.options.targetOrg);
    const lines = findings.flatMap((finding) => [finding.problem, `  what to do: ${finding.action}`]);
    const valueFindings = findings.filter((finding) => !finding.fixedByOrgSettings);
    const settingFindings = findings.filter((finding) => finding.fixedByOrgSettings);
    run.readiness = { findings, deploysOrgSettings: settingFindings.length > 0 };
    if (run.options.checkOnly ? findings.length > 0 : valueFindings.length > 0 && !run.options.allowValueSetChanges) {
      throw new StepFailure(
        `${run.options.targetOrg} is not ready for the deploy (${findings.length} finding(s)); nothing was deployed.`,
        lines
      );
    }
    if (valueFindings.length > 0) {
      run.warnings = [...(run.warnings ?? []), ...valueFindings.map((finding) => finding.problem)];
    }
    const checked = `${values.checkedFields.length} picklist field(s) checked`;
    return {
      note:
        findings.length === 0
          ? `ready: Orders on${org.facts.kind === 'production' ? ', flows deploy as active' : ''}, ${checked}`
          : `${findings.length} finding(s)${settingFindings.length > 0 ? '; the org settings deploy (next step) fixes the settings' : ''}`,
      details: lines,
      summary: [`org check:        ${findings.length === 0 ? 'ready' : `${findings.length} finding(s), see above`}`]
    };
  }
};

const deployOrgSettings: Step<OrgScriptRun> = {
  title: 'Deploying the org settings (Orders on, flows deploy as active)',
  async run(run) {
    if (connected(run).facts.kind === 'scratch' && run.readiness?.deploysOrgSettings !== true) {
      return { skipped: true, note: 'the scratch org definition sets them' };
    }
    await deploySourceDir(run, ORG_SETTINGS_DIR, 'The org settings could not be deployed');
    return { note: 'OrderSettings and FlowSettings' };
  }
};

/** What a deploy takes: every package directory, but in production only those without the test-only sources. */
function deployScope(run: OrgScriptRun): string[] {
  if (connected(run).facts.kind !== 'production') {
    return [];
  }
  return productionSourceDirs(run.deps.projectRoot).flatMap((dir) => ['--source-dir', dir]);
}

const validateDeploy: Step<OrgScriptRun> = {
  title: 'Validating the deploy with RunLocalTests',
  async run(run) {
    const outcome = await run.deps.sf([
      'project',
      'deploy',
      'validate',
      ...deployScope(run),
      '--target-org',
      run.options.targetOrg,
      '--test-level',
      'RunLocalTests',
      '--wait',
      String(run.options.waitMinutes)
    ]);
    requireSuccess(outcome, 'The validation failed');
    return { summary: ['validation:       passed with RunLocalTests'] };
  }
};

const deployProject: Step<OrgScriptRun> = {
  title: 'Deploying the project',
  async run(run) {
    const outcome = await run.deps.sf([
      'project',
      'deploy',
      'start',
      ...deployScope(run),
      '--target-org',
      run.options.targetOrg,
      '--wait',
      String(run.options.waitMinutes),
      ...(run.options.testLevel ? ['--test-level', run.options.testLevel] : [])
    ]);
    const success = requireSuccess(outcome, 'The deploy failed');
    const count = deployedComponentCount(success.result);
    const what = count === undefined ? 'deployed' : `${count} components`;
    return { note: what, summary: [`deploy:           ${what}`] };
  }
};

/** The JWT app's policies exist only once the app does, so they are a deploy of their own after the package. */
export const APP_POLICIES_DIR = 'force-app-optional/external-client-app-policies';

const deployAppPolicies: Step<OrgScriptRun> = {
  title: "Deploying the JWT app's policies (pre-authorization)",
  async run(run) {
    await deploySourceDir(run, APP_POLICIES_DIR, "The JWT app's policies could not be deployed");
    return { note: 'admin-approved users, pre-authorized through Portal_Integration' };
  }
};

const assignPermissions: Step<OrgScriptRun> = {
  title: 'Assigning permission sets',
  async run(run) {
    const org = connected(run);
    const plan = await assignPermissionSets(org.api, run.options.permissionSets);
    if (plan.missing.length > 0) {
      throw new StepFailure(
        `The org has no permission set ${plan.missing.join(', ')}: deploy the project first (or check the name).`
      );
    }
    const assigned = plan.toAssign.map((entry) => entry.name);
    const note =
      assigned.length === 0
        ? `all ${plan.alreadyAssigned.length} were assigned already`
        : `assigned ${assigned.join(', ')}${plan.alreadyAssigned.length ? `; ${plan.alreadyAssigned.length} were assigned already` : ''}`;
    return { note, summary: [`permission sets:  ${run.options.permissionSets.join(', ')} (${org.username})`] };
  }
};

/** Seeds the connected org; shared by org:create, org:setup and org:seed. */
export async function seedConnectedOrg(
  org: ConnectedOrg,
  dryRun: boolean
): Promise<StepReport & { outcome: SeedOutcome }> {
  const outcome = await runSeed(SEED_BATCHES, orgSeedStore(org.api), { dryRun });
  const lines = formatSeedOutcome(outcome);
  const closing = lines[lines.length - 1];
  return { note: closing, details: lines.slice(0, -1), summary: [`seed data:        ${closing}`], outcome };
}

const seedData: Step<OrgScriptRun> = {
  title: 'Seeding data',
  async run(run) {
    try {
      const report = await seedConnectedOrg(connected(run), false);
      return { note: report.note, details: report.details, summary: report.summary };
    } catch (cause) {
      if (cause instanceof SeedError) {
        throw new StepFailure(cause.message, cause.details);
      }
      throw cause;
    }
  }
};

/** org:setup: an existing org. */
export function setupSteps(options: OrgScriptOptions): Step<OrgScriptRun>[] {
  if (options.checkOnly) {
    return [connectToTarget, checkOrg];
  }
  return [
    checkProject,
    connectToTarget,
    checkOrg,
    deployOrgSettings,
    ...(options.validate ? [validateDeploy] : []),
    deployProject,
    deployAppPolicies,
    assignPermissions,
    ...(options.seed ? [seedData] : [])
  ];
}

/** org:create: a new scratch org. */
export function createSteps(options: OrgScriptOptions): Step<OrgScriptRun>[] {
  return [
    checkProject,
    connectToDevHub,
    createScratchOrg,
    checkOrg,
    deployOrgSettings,
    ...(options.validate ? [validateDeploy] : []),
    deployProject,
    deployAppPolicies,
    assignPermissions,
    ...(options.seed ? [seedData] : [])
  ];
}

/** The closing lines: how to open the org without a password (a front-door URL would carry a session id). */
export function loginLines(run: OrgScriptRun): string[] {
  const org = connected(run);
  return [
    `instance:         ${org.instanceUrl}`,
    `username:         ${org.username}`,
    `log in:           npx sf org open --target-org ${run.options.targetOrg}`
  ];
}
