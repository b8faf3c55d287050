import { soqlLiteral } from '../../lib/soql';
import { waitFor, WaitTimeoutError } from '../../lib/wait-for';
import { CheckContext, E2eCheck, waitForFields } from '../context';
import { CheckFailure, expectFields, expectOne, expectThat, expectValue } from '../expect';
import {
  createCustomer,
  createOpportunity,
  createRecord,
  dateInDays,
  isoSeconds,
  PlacedOrder,
  placeOrder,
  writeBackProvisioning
} from '../fixtures';
import { ProvisionRequest } from '../provision-events';

const ACCOUNT_PORTAL_FIELDS =
  'Id, Portal_Status__c, Portal_Registration_Source__c, Internet_Eligibility__c, Internet_Eligibility_Status__c, ' +
  'Internet_Eligibility_Request_Date_Time__c, Internet_Eligibility_Checked_Date_Time__c, ' +
  'Internet_Eligibility_Notes__c, Internet_Eligibility_Case_Id__c';

const registration: E2eCheck = {
  id: 'registration',
  title: 'Customer registration',
  proves:
    'Data flow 1, Customer Registration: the portal creates the Account (SF_Account_No__c) and its Contact and ' +
    'sets Portal_Status__c to Active',
  async run(context) {
    const customer = await createCustomer(context, 'Registration', 'R');
    await context.api.update('Account', [{ Id: customer.accountId, Portal_Status__c: 'Active' }]);
    // The portal finds its customer again by the customer number.
    const [account] = await context.api.query(
      `SELECT ${ACCOUNT_PORTAL_FIELDS} FROM Account WHERE SF_Account_No__c = ${soqlLiteral(customer.accountNo)}`
    );
    expectFields('the registered account, found by SF_Account_No__c', account, {
      Id: customer.accountId,
      Portal_Status__c: 'Active',
      Portal_Registration_Source__c: 'Portal Signup'
    });
    const contacts = await context.api.query(
      `SELECT Id FROM Contact WHERE AccountId = ${soqlLiteral(customer.accountId)} AND Email = ${soqlLiteral(customer.email)}`
    );
    expectValue('the contact of the account', customer.contactId, expectOne('contacts with the e-mail', contacts).Id);
  }
};

const eligibility: E2eCheck = {
  id: 'eligibility',
  title: 'Internet eligibility request and result',
  proves:
    'Data flow 2, Internet Eligibility Request: Opportunity at Introduction (Portal - Internet Eligibility Request), Case Eligibility ' +
    'Check linked to it, account eligibility Pending; customer service: result Checked, Opportunity Ready',
  async run(context) {
    const customer = await createCustomer(context, 'Eligibility', 'E');
    const opportunityId = await createOpportunity(context, customer.accountId, 'Eligibility', {
      StageName: 'Introduction',
      Portal_Source__c: 'Portal - Internet Eligibility Request'
    });
    const caseId = await createRecord(context, 'Case', {
      AccountId: customer.accountId,
      Opportunity__c: opportunityId,
      Type: 'Eligibility Check',
      Subject: `E2E ${context.tag} eligibility check`,
      Description: 'Is fibre available at the installation address?'
    });
    const requested = isoSeconds(new Date());
    await context.api.update('Account', [
      {
        Id: customer.accountId,
        Internet_Eligibility_Status__c: 'Pending',
        Internet_Eligibility_Request_Date_Time__c: requested,
        Internet_Eligibility_Case_Id__c: caseId
      }
    ]);
    const accountQuery = `SELECT ${ACCOUNT_PORTAL_FIELDS} FROM Account WHERE Id = ${soqlLiteral(customer.accountId)}`;
    expectFields('the account after the request', (await context.api.query(accountQuery))[0], {
      Internet_Eligibility_Status__c: 'Pending',
      Internet_Eligibility_Request_Date_Time__c: requested,
      Internet_Eligibility_Case_Id__c: caseId
    });
    const cases = await context.api.query(
      `SELECT Id, Type, AccountId FROM Case WHERE Opportunity__c = ${soqlLiteral(opportunityId)}`
    );
    expectFields('the case linked to the opportunity', expectOne('cases of the opportunity', cases), {
      Id: caseId,
      Type: 'Eligibility Check',
      AccountId: customer.accountId
    });

    // Customer service records the result.
    const checked = isoSeconds(new Date());
    await context.api.update('Account', [
      {
        Id: customer.accountId,
        Internet_Eligibility__c: 'Eligible: SonixNet Home Internet up to 1 Gbps',
        Internet_Eligibility_Status__c: 'Checked',
        Internet_Eligibility_Checked_Date_Time__c: checked,
        Internet_Eligibility_Notes__c: 'Checked by the end-to-end suite.'
      }
    ]);
    await context.api.update('Opportunity', [{ Id: opportunityId, StageName: 'Ready' }]);
    expectFields('the account after the check', (await context.api.query(accountQuery))[0], {
      Internet_Eligibility__c: 'Eligible: SonixNet Home Internet up to 1 Gbps',
      Internet_Eligibility_Status__c: 'Checked',
      Internet_Eligibility_Checked_Date_Time__c: checked
    });
    const [opportunity] = await context.api.query(
      `SELECT Id, StageName, Portal_Source__c FROM Opportunity WHERE Id = ${soqlLiteral(opportunityId)}`
    );
    expectFields('the opportunity', opportunity, {
      StageName: 'Ready',
      Portal_Source__c: 'Portal - Internet Eligibility Request'
    });
  }
};

const orderPlacement: E2eCheck = {
  id: 'order-placement',
  title: 'Order placement',
  proves:
    'Data flow 3, Order Placement: Opportunity at Post Processing (Portal - Order Placement), Order Pending Review with ' +
    'the standard price book, OrderItems of the seeded WHMCS products',
  async run(context) {
    const customer = await createCustomer(context, 'Order placement', 'O');
    const order = await placeOrder(context, customer, 'Order placement');
    const [saved] = await context.api.query(
      'SELECT Id, Status, Activation_Status__c, OpportunityId, AccountId, TotalAmount, Opportunity.StageName ' +
        `FROM Order WHERE Id = ${soqlLiteral(order.orderId)}`
    );
    expectFields('the placed order', saved, {
      Status: 'Pending Review',
      Activation_Status__c: 'Pending Review',
      OpportunityId: order.opportunityId,
      AccountId: customer.accountId,
      TotalAmount: order.lines.reduce((sum, line) => sum + line.price.unitPrice * line.quantity, 0)
    });
    const stage = (saved.Opportunity as { StageName?: string } | null)?.StageName;
    expectValue("the order's opportunity stage", 'Post Processing', stage);
    const items = await context.api.query<{ Id: string; Product2Id: string; Quantity: number }>(
      `SELECT Id, Product2Id, Quantity FROM OrderItem WHERE OrderId = ${soqlLiteral(order.orderId)} ORDER BY Id`
    );
    expectValue('the number of order items', order.lines.length, items.length);
    expectThat(
      'the products of the order items',
      order.lines.every((line) => items.some((item) => item.Product2Id === line.price.product2Id)),
      order.lines.map((line) => line.price.whmcsProductId).join(', '),
      items.map((item) => item.Product2Id).join(', ')
    );
  }
};

/** Waits until the feed holds `count` requests for the order (or the subscription breaks). */
async function awaitProvisionRequests(
  context: CheckContext,
  orderId: string,
  count: number
): Promise<ProvisionRequest[]> {
  const feed = await context.provisionEvents();
  try {
    return await waitFor(
      `OrderProvisionRequested__e for order ${orderId}`,
      async () => {
        const problem = feed.problem();
        if (problem !== undefined) {
          throw new CheckFailure('the Pub/Sub subscription', 'events', problem);
        }
        return feed.requestsFor(orderId);
      },
      (requests) => requests.length >= count,
      { timeoutMs: context.timeoutMs, intervalMs: 1000, clock: context.clock }
    );
  } catch (cause) {
    if (cause instanceof WaitTimeoutError) {
      throw new CheckFailure(
        `OrderProvisionRequested__e through the Pub/Sub API`,
        `${count} event(s) with OrderId__c = ${orderId} within ${Math.round(cause.waitedMs / 1000)} s`,
        `${feed.requestsFor(orderId).length} for this order (${feed.receivedCount()} events received in all)`
      );
    }
    throw cause;
  }
}

function expectRequestFor(context: CheckContext, request: ProvisionRequest, orderId: string): void {
  expectFields('the provisioning request', { ...request }, { orderId, version: 1, requestedBy: context.api.username });
  expectThat(
    'the idempotency key IdemKey__c',
    (request.idemKey ?? '').startsWith(`${orderId}-`),
    `"${orderId}-<request time>"`,
    `"${request.idemKey ?? ''}"`
  );
}

async function approve(context: CheckContext, order: PlacedOrder): Promise<void> {
  await context.api.update('Order', [{ Id: order.orderId, Status: 'Approved' }]);
  await waitForFields(
    context,
    'the approved order',
    `SELECT Id, Status, Activation_Status__c, Activation_Error__c FROM Order WHERE Id = ${soqlLiteral(order.orderId)}`,
    { Status: 'Approved', Activation_Status__c: 'Activating', Activation_Error__c: null }
  );
}

const approvalAndProvisioning: E2eCheck = {
  id: 'approval-provisioning',
  title: 'Order approval, provisioning event and write-back',
  proves:
    'Data flow 4, Order Approval & Provisioning (the Order Approval automation): Status Approved → Activating and one ' +
    'OrderProvisionRequested__e with the right OrderId__c received through the Pub/Sub API; the portal writes ' +
    'back Provisioned, the Opportunity becomes Active with its WHMCS_Service_ID__c; no second event',
  async run(context) {
    const customer = await createCustomer(context, 'Provisioning', 'P');
    const order = await placeOrder(context, customer, 'Provisioning');
    await context.provisionEvents();
    await approve(context, order);
    const [request] = await awaitProvisionRequests(context, order.orderId, 1);
    expectRequestFor(context, request, order.orderId);

    const { whmcsServiceId } = await writeBackProvisioning(context, order);
    const [opportunity] = await context.api.query(
      `SELECT Id, StageName FROM Opportunity WHERE WHMCS_Service_ID__c = ${whmcsServiceId}`
    );
    expectFields('the opportunity, found by WHMCS_Service_ID__c', opportunity, {
      Id: order.opportunityId,
      StageName: 'Active'
    });
    const [saved] = await context.api.query(
      `SELECT Id, Status, Activation_Status__c FROM Order WHERE Id = ${soqlLiteral(order.orderId)}`
    );
    expectFields('the provisioned order', saved, { Status: 'Activated', Activation_Status__c: 'Provisioned' });

    // The write-back must not request provisioning again.
    await context.clock.sleep(context.settleMs);
    const feed = await context.provisionEvents();
    expectValue('provisioning requests for the order after the write-back', 1, feed.requestsFor(order.orderId).length);
  }
};

const provisioningRetry: E2eCheck = {
  id: 'provisioning-retry',
  title: 'Provisioning retry',
  proves:
    'The Order Approval automation, provisioning retry (Activation_Status__c set back to Activating): the error ' +
    'fields are cleared and a second event with a new IdemKey__c is published',
  async run(context) {
    const customer = await createCustomer(context, 'Retry', 'T');
    const order = await placeOrder(context, customer, 'Retry');
    await context.provisionEvents();
    await approve(context, order);
    const [first] = await awaitProvisionRequests(context, order.orderId, 1);

    // The portal reports a failure, then an agent retries.
    await context.api.update('Order', [
      {
        Id: order.orderId,
        Activation_Status__c: 'Failed',
        Activation_Error__c: 'E2E: WHMCS rejected the order',
        Activation_Error_DateTime__c: isoSeconds(new Date())
      }
    ]);
    await context.api.update('Order', [{ Id: order.orderId, Activation_Status__c: 'Activating' }]);
    await waitForFields(
      context,
      'the retried order',
      'SELECT Id, Activation_Status__c, Activation_Error__c, Activation_Error_DateTime__c FROM Order ' +
        `WHERE Id = ${soqlLiteral(order.orderId)}`,
      { Activation_Status__c: 'Activating', Activation_Error__c: null, Activation_Error_DateTime__c: null }
    );
    const requests = await awaitProvisionRequests(context, order.orderId, 2);
    expectRequestFor(context, requests[1], order.orderId);
    expectThat(
      'the idempotency key of the retry',
      requests[1].idemKey !== first.idemKey,
      `a key other than "${first.idemKey ?? ''}"`,
      `"${requests[1].idemKey ?? ''}"`
    );
  }
};

const cancellation: E2eCheck = {
  id: 'cancellation',
  title: 'Cancellation request',
  proves:
    'Data flow 5, Cancellation Request: Case Cancellation Request, Opportunity found by WHMCS_Service_ID__c, Stage △Cancelling ' +
    '(U+25B3) with ScheduledCancellationDateAndTime__c',
  async run(context) {
    const customer = await createCustomer(context, 'Cancellation', 'C');
    const whmcsServiceId = context.uniqueNumber();
    const opportunityId = await createOpportunity(context, customer.accountId, 'Cancellation', {
      StageName: 'Active',
      Portal_Source__c: 'Portal - Order Placement',
      WHMCS_Service_ID__c: whmcsServiceId
    });
    await createRecord(context, 'Case', {
      AccountId: customer.accountId,
      Opportunity__c: opportunityId,
      Type: 'Cancellation Request',
      Subject: `E2E ${context.tag} cancellation`,
      Description: 'Please cancel at the end of next month.'
    });
    const [found] = await context.api.query(`SELECT Id FROM Opportunity WHERE WHMCS_Service_ID__c = ${whmcsServiceId}`);
    expectValue('the opportunity found by WHMCS_Service_ID__c', opportunityId, found?.Id);
    const scheduled = `${dateInDays(45)}T15:00:00.000Z`;
    await context.api.update('Opportunity', [
      {
        Id: opportunityId,
        StageName: '△Cancelling',
        ScheduledCancellationDateAndTime__c: scheduled,
        CancellationNotice__c: 'Requested'
      }
    ]);
    const [opportunity] = await context.api.query(
      'SELECT Id, StageName, ScheduledCancellationDateAndTime__c, CancellationNotice__c FROM Opportunity ' +
        `WHERE Id = ${soqlLiteral(opportunityId)}`
    );
    expectFields('the cancelling opportunity', opportunity, {
      StageName: '△Cancelling',
      ScheduledCancellationDateAndTime__c: scheduled,
      CancellationNotice__c: 'Requested'
    });
    const cases = await context.api.query(
      `SELECT Id FROM Case WHERE Opportunity__c = ${soqlLiteral(opportunityId)} AND Type = 'Cancellation Request'`
    );
    expectOne('cancellation cases of the opportunity', cases);
  }
};

export const PORTAL_FLOW_CHECKS: readonly E2eCheck[] = [
  registration,
  eligibility,
  orderPlacement,
  approvalAndProvisioning,
  provisioningRetry,
  cancellation
];
