import { checkObjectRules, RuleContext, RuleRecord } from '../../../scripts/apex-runtime/schema';

const STANDARD = '01s000000000001AAA';
const CUSTOM = '01s000000000002AAA';
const PRODUCT = '01t000000000001AAA';

function record(values: Record<string, unknown>): RuleRecord {
  return { get: (field) => values[field] ?? null };
}

function context(records: Record<string, unknown>[]): RuleContext {
  return {
    find: (_object, criteria) =>
      records
        .filter((values) => Object.entries(criteria).every(([field, value]) => values[field] === value))
        .map(record),
    byId: (id) => {
      const found = records.find((values) => values.Id === id);
      return found ? record(found) : undefined;
    },
    standardPricebookId: () => STANDARD
  };
}

// SOAP API Object Reference: PricebookEntry and OrderItem.
describe('object rules', () => {
  it('requires a standard price before a custom price', () => {
    const entry = record({ Pricebook2Id: CUSTOM, Product2Id: PRODUCT });
    expect(checkObjectRules('PricebookEntry', entry, undefined, context([]))).toEqual({
      statusCode: 'STANDARD_PRICE_NOT_DEFINED',
      message: 'No standard price defined for this product',
      fields: []
    });
    const withStandard = context([{ Id: '01u1', Pricebook2Id: STANDARD, Product2Id: PRODUCT }]);
    expect(checkObjectRules('pricebookentry', entry, undefined, withStandard)).toBeUndefined();
    expect(
      checkObjectRules(
        'PricebookEntry',
        record({ Pricebook2Id: STANDARD, Product2Id: PRODUCT }),
        undefined,
        context([])
      )
    ).toBeUndefined();
  });

  it('rejects a second entry for the same product and price book', () => {
    const existing = context([{ Id: '01u1', Pricebook2Id: STANDARD, Product2Id: PRODUCT }]);
    const violation = checkObjectRules(
      'PricebookEntry',
      record({ Pricebook2Id: STANDARD, Product2Id: PRODUCT }),
      undefined,
      existing
    );
    expect(violation?.statusCode).toBe('DUPLICATE_VALUE');
  });

  it("requires an order product's entry to come from the order's price book", () => {
    const data = context([
      { Id: '8011', Pricebook2Id: STANDARD },
      { Id: '8012', Pricebook2Id: null },
      { Id: '01u1', Pricebook2Id: STANDARD },
      { Id: '01u2', Pricebook2Id: CUSTOM }
    ]);
    expect(
      checkObjectRules('OrderItem', record({ OrderId: '8011', PricebookEntryId: '01u1' }), undefined, data)
    ).toBeUndefined();
    expect(
      checkObjectRules('OrderItem', record({ OrderId: '8011', PricebookEntryId: '01u2' }), undefined, data)
    ).toMatchObject({
      statusCode: 'FIELD_INTEGRITY_EXCEPTION',
      fields: ['PricebookEntryId']
    });
    expect(
      checkObjectRules('OrderItem', record({ OrderId: '8012', PricebookEntryId: '01u1' }), undefined, data)?.statusCode
    ).toBe('FIELD_INTEGRITY_EXCEPTION');
  });

  it('has no rules for other objects and on update', () => {
    expect(checkObjectRules('Account', record({}), undefined, context([]))).toBeUndefined();
    const entry = record({ Pricebook2Id: CUSTOM, Product2Id: PRODUCT });
    expect(checkObjectRules('PricebookEntry', entry, entry, context([]))).toBeUndefined();
  });
});
