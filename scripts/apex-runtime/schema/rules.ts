/**
 * Rules of standard objects that no field property expresses, checked on insert/update by the runtime's database.
 * Each rule names its source; messages and status codes are the platform's (`Database.Error.getStatusCode()` /
 * `getMessage()`). Rules not listed here are not emulated (the runtime documents that).
 */

/** A record as the rules read it: Id, reference, text and checkbox values as JS strings/booleans, null when unset. */
export interface RuleRecord {
  get(fieldName: string): unknown;
}

/** What the rules need from the database. */
export interface RuleContext {
  /** Records of an object whose fields equal the given values (Ids compared by their 15-character form). */
  find(objectName: string, criteria: Record<string, unknown>): RuleRecord[];
  /** A record by Id, of any object, or undefined. */
  byId(id: string): RuleRecord | undefined;
  /** The Id of the standard price book (`Test.getStandardPricebookId()`). */
  standardPricebookId(): string;
}

export interface RuleViolation {
  statusCode: string;
  message: string;
  fields: string[];
}

type Rule = (record: RuleRecord, old: RuleRecord | undefined, context: RuleContext) => RuleViolation | undefined;

const same = (left: unknown, right: unknown): boolean =>
  typeof left === 'string' && typeof right === 'string' ? left.slice(0, 15) === right.slice(0, 15) : left === right;

/**
 * SOAP API Object Reference, PricebookEntry: "You must create a standard price for a product before you can create
 * a custom price in a custom price book" (status STANDARD_PRICE_NOT_DEFINED), and one entry per product, price book
 * and currency (DUPLICATE_VALUE).
 */
const pricebookEntryRules: Rule = (record, old, context) => {
  if (old) {
    return undefined;
  }
  const pricebook = record.get('Pricebook2Id');
  const product = record.get('Product2Id');
  if (typeof pricebook !== 'string' || typeof product !== 'string') {
    return undefined;
  }
  const existing = context.find('PricebookEntry', { Pricebook2Id: pricebook, Product2Id: product });
  const currency = record.get('CurrencyIsoCode');
  if (
    existing.some(
      (entry) => currency === null || currency === undefined || same(entry.get('CurrencyIsoCode'), currency)
    )
  ) {
    return {
      statusCode: 'DUPLICATE_VALUE',
      message: 'This price definition already exists in this price book',
      fields: []
    };
  }
  const standard = context.standardPricebookId();
  if (
    !same(pricebook, standard) &&
    context.find('PricebookEntry', { Pricebook2Id: standard, Product2Id: product }).length === 0
  ) {
    return {
      statusCode: 'STANDARD_PRICE_NOT_DEFINED',
      message: 'No standard price defined for this product',
      fields: []
    };
  }
  return undefined;
};

/**
 * SOAP API Object Reference, OrderItem: "PricebookEntryId ... must be from the price book of the parent order"; the
 * platform's FIELD_INTEGRITY_EXCEPTION names the field.
 */
const orderItemRules: Rule = (record, old, context) => {
  if (old) {
    return undefined;
  }
  const orderId = record.get('OrderId');
  const entryId = record.get('PricebookEntryId');
  if (typeof orderId !== 'string' || typeof entryId !== 'string') {
    return undefined;
  }
  const order = context.byId(orderId);
  const entry = context.byId(entryId);
  if (!order || !entry || same(order.get('Pricebook2Id'), entry.get('Pricebook2Id'))) {
    return undefined;
  }
  return {
    statusCode: 'FIELD_INTEGRITY_EXCEPTION',
    message:
      'field integrity exception: PricebookEntryId (pricebook entry is in a different pricebook than the one ' +
      'assigned to the Order, or Order has no pricebook assigned)',
    fields: ['PricebookEntryId']
  };
};

const RULES: Record<string, Rule[]> = {
  pricebookentry: [pricebookEntryRules],
  orderitem: [orderItemRules]
};

/** The first rule a record breaks on insert (`old` undefined) or update, or undefined. */
export function checkObjectRules(
  objectName: string,
  record: RuleRecord,
  old: RuleRecord | undefined,
  context: RuleContext
): RuleViolation | undefined {
  for (const rule of RULES[objectName.toLowerCase()] ?? []) {
    const violation = rule(record, old, context);
    if (violation) {
      return violation;
    }
  }
  return undefined;
}
