/**
 * Fields the platform derives from a status picklist when a record is saved (Object Reference): an Opportunity's
 * IsClosed and IsWon are "directly controlled by StageName", its Probability and ForecastCategoryName are implied by
 * the stage unless the caller sets them; a Case's IsClosed "is controlled by the Status field" (ClosedDate is when it
 * closed); a Task's IsClosed follows its status. The flags come from the project's value set file (OpportunityStage,
 * CaseStatus, TaskStatus) and, for a value that file does not describe, from a new org's defaults.
 */
import { ApexDatetime, ApexDecimal, type Value } from '../interpreter/values';
import type { PicklistEntry, SchemaModel } from '../schema';

interface StatusFlags {
  closed: boolean;
  won?: boolean;
  probability?: number;
  forecastCategory?: string;
}

/** A new org's opportunity stages (Salesforce Help, "Opportunity Stages"). */
const DEFAULT_STAGES: Record<string, StatusFlags> = {
  prospecting: { closed: false, won: false, probability: 10, forecastCategory: 'Pipeline' },
  qualification: { closed: false, won: false, probability: 10, forecastCategory: 'Pipeline' },
  'needs analysis': { closed: false, won: false, probability: 20, forecastCategory: 'Pipeline' },
  'value proposition': { closed: false, won: false, probability: 50, forecastCategory: 'Pipeline' },
  'id. decision makers': { closed: false, won: false, probability: 60, forecastCategory: 'Pipeline' },
  'perception analysis': { closed: false, won: false, probability: 70, forecastCategory: 'Pipeline' },
  'proposal/price quote': { closed: false, won: false, probability: 75, forecastCategory: 'Pipeline' },
  'negotiation/review': { closed: false, won: false, probability: 90, forecastCategory: 'Pipeline' },
  'closed won': { closed: true, won: true, probability: 100, forecastCategory: 'Closed' },
  'closed lost': { closed: true, won: false, probability: 0, forecastCategory: 'Omitted' }
};

/** A new org's closed statuses of cases and tasks. */
const DEFAULT_CLOSED: Record<string, string[]> = { case: ['closed'], task: ['completed'] };

/** ForecastCategory API values and the ForecastCategoryName labels they show as. */
const FORECAST_NAMES: Record<string, string> = {
  Omitted: 'Omitted',
  Pipeline: 'Pipeline',
  BestCase: 'Best Case',
  Forecast: 'Commit',
  Closed: 'Closed'
};

const STATUS_FIELD: Record<string, string> = { opportunity: 'StageName', case: 'Status', task: 'Status' };

function flagsOf(schema: SchemaModel, object: string, value: string): StatusFlags | undefined {
  const entry: PicklistEntry | undefined = schema
    .field(object, STATUS_FIELD[object])
    ?.picklistValues.find((p) => p.value === value);
  if (entry?.closed !== undefined)
    return {
      closed: entry.closed,
      won: entry.won,
      probability: entry.probability,
      forecastCategory: entry.forecastCategory
    };
  const key = value.toLowerCase();
  if (object === 'opportunity') return DEFAULT_STAGES[key];
  return { closed: DEFAULT_CLOSED[object].includes(key) };
}

/**
 * Sets the derived fields of `fields` (the row being saved, lower-case keys) from its status. `before` is the stored
 * row of an update (null on insert); `setByCaller` the fields the caller's record holds.
 */
export function deriveStatusFields(
  schema: SchemaModel,
  objectName: string,
  fields: Map<string, Value>,
  before: Map<string, Value> | null,
  setByCaller: Set<string>,
  now: ApexDatetime
): void {
  const object = objectName.toLowerCase();
  const statusField = STATUS_FIELD[object]?.toLowerCase();
  const status = statusField ? fields.get(statusField) : null;
  if (typeof status !== 'string') return;
  const flags = flagsOf(schema, object, status);
  if (!flags) return;
  fields.set('isclosed', flags.closed);
  if (object === 'case') {
    const wasClosed = before?.get('isclosed') === true;
    if (!flags.closed) fields.set('closeddate', null);
    else if (!wasClosed || !before?.get('closeddate')) fields.set('closeddate', now);
  }
  if (object !== 'opportunity') return;
  fields.set('iswon', flags.won === true);
  const stageChanged = before === null || before.get('stagename') !== status;
  if (!stageChanged) return;
  if (flags.probability !== undefined && !setByCaller.has('probability'))
    fields.set('probability', ApexDecimal.of(flags.probability));
  if (flags.forecastCategory && !setByCaller.has('forecastcategoryname')) {
    fields.set('forecastcategory', flags.forecastCategory);
    fields.set('forecastcategoryname', FORECAST_NAMES[flags.forecastCategory] ?? flags.forecastCategory);
  }
}
