import { OrgApi, RestResponse } from '../lib/org-api';
import { CheckFailure, expectThat } from './expect';

/** The REST web service of the subscription builder (issue 5; JustOn's contract without the ONB2 namespace). */
export const SUBSCRIPTION_SERVICE_PATH = '/services/apexrest/subscription_builder/1/';

/** The parent key that carries a record's idempotency key (SubscriptionReservedFields.EXTERNAL_KEY). */
export const IDEMPOTENCY_KEY_FIELD = 'ON_ExternalKey__c';

/** One record of the request: `{ parent, children }`, children keyed by order no. */
export interface BuildRecordInput {
  parent: Record<string, unknown>;
  children?: Record<string, Record<string, unknown>>;
}

/** One result of the response (seed 004, "Web Service Response"). */
export interface BuildResult {
  success: boolean;
  subscriptionId: string | null;
  buildError: string | null;
  index: number;
}

/** What a check expects of one result. */
export interface ExpectedOutcome {
  success: boolean;
  /** Text the build error must contain, e.g. the name of an unknown key. */
  errorMentions?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short text for an error body: Salesforce's `[{errorCode, message}]`, an `{error}` or `{message}`, or the JSON. */
export function describeBody(body: unknown): string {
  const first = Array.isArray(body) ? body[0] : body;
  if (isRecord(first)) {
    const code = typeof first.errorCode === 'string' ? `${first.errorCode}: ` : '';
    for (const key of ['message', 'error', 'errorMessage']) {
      if (typeof first[key] === 'string') {
        return `${code}${String(first[key])}`;
      }
    }
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function notDeployedHint(response: RestResponse, what: string): string {
  return response.status === 404 ? ` (is ${what} deployed in this org?)` : '';
}

/** POSTs records (or any body, to test bad input) to the service. */
export function callSubscriptionService(
  api: OrgApi,
  body: unknown,
  options: { dryRun?: boolean } = {}
): Promise<RestResponse> {
  const query = options.dryRun ? '?dryRun=true' : '';
  return api.send({ method: 'POST', path: `${SUBSCRIPTION_SERVICE_PATH}${query}`, body });
}

/** The results of a 200 response, one per record in request order; anything else fails the check. */
export function readBuildResults(response: RestResponse, recordCount: number): BuildResult[] {
  if (response.status !== 200) {
    throw new CheckFailure(
      `POST ${SUBSCRIPTION_SERVICE_PATH}`,
      `HTTP 200 with ${recordCount} result(s)`,
      `HTTP ${response.status}: ${describeBody(response.body)}${notDeployedHint(response, 'the REST web service of issue 5')}`
    );
  }
  const body = response.body;
  const results = Array.isArray(body) ? body.filter(isRecord) : [];
  expectThat(
    `POST ${SUBSCRIPTION_SERVICE_PATH}`,
    Array.isArray(body) &&
      results.length === recordCount &&
      results.every((result) => typeof result.success === 'boolean'),
    `an array of ${recordCount} {success, subscriptionId, buildError, index}`,
    describeBody(body)
  );
  return results.map((result, position) => ({
    success: result.success === true,
    subscriptionId: typeof result.subscriptionId === 'string' ? result.subscriptionId : null,
    buildError: typeof result.buildError === 'string' ? result.buildError : null,
    index: typeof result.index === 'number' ? result.index : position
  }));
}

/** Each result in request order (index = position) with the expected success and error text. */
export function expectOutcomes(results: readonly BuildResult[], expected: readonly ExpectedOutcome[]): void {
  const seen = results.map(
    (result) => `#${result.index} ${result.success ? 'success' : `failed (${result.buildError ?? 'no error'})`}`
  );
  const wanted = expected.map(
    (outcome, index) =>
      `#${index} ${outcome.success ? 'success' : `failed${outcome.errorMentions ? ` naming ${outcome.errorMentions}` : ''}`}`
  );
  const matches =
    results.length === expected.length &&
    expected.every((outcome, index) => {
      const result = results[index];
      return (
        result.index === index &&
        result.success === outcome.success &&
        (outcome.errorMentions === undefined || (result.buildError ?? '').includes(outcome.errorMentions))
      );
    });
  expectThat('the results, in request order', matches, wanted.join('; '), seen.join('; '));
}

/** One output of the "Build Subscription" invocable action. */
export interface ActionOutput {
  success: boolean;
  subscriptionId: string | null;
  error: string | null;
}

/**
 * Calls the invocable action through the REST actions endpoint, as a flow would call it, and reads one output per
 * input. The endpoint answers 200 with one entry per input; an entry with isSuccess false carries its errors.
 */
export async function runBuildAction(
  api: OrgApi,
  inputs: ReadonlyArray<{ filterName?: string; recordId: string }>
): Promise<ActionOutput[]> {
  const path = `/services/data/v${api.apiVersion}/actions/custom/apex/BuildSubscriptionAction`;
  const response = await api.send({ method: 'POST', path, body: { inputs } });
  return readActionOutputs(response, inputs.length);
}

export function readActionOutputs(response: RestResponse, inputCount: number): ActionOutput[] {
  const what = 'POST …/actions/custom/apex/BuildSubscriptionAction';
  if (response.status !== 200) {
    throw new CheckFailure(
      what,
      `HTTP 200 with ${inputCount} output(s)`,
      `HTTP ${response.status}: ${describeBody(response.body)}${notDeployedHint(response, 'the BuildSubscriptionAction class')}`
    );
  }
  const entries = Array.isArray(response.body) ? response.body.filter(isRecord) : [];
  expectThat(what, entries.length === inputCount, `${inputCount} output(s)`, describeBody(response.body));
  return entries.map((entry) => {
    const values = isRecord(entry.outputValues) ? entry.outputValues : {};
    const errors = Array.isArray(entry.errors) ? entry.errors : [];
    const actionError = entry.isSuccess === false ? describeBody(errors) : null;
    return {
      success: entry.isSuccess !== false && values.success === true,
      subscriptionId: typeof values.subscriptionId === 'string' ? values.subscriptionId : null,
      error: actionError ?? (typeof values.error === 'string' ? values.error : null)
    };
  });
}
