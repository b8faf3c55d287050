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

/** The OrgApi of a connected org: a jsforce connection (`@salesforce/core`'s Connection is one). */
export function orgApiOf(connection: Connection, username: string): OrgApi {
  async function write(verb: string, sobject: string, run: () => Promise<SaveResult[]>, offset: number) {
    const results = await run();
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
      const result = await connection.query<T>(soql, { autoFetch: true, maxFetch: 100000 });
      return result.records;
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
      // jsforce's connection.request throws on 4xx/5xx and hides the status; its HttpApi reports every response.
      const http = new HttpApi(connection, {});
      let response: { statusCode: number; body: string } | undefined;
      http.on('response', (received: { statusCode: number; body: string }) => {
        response = received;
      });
      const body =
        request.body === undefined
          ? undefined
          : typeof request.body === 'string'
            ? request.body
            : JSON.stringify(request.body);
      try {
        await http.request({
          method: request.method,
          url: `${connection.instanceUrl}${request.path}`,
          body,
          headers: body === undefined ? {} : { 'content-type': 'application/json' }
        });
      } catch (error) {
        if (response === undefined) {
          throw error;
        }
      }
      if (response === undefined) {
        throw new Error(`no response from ${request.method} ${request.path}`);
      }
      return { status: response.statusCode, body: parseBody(response.body) };
    }
  };
}
