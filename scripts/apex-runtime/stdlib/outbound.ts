/**
 * What a test sends out, which never leaves the runtime, as on the platform in a test: the built-in HTTP callout mocks
 * that answer from static resources (Apex Developer Guide, "Testing HTTP Callouts Using Static Resources") and
 * outbound email (Messaging.SingleEmailMessage and Messaging.sendEmail, "Outbound Email"), checked and counted.
 */
import { ApexBlob, ApexList, EnumValue, type Value } from '../interpreter/values';
import { NativeObject } from './native';
import type { Platform } from './platform';

const MOCK_KINDS = new Set(['staticresourcecalloutmock', 'multistaticresourcecalloutmock']);

/** `new StaticResourceCalloutMock()`, `new MultiStaticResourceCalloutMock()`, `new Messaging.SingleEmailMessage()`. */
export function constructOutbound(name: string): NativeObject | undefined {
  if (MOCK_KINDS.has(name))
    return new NativeObject(name, {
      resources: new Map<string, string>(),
      statusCode: null,
      status: null,
      headers: new Map<string, Value>()
    });
  if (name === 'messaging.singleemailmessage' || name === 'singleemailmessage')
    return new NativeObject('singleemailmessage', { values: new Map<string, Value>() });
  return undefined;
}

/** The methods of the objects above and of the send results; undefined for another kind of object. */
export function outboundMethod(o: NativeObject, m: string, a: Value[]): Value | undefined {
  const d = o.data;
  if (MOCK_KINDS.has(o.kind)) {
    switch (m) {
      case 'setstaticresource':
        // the single mock has one resource for every endpoint; the multi mock one per endpoint
        (d.resources as Map<string, string>).set(a.length > 1 ? String(a[0]) : '*', String(a[a.length - 1]));
        return null;
      case 'setstatuscode':
        d.statusCode = a[0];
        return null;
      case 'setstatus':
        d.status = a[0];
        return null;
      case 'setheader':
        (d.headers as Map<string, Value>).set(String(a[0]), a[1]);
        return null;
    }
    return undefined;
  }
  if (o.kind === 'singleemailmessage') {
    const values = d.values as Map<string, Value>;
    if (m.startsWith('set')) {
      values.set(m.slice(3), a[0]);
      return null;
    }
    if (m.startsWith('get')) return values.get(m.slice(3)) ?? null;
    return undefined;
  }
  if (o.kind === 'sendemailresult') {
    if (m === 'issuccess') return d.success;
    if (m === 'geterrors') return d.errors;
    return undefined;
  }
  if (o.kind === 'sendemailerror') {
    if (m === 'getstatuscode') return d.statusCode;
    if (m === 'getmessage') return d.message;
    if (m === 'getfields') return new ApexList({ n: 'String' }, []);
    if (m === 'gettargetobjectid') return d.targetObjectId ?? null;
    return undefined;
  }
  return undefined;
}

export const isResourceMock = (mock: Value): mock is NativeObject =>
  mock instanceof NativeObject && MOCK_KINDS.has(mock.kind);

/** The response a static-resource mock gives to `request`: the resource's body, the status and headers set on it. */
export function resourceMockResponse(
  platform: Platform,
  mock: NativeObject,
  request: NativeObject,
  line: number
): Value {
  const endpoint = String(request.data.endpoint ?? '');
  const resources = mock.data.resources as Map<string, string>;
  const name = mock.kind === 'staticresourcecalloutmock' ? resources.get('*') : resources.get(endpoint);
  if (!name) throw platform.interp.unsupported(`${mock.kind} without a static resource for ${endpoint}`, line);
  const row = platform.db
    .rows('StaticResource')
    .find((r) => String(r.fields.get('name') ?? '').toLowerCase() === name.toLowerCase());
  if (!row) throw platform.interp.unsupported(`callout mock of a static resource the project lacks (${name})`, line);
  const body = row.fields.get('body');
  const response = platform.constructBuiltin('httpresponse', [], line) as NativeObject;
  response.data.body = body instanceof ApexBlob ? body.bytes.toString('utf8') : '';
  if (mock.data.statusCode !== null) response.data.statusCode = mock.data.statusCode;
  response.data.status = mock.data.status;
  for (const [header, value] of mock.data.headers as Map<string, Value>)
    (response.data.headers as Map<string, Value>).set(header.toLowerCase(), value);
  return response;
}

const hasAny = (value: Value): boolean =>
  value instanceof ApexList ? value.items.length > 0 : value !== null && value !== undefined && value !== '';

/**
 * Messaging.sendEmail(messages[, allOrNothing]): one email invocation (10 a transaction); a message without any
 * recipient (target object, to, cc or bcc) fails with REQUIRED_FIELD_MISSING "Missing target address (target, to, cc,
 * bcc)", thrown as an EmailException unless allOrNothing is false. Sending counts as work pending a commit.
 */
export function sendEmail(platform: Platform, args: Value[], line: number): Value {
  platform.limits.emailInvocations++;
  if (platform.limits.emailInvocations > 10)
    throw platform.host.exception('System.LimitException', 'Too many Email Invocations: 11', line);
  const messages = args[0] instanceof ApexList ? args[0].items : [];
  const allOrNothing = args[1] !== false;
  const results = messages.map((message, row) => {
    if (!(message instanceof NativeObject) || message.kind !== 'singleemailmessage')
      throw platform.interp.unsupported('Messaging.sendEmail of a message other than SingleEmailMessage', line);
    const values = message.data.values as Map<string, Value>;
    const addressed = ['targetobjectid', 'toaddresses', 'ccaddresses', 'bccaddresses'].some((k) =>
      hasAny(values.get(k))
    );
    if (!addressed && allOrNothing)
      throw platform.host.exception(
        'System.EmailException',
        `SendEmail failed. First exception on row ${row}; first error: REQUIRED_FIELD_MISSING, Missing target address (target, to, cc, bcc): []`,
        line
      );
    const errors = addressed
      ? []
      : [
          new NativeObject('sendemailerror', {
            statusCode: new EnumValue('StatusCode', 'REQUIRED_FIELD_MISSING', 0),
            message: 'Missing target address (target, to, cc, bcc)'
          })
        ];
    return new NativeObject('sendemailresult', {
      success: addressed,
      errors: new ApexList({ n: 'Messaging.SendEmailError' }, errors)
    });
  });
  platform.limits.pendingWork = true;
  return new ApexList({ n: 'Messaging.SendEmailResult' }, results);
}
