/**
 * Callouts and outbound email in tests, probed against the Apex Developer Guide ("Testing HTTP Callouts Using Static
 * Resources", "Invoking Callouts Using Apex", "Outbound Email"): the built-in callout mocks were UNSUPPORTED, a callout
 * after DML passed, and SingleEmailMessage was UNSUPPORTED.
 */
import { outcomes, runSnippet } from './snippet-project';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const resource = (type: string): string =>
  `${XML}<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata"><cacheControl>Private</cacheControl><contentType>${type}</contentType></StaticResource>`;

describe('apex runtime fidelity: callouts and email', () => {
  const r = runSnippet(
    'Outbound_Tests',
    `
    static HttpResponse get(String endpoint) {
      HttpRequest req = new HttpRequest();
      req.setEndpoint(endpoint);
      req.setMethod('GET');
      return new Http().send(req);
    }
    // "Testing HTTP Callouts Using Static Resources": StaticResourceCalloutMock answers with the resource's body and
    // the status and headers set on it
    @IsTest static void staticResourceMockAnswersWithTheResource() {
      StaticResourceCalloutMock mock = new StaticResourceCalloutMock();
      mock.setStaticResource('Accounts');
      mock.setStatusCode(200);
      mock.setHeader('Content-Type', 'application/json');
      Test.setMock(HttpCalloutMock.class, mock);
      HttpResponse res = get('https://api.example.com/accounts');
      Assert.areEqual(200, res.getStatusCode());
      Assert.areEqual('{"accounts":[]}', res.getBody());
      Assert.areEqual('application/json', res.getHeader('Content-Type'));
    }
    // MultiStaticResourceCalloutMock answers each endpoint with its own resource
    @IsTest static void multiStaticResourceMockAnswersByEndpoint() {
      MultiStaticResourceCalloutMock mock = new MultiStaticResourceCalloutMock();
      mock.setStaticResource('https://api.example.com/accounts', 'Accounts');
      mock.setStaticResource('https://api.example.com/ping', 'Pong');
      mock.setStatusCode(201);
      Test.setMock(HttpCalloutMock.class, mock);
      Assert.areEqual('pong', get('https://api.example.com/ping').getBody());
      HttpResponse res = get('https://api.example.com/accounts');
      Assert.areEqual('{"accounts":[]}', res.getBody());
      Assert.areEqual(201, res.getStatusCode());
    }
    // "Invoking Callouts Using Apex": "You can't make a callout when there are pending operations in the same
    // transaction" (DML, async Apex, email): CalloutException "You have uncommitted work pending. Please commit or
    // rollback before calling out". Test.startTest() begins afresh, the usual way tests insert data first.
    @IsTest static void calloutAfterDmlIsRefusedUntilStartTest() {
      StaticResourceCalloutMock mock = new StaticResourceCalloutMock();
      mock.setStaticResource('Pong');
      mock.setStatusCode(200);
      Test.setMock(HttpCalloutMock.class, mock);
      insert new Account(Name = 'pending');
      try {
        get('https://api.example.com/ping');
        Assert.fail('expected a CalloutException');
      } catch (CalloutException e) {
        Assert.areEqual('You have uncommitted work pending. Please commit or rollback before calling out', e.getMessage());
      }
      Test.startTest();
      Assert.areEqual('pong', get('https://api.example.com/ping').getBody());
      Test.stopTest();
    }
    // "Outbound Email" / Messaging.SingleEmailMessage: sendEmail returns a result per message and counts one email
    // invocation; a message without any recipient fails (REQUIRED_FIELD_MISSING, Missing target address)
    @IsTest static void singleEmailIsSentAndCounted() {
      Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
      mail.setToAddresses(new List<String>{ 'someone@example.com' });
      mail.setSubject('Hello');
      mail.setPlainTextBody('Body');
      Assert.areEqual('Hello', mail.getSubject());
      List<Messaging.SendEmailResult> results = Messaging.sendEmail(new List<Messaging.SingleEmailMessage>{ mail });
      Assert.isTrue(results[0].isSuccess());
      Assert.areEqual(1, Limits.getEmailInvocations());
      Messaging.SingleEmailMessage nobody = new Messaging.SingleEmailMessage();
      nobody.setPlainTextBody('Body');
      try {
        Messaging.sendEmail(new List<Messaging.Email>{ nobody });
        Assert.fail('expected an EmailException');
      } catch (EmailException e) {
        Assert.isTrue(e.getMessage().contains('REQUIRED_FIELD_MISSING, Missing target address'), e.getMessage());
      }
      List<Messaging.SendEmailResult> partial = Messaging.sendEmail(new List<Messaging.Email>{ nobody }, false);
      Assert.isFalse(partial[0].isSuccess());
      Assert.areEqual(StatusCode.REQUIRED_FIELD_MISSING, partial[0].getErrors()[0].getStatusCode());
    }
  `,
    {
      'staticresources/Accounts.json': '{"accounts":[]}',
      'staticresources/Accounts.resource-meta.xml': resource('application/json'),
      'staticresources/Pong.txt': 'pong',
      'staticresources/Pong.resource-meta.xml': resource('text/plain')
    }
  );

  it.each([
    'staticResourceMockAnswersWithTheResource',
    'multiStaticResourceMockAnswersByEndpoint',
    'calloutAfterDmlIsRefusedUntilStartTest',
    'singleEmailIsSentAndCounted'
  ])('%s', (name) => {
    expect(outcomes(r, [name])).toEqual([[name, 'PASS', undefined]]);
  });
});
