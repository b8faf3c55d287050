import {
  openProvisionEventFeed,
  PROVISION_TOPIC,
  PubSubClientLike,
  toProvisionRequest
} from '../../scripts/e2e/provision-events';

type Callback = (subscription: unknown, callbackType: string, data?: unknown) => void;

/** A stand-in for the Pub/Sub client: records how it was used and lets the test deliver callbacks. */
function fakeClient() {
  const state: {
    topic?: string;
    numRequested?: number | null;
    callback?: Callback;
    connected: boolean;
    closed: boolean;
  } = {
    connected: false,
    closed: false
  };
  const client: PubSubClientLike = {
    connect: async () => void (state.connected = true),
    subscribeFromEarliestEvent: (topic, callback, numRequested) =>
      Object.assign(state, { topic, callback, numRequested }),
    close: () => void (state.closed = true)
  };
  return { client, state };
}

const event = (orderId: string, idemKey: string) => ({
  id: 'e1',
  replayId: 42,
  payload: {
    OrderId__c: orderId,
    IdemKey__c: idemKey,
    CorrelationId__c: 'TID:1',
    RequestedBy__c: 'agent@example.com',
    Version__c: 1,
    CreatedDate: 1
  }
});

describe('toProvisionRequest', () => {
  it('reads the event fields the portal uses', () => {
    expect(toProvisionRequest(event('801A', '801A-2025-01-01T00:00:00.000Z'))).toEqual({
      orderId: '801A',
      idemKey: '801A-2025-01-01T00:00:00.000Z',
      correlationId: 'TID:1',
      requestedBy: 'agent@example.com',
      version: 1,
      replayId: 42
    });
  });

  it('ignores anything that is not a provisioning request', () => {
    expect(toProvisionRequest({ payload: { Other__c: 1 } })).toBeUndefined();
    expect(toProvisionRequest('text')).toBeUndefined();
  });
});

describe('openProvisionEventFeed', () => {
  const session = { accessToken: 'token', instanceUrl: 'https://x.my.salesforce.com', organizationId: '00DA' };

  it('subscribes from the earliest retained event without a limit and collects the requests by order', async () => {
    const { client, state } = fakeClient();
    const feed = await openProvisionEventFeed(session, async (given) => {
      expect(given).toBe(session);
      return client;
    });
    expect(state).toMatchObject({ connected: true, topic: PROVISION_TOPIC, numRequested: null });
    state.callback?.({}, 'event', event('801A', 'k1'));
    state.callback?.({}, 'event', event('801B', 'k2'));
    state.callback?.({}, 'grpcKeepalive', {});
    state.callback?.({}, 'event', event('801A', 'k3'));
    expect(feed.requestsFor('801A').map((request) => request.idemKey)).toEqual(['k1', 'k3']);
    expect(feed.receivedCount()).toBe(3);
    expect(feed.problem()).toBeUndefined();
    feed.close();
    expect(state.closed).toBe(true);
  });

  it('remembers why the subscription broke', async () => {
    const { client, state } = fakeClient();
    const feed = await openProvisionEventFeed(session, async () => client);
    state.callback?.({}, 'error', new Error('7 PERMISSION_DENIED'));
    expect(feed.problem()).toBe(`the subscription to ${PROVISION_TOPIC} failed: 7 PERMISSION_DENIED`);
  });

  it('passes on why the client could not be created', async () => {
    await expect(
      openProvisionEventFeed(session, async () =>
        Promise.reject(new Error('the Pub/Sub API client (salesforce-pubsub-api-client) cannot be loaded: x'))
      )
    ).rejects.toThrow('cannot be loaded');
  });
});
