import { OrgApi } from '../lib/org-api';

export type OrgKind = 'scratch' | 'sandbox' | 'production';

export interface OrgFacts {
  name: string;
  kind: OrgKind;
  edition: string;
}

type OrganizationRow = {
  Id: string;
  Name: string;
  IsSandbox: boolean;
  TrialExpirationDate: string | null;
  OrganizationType: string;
};

/** Scratch orgs expire (TrialExpirationDate) and are not sandboxes; an org that is neither is treated as production. */
export function orgKindOf(row: Pick<OrganizationRow, 'IsSandbox' | 'TrialExpirationDate'>): OrgKind {
  if (row.IsSandbox) {
    return 'sandbox';
  }
  return row.TrialExpirationDate ? 'scratch' : 'production';
}

export async function readOrgFacts(api: OrgApi): Promise<OrgFacts> {
  const [row] = await api.query<OrganizationRow>(
    'SELECT Id, Name, IsSandbox, TrialExpirationDate, OrganizationType FROM Organization'
  );
  return { name: row.Name, kind: orgKindOf(row), edition: row.OrganizationType };
}

/**
 * Seeding and the end-to-end checks create test records and approve orders, which publishes provisioning requests a
 * live portal would act on: refused on production (or a Developer Edition org, which looks the same) unless asked for.
 */
export function refusalForProduction(facts: OrgFacts, label: string, what: string): string | undefined {
  if (facts.kind !== 'production') {
    return undefined;
  }
  return (
    `${label} is a production org (${facts.edition}), and ${what}: use a scratch org or a sandbox, ` +
    `or pass --allow-production if that is really what you want.`
  );
}
