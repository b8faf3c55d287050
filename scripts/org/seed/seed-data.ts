import { FieldValue } from '../../lib/values';
import { ref, SeedBatch, SeedFields, SeedRecord } from './types';

/**
 * The seed: realistic data for every state of seed 000's data flows and the subscription builder's templates.
 * Every record is found again by an external id (Account.SF_Account_No__c, Product2.WHMCS_Product_Id__c,
 * Subscription__c.SourceKey__c, SubscriptionItem__c.SourceKey__c) or, where the object has none, by a deterministic
 * name or by its parent and product. Dates are fixed, so a second run finds nothing to change.
 */

/** The build filter the portal binding deploys (customMetadata/SubscriptionBuildFilter.Approved_Orders). */
export const APPROVED_ORDERS_FILTER = 'Approved_Orders';

/** WHMCS product ids of the seeded products, for the end-to-end checks. */
export const SEED_PRODUCTS = {
  internetPersonal: 'SEED-101',
  internetActivation: 'SEED-102',
  internetCorporate: 'SEED-201',
  staticIp: 'SEED-202',
  simData: 'SEED-301',
  simActivation: 'SEED-302',
  vpnRouter: 'SEED-401',
  vpnSupport: 'SEED-402'
} as const;

/** Names of the seeded master subscriptions (the builder finds masters by name). */
export const SEED_MASTERS = {
  homeInternet: 'MASTER Home Internet Personal',
  simData: 'MASTER SIM Data',
  vpn: 'MASTER VPN Business'
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Accounts and contacts: one customer per portal state.

const NO_PORTAL_STATE: Record<string, FieldValue> = {
  WH_Account__c: null,
  Portal_Status__c: null,
  Portal_Registration_Source__c: null,
  Internet_Eligibility__c: null,
  Internet_Eligibility_Status__c: null,
  Internet_Eligibility_Request_Date_Time__c: null,
  Internet_Eligibility_Checked_Date_Time__c: null,
  Internet_Eligibility_Notes__c: null,
  Id_Verification_Status__c: null,
  Id_Verification_Submitted_Date_Time__c: null,
  Id_Verification_Verified_Date_Time__c: null,
  Id_Verification_Note__c: null,
  Id_Verification_Rejection_Message__c: null
};

const ELIGIBILITY_CHECKED: Record<string, FieldValue> = {
  Internet_Eligibility__c: 'Eligible: SonixNet Home Internet up to 1 Gbps',
  Internet_Eligibility_Status__c: 'Checked',
  Internet_Eligibility_Request_Date_Time__c: '2025-01-06T09:30:00.000Z',
  Internet_Eligibility_Checked_Date_Time__c: '2025-01-07T14:00:00.000Z',
  Internet_Eligibility_Notes__c: 'Fibre is available at the installation address.'
};

interface Customer {
  key: string;
  accountNo: string;
  name: string;
  contact: { firstName: string; lastName: string; email: string };
  state: Record<string, FieldValue>;
  /** Values that refer to records of later batches (the eligibility case). */
  deferred?: SeedFields;
}

const CUSTOMERS: Customer[] = [
  {
    key: 'registered',
    accountNo: 'SEED-0001',
    name: 'Seed: Registered customer',
    contact: { firstName: 'Rei', lastName: 'Registered', email: 'seed.registered@example.com' },
    state: { Portal_Status__c: 'Active', Portal_Registration_Source__c: 'Portal Signup' }
  },
  {
    key: 'eligibility-pending',
    accountNo: 'SEED-0002',
    name: 'Seed: Eligibility pending',
    contact: { firstName: 'Eli', lastName: 'Pending', email: 'seed.eligibility.pending@example.com' },
    state: {
      Portal_Status__c: 'Active',
      Portal_Registration_Source__c: 'Portal Signup',
      Internet_Eligibility_Status__c: 'Pending',
      Internet_Eligibility_Request_Date_Time__c: '2025-01-06T09:30:00.000Z'
    },
    deferred: { Internet_Eligibility_Case_Id__c: ref('case:eligibility-check') }
  },
  {
    key: 'eligibility-checked',
    accountNo: 'SEED-0003',
    name: 'Seed: Eligibility checked',
    contact: { firstName: 'Eli', lastName: 'Checked', email: 'seed.eligibility.checked@example.com' },
    state: { Portal_Status__c: 'Active', Portal_Registration_Source__c: 'Portal Signup', ...ELIGIBILITY_CHECKED }
  },
  {
    key: 'id-pending',
    accountNo: 'SEED-0004',
    name: 'Seed: ID verification pending',
    contact: { firstName: 'Ida', lastName: 'Pending', email: 'seed.id.pending@example.com' },
    state: {
      Portal_Status__c: 'Active',
      Portal_Registration_Source__c: 'Portal Checkout',
      Id_Verification_Status__c: 'Pending',
      Id_Verification_Submitted_Date_Time__c: '2025-01-08T11:00:00.000Z'
    }
  },
  {
    key: 'id-verified',
    accountNo: 'SEED-0005',
    name: 'Seed: ID verified customer',
    contact: { firstName: 'Ida', lastName: 'Verified', email: 'seed.id.verified@example.com' },
    state: {
      WH_Account__c: 9900005,
      Portal_Status__c: 'Active',
      Portal_Registration_Source__c: 'Portal Checkout',
      ...ELIGIBILITY_CHECKED,
      Id_Verification_Status__c: 'Verified',
      Id_Verification_Submitted_Date_Time__c: '2025-01-08T11:00:00.000Z',
      Id_Verification_Verified_Date_Time__c: '2025-01-08T16:20:00.000Z',
      Id_Verification_Note__c: 'Driving licence checked against the registration details.'
    }
  },
  {
    key: 'id-rejected',
    accountNo: 'SEED-0006',
    name: 'Seed: ID verification rejected',
    contact: { firstName: 'Ida', lastName: 'Rejected', email: 'seed.id.rejected@example.com' },
    state: {
      Portal_Status__c: 'Active',
      Portal_Registration_Source__c: 'Portal Checkout',
      Id_Verification_Status__c: 'Rejected',
      Id_Verification_Submitted_Date_Time__c: '2025-01-09T10:00:00.000Z',
      Id_Verification_Note__c: 'The photo of the document cannot be read.',
      Id_Verification_Rejection_Message__c: 'The document photo is unreadable; please upload a new photo.'
    }
  },
  {
    key: 'legacy',
    accountNo: 'SEED-0007',
    name: 'Seed: Legacy customer (inactive)',
    contact: { firstName: 'Leo', lastName: 'Legacy', email: 'seed.legacy@example.com' },
    state: { WH_Account__c: 9900007, Portal_Status__c: 'Inactive', Portal_Registration_Source__c: 'Legacy' }
  }
];

const accounts: SeedRecord[] = CUSTOMERS.map((customer) => ({
  key: `account:${customer.key}`,
  match: { SF_Account_No__c: customer.accountNo },
  fields: { Name: customer.name, ...NO_PORTAL_STATE, ...customer.state },
  deferred: customer.deferred
}));

const contacts: SeedRecord[] = CUSTOMERS.map((customer) => ({
  key: `contact:${customer.key}`,
  match: { Email: customer.contact.email },
  fields: {
    AccountId: ref(`account:${customer.key}`),
    FirstName: customer.contact.firstName,
    LastName: customer.contact.lastName
  }
}));

// ---------------------------------------------------------------------------------------------------------------
// Products with their WHMCS mapping and standard price book entries, per commodity type.

interface Product {
  key: keyof typeof SEED_PRODUCTS;
  name: string;
  code: string;
  commodity: string;
  billingCycle: 'Monthly' | 'Annually' | 'One-time';
  itemClass: 'Service' | 'Activation' | 'Add-on';
  price: number;
  configOptions: Record<string, string> | null;
}

const PRODUCTS: Product[] = [
  {
    key: 'internetPersonal',
    name: 'SonixNet Home Internet 1 Gbps (Personal)',
    code: 'SEED-NET-P1G',
    commodity: 'Personal SonixNet Home Internet',
    billingCycle: 'Monthly',
    itemClass: 'Service',
    price: 5980,
    configOptions: { speed: '1 Gbps', router: 'included' }
  },
  {
    key: 'internetActivation',
    name: 'SonixNet Home Internet Activation',
    code: 'SEED-NET-ACT',
    commodity: 'Personal SonixNet Home Internet',
    billingCycle: 'One-time',
    itemClass: 'Activation',
    price: 3300,
    configOptions: null
  },
  {
    key: 'internetCorporate',
    name: 'SonixNet Home Internet 10 Gbps (Corporate)',
    code: 'SEED-NET-C10G',
    commodity: 'Corporate SonixNet Home Internet',
    billingCycle: 'Monthly',
    itemClass: 'Service',
    price: 19800,
    configOptions: { speed: '10 Gbps', sla: 'business' }
  },
  {
    key: 'staticIp',
    name: 'Static IP Address',
    code: 'SEED-NET-IP',
    commodity: 'Corporate SonixNet Home Internet',
    billingCycle: 'Monthly',
    itemClass: 'Add-on',
    price: 1100,
    configOptions: null
  },
  {
    key: 'simData',
    name: 'Data SIM 20 GB',
    code: 'SEED-SIM-20G',
    commodity: 'SIM',
    billingCycle: 'Monthly',
    itemClass: 'Service',
    price: 2480,
    configOptions: { data: '20 GB', network: '5G' }
  },
  {
    key: 'simActivation',
    name: 'SIM Activation',
    code: 'SEED-SIM-ACT',
    commodity: 'SIM',
    billingCycle: 'One-time',
    itemClass: 'Activation',
    price: 3300,
    configOptions: null
  },
  {
    key: 'vpnRouter',
    name: 'VPN Router Rental',
    code: 'SEED-VPN-RTR',
    commodity: 'VPN',
    billingCycle: 'Monthly',
    itemClass: 'Service',
    price: 2500,
    configOptions: { router: 'VPN gateway' }
  },
  {
    key: 'vpnSupport',
    name: 'VPN Annual Support',
    code: 'SEED-VPN-SUP',
    commodity: 'VPN',
    billingCycle: 'Annually',
    itemClass: 'Add-on',
    price: 12000,
    configOptions: null
  }
];

const products: SeedRecord[] = PRODUCTS.map((product) => ({
  key: `product:${product.key}`,
  match: { WHMCS_Product_Id__c: SEED_PRODUCTS[product.key] },
  fields: {
    Name: product.name,
    ProductCode: product.code,
    Description: `Seed product, commodity type ${product.commodity}.`,
    IsActive: true,
    Billing_Cycle__c: product.billingCycle,
    Item_Class__c: product.itemClass,
    Portal_ConfigOptions_JSON__c: product.configOptions === null ? null : JSON.stringify(product.configOptions)
  }
}));

const priceBookEntries: SeedRecord[] = PRODUCTS.map((product) => ({
  key: `price:${product.key}`,
  match: { Product2Id: ref(`product:${product.key}`), Pricebook2Id: ref('pricebook:standard') },
  fields: { UnitPrice: product.price, IsActive: true }
}));

function priceOf(key: Product['key']): number {
  return PRODUCTS.find((product) => product.key === key)?.price ?? 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Opportunities at each stage of the customer journey.

const NO_CANCELLATION = {
  WHMCS_Service_ID__c: null,
  CancellationNotice__c: null,
  ScheduledCancellationDateAndTime__c: null,
  LineReturn__c: null
};

const opportunities: SeedRecord[] = [
  {
    key: 'opportunity:introduction',
    name: 'Seed: Introduction (eligibility requested)',
    account: 'eligibility-pending',
    fields: {
      StageName: 'Introduction',
      CommodityType__c: 'Personal SonixNet Home Internet',
      Portal_Source__c: 'Portal - Internet Eligibility Request',
      Application_Stage__c: 'Eligibility Review'
    }
  },
  {
    key: 'opportunity:ready',
    name: 'Seed: Ready (eligible)',
    account: 'eligibility-checked',
    fields: {
      StageName: 'Ready',
      CommodityType__c: 'Personal SonixNet Home Internet',
      Portal_Source__c: 'Portal - Internet Eligibility Request',
      Application_Stage__c: 'New'
    }
  },
  {
    key: 'opportunity:post-processing',
    name: 'Seed: Post Processing (order placed)',
    account: 'id-verified',
    fields: {
      StageName: 'Post Processing',
      CommodityType__c: 'Personal SonixNet Home Internet',
      Portal_Source__c: 'Portal - Order Placement',
      Application_Stage__c: 'Order Review'
    }
  },
  {
    key: 'opportunity:active',
    name: 'Seed: Active (provisioned)',
    account: 'id-verified',
    fields: {
      StageName: 'Active',
      CommodityType__c: 'SIM',
      Portal_Source__c: 'Portal - Order Placement',
      Application_Stage__c: 'Completed',
      WHMCS_Service_ID__c: 9900101
    }
  },
  {
    key: 'opportunity:cancelling',
    name: 'Seed: Cancelling',
    account: 'id-verified',
    fields: {
      StageName: '△Cancelling',
      CommodityType__c: 'VPN',
      Portal_Source__c: 'Portal - Order Placement',
      Application_Stage__c: 'Completed',
      WHMCS_Service_ID__c: 9900102,
      CancellationNotice__c: 'Requested',
      ScheduledCancellationDateAndTime__c: '2025-04-30T15:00:00.000Z'
    }
  },
  {
    key: 'opportunity:cancelled',
    name: 'Seed: Cancelled',
    account: 'legacy',
    fields: {
      StageName: '△Cancelled',
      CommodityType__c: 'Corporate SonixNet Home Internet',
      Portal_Source__c: 'Sales - Manual',
      Application_Stage__c: 'Completed',
      WHMCS_Service_ID__c: 9900103,
      CancellationNotice__c: 'Completed',
      ScheduledCancellationDateAndTime__c: '2025-02-28T15:00:00.000Z',
      LineReturn__c: 'Returned'
    }
  },
  {
    key: 'opportunity:void',
    name: 'Seed: Void (not eligible)',
    account: 'registered',
    fields: {
      StageName: 'Void',
      CommodityType__c: 'Personal SonixNet Home Internet',
      Portal_Source__c: 'Portal - Internet Eligibility Request',
      Application_Stage__c: 'Completed'
    }
  }
].map((opportunity) => ({
  key: opportunity.key,
  match: { Name: opportunity.name },
  fields: {
    AccountId: ref(`account:${opportunity.account}`),
    CloseDate: '2025-03-31',
    ...NO_CANCELLATION,
    ...opportunity.fields
  }
}));

// ---------------------------------------------------------------------------------------------------------------
// Orders in each status, with their items. All for the verified customer but the cancelled one.

interface OrderSeed {
  key: string;
  name: string;
  account: string;
  opportunity: string;
  /** Draft-category statuses are written on create; Activated needs the items first, so it is deferred. */
  status: 'Draft' | 'Pending Review' | 'Approved' | 'Activated' | 'Cancelled';
  activation: Record<string, FieldValue>;
  lines: Array<{ product: Product['key']; quantity: number }>;
}

const NO_ACTIVATION = {
  Activation_Status__c: null,
  Activation_Error__c: null,
  Activation_Error_DateTime__c: null,
  WHMCS_Order_Id__c: null
};

const ORDERS: OrderSeed[] = [
  {
    key: 'draft',
    name: 'Seed: Draft order',
    account: 'id-verified',
    opportunity: 'post-processing',
    status: 'Draft',
    activation: {},
    lines: [
      { product: 'internetPersonal', quantity: 1 },
      { product: 'internetActivation', quantity: 1 }
    ]
  },
  {
    key: 'pending-review',
    name: 'Seed: Order pending review',
    account: 'id-verified',
    opportunity: 'post-processing',
    status: 'Pending Review',
    activation: { Activation_Status__c: 'Pending Review' },
    lines: [
      { product: 'internetPersonal', quantity: 1 },
      { product: 'internetActivation', quantity: 1 }
    ]
  },
  {
    key: 'approved',
    name: 'Seed: Approved order (activating)',
    account: 'id-verified',
    opportunity: 'post-processing',
    status: 'Approved',
    activation: { Activation_Status__c: 'Activating' },
    lines: [{ product: 'vpnRouter', quantity: 1 }]
  },
  {
    key: 'approved-failed',
    name: 'Seed: Approved order (provisioning failed)',
    account: 'id-verified',
    opportunity: 'post-processing',
    status: 'Approved',
    activation: {
      Activation_Status__c: 'Failed',
      Activation_Error__c: 'WHMCS rejected the order: product SEED-401 is out of stock.',
      Activation_Error_DateTime__c: '2025-02-03T10:05:00.000Z'
    },
    lines: [{ product: 'vpnRouter', quantity: 2 }]
  },
  {
    key: 'activated',
    name: 'Seed: Activated order (provisioned)',
    account: 'id-verified',
    opportunity: 'active',
    status: 'Activated',
    activation: { Activation_Status__c: 'Provisioned', WHMCS_Order_Id__c: 9900201 },
    lines: [
      { product: 'simData', quantity: 1 },
      { product: 'simActivation', quantity: 1 }
    ]
  },
  {
    key: 'cancelled',
    name: 'Seed: Cancelled order',
    account: 'legacy',
    opportunity: 'cancelled',
    status: 'Cancelled',
    activation: {},
    lines: [
      { product: 'internetCorporate', quantity: 1 },
      { product: 'staticIp', quantity: 2 }
    ]
  }
];

const orders: SeedRecord[] = ORDERS.map((order) => {
  const activated = order.status === 'Activated';
  return {
    key: `order:${order.key}`,
    match: { Name: order.name },
    createOnly: {
      AccountId: ref(`account:${order.account}`),
      Pricebook2Id: ref('pricebook:standard'),
      EffectiveDate: '2025-02-01',
      ...(activated ? { Status: 'Draft' } : {})
    },
    fields: {
      OpportunityId: ref(`opportunity:${order.opportunity}`),
      ...NO_ACTIVATION,
      ...order.activation,
      ...(activated ? {} : { Status: order.status })
    },
    deferred: activated ? { Status: 'Activated' } : undefined
  };
});

const orderItems: SeedRecord[] = ORDERS.flatMap((order) =>
  order.lines.map((line) => ({
    key: `order-item:${order.key}:${line.product}`,
    match: { OrderId: ref(`order:${order.key}`), Product2Id: ref(`product:${line.product}`) },
    createOnly: { PricebookEntryId: ref(`price:${line.product}`) },
    fields: { Quantity: line.quantity, UnitPrice: priceOf(line.product) }
  }))
);

// ---------------------------------------------------------------------------------------------------------------
// Cases the portal creates, one per type.

const cases: SeedRecord[] = [
  {
    key: 'case:eligibility-check',
    subject: 'Seed: Internet eligibility check',
    type: 'Eligibility Check',
    account: 'eligibility-pending',
    opportunity: 'introduction',
    description: 'Portal eligibility request for the installation address.'
  },
  {
    key: 'case:id-verification',
    subject: 'Seed: ID verification review',
    type: 'ID Verification',
    account: 'id-pending',
    opportunity: null,
    description: 'The customer uploaded an identity document for manual review.'
  },
  {
    key: 'case:cancellation',
    subject: 'Seed: Cancellation request',
    type: 'Cancellation Request',
    account: 'id-verified',
    opportunity: 'cancelling',
    description: 'The customer asked to cancel the VPN service at the end of April.'
  },
  {
    key: 'case:general-inquiry',
    subject: 'Seed: General inquiry',
    type: 'General Inquiry',
    account: 'registered',
    opportunity: null,
    description: 'Question about the router delivery time.'
  }
].map((entry) => ({
  key: entry.key,
  match: { Subject: entry.subject },
  fields: {
    Type: entry.type,
    AccountId: ref(`account:${entry.account}`),
    Opportunity__c: entry.opportunity === null ? null : ref(`opportunity:${entry.opportunity}`),
    Description: entry.description
  }
}));

// ---------------------------------------------------------------------------------------------------------------
// Master subscriptions (templates without an account), their items and price tiers.

interface MasterItem {
  orderNo: string;
  title: string;
  price: number;
  billingType: 'Recurring' | 'One-Time' | 'Transactional';
  unit: string | null;
  product: Product['key'] | null;
  tiers?: Array<{ upTo: number | null; price: number; type: 'Default' | 'Flat' }>;
}

interface Master {
  key: string;
  name: string;
  title: string;
  description: string;
  items: MasterItem[];
}

const MASTERS: Master[] = [
  {
    key: 'MASTER_HOME_INTERNET',
    name: SEED_MASTERS.homeInternet,
    title: 'SonixNet Home Internet (Personal)',
    description: 'Template for personal home internet: monthly fee and one-time activation.',
    items: [
      {
        orderNo: 'MONTHLY_FEE',
        title: 'Home internet 1 Gbps, monthly fee',
        price: priceOf('internetPersonal'),
        billingType: 'Recurring',
        unit: 'Month',
        product: 'internetPersonal'
      },
      {
        orderNo: 'ACTIVATION_FEE',
        title: 'Home internet activation',
        price: priceOf('internetActivation'),
        billingType: 'One-Time',
        unit: null,
        product: 'internetActivation'
      }
    ]
  },
  {
    key: 'MASTER_SIM_DATA',
    name: SEED_MASTERS.simData,
    title: 'Data SIM',
    description: 'Template for data SIMs: monthly plan and data used beyond it, priced in tiers.',
    items: [
      {
        orderNo: 'DATA_PLAN',
        title: 'Data SIM 20 GB, monthly plan',
        price: priceOf('simData'),
        billingType: 'Recurring',
        unit: 'Month',
        product: 'simData'
      },
      {
        orderNo: 'EXTRA_DATA',
        title: 'Additional data',
        price: 250,
        billingType: 'Transactional',
        unit: 'GB',
        product: null,
        tiers: [
          { upTo: 10, price: 250, type: 'Default' },
          { upTo: null, price: 200, type: 'Default' }
        ]
      }
    ]
  },
  {
    key: 'MASTER_VPN',
    name: SEED_MASTERS.vpn,
    title: 'VPN for business',
    description: 'Template for business VPN: router rental and annual support.',
    items: [
      {
        orderNo: 'ROUTER_RENTAL',
        title: 'VPN router rental',
        price: priceOf('vpnRouter'),
        billingType: 'Recurring',
        unit: 'Month',
        product: 'vpnRouter'
      },
      {
        orderNo: 'ANNUAL_SUPPORT',
        title: 'VPN support, yearly',
        price: priceOf('vpnSupport'),
        billingType: 'Recurring',
        unit: 'Year',
        product: 'vpnSupport'
      }
    ]
  }
];

const sourceKeyOf = (master: Master): string => `SEED:${master.key}`;

const masters: SeedRecord[] = MASTERS.map((master) => ({
  key: `master:${master.key}`,
  match: { SourceKey__c: sourceKeyOf(master) },
  fields: {
    Name: master.name,
    Status__c: 'Active',
    Title__c: master.title,
    Description__c: master.description,
    Account__c: null
  }
}));

const masterItems: SeedRecord[] = MASTERS.flatMap((master) =>
  master.items.map((item) => ({
    key: `master-item:${master.key}:${item.orderNo}`,
    match: { SourceKey__c: `${sourceKeyOf(master)}|${item.orderNo}` },
    createOnly: { Subscription__c: ref(`master:${master.key}`) },
    fields: {
      Name: item.orderNo,
      Title__c: item.title,
      Price__c: item.price,
      Quantity__c: 1,
      BillingType__c: item.billingType,
      Unit__c: item.unit,
      Product__c: item.product === null ? null : ref(`product:${item.product}`)
    }
  }))
);

const masterTiers: SeedRecord[] = MASTERS.flatMap((master) =>
  master.items.flatMap((item) =>
    (item.tiers ?? []).map((tier) => ({
      key: `master-tier:${master.key}:${item.orderNo}:${tier.upTo ?? 'rest'}`,
      match: {
        SubscriptionItem__c: ref(`master-item:${master.key}:${item.orderNo}`),
        Quantity__c: tier.upTo,
        Target__c: 'Price'
      },
      fields: { Price__c: tier.price, Type__c: tier.type }
    }))
  )
);

/** The whole seed, in dependency order. Read-only checks come first, so a bare org fails before any write. */
export const SEED_BATCHES: readonly SeedBatch[] = [
  {
    sobject: 'SubscriptionBuildFilter__mdt',
    mode: 'verify',
    records: [
      {
        key: 'filter:approved-orders',
        match: { DeveloperName: APPROVED_ORDERS_FILTER },
        fields: { TargetObject__c: 'Order', ChildRelation__c: 'OrderItems', Active__c: true }
      }
    ]
  },
  {
    sobject: 'Pricebook2',
    mode: 'existing',
    records: [{ key: 'pricebook:standard', match: { IsStandard: true }, fields: { IsActive: true } }]
  },
  { sobject: 'Account', mode: 'sync', records: accounts },
  { sobject: 'Contact', mode: 'sync', records: contacts },
  { sobject: 'Product2', mode: 'sync', records: products },
  { sobject: 'PricebookEntry', mode: 'sync', records: priceBookEntries },
  { sobject: 'Opportunity', mode: 'sync', records: opportunities },
  { sobject: 'Order', mode: 'sync', records: orders },
  { sobject: 'OrderItem', mode: 'sync', records: orderItems },
  { sobject: 'Case', mode: 'sync', records: cases },
  { sobject: 'Subscription__c', mode: 'sync', records: masters },
  { sobject: 'SubscriptionItem__c', mode: 'sync', records: masterItems },
  { sobject: 'SubscriptionPriceTier__c', mode: 'sync', records: masterTiers }
];
