import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { Connection } from '@jsforce/jsforce-node';
import { OrgApi, orgApiOf, OrgCallError, RecordWriteError } from '../../scripts/lib/org-api';
import { shareHostSymbolDispose } from '../support/host-symbols';

shareHostSymbolDispose();

/**
 * The jsforce-backed OrgApi against a local HTTP server that answers like the REST API: proves the adapter's
 * requests and how it reads answers, not anything about a real org.
 */
type Handler = (
  request: IncomingMessage,
  body: string
) => { status: number; body: unknown; headers?: Record<string, string>; hang?: boolean };

describe('orgApiOf (against a local REST stand-in)', () => {
  let server: Server;
  let api: OrgApi;
  let handler: Handler;
  const seen: Array<{ method: string; url: string; body: string; authorization: string }> = [];

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        seen.push({
          method: request.method ?? '',
          url: request.url ?? '',
          body,
          authorization: String(request.headers.authorization)
        });
        const answer = handler(request, body);
        if (answer.hang) {
          return;
        }
        response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const url = `http://127.0.0.1:${port}`;
    // A plain jsforce connection with a session: @salesforce/core's Connection is this class plus auth files.
    api = orgApiOf(
      new Connection({ instanceUrl: url, accessToken: '00D000000000001!token', version: '65.0' }),
      'admin@example.com'
    );
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    seen.length = 0;
  });

  it('queries with the session and reads every page', async () => {
    handler = (request) =>
      request.url?.includes('/query/01g-2000')
        ? { status: 200, body: { totalSize: 2, done: true, records: [{ Id: '001B' }] } }
        : {
            status: 200,
            body: {
              totalSize: 2,
              done: false,
              nextRecordsUrl: '/services/data/v65.0/query/01g-2000',
              records: [{ Id: '001A' }]
            }
          };
    const records = await api.query('SELECT Id FROM Account');
    expect(records.map((record) => record.Id)).toEqual(['001A', '001B']);
    expect(seen[0].url).toBe('/services/data/v65.0/query?q=SELECT%20Id%20FROM%20Account');
    expect(seen[0].authorization).toBe('Bearer 00D000000000001!token');
  });

  it('creates all-or-none through sObject Collections and returns the Ids in order', async () => {
    handler = () => ({
      status: 200,
      body: [
        { id: '001A', success: true, errors: [] },
        { id: '001B', success: true, errors: [] }
      ]
    });
    await expect(api.create('Account', [{ Name: 'A' }, { Name: 'B' }])).resolves.toEqual(['001A', '001B']);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/services/data/v65.0/composite/sobjects' });
    expect(JSON.parse(seen[0].body)).toMatchObject({
      allOrNone: true,
      records: [
        { Name: 'A', attributes: { type: 'Account' } },
        { Name: 'B', attributes: { type: 'Account' } }
      ]
    });
  });

  it('turns refused records into one error that names the record, the code and the fields', async () => {
    handler = () => ({
      status: 200,
      body: [
        {
          success: false,
          errors: [
            { statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] }
          ]
        }
      ]
    });
    const create = api.create('Account', [{ Name: null }]);
    await expect(create).rejects.toThrow(RecordWriteError);
    await expect(create).rejects.toThrow(
      'Creating Account #1 failed: REQUIRED_FIELD_MISSING: Required fields are missing: [Name] (Name)'
    );
    await expect(create).rejects.toMatchObject({ statusCodes: ['REQUIRED_FIELD_MISSING'] });
  });

  it('answers REST calls with their status and parsed body, also for 4xx', async () => {
    handler = (request) =>
      request.url?.startsWith('/services/apexrest/')
        ? { status: 400, body: { error: 'The body is not JSON.' } }
        : { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'Could not find a match for URL' }] };
    await expect(
      api.send({ method: 'POST', path: '/services/apexrest/subscription_builder/1/', body: 'not json' })
    ).resolves.toEqual({ status: 400, body: { error: 'The body is not JSON.' } });
    expect(seen[0].body).toBe('not json');
    await expect(api.send({ method: 'GET', path: '/services/data/v65.0/nothing' })).resolves.toEqual({
      status: 404,
      body: [{ errorCode: 'NOT_FOUND', message: 'Could not find a match for URL' }]
    });
  });

  it('sends objects as JSON', async () => {
    handler = () => ({ status: 200, body: [{ isSuccess: true, outputValues: { success: true } }] });
    const response = await api.send({
      method: 'POST',
      path: '/services/data/v65.0/actions/custom/apex/X',
      body: { inputs: [] }
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(seen[0].body)).toEqual({ inputs: [] });
  });

  it('says the HTTP status and the Salesforce error code of a failed query, in one sentence', async () => {
    handler = () => ({
      status: 400,
      body: [{ errorCode: 'INVALID_FIELD', message: "No such column 'Nope__c' on entity 'Order'." }]
    });
    const query = api.query('SELECT Nope__c FROM Order');
    await expect(query).rejects.toThrow(OrgCallError);
    await expect(query).rejects.toThrow(
      `The query "SELECT Nope__c FROM Order" failed: HTTP 400 INVALID_FIELD: No such column 'Nope__c' on entity 'Order'.`
    );
  });

  it('keeps the wait a limit error asks for (Retry-After)', async () => {
    handler = () => ({
      status: 503,
      headers: { 'retry-after': '5' },
      body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Try later' }]
    });
    await expect(api.query('SELECT Id FROM Account')).rejects.toMatchObject({
      status: 503,
      errorCode: 'SERVER_UNAVAILABLE',
      retryAfterMs: 5000
    });
  });

  it('gives up on a call that gets no answer in time, with a TIMEOUT sentence', async () => {
    handler = () => ({ status: 200, body: null, hang: true });
    const { port } = server.address() as { port: number };
    const impatient = orgApiOf(
      new Connection({
        instanceUrl: `http://127.0.0.1:${port}`,
        accessToken: '00D000000000001!token',
        version: '65.0'
      }),
      'admin@example.com',
      { timeoutMs: 200 }
    );
    await expect(impatient.query('SELECT Id FROM Account')).rejects.toMatchObject({
      errorCode: 'TIMEOUT',
      message: 'GET /services/data/v65.0/query failed: TIMEOUT: no answer within 0.2 s.'
    });
  });
});
