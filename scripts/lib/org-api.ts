import type { Connection } from '@jsforce/jsforce-node';
import { HttpApi } from '@jsforce/jsforce-node/lib/http-api';
import { FieldValue } from './values';

/** A record as the REST API returns it: an Id and fields (relationship fields are nested objects). */
export type OrgRecord = { Id: string } & Record<string, unknown>;

/** Field values to write. */
export type FieldMap = Record<string, FieldValue>;

export interface RestRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** From the instance root, e.g. /services/apexrest/subscription_builder/1/ */
  path: string;
  /** An object is sent as JSON; a string is sent as it is (to test malformed bodies). */
  body?: unknown;
}

export interface RestResponse {
  status: number;
  /** Parsed JSON when the body is JSON, the text otherwise. */
  body: unknown;
}

/**
 * What the org scripts and the end-to-end checks need from an org. Small on purpose: the production implementation
 * is a thin layer over a jsforce connection, and tests replace it with an in-memory fake.
 */
export interface OrgApi {
  readonly username: string;
  readonly apiVersion: string;
  /** Every record the query selects (all pages). */
  query<T extends OrgRecord = OrgRecord>(soql: string): Promise<T[]>;
  /** Creates the records all-or-none and returns their Ids in order. */
  create(sobject: string, records: FieldMap[]): Promise<string[]>;
  /** Updates the records (each with its Id) all-or-none. */
  update(sobject: string, records: Array<{ Id: string } & FieldMap>): Promise<void>;
  /** Deletes the records all-or-none. */
  remove(sobject: string, ids: string[]): Promise<void>;
  /** A REST call that answers with the status instead of throwing on 4xx/5xx. */
  send(request: RestRequest): Promise<RestResponse>;
}

/**
 * A call the org answered with an error (or did not answer in time): one sentence with the HTTP status and the
 * Salesforce error code when known, e.g. `The query failed: HTTP 400 INVALID_FIELD: No such column 'X' on Order.`
 * `retryAfterMs` is the wait the org asked for (a Retry-After header).
 */
export class OrgCallError extends Error {
  constructor(
    readonly what: string,
    readonly reason: string,
    readonly status?: number,
    readonly errorCode?: string,
    readonly retryAfterMs?: number
  ) {
    const code = [status === undefined ? '' : `HTTP ${status}`, errorCode ?? ''].filter(Boolean).join(' ');
    super(`${what} failed: ${code ? `${code}: ` : ''}${reason.replace(/[.\s]+$/, '')}.`);
    this.name = 'OrgCallError';
  }
}

/** A create, update or delete the org refused; carries the status codes (e.g. ENTITY_IS_DELETED). */
export class RecordWriteError extends Error {
  constructor(
    message: string,
    readonly statusCodes: string[]
  ) {
    super(message);
    this.name = 'RecordWriteError';
  }
}

// The REST API's limit for one sObject Collections call.
const COLLECTION_SIZE = 200;

interface SaveError {
  statusCode?: string;
  errorCode?: string;
  message: string;
  fields?: string[];
}

type SaveResult = { success: boolean; id?: string; errors?: SaveError[] };

/** The org's answer to a write, as one sentence per failed record. */
export function describeSaveFailures(verb: string, sobject: string, results: SaveResult[], offset = 0): string[] {
  return results.flatMap((result, index) =>
    result.success
      ? []
      : [
          `${verb} ${sobject} #${offset + index + 1} failed: ${(result.errors ?? [])
            .map((error) => {
              const fields = error.fields?.length ? ` (${error.fields.join(', ')})` : '';
              return `${error.statusCode ?? error.errorCode ?? 'ERROR'}: ${error.message}${fields}`;
            })
            .join('; ')}`
        ]
  );
}

function statusCodesOf(results: SaveResult[]): string[] {
  return results.flatMap((result) =>
    (result.errors ?? []).map((error) => error.statusCode ?? error.errorCode ?? 'ERROR')
  );
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += COLLECTION_SIZE) {
    result.push(items.slice(start, start + COLLECTION_SIZE));
  }
  return result;
}

function parseBody(text: string): unknown {
  if (text === '') {
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The first error of a REST error body (`[{ errorCode, message }]` or `{ errorCode, message }`), if it is one. */
function restError(body: unknown): { errorCode?: string; message?: string } {
  const first: unknown = Array.isArray(body) ? body[0] : body;
  if (typeof first !== 'object' || first === null) {
    return typeof body === 'string' && body.trim() !== '' ? { message: body.trim().split('\n')[0] } : {};
  }
  const record = first as Record<string, unknown>;
  return {
    errorCode: typeof record.errorCode === 'string' ? record.errorCode : undefined,
    message: typeof record.message === 'string' ? record.message : undefined
  };
}

/** Seconds of a Retry-After header as milliseconds. */
function retryAfter(headers: Record<string, unknown> | undefined): number | undefined {
  const seconds = Number(headers?.['retry-after']);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** jsforce's error (an HttpApiError carries `errorCode`; `ERROR_HTTP_503` when the body was not JSON). */
function fromLibraryError(what: string, cause: unknown): OrgCallError {
  if (cause instanceof OrgCallError) {
    return cause;
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  const code =
    typeof cause === 'object' && cause !== null && 'errorCode' in cause ? String(cause.errorCode) : undefined;
  const httpStatus = /^ERROR_HTTP_(\d{3})$/.exec(code ?? '');
  return httpStatus
    ? new OrgCallError(what, message, Number(httpStatus[1]))
    : new OrgCallError(what, message.split('\n')[0], undefined, code === 'Error' ? undefined : code);
}

/** Rejects with a timeout error when the call takes longer than `timeoutMs` (0: no limit). */
function withTimeout<T>(what: string, timeoutMs: number, call: Promise<T>): Promise<T> {
  if (timeoutMs <= 0) {
    return call;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new OrgCallError(what, `no answer within ${Math.round(timeoutMs / 100) / 10} s`, undefined, 'TIMEOUT')),
      timeoutMs
    );
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}

export interface OrgApiOptions {
  /** How long one call may take before it fails with a TIMEOUT error; 0 for no limit. Default 120 s. */
  timeoutMs?: number;
}

/** The OrgApi of a connected org: a jsforce connection (`@salesforce/core`'s Connection is one). */
export function orgApiOf(connection: Connection, username: string, options: OrgApiOptions = {}): OrgApi {
  const timeoutMs = options.timeoutMs ?? 120_000;

  /** One REST call that answers with the status, body and headers instead of throwing on 4xx/5xx. */
  async function call(request: RestRequest): Promise<RestResponse & { headers: Record<string, unknown> | undefined }> {
    // jsforce's connection.request throws on 4xx/5xx and hides the status; its HttpApi reports every response.
    const http = new HttpApi(connection, {});
    let response: { statusCode: number; body: string; headers?: Record<string, unknown> } | undefined;
    http.on('response', (received: { statusCode: number; body: string; headers?: Record<string, unknown> }) => {
      response = received;
    });
    const body =
      request.body === undefined
        ? undefined
        : typeof request.body === 'string'
          ? request.body
          : JSON.stringify(request.body);
    const what = `${request.method} ${request.path.split('?')[0]}`;
    try {
      await withTimeout(
        what,
        timeoutMs,
        http.request({
          method: request.method,
          url: `${connection.instanceUrl}${request.path}`,
          body,
          headers: body === undefined ? {} : { 'content-type': 'application/json' }
        })
      );
    } catch (error) {
      if (response === undefined) {
        throw error instanceof OrgCallError ? error : fromLibraryError(what, error);
      }
    }
    if (response === undefined) {
      throw new OrgCallError(what, 'no response');
    }
    return { status: response.statusCode, body: parseBody(response.body), headers: response.headers };
  }

  async function write(verb: string, sobject: string, run: () => Promise<SaveResult[]>, offset: number) {
    let results: SaveResult[];
    try {
      results = await withTimeout(`${verb} ${sobject}`, timeoutMs, run());
    } catch (cause) {
      throw fromLibraryError(`${verb} ${sobject}`, cause);
    }
    const failures = describeSaveFailures(verb, sobject, results, offset);
    if (failures.length > 0) {
      throw new RecordWriteError(failures.join('\n'), statusCodesOf(results));
    }
    return results;
  }

  return {
    username,
    apiVersion: connection.version,

    async query<T extends OrgRecord>(soql: string): Promise<T[]> {
      const records: T[] = [];
      let path: string | undefined = `/services/data/v${connection.version}/query?q=${encodeURIComponent(soql)}`;
      while (path !== undefined) {
        const response = await call({ method: 'GET', path });
        if (response.status >= 400) {
          const error = restError(response.body);
          throw new OrgCallError(
            `The query "${soql.length > 80 ? `${soql.slice(0, 77)}...` : soql}"`,
            error.message ?? 'no reason given',
            response.status,
            error.errorCode,
            retryAfter(response.headers)
          );
        }
        const page = response.body as { records?: T[]; done?: boolean; nextRecordsUrl?: string };
        records.push(...(page.records ?? []));
        path = page.done === false && page.nextRecordsUrl ? page.nextRecordsUrl : undefined;
      }
      return records;
    },

    async create(sobject, records) {
      const ids: string[] = [];
      for (const [index, chunk] of chunks(records).entries()) {
        const results = await write(
          'Creating',
          sobject,
          () => connection.sobject(sobject).create(chunk, { allOrNone: true }),
          index * COLLECTION_SIZE
        );
        ids.push(...results.map((result) => result.id ?? ''));
      }
      return ids;
    },

    async update(sobject, records) {
      for (const [index, chunk] of chunks(records).entries()) {
        await write(
          'Updating',
          sobject,
          () => connection.sobject(sobject).update(chunk, { allOrNone: true }),
          index * COLLECTION_SIZE
        );
      }
    },

    async remove(sobject, ids) {
      for (const [index, chunk] of chunks(ids).entries()) {
        await write(
          'Deleting',
          sobject,
          () => connection.sobject(sobject).destroy(chunk, { allOrNone: true }),
          index * COLLECTION_SIZE
        );
      }
    },

    async send(request) {
      const response = await call(request);
      return { status: response.status, body: response.body };
    }
  };
}
