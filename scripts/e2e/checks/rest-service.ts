import { SEED_MASTERS } from '../../org/seed/seed-data';
import { CheckContext, E2eCheck } from '../context';
import { expectFields, expectThat, expectValue } from '../expect';
import { createCustomer, Customer, deleteSubscriptionLater, uploadFile } from '../fixtures';
import {
  BuildRecordInput,
  BuildResult,
  callSubscriptionService,
  describeBody,
  expectOutcomes,
  IDEMPOTENCY_KEY_FIELD,
  readBuildResults,
  SUBSCRIPTION_SERVICE_PATH
} from '../subscription-api';
import { countBySourceKey, itemNamed, readItems, readMaster, readSubscription } from '../subscription-records';

/** Posts records and schedules the deletion of whatever they built, before any assertion can fail. */
async function post(
  context: CheckContext,
  records: readonly BuildRecordInput[],
  options: { dryRun?: boolean } = {}
): Promise<BuildResult[]> {
  const results = readBuildResults(await callSubscriptionService(context.api, records, options), records.length);
  results.forEach((result) => deleteSubscriptionLater(context, result.subscriptionId));
  return results;
}

/** A small valid record with an idempotency key and one item. */
function validRecord(customer: Customer, name: string, key: string): BuildRecordInput {
  return {
    parent: { ON_Name__c: name, ON_Account__c: customer.accountId, [IDEMPOTENCY_KEY_FIELD]: key },
    children: {
      FEE: { ON_Title__c: 'Monthly fee', ON_Price__c: 10, ON_Quantity__c: 1, ON_BillingType__c: 'Recurring' }
    }
  };
}

const seedExamples: E2eCheck = {
  id: 'rest-seed-examples',
  title: "REST web service: the seed's two example requests",
  proves:
    'REST web service, Examples: the example request (external account id through a ' +
    "mapping's externalIdFields, master subscription, use case, start date, template, children keyed by order " +
    'no.; a second record with an account Id, status, template and a contact by e-mail) answers 200 with one result per record and index',
  async run(context) {
    const customer = await createCustomer(context, 'REST examples', 'X');
    const homeInternet = await readMaster(context, SEED_MASTERS.homeInternet);
    const vpn = await readMaster(context, SEED_MASTERS.vpn);
    const mappingId = await uploadFile(
      context,
      `E2E ${context.tag} external ids`,
      JSON.stringify({ externalIdFields: { Account__c: 'SF_Account_No__c', Contact__c: 'Email' } })
    );
    // The seed's example, with its placeholders filled in: external ids are the customer number and the contact's
    // e-mail, resolved by the mapping. Its children have no title, which JustOn's own error example shows failing
    // (REQUIRED_FIELD_MISSING Title__c), so they get one.
    const results = await post(context, [
      {
        parent: {
          ON_Name__c: `Sample Name 1 ${context.tag}`,
          ON_Account__c: customer.accountNo,
          ON_MasterSubscription__c: SEED_MASTERS.homeInternet,
          ON_MappingId__c: mappingId,
          ON_UseCase__c: 'NEW',
          ON_StartDate__c: '2015-12-01',
          ON_Template__c: 'Salesforce Template Id'
        },
        children: {
          SUBSCRIPTION_FEE: {
            ON_Name__c: 'SUBSCRIPTION_FEE',
            ON_Title__c: 'Subscription fee',
            ON_Price__c: 47.11,
            ON_Quantity__c: 1,
            ON_BillingType__c: 'Recurring'
          },
          SUPPORT_HOURS: {
            ON_Name__c: 'SUPPORT_HOURS',
            ON_Title__c: 'Support hours',
            ON_Price__c: 100.0,
            ON_BillingType__c: 'Transactional'
          }
        }
      },
      {
        parent: {
          ON_Name__c: `Sample Name 2 ${context.tag}`,
          ON_Account__c: customer.accountId,
          ON_MasterSubscription__c: SEED_MASTERS.vpn,
          ON_MappingId__c: mappingId,
          ON_Status__c: 'Active',
          ON_Template__c: 'External Template Id',
          ON_Contact__c: customer.email
        }
      }
    ]);
    expectOutcomes(results, [{ success: true }, { success: true }]);

    const first = await readSubscription(context, results[0].subscriptionId);
    expectFields('the subscription of record #0', first, {
      Name: `Sample Name 1 ${context.tag}`,
      Account__c: customer.accountId,
      MasterSubscription__c: homeInternet.master.Id,
      StartDate__c: '2015-12-01',
      Template__c: 'Salesforce Template Id'
    });
    const firstItems = await readItems(context, first.Id);
    expectFields('the item SUBSCRIPTION_FEE', itemNamed(firstItems, 'SUBSCRIPTION_FEE'), {
      Price__c: 47.11,
      Quantity__c: 1,
      BillingType__c: 'Recurring'
    });
    expectFields('the item SUPPORT_HOURS', itemNamed(firstItems, 'SUPPORT_HOURS'), {
      Price__c: 100,
      BillingType__c: 'Transactional'
    });
    homeInternet.items.forEach((item) => itemNamed(firstItems, item.Name));

    const second = await readSubscription(context, results[1].subscriptionId);
    expectFields('the subscription of record #1', second, {
      Name: `Sample Name 2 ${context.tag}`,
      Account__c: customer.accountId,
      Contact__c: customer.contactId,
      Status__c: 'Active',
      Template__c: 'External Template Id',
      MasterSubscription__c: vpn.master.Id
    });
  }
};

const retrySameKey: E2eCheck = {
  id: 'rest-retry',
  title: 'REST web service: a retry with the same idempotency key',
  proves: `REST web service, Safe retries: the same record sent twice with ${IDEMPOTENCY_KEY_FIELD} returns the same subscription and creates nothing`,
  async run(context) {
    const customer = await createCustomer(context, 'REST retry', 'Y');
    const key = `e2e-${context.tag}-retry`;
    const record = validRecord(customer, `E2E ${context.tag} retry`, key);
    const [first] = await post(context, [record]);
    expectOutcomes([first], [{ success: true }]);
    const [second] = await post(context, [record]);
    expectOutcomes([second], [{ success: true }]);
    expectValue('the subscription of the retry', first.subscriptionId, second.subscriptionId);
    expectValue(`subscriptions with source key REST:${key}`, 1, await countBySourceKey(context, [`REST:${key}`]));
    expectValue('items of the subscription', 1, (await readItems(context, first.subscriptionId ?? '')).length);
  }
};

const partialFailure: E2eCheck = {
  id: 'rest-partial-failure',
  title: 'REST web service: a bad record fails alone',
  proves:
    'REST web service, Errors: an unknown ON_ key and a missing ON_Account__c fail their ' +
    'own record with a buildError naming the key; the valid record of the same request is saved',
  async run(context) {
    const customer = await createCustomer(context, 'REST partial', 'Z');
    const keys = ['unknown-key', 'no-account', 'valid'].map((name) => `e2e-${context.tag}-${name}`);
    const valid = validRecord(customer, `E2E ${context.tag} valid`, keys[2]);
    const results = await post(context, [
      {
        parent: {
          ON_Name__c: `E2E ${context.tag} unknown key`,
          ON_Account__c: customer.accountId,
          ON_NoSuchField__c: 'x',
          [IDEMPOTENCY_KEY_FIELD]: keys[0]
        }
      },
      { parent: { ON_Name__c: `E2E ${context.tag} no account`, [IDEMPOTENCY_KEY_FIELD]: keys[1] } },
      valid
    ]);
    expectOutcomes(results, [
      { success: false, errorMentions: 'ON_NoSuchField__c' },
      { success: false, errorMentions: 'ON_Account__c' },
      { success: true }
    ]);
    expectValue(
      'subscriptions of the failed records',
      0,
      await countBySourceKey(
        context,
        keys.slice(0, 2).map((key) => `REST:${key}`)
      )
    );
    expectValue('subscriptions of the valid record', 1, await countBySourceKey(context, [`REST:${keys[2]}`]));
  }
};

const dryRun: E2eCheck = {
  id: 'rest-dry-run',
  title: 'REST web service: dry run',
  proves:
    'REST web service, Dry run: ?dryRun=true validates and plans every record, answers per record, and saves nothing',
  async run(context) {
    const customer = await createCustomer(context, 'REST dry run', 'W');
    const keys = [`e2e-${context.tag}-dry-valid`, `e2e-${context.tag}-dry-invalid`];
    const results = await post(
      context,
      [
        validRecord(customer, `E2E ${context.tag} dry run`, keys[0]),
        {
          parent: {
            ON_Name__c: `E2E ${context.tag} dry run invalid`,
            ON_Account__c: customer.accountId,
            ON_NoSuchField__c: 'x',
            [IDEMPOTENCY_KEY_FIELD]: keys[1]
          }
        }
      ],
      { dryRun: true }
    );
    expectOutcomes(results, [{ success: true }, { success: false, errorMentions: 'ON_NoSuchField__c' }]);
    expectValue(
      'subscriptions saved by the dry run',
      0,
      await countBySourceKey(
        context,
        keys.map((key) => `REST:${key}`)
      )
    );
  }
};

/** The documented maximum of records per request (docs/subscription-builder-api.md, "Limits"). */
const MAX_RECORDS = 200;

const recordLimit: E2eCheck = {
  id: 'rest-record-limit',
  title: 'REST web service: a request over the record limit',
  proves: `REST web service, Limits: a request of more than ${MAX_RECORDS} records is refused as a whole (HTTP 413), before any work`,
  async run(context) {
    const customer = await createCustomer(context, 'REST limit', 'L');
    const keys = Array.from({ length: MAX_RECORDS + 1 }, (_, index) => `e2e-${context.tag}-limit-${index}`);
    const response = await callSubscriptionService(
      context.api,
      keys.map((key) => ({ parent: { ON_Account__c: customer.accountId, [IDEMPOTENCY_KEY_FIELD]: key } }))
    );
    expectThat(
      `POST ${SUBSCRIPTION_SERVICE_PATH} with ${keys.length} records`,
      response.status === 413,
      'HTTP 413 with a JSON error',
      `HTTP ${response.status}: ${describeBody(response.body)}`
    );
    expectValue(
      'subscriptions built from the refused request',
      0,
      await countBySourceKey(
        context,
        keys.map((key) => `REST:${key}`)
      )
    );
  }
};

const badInput: E2eCheck = {
  id: 'rest-bad-input',
  title: 'REST web service: malformed requests',
  proves:
    'REST web service, Errors: a body that is not JSON, not an array, or a record without parent gets HTTP 400 with a JSON ' +
    'error naming the problem (JustOn answers 500)',
  async run(context) {
    const bodies: Array<{ label: string; body: unknown }> = [
      { label: 'a body that is not JSON', body: 'this is not JSON' },
      { label: 'a JSON object instead of an array', body: { parent: { ON_Name__c: 'x' } } },
      { label: 'a record without parent', body: [{ children: {} }] }
    ];
    for (const { label, body } of bodies) {
      const response = await callSubscriptionService(context.api, body);
      expectThat(
        `POST ${SUBSCRIPTION_SERVICE_PATH} with ${label}`,
        response.status === 400 && typeof response.body === 'object' && response.body !== null,
        'HTTP 400 with a JSON error',
        `HTTP ${response.status}: ${describeBody(response.body)}`
      );
    }
  }
};

export const REST_SERVICE_CHECKS: readonly E2eCheck[] = [
  seedExamples,
  retrySameKey,
  partialFailure,
  dryRun,
  badInput,
  recordLimit
];
