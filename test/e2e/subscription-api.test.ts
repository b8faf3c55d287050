import { CheckFailure } from '../../scripts/e2e/expect';
import {
  describeBody,
  expectOutcomes,
  readActionOutputs,
  readBuildResults,
  runBuildAction,
  SUBSCRIPTION_SERVICE_PATH
} from '../../scripts/e2e/subscription-api';
import { ScriptedOrgApi } from '../support/fake-org';

describe('readBuildResults', () => {
  it('reads one result per record, as seed 004 answers', () => {
    const body = [
      { success: true, subscriptionId: 'a00A', buildError: null, index: 0 },
      { success: false, subscriptionId: null, buildError: 'Unknown key ON_X__c', index: 1 }
    ];
    expect(readBuildResults({ status: 200, body }, 2)).toEqual(body);
  });

  it('fails with the status and a hint when the service is not deployed', () => {
    expect(() =>
      readBuildResults(
        { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'Could not find a match for URL' }] },
        1
      )
    ).toThrow(
      new CheckFailure(
        `POST ${SUBSCRIPTION_SERVICE_PATH}`,
        'HTTP 200 with 1 result(s)',
        'HTTP 404: NOT_FOUND: Could not find a match for URL (is the REST web service of issue 5 deployed in this org?)'
      )
    );
  });

  it('fails on a 200 whose body is not one result per record', () => {
    expect(() => readBuildResults({ status: 200, body: [{ success: true }] }, 2)).toThrow(
      'expected an array of 2 {success, subscriptionId, buildError, index}, saw [{"success":true}]'
    );
  });
});

describe('expectOutcomes', () => {
  const results = [
    {
      success: false,
      subscriptionId: null,
      buildError: 'ON_NoSuchField__c is not a field of Subscription__c',
      index: 0
    },
    { success: true, subscriptionId: 'a00B', buildError: null, index: 1 }
  ];

  it('accepts results in request order with the expected successes and errors', () => {
    expect(() =>
      expectOutcomes(results, [{ success: false, errorMentions: 'ON_NoSuchField__c' }, { success: true }])
    ).not.toThrow();
  });

  it('names every result when one differs', () => {
    expect(() =>
      expectOutcomes(results, [{ success: false, errorMentions: 'ON_Account__c' }, { success: true }])
    ).toThrow(
      new CheckFailure(
        'the results, in request order',
        '#0 failed naming ON_Account__c; #1 success',
        '#0 failed (ON_NoSuchField__c is not a field of Subscription__c); #1 success'
      )
    );
  });
});

describe('the Build Subscription action through REST', () => {
  it('posts the inputs to the custom action endpoint and reads the outputs', async () => {
    const api = new ScriptedOrgApi(
      [],
      [
        {
          status: 200,
          body: [
            {
              actionName: 'BuildSubscriptionAction',
              isSuccess: true,
              errors: null,
              outputValues: { success: true, subscriptionId: 'a00A', error: null }
            },
            {
              actionName: 'BuildSubscriptionAction',
              isSuccess: true,
              errors: null,
              outputValues: {
                success: false,
                subscriptionId: null,
                error: 'Order 801B does not meet the condition of filter "Approved_Orders"'
              }
            }
          ]
        }
      ]
    );
    const outputs = await runBuildAction(api, [
      { filterName: 'Approved_Orders', recordId: '801A' },
      { filterName: 'Approved_Orders', recordId: '801B' }
    ]);
    expect(api.sent).toEqual([
      {
        method: 'POST',
        path: '/services/data/v65.0/actions/custom/apex/BuildSubscriptionAction',
        body: {
          inputs: [
            { filterName: 'Approved_Orders', recordId: '801A' },
            { filterName: 'Approved_Orders', recordId: '801B' }
          ]
        }
      }
    ]);
    expect(outputs).toEqual([
      { success: true, subscriptionId: 'a00A', error: null },
      {
        success: false,
        subscriptionId: null,
        error: 'Order 801B does not meet the condition of filter "Approved_Orders"'
      }
    ]);
  });

  it('reads a failed action entry and an absent action', () => {
    expect(
      readActionOutputs(
        { status: 200, body: [{ isSuccess: false, errors: [{ statusCode: 'UNKNOWN_EXCEPTION', message: 'boom' }] }] },
        1
      )
    ).toEqual([{ success: false, subscriptionId: null, error: 'boom' }]);
    expect(() =>
      readActionOutputs(
        { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] },
        1
      )
    ).toThrow(
      'HTTP 404: NOT_FOUND: The requested resource does not exist (is the BuildSubscriptionAction class deployed in this org?)'
    );
  });
});

describe('describeBody', () => {
  it('shortens error bodies to their message', () => {
    expect(describeBody({ error: 'The body is not JSON.' })).toBe('The body is not JSON.');
    expect(describeBody('x'.repeat(400))).toBe(`${'x'.repeat(300)}…`);
  });
});
