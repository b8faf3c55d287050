import { OrgApi } from '../lib/org-api';
import { soqlList, soqlLiteral } from '../lib/soql';

/**
 * What a developer (or CI) needs to run every flow of the project as one user: the portal's integration access,
 * the agent's approval and retry, and building subscriptions from orders. Subscription_User is not assigned: it is
 * the read-only subset of Subscription_Admin.
 */
export const DEVELOPER_PERMISSION_SETS = [
  'Portal_Integration',
  'Customer_Service_Agent',
  'Subscription_Admin',
  'Subscription_Order_Source'
] as const;

export interface AssignmentPlan {
  toAssign: Array<{ name: string; id: string }>;
  alreadyAssigned: string[];
  /** Names the org does not have (not deployed). */
  missing: string[];
}

/**
 * Which permission sets to assign: the wanted ones the org has and the user lacks. Names match in any letter case, as
 * the org's query (`Name IN (...)`, SOQL compares text without case) found them; the org's spelling is reported.
 */
export function planAssignments(
  wanted: readonly string[],
  inOrg: ReadonlyArray<{ Id: string; Name: string }>,
  assignedIds: ReadonlySet<string>
): AssignmentPlan {
  const plan: AssignmentPlan = { toAssign: [], alreadyAssigned: [], missing: [] };
  for (const name of wanted) {
    const found = inOrg.find((permissionSet) => permissionSet.Name.toLowerCase() === name.toLowerCase());
    if (found === undefined) {
      plan.missing.push(name);
    } else if (assignedIds.has(found.Id)) {
      plan.alreadyAssigned.push(found.Name);
    } else {
      plan.toAssign.push({ name: found.Name, id: found.Id });
    }
  }
  return plan;
}

/**
 * Assigns the permission sets to the connected user, only those not assigned yet, so a second run changes nothing.
 * Goes through the API rather than `sf org assign permset`, which fails on an existing assignment.
 */
export async function assignPermissionSets(api: OrgApi, names: readonly string[]): Promise<AssignmentPlan> {
  const users = await api.query(`SELECT Id FROM User WHERE Username = ${soqlLiteral(api.username)}`);
  const userId = users[0]?.Id;
  if (userId === undefined) {
    throw new Error(`the org has no user ${api.username}`);
  }
  const inOrg = await api.query<{ Id: string; Name: string }>(
    `SELECT Id, Name FROM PermissionSet WHERE Name IN ${soqlList([...names])}`
  );
  const assigned = await api.query<{ Id: string; PermissionSetId: string }>(
    `SELECT Id, PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = ${soqlLiteral(userId)}`
  );
  const plan = planAssignments(names, inOrg, new Set(assigned.map((assignment) => assignment.PermissionSetId)));
  if (plan.missing.length === 0 && plan.toAssign.length > 0) {
    await api.create(
      'PermissionSetAssignment',
      plan.toAssign.map((permissionSet) => ({ AssigneeId: userId, PermissionSetId: permissionSet.id }))
    );
  }
  return plan;
}
