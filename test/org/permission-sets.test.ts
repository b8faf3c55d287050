import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assignPermissionSets, DEVELOPER_PERMISSION_SETS, planAssignments } from '../../scripts/org/permission-sets';
import { ScriptedOrgApi } from '../support/fake-org';

const ROOT = join(__dirname, '..', '..');
const IN_ORG = [
  { Id: '0PS1', Name: 'Portal_Integration' },
  { Id: '0PS2', Name: 'Customer_Service_Agent' },
  { Id: '0PS3', Name: 'Subscription_Admin' }
];

describe('planAssignments', () => {
  it('assigns only what the user lacks and reports what the org does not have', () => {
    expect(planAssignments(['Portal_Integration', 'Subscription_Admin', 'Nope'], IN_ORG, new Set(['0PS1']))).toEqual({
      toAssign: [{ name: 'Subscription_Admin', id: '0PS3' }],
      alreadyAssigned: ['Portal_Integration'],
      missing: ['Nope']
    });
  });

  it('matches names in any letter case, as the SOQL query that found them does, and reports the org spelling', () => {
    expect(planAssignments(['portal_integration', 'SUBSCRIPTION_ADMIN'], IN_ORG, new Set(['0PS1']))).toEqual({
      toAssign: [{ name: 'Subscription_Admin', id: '0PS3' }],
      alreadyAssigned: ['Portal_Integration'],
      missing: []
    });
  });
});

describe('assignPermissionSets', () => {
  it("creates assignments for the connected user's missing permission sets only", async () => {
    const api = new ScriptedOrgApi([
      [/FROM User WHERE Username = 'admin@example.com'/, [{ Id: '005A' }]],
      [/FROM PermissionSet WHERE Name IN/, IN_ORG],
      [/FROM PermissionSetAssignment WHERE AssigneeId = '005A'/, [{ Id: '0Pa1', PermissionSetId: '0PS2' }]]
    ]);
    const plan = await assignPermissionSets(api, ['Portal_Integration', 'Customer_Service_Agent']);
    expect(plan.alreadyAssigned).toEqual(['Customer_Service_Agent']);
    expect(api.created).toEqual([
      { sobject: 'PermissionSetAssignment', records: [{ AssigneeId: '005A', PermissionSetId: '0PS1' }] }
    ]);
  });

  it('assigns nothing when the second run finds everything assigned', async () => {
    const api = new ScriptedOrgApi([
      [/FROM User/, [{ Id: '005A' }]],
      [/FROM PermissionSet WHERE/, IN_ORG],
      [/FROM PermissionSetAssignment/, IN_ORG.map((set) => ({ Id: `0Pa${set.Id}`, PermissionSetId: set.Id }))]
    ]);
    await assignPermissionSets(api, ['Portal_Integration', 'Customer_Service_Agent', 'Subscription_Admin']);
    expect(api.created).toEqual([]);
  });
});

describe('DEVELOPER_PERMISSION_SETS', () => {
  it.each(DEVELOPER_PERMISSION_SETS)('%s is a permission set of the project', (name) => {
    const found = [
      'force-app/portal-integration/main/security/permissionsets',
      'force-app/subscription-builder/main/security/permissionsets',
      'force-app/portal-integration/main/subscription-binding/permissionsets'
    ].some((dir) => existsSync(join(ROOT, dir, `${name}.permissionset-meta.xml`)));
    expect(found).toBe(true);
  });
});
