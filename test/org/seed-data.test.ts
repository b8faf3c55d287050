import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { validateSeed } from '../../scripts/org/seed/plan';
import { SEED_BATCHES } from '../../scripts/org/seed/seed-data';
import { isRef, SeedRecord, SeedValue } from '../../scripts/org/seed/types';

/**
 * The seed against the project's own metadata: every custom field it writes exists, every picklist value is one the
 * field (or standard value set) defines, and text fits. A renamed field or value fails here, not in an org.
 */
const ROOT = join(__dirname, '..', '..');
const parser = new XMLParser({ ignoreAttributes: true, isArray: (name) => ['value', 'standardValue'].includes(name) });

interface FieldInfo {
  type: string;
  length?: number;
  values?: string[];
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix))
    .map((file) => join(dir, file));
}

function projectFields(): Map<string, FieldInfo> {
  const fields = new Map<string, FieldInfo>();
  for (const file of filesUnder(join(ROOT, 'force-app'), '.field-meta.xml')) {
    const match = /objects\/([^/]+)\/fields\/([^/]+)\.field-meta\.xml$/.exec(relative(ROOT, file));
    if (match === null) {
      continue;
    }
    const field = parser.parse(readFileSync(file, 'utf8')).CustomField;
    const values = field.valueSet?.valueSetDefinition?.value?.map((value: { fullName: string }) =>
      String(value.fullName)
    );
    fields.set(`${match[1]}.${match[2]}`, { type: field.type, length: field.length, values });
  }
  const standardValueSets: Record<string, string> = {
    OpportunityStage: 'Opportunity.StageName',
    OrderStatus: 'Order.Status',
    CaseType: 'Case.Type'
  };
  for (const file of filesUnder(join(ROOT, 'force-app'), '.standardValueSet-meta.xml')) {
    const name = /([^/]+)\.standardValueSet-meta\.xml$/.exec(file)?.[1] ?? '';
    const set = parser.parse(readFileSync(file, 'utf8')).StandardValueSet;
    const key = standardValueSets[name];
    if (key !== undefined) {
      fields.set(key, {
        type: 'Picklist',
        values: set.standardValue.map((value: { fullName: string }) => String(value.fullName))
      });
    }
  }
  return fields;
}

/** Standard fields the seed writes; a typo in one of them fails the test below. */
const STANDARD_FIELDS: Record<string, string[]> = {
  Account: ['Name'],
  Contact: ['Email', 'FirstName', 'LastName', 'AccountId'],
  Product2: ['Name', 'ProductCode', 'Description', 'IsActive'],
  Pricebook2: ['IsStandard', 'IsActive'],
  PricebookEntry: ['Pricebook2Id', 'Product2Id', 'UnitPrice', 'IsActive'],
  Opportunity: ['Name', 'AccountId', 'CloseDate'],
  Order: ['Name', 'AccountId', 'Pricebook2Id', 'EffectiveDate', 'OpportunityId'],
  OrderItem: ['OrderId', 'Product2Id', 'PricebookEntryId', 'Quantity', 'UnitPrice'],
  Case: ['Subject', 'AccountId', 'Description'],
  Subscription__c: ['Name'],
  SubscriptionItem__c: ['Name'],
  SubscriptionBuildFilter__mdt: ['DeveloperName']
};

function valuesOf(record: SeedRecord): Array<[string, SeedValue]> {
  return [record.match, record.fields, record.createOnly, record.deferred].flatMap((fields) =>
    Object.entries(fields ?? {})
  );
}

describe('the seed data', () => {
  const fields = projectFields();

  it('is consistent: unique keys, references to earlier batches', () => {
    expect(validateSeed(SEED_BATCHES)).toEqual([]);
  });

  it('writes only fields the project defines (or known standard fields), with values they accept', () => {
    const problems: string[] = [];
    for (const batch of SEED_BATCHES) {
      for (const record of batch.records) {
        for (const [name, value] of valuesOf(record)) {
          const info = fields.get(`${batch.sobject}.${name}`);
          if (info === undefined) {
            if (!(STANDARD_FIELDS[batch.sobject] ?? []).includes(name)) {
              problems.push(`${record.key}: ${batch.sobject}.${name} is not in the project`);
            }
            continue;
          }
          if (isRef(value) || value === null) {
            continue;
          }
          if (info.values !== undefined && !info.values.includes(String(value))) {
            problems.push(`${record.key}: ${batch.sobject}.${name} has no value "${String(value)}"`);
          }
          if (info.length !== undefined && String(value).length > info.length) {
            problems.push(`${record.key}: ${batch.sobject}.${name} is longer than ${info.length}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('covers every portal state, order status, opportunity stage, case type and commodity type', () => {
    const used = (sobject: string, field: string) =>
      new Set(
        SEED_BATCHES.filter((batch) => batch.sobject === sobject)
          .flatMap((batch) => batch.records)
          .flatMap((record) =>
            valuesOf(record)
              .filter(([name]) => name === field)
              .map(([, value]) => value)
          )
      );
    const defined = (key: string) => fields.get(key)?.values ?? [];
    for (const key of [
      'Account.Internet_Eligibility_Status__c',
      'Account.Id_Verification_Status__c',
      'Account.Portal_Status__c',
      'Account.Portal_Registration_Source__c',
      'Order.Status',
      'Order.Activation_Status__c',
      'Opportunity.StageName',
      'Opportunity.CommodityType__c',
      'Opportunity.Portal_Source__c',
      'Case.Type',
      'Product2.Billing_Cycle__c',
      'Product2.Item_Class__c'
    ]) {
      const [sobject, field] = key.split('.');
      expect({ key, missing: defined(key).filter((value) => !used(sobject, field).has(value)) }).toEqual({
        key,
        missing: []
      });
    }
  });

  it('keeps external ids unique', () => {
    for (const [sobject, field] of [
      ['Account', 'SF_Account_No__c'],
      ['Account', 'WH_Account__c'],
      ['Product2', 'WHMCS_Product_Id__c'],
      ['Opportunity', 'WHMCS_Service_ID__c'],
      ['Order', 'WHMCS_Order_Id__c'],
      ['Subscription__c', 'SourceKey__c'],
      ['SubscriptionItem__c', 'SourceKey__c']
    ]) {
      const values = SEED_BATCHES.filter((batch) => batch.sobject === sobject)
        .flatMap((batch) => batch.records)
        .flatMap((record) =>
          valuesOf(record)
            .filter(([name, value]) => name === field && value !== null)
            .map(([, value]) => value)
        );
      expect({
        field: `${sobject}.${field}`,
        duplicates: values.filter((value, index) => values.indexOf(value) !== index)
      }).toEqual({
        field: `${sobject}.${field}`,
        duplicates: []
      });
    }
  });
});

describe("the README's reasons why the seed is not an sf data tree plan", () => {
  const records = SEED_BATCHES.flatMap((batch) => batch.records.map((record) => ({ batch, record })));
  const values = (record: SeedRecord) => Object.values({ ...record.match, ...record.fields, ...record.createOnly });

  it('refers to a record that no import inserts (the standard price book, an existing record)', () => {
    const existingKeys = new Set(
      SEED_BATCHES.filter((batch) => batch.mode !== 'sync').flatMap((batch) => batch.records.map((r) => r.key))
    );
    const referring = records.filter(({ record }) =>
      values(record).some((value) => isRef(value) && existingKeys.has(value.ref))
    );
    expect(referring.map(({ batch }) => batch.sobject)).toEqual(expect.arrayContaining(['PricebookEntry', 'Order']));
  });

  it('writes some values a second time, after other records exist (deferred), which a tree plan cannot', () => {
    const deferred = records.filter(({ record }) => record.deferred !== undefined);
    expect(deferred.map(({ batch }) => batch.sobject)).toEqual(expect.arrayContaining(['Order', 'Account']));
  });
});
