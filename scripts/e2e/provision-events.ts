/** The channel the portal subscribes to (docs/portal-integration.md, "The portal's subscription"). */
export const PROVISION_TOPIC = '/event/OrderProvisionRequested__e';

/** One OrderProvisionRequested__e message, as the portal reads it. */
export interface ProvisionRequest {
  orderId: string;
  idemKey: string | null;
  correlationId: string | null;
  requestedBy: string | null;
  version: number | null;
  replayId: number | null;
}

/** What the Pub/Sub client needs to reuse the scripts' login (its "user-supplied" authentication). */
export interface PubSubSession {
  accessToken: string;
  instanceUrl: string;
  organizationId: string;
}

/** The part of salesforce-pubsub-api-client the feed uses; tests pass a fake. */
export interface PubSubClientLike {
  connect(): Promise<void>;
  subscribeFromEarliestEvent(
    topicName: string,
    callback: (subscription: unknown, callbackType: string, data?: unknown) => void,
    numRequested?: number | null
  ): void;
  close(): void;
}

export type PubSubClientFactory = (session: PubSubSession) => Promise<PubSubClientLike>;

/** The events received so far, and whether the subscription broke. */
export interface ProvisionEventFeed {
  requestsFor(orderId: string): ProvisionRequest[];
  receivedCount(): number;
  /** Why the subscription stopped, if it did. */
  problem(): string | undefined;
  close(): void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Reads a parsed event of the client (`{ replayId, payload: { OrderId__c, ... } }`); undefined for anything else. */
export function toProvisionRequest(data: unknown): ProvisionRequest | undefined {
  if (!isRecord(data) || !isRecord(data.payload)) {
    return undefined;
  }
  const payload = data.payload;
  const orderId = payload.OrderId__c;
  if (typeof orderId !== 'string') {
    return undefined;
  }
  const version = typeof payload.Version__c === 'number' ? payload.Version__c : null;
  const replayId = typeof data.replayId === 'number' ? data.replayId : null;
  return {
    orderId,
    idemKey: textOrNull(payload.IdemKey__c),
    correlationId: textOrNull(payload.CorrelationId__c),
    requestedBy: textOrNull(payload.RequestedBy__c),
    version,
    replayId
  };
}

// The client logs every step to the console by default; only its warnings and errors matter here.
const QUIET_LOGGER = {
  debug: () => undefined,
  info: () => undefined,
  warn: (...parts: unknown[]) => process.stderr.write(`pub/sub warning: ${parts.map(String).join(' ')}\n`),
  error: (...parts: unknown[]) => process.stderr.write(`pub/sub error: ${parts.map(String).join(' ')}\n`)
};

/** The real client, loaded on demand: the package is an ES module, which a CommonJS script loads with import(). */
export const loadPubSubClient: PubSubClientFactory = async (session) => {
  const client = await import('salesforce-pubsub-api-client').catch((cause: unknown) => {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new Error(`the Pub/Sub API client (salesforce-pubsub-api-client) cannot be loaded: ${reason}`);
  });
  return new client.default(
    {
      authType: 'user-supplied',
      accessToken: session.accessToken,
      instanceUrl: session.instanceUrl,
      organizationId: session.organizationId
    },
    QUIET_LOGGER
  );
};

/**
 * Subscribes to OrderProvisionRequested__e from the earliest retained event and keeps every provisioning request
 * in memory. Replaying from the earliest event (72 hours are retained) makes the check independent of when the
 * subscription becomes active: an event published before the stream was ready is still received.
 */
export async function openProvisionEventFeed(
  session: PubSubSession,
  createClient: PubSubClientFactory = loadPubSubClient
): Promise<ProvisionEventFeed> {
  const client = await createClient(session);
  await client.connect();
  const received: ProvisionRequest[] = [];
  let problem: string | undefined;
  client.subscribeFromEarliestEvent(
    PROVISION_TOPIC,
    (_subscription, callbackType, data) => {
      if (callbackType === 'event') {
        const request = toProvisionRequest(data);
        if (request !== undefined) {
          received.push(request);
        }
      } else if (callbackType === 'error') {
        problem = `the subscription to ${PROVISION_TOPIC} failed: ${data instanceof Error ? data.message : String(data)}`;
      } else if (callbackType === 'end') {
        problem ??= `the subscription to ${PROVISION_TOPIC} ended`;
      }
    },
    null
  );
  return {
    requestsFor: (orderId) => received.filter((request) => request.orderId === orderId),
    receivedCount: () => received.length,
    problem: () => problem,
    close: () => client.close()
  };
}
