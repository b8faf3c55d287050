import { OrgApi, OrgCallError, RecordWriteError, RestRequest, RestResponse } from './org-api';
import { Clock, systemClock } from './wait-for';

/**
 * The platform's transient errors, worth another attempt: a record locked by another transaction
 * (UNABLE_TO_LOCK_ROW), a server that is briefly unavailable (HTTP 503, SERVER_UNAVAILABLE), and the concurrent
 * request limit (REQUEST_LIMIT_EXCEEDED with "Concurrent..." in its message). The daily API request limit
 * (REQUEST_LIMIT_EXCEEDED: TotalRequests) does not clear within a run, so it is not retried.
 */
export function transientReason(cause: unknown, call: 'read' | 'write'): string | undefined {
  if (cause instanceof RecordWriteError) {
    return cause.statusCodes.length > 0 && cause.statusCodes.every((code) => code === 'UNABLE_TO_LOCK_ROW')
      ? 'UNABLE_TO_LOCK_ROW'
      : undefined;
  }
  if (!(cause instanceof OrgCallError)) {
    return undefined;
  }
  if (cause.errorCode === 'UNABLE_TO_LOCK_ROW' || cause.errorCode === 'SERVER_UNAVAILABLE') {
    return cause.errorCode;
  }
  if (cause.errorCode === 'REQUEST_LIMIT_EXCEEDED') {
    return /TotalRequests/i.test(cause.reason) ? undefined : 'REQUEST_LIMIT_EXCEEDED';
  }
  if (cause.status === 503) {
    return 'HTTP 503';
  }
  // A write that timed out may have been saved: only a read is safe to send again.
  return cause.errorCode === 'TIMEOUT' && call === 'read' ? 'no answer in time' : undefined;
}

export interface RetryOptions {
  /** All attempts, the first included. Default 3. */
  attempts?: number;
  /** The wait before the second attempt, doubled for each further one. Default 2 s. */
  delayMs?: number;
  /** The wait after REQUEST_LIMIT_EXCEEDED when the org names none (Retry-After). Default 30 s. */
  limitDelayMs?: number;
  clock?: Clock;
  /** Where "retrying" lines go (stderr under --json). */
  log: (line: string) => void;
}

/** Runs `attempt` until it succeeds, fails for good, or the attempts are used up; prints each retry. */
export async function retrying<T>(
  what: string,
  call: 'read' | 'write',
  attempt: () => Promise<T>,
  options: RetryOptions
): Promise<T> {
  const attempts = options.attempts ?? 3;
  const clock = options.clock ?? systemClock;
  for (let number = 1; ; number++) {
    try {
      return await attempt();
    } catch (cause) {
      const reason = transientReason(cause, call);
      if (reason === undefined || number >= attempts) {
        throw cause;
      }
      const asked = cause instanceof OrgCallError ? cause.retryAfterMs : undefined;
      const wait =
        asked ??
        (reason === 'REQUEST_LIMIT_EXCEEDED'
          ? (options.limitDelayMs ?? 30_000)
          : (options.delayMs ?? 2000) * 2 ** (number - 1));
      options.log(
        `retrying ${what} after ${reason} (attempt ${number + 1} of ${attempts}, in ${Math.round(wait / 1000)} s)`
      );
      await clock.sleep(wait);
    }
  }
}

/**
 * An OrgApi that retries the platform's transient errors (see transientReason). Writes are all-or-none, so a write
 * refused for a locked row saved nothing and can be sent again. A REST call is retried only on HTTP 503 (the request
 * was not processed); its other answers belong to the caller, who checks them.
 */
export function withRetries(api: OrgApi, options: RetryOptions): OrgApi {
  return {
    username: api.username,
    apiVersion: api.apiVersion,
    query: (soql) => retrying('the query', 'read', () => api.query(soql), options),
    create: (sobject, records) => retrying(`creating ${sobject}`, 'write', () => api.create(sobject, records), options),
    update: (sobject, records) => retrying(`updating ${sobject}`, 'write', () => api.update(sobject, records), options),
    remove: (sobject, ids) => retrying(`deleting ${sobject}`, 'write', () => api.remove(sobject, ids), options),
    async send(request: RestRequest): Promise<RestResponse> {
      const what = `${request.method} ${request.path}`;
      let last: RestResponse | undefined;
      try {
        return await retrying(
          what,
          'write',
          async () => {
            last = await api.send(request);
            if (last.status === 503) {
              throw new OrgCallError(what, 'service unavailable', 503);
            }
            return last;
          },
          options
        );
      } catch (cause) {
        // After the last attempt a 503 is the answer, as the caller would have seen it without retries.
        if (last?.status === 503) {
          return last;
        }
        throw cause;
      }
    }
  };
}
