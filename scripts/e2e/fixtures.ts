import { FieldMap } from '../lib/org-api';
import { soqlList, soqlLiteral } from '../lib/soql';
import { SEED_PRODUCTS } from '../org/seed/seed-data';
import { CheckContext } from './context';
import { CheckFailure } from './expect';

/** A date-time in whole seconds, as Salesforce stores it. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}.000Z`;
}

/** YYYY-MM-DD, some days from now. */
export function dateInDays(days: number, from = new Date()): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Creates records and schedules their deletion. */
export async function createRecord(context: CheckContext, sobject: string, fields: FieldMap): Promise<string> {
  const [id] = await context.api.create(sobject, [fields]);
  context.cleanup.deleteLater(context.api, sobject, id);
  return id;
}

export interface Customer {
  accountId: string;
  contactId: string;
  /** SF_Account_No__c, the portal's customer number (Text(20), unique). */
  accountNo: string;
  email: string;
}

/** Registers a customer as the portal does (data flow 1): an account with a customer number, and its contact. */
export async function createCustomer(context: CheckContext, purpose: string, letter: string): Promise<Customer> {
  const accountNo = `E2E-${context.tag}-${letter}`;
  const email = `e2e.${context.tag.toLowerCase()}.${letter.toLowerCase()}@example.com`;
  const accountId = await createRecord(context, 'Account', {
    Name: `E2E ${context.tag} ${purpose}`,
    SF_Account_No__c: accountNo,
    Portal_Registration_Source__c: 'Portal Signup'
  });
  const contactId = await createRecord(context, 'Contact', {
    AccountId: accountId,
    FirstName: 'E2E',
    LastName: `${purpose} ${context.tag}`,
    Email: email
  });
  return { accountId, contactId, accountNo, email };
}

export async function createOpportunity(
  context: CheckContext,
  accountId: string,
  purpose: string,
  fields: FieldMap
): Promise<string> {
  return createRecord(context, 'Opportunity', {
    Name: `E2E ${context.tag} ${purpose}`,
    AccountId: accountId,
    CloseDate: dateInDays(30),
    CommodityType__c: 'Personal SonixNet Home Internet',
    ...fields
  });
}

export interface SeededPrice {
  whmcsProductId: string;
  pricebookEntryId: string;
  pricebook2Id: string;
  product2Id: string;
  productName: string;
  unitPrice: number;
  billingCycle: string | null;
}

type PriceRow = {
  Id: string;
  Pricebook2Id: string;
  Product2Id: string;
  UnitPrice: number;
  Product2: { Name: string; WHMCS_Product_Id__c: string; Billing_Cycle__c: string | null };
};

/** The seed's products in the standard price book, in the order asked for (the order lines of a check). */
export async function seededPrices(context: CheckContext, whmcsIds: readonly string[]): Promise<SeededPrice[]> {
  const rows = await context.api.query<PriceRow>(
    'SELECT Id, Pricebook2Id, Product2Id, UnitPrice, Product2.Name, Product2.WHMCS_Product_Id__c, ' +
      'Product2.Billing_Cycle__c FROM PricebookEntry WHERE Pricebook2.IsStandard = true AND IsActive = true ' +
      `AND Product2.WHMCS_Product_Id__c IN ${soqlList([...whmcsIds])}`
  );
  const prices = new Map<string, SeededPrice>();
  for (const row of rows) {
    prices.set(row.Product2.WHMCS_Product_Id__c, {
      whmcsProductId: row.Product2.WHMCS_Product_Id__c,
      pricebookEntryId: row.Id,
      pricebook2Id: row.Pricebook2Id,
      product2Id: row.Product2Id,
      productName: row.Product2.Name,
      unitPrice: row.UnitPrice,
      billingCycle: row.Product2.Billing_Cycle__c
    });
  }
  const missing = whmcsIds.filter((id) => !prices.has(id));
  if (missing.length > 0) {
    throw new CheckFailure(
      'the seeded products',
      `active standard price book entries for WHMCS products ${whmcsIds.join(', ')}`,
      `none for ${missing.join(', ')}: run npm run org:seed first`
    );
  }
  return whmcsIds.flatMap((id) => prices.get(id) ?? []);
}

export interface PlacedOrder {
  orderId: string;
  opportunityId: string;
  lines: Array<{ itemId: string; price: SeededPrice; quantity: number }>;
}

/** Deletes an order at the end; an activated order is set back to Draft first (activated orders cannot be deleted). */
function deleteOrderLater(context: CheckContext, orderId: string): void {
  context.cleanup.add(`Order ${orderId}`, async () => {
    const [order] = await context.api.query<{ Id: string; StatusCode: string }>(
      `SELECT Id, StatusCode FROM Order WHERE Id = ${soqlLiteral(orderId)}`
    );
    if (order === undefined) {
      return;
    }
    if (order.StatusCode === 'Activated') {
      await context.api.update('Order', [{ Id: orderId, Status: 'Draft' }]);
    }
    await context.api.remove('Order', [orderId]);
  });
}

/**
 * Places an order as the portal does (data flow 3): the opportunity moves to Post Processing, the order is created
 * as Pending Review with the standard price book, then its items.
 */
export async function placeOrder(
  context: CheckContext,
  customer: Customer,
  purpose: string,
  lines: ReadonlyArray<{ whmcsProductId: string; quantity: number }> = [
    { whmcsProductId: SEED_PRODUCTS.internetPersonal, quantity: 1 },
    { whmcsProductId: SEED_PRODUCTS.internetActivation, quantity: 1 }
  ]
): Promise<PlacedOrder> {
  const prices = await seededPrices(
    context,
    lines.map((line) => line.whmcsProductId)
  );
  const opportunityId = await createOpportunity(context, customer.accountId, purpose, {
    StageName: 'Post Processing',
    Portal_Source__c: 'Portal - Order Placement'
  });
  const [orderId] = await context.api.create('Order', [
    {
      Name: `E2E ${context.tag} ${purpose}`,
      AccountId: customer.accountId,
      OpportunityId: opportunityId,
      Pricebook2Id: prices[0].pricebook2Id,
      EffectiveDate: dateInDays(0),
      Status: 'Pending Review',
      Activation_Status__c: 'Pending Review'
    }
  ]);
  deleteOrderLater(context, orderId);
  const placed = lines.map((line, index) => ({ price: prices[index], quantity: line.quantity }));
  const itemIds = await context.api.create(
    'OrderItem',
    placed.map((line) => ({
      OrderId: orderId,
      PricebookEntryId: line.price.pricebookEntryId,
      Quantity: line.quantity,
      UnitPrice: line.price.unitPrice
    }))
  );
  return {
    orderId,
    opportunityId,
    lines: placed.map((line, index) => ({ ...line, itemId: itemIds[index] }))
  };
}

/**
 * What the portal writes back after WHMCS provisioned an order (data flow 4): the order is Provisioned with its
 * WHMCS order id and activated, the opportunity is Active with its WHMCS service id.
 */
export async function writeBackProvisioning(
  context: CheckContext,
  order: PlacedOrder
): Promise<{ whmcsOrderId: number; whmcsServiceId: number }> {
  const whmcsOrderId = context.uniqueNumber();
  const whmcsServiceId = context.uniqueNumber();
  await context.api.update('Order', [
    { Id: order.orderId, Activation_Status__c: 'Provisioned', WHMCS_Order_Id__c: whmcsOrderId, Status: 'Activated' }
  ]);
  await context.api.update('Opportunity', [
    {
      Id: order.opportunityId,
      StageName: 'Active',
      WHMCS_Service_ID__c: whmcsServiceId,
      Application_Stage__c: 'Completed'
    }
  ]);
  return { whmcsOrderId, whmcsServiceId };
}

/**
 * Uploads a File (a ContentVersion) as a user would, and schedules the deletion of its document. Returns the
 * ContentDocument Id, which ON_MappingId__c takes.
 */
export async function uploadFile(context: CheckContext, title: string, content: string): Promise<string> {
  const response = await context.api.send({
    method: 'POST',
    path: `/services/data/v${context.api.apiVersion}/sobjects/ContentVersion`,
    body: {
      Title: title,
      PathOnClient: `${title.replace(/[^A-Za-z0-9_-]+/g, '_')}.json`,
      VersionData: Buffer.from(content, 'utf8').toString('base64')
    }
  });
  const versionId =
    typeof response.body === 'object' && response.body !== null && 'id' in response.body
      ? String(response.body.id)
      : '';
  if (response.status !== 201 || versionId === '') {
    throw new CheckFailure(
      'uploading the mapping File',
      'HTTP 201 with the ContentVersion Id',
      `HTTP ${response.status}`
    );
  }
  const [version] = await context.api.query<{ Id: string; ContentDocumentId: string }>(
    `SELECT Id, ContentDocumentId FROM ContentVersion WHERE Id = ${soqlLiteral(versionId)}`
  );
  context.cleanup.deleteLater(context.api, 'ContentDocument', version.ContentDocumentId);
  return version.ContentDocumentId;
}

/** Schedules the deletion of a built subscription (its items and tiers go with it). */
export function deleteSubscriptionLater(context: CheckContext, subscriptionId: string | null): void {
  if (subscriptionId !== null) {
    context.cleanup.deleteLater(context.api, 'Subscription__c', subscriptionId);
  }
}
