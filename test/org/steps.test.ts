import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { OrgApi } from '../../scripts/lib/org-api';
import { runSteps } from '../../scripts/lib/progress';
import { SfOutcome } from '../../scripts/lib/sf-cli';
import { OrgConfigReader } from '../../scripts/lib/target-org';
import { OrgKind } from '../../scripts/org/org-facts';
import { parseCreateOptions, parseSetupOptions } from '../../scripts/org/options';
import { projectValueSets } from '../../scripts/org/org-readiness';
import {
  ConnectedOrg,
  createSteps,
  loginLines,
  OrgScriptDeps,
  OrgScriptOptions,
  OrgScriptRun,
  setupSteps
} from '../../scripts/org/steps';
import { fakeClock, ScriptedOrgApi } from '../support/fake-org';

const ECA =
  'force-app/portal-integration/main/connected-app/externalClientApps/Customer_Portal_Integration.eca-meta.xml';

const PROJECT = join(__dirname, '..', '..');

function tempProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'org-steps-'));
  writeFileSync(join(root, 'sfdx-project.json'), readFileSync(join(__dirname, '..', '..', 'sfdx-project.json')));
  mkdirSync(dirname(join(root, ECA)), { recursive: true });
  writeFileSync(join(root, ECA), '<ExternalClientApplication/>');
  // The project's own standard value sets, which the org check compares with the values records use.
  for (const valueSet of projectValueSets(PROJECT)) {
    const target = join(root, relative(PROJECT, valueSet.file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(valueSet.file));
  }
  return root;
}

/** An org that has the deployed metadata the seed checks for, and answers every other query with nothing. */
function deployedOrgApi(): ScriptedOrgApi {
  return new ScriptedOrgApi([
    [
      /FROM SubscriptionBuildFilter__mdt/,
      [
        {
          Id: 'm00A',
          DeveloperName: 'Approved_Orders',
          TargetObject__c: 'Order',
          ChildRelation__c: 'OrderItems',
          Active__c: true
        }
      ]
    ],
    [/FROM Pricebook2/, [{ Id: '01sA', IsStandard: true, IsActive: true }]],
    [/FROM User WHERE/, [{ Id: '005A' }]],
    [
      /FROM PermissionSet WHERE/,
      [
        { Id: '0PS1', Name: 'Portal_Integration' },
        { Id: '0PS2', Name: 'Subscription_Admin' }
      ]
    ]
  ]);
}

interface Harness {
  run: OrgScriptRun;
  sfCalls: string[][];
  opened: string[];
  out: string[];
  err: string[];
}

function harness(
  options: OrgScriptOptions,
  overrides: {
    sf?: (args: string[]) => SfOutcome;
    kind?: OrgKind;
    api?: OrgApi;
    aliasOwner?: string;
    devHub?: string;
    settings?: { enableOrders?: string; enableFlowDeployAsActiveEnabled?: string };
  } = {}
): Harness {
  const sfCalls: string[][] = [];
  const opened: string[] = [];
  const api = overrides.api ?? deployedOrgApi();
  const deps: OrgScriptDeps = {
    projectRoot: tempProject(),
    env: {},
    sf: async (args) => {
      sfCalls.push(args);
      return overrides.sf?.(args) ?? { ok: true, result: { files: [{}, {}] }, warnings: [] };
    },
    openOrg: async (target): Promise<ConnectedOrg> => {
      const name = target.kind === 'stored' ? target.aliasOrUsername : target.username;
      opened.push(name);
      return {
        label: name,
        username: `${name}@example.com`,
        instanceUrl: 'https://dev.my.salesforce.com',
        api,
        facts: { name: 'Portal Dev', kind: overrides.kind ?? 'scratch', edition: 'Developer Edition' },
        readSettings: async (type) => {
          const settings = overrides.settings ?? { enableOrders: 'true', enableFlowDeployAsActiveEnabled: 'true' };
          return type === 'OrderSettings'
            ? { fullName: 'Order', enableOrders: settings.enableOrders }
            : { fullName: 'Flow', enableFlowDeployAsActiveEnabled: settings.enableFlowDeployAsActiveEnabled };
        }
      };
    },
    aliasOwner: async () => overrides.aliasOwner,
    defaultDevHub: async () => overrides.devHub
  };
  return { run: { deps, options }, sfCalls, opened, out: [], err: [] };
}

async function runAll(h: Harness, steps: ReturnType<typeof setupSteps>) {
  const outcome = await runSteps(
    steps,
    h.run,
    { write: (text) => h.out.push(text), error: (text) => h.err.push(text) },
    fakeClock()
  );
  rmSync(h.run.deps.projectRoot, { recursive: true, force: true });
  return outcome;
}

/** No sf CLI config: the org must be named by the flag. */
const noConfig: OrgConfigReader = async () => undefined;
const setupOptions = async (argv: string[], read = noConfig) =>
  (await parseSetupOptions(argv, read)) as OrgScriptOptions;
const createOptions = (argv: string[]) => parseCreateOptions(argv) as OrgScriptOptions;

describe('org:setup', () => {
  it('checks, connects, deploys, assigns and seeds a scratch org, in numbered steps', async () => {
    const options = await setupOptions([
      '--target-org',
      'dev',
      '--permission-sets',
      'Portal_Integration,Subscription_Admin'
    ]);
    const h = harness(options);
    const outcome = await runAll(h, setupSteps(options));

    expect(outcome.ok).toBe(true);
    expect(h.out.filter((line) => line.startsWith('['))).toEqual([
      '[1/8] Checking the project (deploy-time variables, JWT app settings)...\n',
      '[2/8] Connecting to the org...\n',
      '[3/8] Checking the org (Orders, flow activation, picklist values in use)...\n',
      '[4/8] Deploying the org settings (Orders on, flows deploy as active)...\n',
      '[5/8] Deploying the project...\n',
      "[6/8] Deploying the JWT app's policies (pre-authorization)...\n",
      '[7/8] Assigning permission sets...\n',
      '[8/8] Seeding data...\n'
    ]);
    expect(h.out.join('')).toContain('skipped: the scratch org definition sets them');
    expect(h.sfCalls).toEqual([
      ['project', 'deploy', 'start', '--target-org', 'dev', '--wait', '60'],
      [
        'project',
        'deploy',
        'start',
        '--source-dir',
        'force-app-optional/external-client-app-policies',
        '--target-org',
        'dev',
        '--wait',
        '60'
      ]
    ]);
    const api = h.run.org?.api as ScriptedOrgApi;
    expect(api.created[0]).toEqual({
      sobject: 'PermissionSetAssignment',
      records: [
        { AssigneeId: '005A', PermissionSetId: '0PS1' },
        { AssigneeId: '005A', PermissionSetId: '0PS2' }
      ]
    });
    expect(api.created.map((write) => write.sobject)).toContain('Account');
    expect(outcome.summary).toEqual([
      'org:              dev = dev@example.com (scratch)',
      'org check:        ready',
      'deploy:           2 components',
      'permission sets:  Portal_Integration, Subscription_Admin (dev@example.com)',
      'seed data:        68 created, 0 updated, 2 already up to date.'
    ]);
    expect(loginLines(h.run)).toEqual([
      'instance:         https://dev.my.salesforce.com',
      'username:         dev@example.com',
      'log in:           npx sf org open --target-org dev'
    ]);
  });

  it('deploys the org settings to a sandbox and validates first when asked', async () => {
    const options = await setupOptions([
      '--target-org',
      'uat',
      '--validate',
      '--skip-seed',
      '--test-level',
      'RunLocalTests'
    ]);
    const h = harness(options, { kind: 'sandbox' });
    await runAll(h, setupSteps(options));
    expect(h.sfCalls).toEqual([
      [
        'project',
        'deploy',
        'start',
        '--source-dir',
        'force-app-optional/org-settings',
        '--target-org',
        'uat',
        '--wait',
        '60'
      ],
      ['project', 'deploy', 'validate', '--target-org', 'uat', '--test-level', 'RunLocalTests', '--wait', '60'],
      ['project', 'deploy', 'start', '--target-org', 'uat', '--wait', '60', '--test-level', 'RunLocalTests'],
      [
        'project',
        'deploy',
        'start',
        '--source-dir',
        'force-app-optional/external-client-app-policies',
        '--target-org',
        'uat',
        '--wait',
        '60'
      ]
    ]);
  });

  it('stops at a failed deploy with its component errors and assigns nothing', async () => {
    const options = await setupOptions(['--target-org', 'dev']);
    const h = harness(options, {
      sf: () => ({
        ok: false,
        name: 'DeployFailed',
        message: 'the command ended with status 1',
        result: {
          details: {
            componentFailures: { componentType: 'ApexClass', fullName: 'Broken', problem: 'Unexpected token' }
          }
        }
      })
    });
    const outcome = await runAll(h, setupSteps(options));
    expect(outcome.ok).toBe(false);
    expect(h.err.join('')).toBe(
      'error: The deploy failed: the command ended with status 1.\n  ApexClass Broken: Unexpected token\n'
    );
    expect((h.run.org?.api as ScriptedOrgApi).created).toEqual([]);
    expect(h.out.join('')).not.toContain('[6/8]');
  });

  it('leaves the test-only sources out of a production deploy and its validation', async () => {
    const options = await setupOptions([
      '--target-org',
      'prod',
      '--allow-production',
      '--validate',
      '--skip-seed',
      '--permission-sets',
      'Portal_Integration,Subscription_Admin',
      '--test-level',
      'RunLocalTests'
    ]);
    const h = harness(options, { kind: 'production' });
    const outcome = await runAll(h, setupSteps(options));
    expect(h.err.join('')).toBe('');
    expect(outcome.ok).toBe(true);
    const productionDirs = [
      '--source-dir',
      'force-app/subscription-builder',
      '--source-dir',
      'force-app/portal-integration'
    ];
    expect(h.sfCalls[1]).toEqual([
      'project',
      'deploy',
      'validate',
      ...productionDirs,
      '--target-org',
      'prod',
      '--test-level',
      'RunLocalTests',
      '--wait',
      '60'
    ]);
    expect(h.sfCalls[2]).toEqual([
      'project',
      'deploy',
      'start',
      ...productionDirs,
      '--target-org',
      'prod',
      '--wait',
      '60',
      '--test-level',
      'RunLocalTests'
    ]);
    expect(h.sfCalls.flat()).not.toContain('force-app/subscription-builder-test-sources');
  });

  it('refuses a production org unless asked', async () => {
    const options = await setupOptions(['--target-org', 'prod']);
    const h = harness(options, { kind: 'production' });
    await runAll(h, setupSteps(options));
    expect(h.err.join('')).toContain('error: prod is a production org (Developer Edition), and this script deploys');
    expect(h.sfCalls).toEqual([]);
  });
});

describe('org:create', () => {
  it('creates the scratch org through the Dev Hub, then sets it up', async () => {
    const options = createOptions([
      '--alias',
      'feature-x',
      '--duration-days',
      '3',
      '--skip-seed',
      '--permission-sets',
      'Portal_Integration'
    ]);
    const h = harness(options, { devHub: 'devhub' });
    const outcome = await runAll(h, createSteps(options));
    expect(outcome.ok).toBe(true);
    expect(h.opened).toEqual(['devhub', 'feature-x']);
    expect(h.sfCalls[0]).toEqual([
      'org',
      'create',
      'scratch',
      '--definition-file',
      'config/project-scratch-def.json',
      '--alias',
      'feature-x',
      '--target-dev-hub',
      'devhub',
      '--duration-days',
      '3',
      '--wait',
      '60'
    ]);
    expect(outcome.summary[0]).toBe('scratch org:      feature-x = feature-x@example.com, expires in 3 day(s)');
    expect(outcome.steps.map((step) => `${step.title}: ${step.status}`)).toContain(
      'Deploying the org settings (Orders on, flows deploy as active): skipped'
    );
  });

  it.each([
    [
      { aliasOwner: 'test-old@example.com', devHub: 'devhub' },
      'The alias "feature-x" already names test-old@example.com'
    ],
    [
      {},
      'No Dev Hub: pass -v/--target-dev-hub ALIAS, set SF_TARGET_DEV_HUB, or log in to one as the default with npx sf org login web --set-default-dev-hub --alias devhub.'
    ]
  ])('stops before creating anything: %j', async (overrides, message) => {
    const options = createOptions(['--alias', 'feature-x']);
    const h = harness(options, overrides);
    const outcome = await runAll(h, createSteps(options));
    expect(outcome.ok).toBe(false);
    expect(h.err.join('')).toContain(`error: ${message}`);
    expect(h.sfCalls).toEqual([]);
  });

  it('refuses a Dev Hub that is not one', async () => {
    const api = new ScriptedOrgApi();
    api.query = async () => Promise.reject(new Error("sObject type 'ScratchOrgInfo' is not supported."));
    const options = createOptions(['--alias', 'feature-x', '--target-dev-hub', 'sandbox']);
    const h = harness(options, { api });
    await runAll(h, createSteps(options));
    expect(h.err.join('')).toContain(
      'error: sandbox is not a Dev Hub: enable Dev Hub in its Setup, or pass another --target-dev-hub.'
    );
  });

  it('reports why the scratch org could not be created', async () => {
    const options = createOptions(['--alias', 'feature-x', '--target-dev-hub', 'devhub']);
    const h = harness(options, {
      sf: () => ({
        ok: false,
        name: 'SignupFailedError',
        message: 'The scratch org limit is reached.',
        result: undefined
      })
    });
    await runAll(h, createSteps(options));
    expect(h.err.join('')).toBe('error: The scratch org could not be created: The scratch org limit is reached.\n');
  });
});

describe('the options of org:setup and org:create', () => {
  it.each([
    [() => parseSetupOptions([], noConfig), 'No org given: pass -o/--target-org ALIAS, set SF_TARGET_ORG'],
    [
      () => parseSetupOptions(['--target-org', 'x', '--test-level', 'All'], noConfig),
      '--test-level must be one of NoTestRun, RunLocalTests, RunAllTestsInOrg, not "All"'
    ],
    [async () => parseCreateOptions([]), '--alias is required'],
    [
      async () => parseCreateOptions(['--alias', 'x', '--duration-days', '31']),
      '--duration-days must be between 1 and 30, not 31'
    ],
    [() => parseSetupOptions(['-o', 'x', '-w', '0'], noConfig), '--wait must be between 1 and 1440, not 0']
  ])('%#: refuses bad input', async (parse, message) => {
    await expect(parse()).rejects.toThrow(message);
  });

  it('answers help', async () => {
    await expect(parseSetupOptions(['--help'], noConfig)).resolves.toBe('help');
    expect(parseCreateOptions(['-h'])).toBe('help');
  });

  it("takes the sf CLI's short flags", async () => {
    const setup = await setupOptions(['-o', 'uat', '-l', 'RunLocalTests', '-w', '30']);
    expect(setup).toMatchObject({ targetOrg: 'uat', testLevel: 'RunLocalTests', waitMinutes: 30 });
    const create = createOptions(['-a', 'new', '-v', 'hub', '-y', '2', '-d']);
    expect(create).toMatchObject({ targetOrg: 'new', devHub: 'hub', durationDays: 2, setDefault: true });
  });

  it('falls back to the configured org (SF_TARGET_ORG or target-org) and says where it came from', async () => {
    const read: OrgConfigReader = async (key) =>
      key === 'target-org' ? { value: 'configured', source: 'global config' } : undefined;
    const options = await setupOptions(['--skip-seed'], read);
    expect(options).toMatchObject({ targetOrg: 'configured', targetSource: 'global config' });
    const flagWins = await setupOptions(['-o', 'given'], read);
    expect(flagWins).toMatchObject({ targetOrg: 'given', targetSource: '--target-org' });
    const h = harness(options);
    await runAll(h, setupSteps(options));
    expect(h.out.join('')).toContain('done in 0.0 s: configured@example.com (scratch, Portal Dev, from global config)');
  });
});

describe('the org check before anything is deployed (issue 10 items 5 and 6)', () => {
  /** An org whose records use "Shipped" (Order.Status) and "Legacy" (Case.Type), which the project's lists lack. */
  function orgWithData(): ScriptedOrgApi {
    const api = deployedOrgApi();
    const answers = (api as unknown as { answers: Array<[RegExp, unknown[]]> }).answers;
    answers.unshift(
      [
        /^SELECT Status, COUNT\(Id\) n FROM Order GROUP BY Status$/,
        [
          { Status: 'Draft', n: 4 },
          { Status: 'Shipped', n: 2 }
        ]
      ],
      [
        /^SELECT Type, COUNT\(Id\) n FROM Case GROUP BY Type$/,
        [
          { Type: 'Legacy', n: 1 },
          { Type: null, n: 9 }
        ]
      ]
    );
    return api;
  }

  it('refuses to deploy when records use values the standard value sets would drop, and lists them', async () => {
    const options = await setupOptions(['-o', 'uat']);
    const h = harness(options, { kind: 'sandbox', api: orgWithData() });
    const outcome = await runAll(h, setupSteps(options));
    expect(outcome.ok).toBe(false);
    expect(h.sfCalls).toEqual([]);
    expect(h.err.join('')).toContain(
      "Records use picklist values that the project's standard value sets would drop: " +
        'Case.Type "Legacy" (1), Order.Status "Shipped" (2).'
    );
    expect(h.err.join('')).toContain('pass --allow-value-set-changes to deploy anyway');
    const queries = (h.run.org?.api as ScriptedOrgApi).queries;
    expect(queries).toEqual(
      expect.arrayContaining([
        'SELECT Status, COUNT(Id) n FROM Order GROUP BY Status',
        'SELECT StageName, COUNT(Id) n FROM Opportunity GROUP BY StageName',
        'SELECT Type, COUNT(Id) n FROM Case GROUP BY Type'
      ])
    );
  });

  it('goes on with --allow-value-set-changes, and keeps the finding as a warning', async () => {
    const options = await setupOptions(['-o', 'uat', '--allow-value-set-changes', '--skip-seed']);
    const h = harness(options, { kind: 'sandbox', api: orgWithData() });
    await runAll(h, setupSteps(options));
    expect(h.sfCalls.length).toBeGreaterThan(0);
    expect(h.run.warnings?.[0]).toContain('Order.Status "Shipped" (2)');
    expect(h.out.join('')).toContain('[3/7] Checking the org');
  });

  it('--check-only deploys nothing and says what to do about Orders and flow activation, one sentence each', async () => {
    const options = await setupOptions(['-o', 'prod', '--check-only', '--allow-production']);
    const h = harness(options, {
      kind: 'production',
      settings: { enableOrders: 'false', enableFlowDeployAsActiveEnabled: 'false' }
    });
    const outcome = await runAll(h, setupSteps(options));
    expect(outcome.ok).toBe(false);
    expect(h.sfCalls).toEqual([]);
    const errors = h.err.join('');
    expect(errors).toContain('error: prod is not ready for the deploy (2 finding(s)); nothing was deployed.');
    expect(errors).toContain('Orders are not enabled, so Order fields, the OrderStatus value set');
    expect(errors).toContain('what to do: Turn on Setup > Order Settings > Enable Orders, or deploy the org settings');
    expect(errors).toContain('"Deploy processes and flows as active" is off');
    // Orders are off, so there are no orders to count.
    expect((h.run.org?.api as ScriptedOrgApi).queries.some((soql) => soql.includes('FROM Order GROUP'))).toBe(false);
  });

  it('does not ask about flow activation where the platform deploys flows active (sandbox, scratch org)', async () => {
    const options = await setupOptions(['-o', 'uat', '--check-only']);
    const h = harness(options, {
      kind: 'sandbox',
      settings: { enableOrders: 'true', enableFlowDeployAsActiveEnabled: 'false' }
    });
    const outcome = await runAll(h, setupSteps(options));
    expect(outcome.ok).toBe(true);
    expect(h.out.join('')).toContain('ready: Orders on, 3 picklist field(s) checked');
  });

  it('reports a setting it cannot read instead of passing it', async () => {
    const options = await setupOptions(['-o', 'uat', '--check-only']);
    const h = harness(options, { kind: 'sandbox', settings: {} });
    await runAll(h, setupSteps(options));
    expect(h.err.join('')).toContain('Whether Orders are enabled could not be read (OrderSettings).');
  });

  it('deploys the org settings to a scratch org whose Orders are off, before the project', async () => {
    const options = await setupOptions(['-o', 'dev', '--skip-seed']);
    const h = harness(options, { kind: 'scratch', settings: { enableOrders: 'false' } });
    await runAll(h, setupSteps(options));
    expect(h.sfCalls[0]).toContain('force-app-optional/org-settings');
    expect(h.out.join('')).toContain('the org settings deploy (next step) fixes the settings');
  });
});

describe('permission sets the org lacks', () => {
  it('stop the run with their names', async () => {
    const options = await setupOptions(['--target-org', 'dev', '--skip-seed']);
    const h = harness(options);
    await runAll(h, setupSteps(options));
    expect(h.err.join('')).toBe(
      'error: The org has no permission set Customer_Service_Agent, Subscription_Order_Source: deploy the project first (or check the name).\n'
    );
  });
});
