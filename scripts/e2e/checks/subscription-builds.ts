import { soqlLiteral } from '../../lib/soql';
import { APPROVED_ORDERS_FILTER, SEED_MASTERS, SEED_PRODUCTS } from '../../org/seed/seed-data';
import { E2eCheck } from '../context';
import { expectFields, expectThat, expectValue } from '../expect';
import { createCustomer, deleteSubscriptionLater, placeOrder, uploadFile, writeBackProvisioning } from '../fixtures';
import {
  callSubscriptionService,
  expectOutcomes,
  IDEMPOTENCY_KEY_FIELD,
  readBuildResults,
  runBuildAction
} from '../subscription-api';
import {
  countBySourceKey,
  itemNamed,
  readItems,
  readMaster,
  readSubscription,
  tierCount
} from '../subscription-records';

type OrderItemRow = {
  Id: string;
  OrderItemNumber: string;
  UnitPrice: number;
  Quantity: number;
  Product2Id: string;
  Product2: { Name: string; Billing_Cycle__c: string | null };
};

const buildFromApprovedOrder: E2eCheck = {
  id: 'build-from-order',
  title: 'Subscription from an approved order (Build Subscription action)',
  proves:
    'Subscription builder, Starting a build (flow action) with a build filter: the Build Subscription ' +
    'action with the Approved_Orders filter builds one subscription per activated order (ON fields of Order and ' +
    'OrderItem copied, back-link ON_Subscription__c), refuses an order outside the filter condition, and a second ' +
    'call returns the same subscription (never a duplicate)',
  async run(context) {
    const customer = await createCustomer(context, 'Order subscription', 'S');
    const order = await placeOrder(context, customer, 'Order subscription');
    const pending = await placeOrder(context, customer, 'Order subscription (pending)', [
      { whmcsProductId: SEED_PRODUCTS.internetPersonal, quantity: 1 }
    ]);
    await context.api.update('Order', [{ Id: order.orderId, Status: 'Approved' }]);
    await writeBackProvisioning(context, order);

    const [refused] = await runBuildAction(context.api, [
      { filterName: APPROVED_ORDERS_FILTER, recordId: pending.orderId }
    ]);
    deleteSubscriptionLater(context, refused.subscriptionId);
    expectThat(
      'Build Subscription on an order that is still Pending Review',
      !refused.success && refused.subscriptionId === null,
      `no subscription, and an error about the condition of ${APPROVED_ORDERS_FILTER}`,
      refused.success ? `subscription ${refused.subscriptionId ?? ''}` : `error "${refused.error ?? ''}"`
    );

    const [built] = await runBuildAction(context.api, [
      { filterName: APPROVED_ORDERS_FILTER, recordId: order.orderId }
    ]);
    deleteSubscriptionLater(context, built.subscriptionId);
    expectThat(
      'Build Subscription on the activated order',
      built.success && built.subscriptionId !== null,
      'success with a subscription Id',
      built.error ?? `success ${String(built.success)} without a subscription Id`
    );
    const [source] = await context.api.query(
      'SELECT Id, Name, EffectiveDate, ON_Subscription__c, ON_SubscriptionBuildError__c FROM Order ' +
        `WHERE Id = ${soqlLiteral(order.orderId)}`
    );
    const subscription = await readSubscription(context, built.subscriptionId);
    expectFields('the subscription built from the order', subscription, {
      Name: source.Name,
      Account__c: customer.accountId,
      Status__c: 'Active',
      StartDate__c: source.EffectiveDate,
      SourceKey__c: order.orderId,
      SourceRecordId__c: order.orderId,
      BuildFilter__c: APPROVED_ORDERS_FILTER,
      MasterSubscription__c: null
    });
    expectFields('the order after the build', source, {
      ON_Subscription__c: subscription.Id,
      ON_SubscriptionBuildError__c: null
    });

    const orderItems = await context.api.query<OrderItemRow>(
      'SELECT Id, OrderItemNumber, UnitPrice, Quantity, Product2Id, Product2.Name, Product2.Billing_Cycle__c ' +
        `FROM OrderItem WHERE OrderId = ${soqlLiteral(order.orderId)}`
    );
    const items = await readItems(context, subscription.Id);
    expectValue('the number of subscription items (one per order product)', orderItems.length, items.length);
    for (const line of orderItems) {
      expectFields(`the item of order product ${line.OrderItemNumber}`, itemNamed(items, line.OrderItemNumber), {
        Title__c: line.Product2.Name,
        Price__c: line.UnitPrice,
        Quantity__c: line.Quantity,
        BillingType__c: line.Product2.Billing_Cycle__c === 'One-time' ? 'One-Time' : 'Recurring',
        Product__c: line.Product2Id,
        SourceKey__c: `${order.orderId}|${line.OrderItemNumber}`
      });
    }

    const [again] = await runBuildAction(context.api, [
      { filterName: APPROVED_ORDERS_FILTER, recordId: order.orderId }
    ]);
    expectValue('the subscription of a second build of the same order', subscription.Id, again.subscriptionId);
    expectValue('subscriptions with the order as source key', 1, await countBySourceKey(context, [order.orderId]));
    expectValue('items after the second build', items.length, (await readItems(context, subscription.Id)).length);
  }
};

const buildFromMaster: E2eCheck = {
  id: 'build-from-master',
  title: 'Subscription from a master subscription (REST)',
  proves:
    'Subscription builder, Master subscriptions: a record naming ON_MasterSubscription__c gets a clone of the master with all ' +
    'its items and price tiers for its account, linked by MasterSubscription__c',
  async run(context) {
    const customer = await createCustomer(context, 'Master subscription', 'M');
    const { master, items: masterItems } = await readMaster(context, SEED_MASTERS.simData);
    const key = `e2e-${context.tag}-master`;
    const response = await callSubscriptionService(context.api, [
      {
        parent: {
          ON_Name__c: `E2E ${context.tag} from master`,
          ON_Account__c: customer.accountId,
          ON_MasterSubscription__c: master.Name,
          [IDEMPOTENCY_KEY_FIELD]: key
        }
      }
    ]);
    const results = readBuildResults(response, 1);
    results.forEach((result) => deleteSubscriptionLater(context, result.subscriptionId));
    expectOutcomes(results, [{ success: true }]);
    const subscription = await readSubscription(context, results[0].subscriptionId);
    expectFields('the subscription cloned from the master', subscription, {
      Name: `E2E ${context.tag} from master`,
      Account__c: customer.accountId,
      MasterSubscription__c: master.Id,
      SourceKey__c: `REST:${key}`
    });
    const items = await readItems(context, subscription.Id);
    expectValue(
      'the order nos. of the items',
      masterItems.map((item) => item.Name).join(', '),
      items.map((item) => item.Name).join(', ')
    );
    for (const masterItem of masterItems) {
      const item = itemNamed(items, masterItem.Name);
      expectFields(`the cloned item ${masterItem.Name}`, item, {
        Title__c: masterItem.Title__c,
        Price__c: masterItem.Price__c,
        BillingType__c: masterItem.BillingType__c,
        Product__c: masterItem.Product__c
      });
      expectValue(`the price tiers of ${masterItem.Name}`, tierCount(masterItem), tierCount(item));
    }
  }
};

const buildFromMapping: E2eCheck = {
  id: 'build-from-mapping',
  title: 'Subscription from a data mapping (REST, ON_MappingId__c)',
  proves:
    'Subscription builder, Data mappings: a JSON mapping in a File named by ON_MappingId__c fills subscription fields from ' +
    'literals and from a request key without the ON_ prefix, and defines an item',
  async run(context) {
    const customer = await createCustomer(context, 'Mapping', 'D');
    const mapping = {
      fields: { Title__c: '$Plan__c', Description__c: 'Built from a data mapping by the end-to-end suite.' },
      items: {
        MAPPED_FEE: {
          fields: { Title__c: 'Mapped monthly fee', Price__c: 12.5, Quantity__c: 2, BillingType__c: 'Recurring' }
        }
      }
    };
    const documentId = await uploadFile(context, `E2E ${context.tag} mapping`, JSON.stringify(mapping));
    const planTitle = `E2E mapped plan ${context.tag}`;
    const response = await callSubscriptionService(context.api, [
      {
        parent: {
          ON_Name__c: `E2E ${context.tag} from mapping`,
          ON_Account__c: customer.accountId,
          ON_MappingId__c: documentId,
          [IDEMPOTENCY_KEY_FIELD]: `e2e-${context.tag}-mapping`,
          Plan__c: planTitle
        }
      }
    ]);
    const results = readBuildResults(response, 1);
    results.forEach((result) => deleteSubscriptionLater(context, result.subscriptionId));
    expectOutcomes(results, [{ success: true }]);
    const subscription = await readSubscription(context, results[0].subscriptionId);
    expectFields('the subscription built through the mapping', subscription, {
      Account__c: customer.accountId,
      Title__c: planTitle,
      Description__c: mapping.fields.Description__c
    });
    const items = await readItems(context, subscription.Id);
    expectFields('the mapped item', itemNamed(items, 'MAPPED_FEE'), mapping.items.MAPPED_FEE.fields);
  }
};

export const SUBSCRIPTION_BUILD_CHECKS: readonly E2eCheck[] = [
  buildFromApprovedOrder,
  buildFromMaster,
  buildFromMapping
];
