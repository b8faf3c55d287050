import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { OrgApi } from '../lib/org-api';
import { OrgKind } from './org-facts';

/**
 * Which fields a standard value set fills, from the Metadata API's "StandardValueSet Names and Standard Picklist
 * Fields" table (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/standardvalueset_names.htm).
 * Only sets whose records can be counted with a GROUP BY on the object are listed; a set that is not listed is
 * reported as not checked, never passed.
 */
export const STANDARD_VALUE_SET_FIELDS: Readonly<Record<string, readonly string[]>> = {
  AccountOwnership: ['Account.Ownership'],
  AccountRating: ['Account.Rating', 'Lead.Rating'],
  AccountType: ['Account.Type'],
  AssetStatus: ['Asset.Status'],
  CampaignStatus: ['Campaign.Status'],
  CampaignType: ['Campaign.Type'],
  CaseOrigin: ['Case.Origin'],
  CasePriority: ['Case.Priority'],
  CaseReason: ['Case.Reason'],
  CaseStatus: ['Case.Status'],
  CaseType: ['Case.Type'],
  ContractStatus: ['Contract.Status'],
  Industry: ['Account.Industry', 'Lead.Industry'],
  LeadSource: ['Account.AccountSource', 'Lead.LeadSource', 'Opportunity.LeadSource'],
  LeadStatus: ['Lead.Status'],
  OpportunityStage: ['Opportunity.StageName'],
  OpportunityType: ['Opportunity.Type'],
  OrderStatus: ['Order.Status'],
  OrderType: ['Order.Type'],
  Product2Family: ['Product2.Family']
};

/** A standard value set of the project: its name and the values (API names) it keeps. */
export interface ProjectValueSet {
  name: string;
  values: string[];
  file: string;
}

const parser = new XMLParser({ isArray: (name) => name === 'standardValue' });

function filesUnder(dir: string, suffix: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      return entry === 'node_modules' || entry.startsWith('.') ? [] : filesUnder(path, suffix);
    }
    return entry.endsWith(suffix) ? [path] : [];
  });
}

/** The standard value sets in the project's package directories (what a plain deploy sends). */
export function projectValueSets(projectRoot: string): ProjectValueSet[] {
  const project = JSON.parse(readFileSync(join(projectRoot, 'sfdx-project.json'), 'utf8')) as {
    packageDirectories?: Array<{ path: string }>;
  };
  const suffix = '.standardValueSet-meta.xml';
  return (project.packageDirectories ?? [])
    .flatMap((directory) => filesUnder(join(projectRoot, directory.path), suffix))
    .map((file) => {
      const xml = parser.parse(readFileSync(file, 'utf8')) as {
        StandardValueSet?: { standardValue?: Array<{ fullName?: unknown }> };
      };
      const values = (xml.StandardValueSet?.standardValue ?? []).map((entry) => String(entry.fullName ?? ''));
      return { name: basename(file, suffix), values, file };
    });
}

/** A picklist value records use that a project value set would drop. */
export interface DroppedValue {
  valueSet: string;
  field: string;
  value: string;
  records: number;
}

export interface ValueSetReport {
  dropped: DroppedValue[];
  /** Value sets the check cannot map to fields, or whose fields could not be counted: reported, not passed. */
  unchecked: string[];
  checkedFields: string[];
}

type CountRow = { Id: string } & Record<string, unknown>;

/**
 * Counts, per field a project value set fills, the records by value (`SELECT Status, COUNT(Id) n FROM Order GROUP
 * BY Status`) and lists the values in use that the project's list lacks: deploying the set would drop them.
 * `skipObjects` are objects known to be absent (Order when Orders are off: nothing to count).
 */
export async function valuesInUseThatWouldBeDropped(
  api: OrgApi,
  valueSets: readonly ProjectValueSet[],
  skipObjects: ReadonlySet<string> = new Set()
): Promise<ValueSetReport> {
  const report: ValueSetReport = { dropped: [], unchecked: [], checkedFields: [] };
  for (const valueSet of valueSets) {
    const fields = STANDARD_VALUE_SET_FIELDS[valueSet.name];
    if (fields === undefined) {
      report.unchecked.push(`${valueSet.name} (no known field: compare it with the org's list by hand)`);
      continue;
    }
    const kept = new Set(valueSet.values);
    for (const field of fields) {
      const [object, name] = field.split('.');
      if (skipObjects.has(object)) {
        continue;
      }
      let rows: CountRow[];
      try {
        rows = await api.query<CountRow>(`SELECT ${name}, COUNT(Id) n FROM ${object} GROUP BY ${name}`);
      } catch (cause) {
        report.unchecked.push(`${field} (${cause instanceof Error ? cause.message : String(cause)})`);
        continue;
      }
      report.checkedFields.push(field);
      for (const row of rows) {
        const value = row[name];
        if (typeof value === 'string' && value !== '' && !kept.has(value)) {
          report.dropped.push({ valueSet: valueSet.name, field, value, records: Number(row.n ?? 0) });
        }
      }
    }
  }
  return report;
}

/** The two org settings the deploy depends on, as the Metadata API reads them (undefined: could not be read). */
export interface OrgSettingsState {
  ordersEnabled: boolean | undefined;
  flowsDeployActive: boolean | undefined;
}

/** Reads one settings component with the Metadata API (`readMetadata('OrderSettings', ['Order'])`). */
export type SettingsReader = (type: 'OrderSettings' | 'FlowSettings', fullName: string) => Promise<unknown>;

function booleanField(record: unknown, field: string): boolean | undefined {
  if (typeof record !== 'object' || record === null) {
    return undefined;
  }
  const value = (record as Record<string, unknown>)[field];
  // The SOAP answer carries booleans as text.
  return value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;
}

/**
 * OrderSettings.enableOrders and FlowSettings.enableFlowDeployAsActiveEnabled (Metadata API, FlowSettings: "When
 * the value is false, all processes and flows are deployed as inactive"; false by default in production orgs).
 */
export async function readOrgSettings(read: SettingsReader): Promise<OrgSettingsState> {
  const [orders, flows] = await Promise.all([
    read('OrderSettings', 'Order').catch(() => undefined),
    read('FlowSettings', 'Flow').catch(() => undefined)
  ]);
  return {
    ordersEnabled: booleanField(orders, 'enableOrders'),
    flowsDeployActive: booleanField(flows, 'enableFlowDeployAsActiveEnabled')
  };
}

/** One finding of the readiness check: what is wrong and, in one sentence, what to do. */
export interface ReadinessFinding {
  problem: string;
  action: string;
  /** Deploying force-app-optional/org-settings fixes it (the settings), or only a person can (picklist values). */
  fixedByOrgSettings: boolean;
}

export const ORG_SETTINGS_DIR = 'force-app-optional/org-settings';

/**
 * What stands in the way of the deploy, each with what to do. Flow activation matters only where the setting does:
 * production and Developer Edition orgs (the platform deploys flows as active in sandboxes and scratch orgs).
 */
export function readinessFindings(
  settings: OrgSettingsState,
  kind: OrgKind,
  values: ValueSetReport,
  targetOrg: string
): ReadinessFinding[] {
  const deploySettings = `npx sf project deploy start --source-dir ${ORG_SETTINGS_DIR} --target-org ${targetOrg}`;
  const findings: ReadinessFinding[] = [];
  if (settings.ordersEnabled !== true) {
    findings.push({
      problem:
        settings.ordersEnabled === false
          ? 'Orders are not enabled, so Order fields, the OrderStatus value set, the flows and the Order Apex cannot deploy.'
          : 'Whether Orders are enabled could not be read (OrderSettings).',
      action: `Turn on Setup > Order Settings > Enable Orders, or deploy the org settings (${deploySettings}).`,
      fixedByOrgSettings: true
    });
  }
  if (kind === 'production' && settings.flowsDeployActive !== true) {
    findings.push({
      problem:
        settings.flowsDeployActive === false
          ? '"Deploy processes and flows as active" is off, so this org would receive the flows inactive.'
          : 'Whether "Deploy processes and flows as active" is on could not be read (FlowSettings).',
      action:
        `Turn it on in Setup > Process Automation Settings, or deploy the org settings (${deploySettings}); ` +
        'the deploy then runs the Apex tests, which must cover the active flows.',
      fixedByOrgSettings: true
    });
  }
  if (values.dropped.length > 0) {
    const list = values.dropped.map((entry) => `${entry.field} "${entry.value}" (${entry.records})`).join(', ');
    findings.push({
      problem: `Records use picklist values that the project's standard value sets would drop: ${list}.`,
      action:
        'Add these values to the value set files (docs/portal-integration.md, "Before you deploy"), or change the ' +
        'records, or pass --allow-value-set-changes to deploy anyway.',
      fixedByOrgSettings: false
    });
  }
  if (values.unchecked.length > 0) {
    findings.push({
      problem: `Picklist values in use could not be checked for ${values.unchecked.join('; ')}.`,
      action: 'Compare these lists with the org by hand, then pass --allow-value-set-changes.',
      fixedByOrgSettings: false
    });
  }
  return findings;
}
