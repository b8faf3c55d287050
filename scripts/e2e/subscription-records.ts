import { soqlLiteral } from '../lib/soql';
import { CheckContext } from './context';
import { CheckFailure, expectOne, expectThat } from './expect';

export type SubscriptionRow = {
  Id: string;
  Name: string;
  Account__c: string | null;
  Contact__c: string | null;
  Status__c: string | null;
  Title__c: string | null;
  Description__c: string | null;
  StartDate__c: string | null;
  Template__c: string | null;
  MasterSubscription__c: string | null;
  SourceKey__c: string | null;
  SourceRecordId__c: string | null;
  BuildFilter__c: string | null;
};

export type ItemRow = {
  Id: string;
  Name: string;
  Title__c: string | null;
  Price__c: number | null;
  Quantity__c: number | null;
  BillingType__c: string | null;
  Product__c: string | null;
  SourceKey__c: string | null;
  PriceTiers__r: { totalSize: number } | null;
};

const SUBSCRIPTION_FIELDS =
  'Id, Name, Account__c, Contact__c, Status__c, Title__c, Description__c, StartDate__c, Template__c, ' +
  'MasterSubscription__c, SourceKey__c, SourceRecordId__c, BuildFilter__c';

export async function readSubscription(context: CheckContext, id: string | null): Promise<SubscriptionRow> {
  expectThat('the subscription Id in the answer', id !== null, 'a subscription Id', 'none');
  const rows = await context.api.query<SubscriptionRow>(
    `SELECT ${SUBSCRIPTION_FIELDS} FROM Subscription__c WHERE Id = ${soqlLiteral(id ?? '')}`
  );
  return expectOne(`the subscription ${id ?? ''}`, rows);
}

export function readItems(context: CheckContext, subscriptionId: string): Promise<ItemRow[]> {
  return context.api.query<ItemRow>(
    'SELECT Id, Name, Title__c, Price__c, Quantity__c, BillingType__c, Product__c, SourceKey__c, ' +
      '(SELECT Id FROM PriceTiers__r) FROM SubscriptionItem__c ' +
      `WHERE Subscription__c = ${soqlLiteral(subscriptionId)} ORDER BY Name`
  );
}

export function tierCount(item: ItemRow): number {
  return item.PriceTiers__r?.totalSize ?? 0;
}

/** A seeded master subscription by name, with its items; fails with a hint when the seed has not run. */
export async function readMaster(
  context: CheckContext,
  name: string
): Promise<{ master: SubscriptionRow; items: ItemRow[] }> {
  const rows = await context.api.query<SubscriptionRow>(
    `SELECT ${SUBSCRIPTION_FIELDS} FROM Subscription__c WHERE Name = ${soqlLiteral(name)} AND IsMaster__c = true`
  );
  if (rows.length !== 1) {
    throw new CheckFailure(
      `the master subscription "${name}"`,
      'exactly one',
      `${rows.length}: run npm run org:seed first`
    );
  }
  return { master: rows[0], items: await readItems(context, rows[0].Id) };
}

/** The number of subscriptions built from a source key (never more than one). */
export async function countBySourceKey(context: CheckContext, keys: readonly string[]): Promise<number> {
  const rows = await context.api.query(
    `SELECT Id FROM Subscription__c WHERE SourceKey__c IN (${keys.map((key) => soqlLiteral(key)).join(', ')})`
  );
  return rows.length;
}

/** The item with an order no., or a failure that lists the order nos. there are. */
export function itemNamed(items: readonly ItemRow[], orderNo: string): ItemRow {
  const item = items.find((candidate) => candidate.Name === orderNo);
  if (item === undefined) {
    throw new CheckFailure(
      `the item ${orderNo}`,
      `an item named ${orderNo}`,
      `items ${items.map((candidate) => candidate.Name).join(', ') || '(none)'}`
    );
  }
  return item;
}
