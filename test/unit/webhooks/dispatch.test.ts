/**
 * The dispatcher against a real DynamoDB Local and a receiver on loopback: each event reaches each
 * subscribed webhook of its user once per `webhook-id`, signed, with the fields the API shows;
 * a failed attempt is recorded and thrown (so the consumer retry machinery tries again) and the
 * retry carries the same id; a day of failures marks the delivery failed; failed deliveries (not
 * attempts) in a row, or two days without a success, disable the webhook once; a body over 256 KB
 * is sent as the id only; an erased user's partition is never written.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { Webhook } from 'standardwebhooks';
import { UserGone } from '../../../shared/kit/dynamodb/exactly-once';
import { userRootKey } from '../../../shared/kit/dynamodb/keys';
import { toTransactionView } from '../../../shared/transactions/views';
import { MAX_PAYLOAD_BYTES } from '../../../shared/webhooks/catalogue';
import {
  attempt,
  DELIVERY_WINDOW_MS,
  DeliveriesFailed,
  DISABLE_AFTER_MS,
  dispatch,
  type EventToDeliver,
  MAX_CONSECUTIVE_FAILURES,
} from '../../../shared/webhooks/deliver';
import type { WebhookItem } from '../../../shared/webhooks/items';
import { keyRingFrom, seal } from '../../../shared/webhooks/secret-box';
import { createSender } from '../../../shared/webhooks/send';
import { newSigningSecret } from '../../../shared/webhooks/signing';
import { createWebhookStore, type WebhookStore } from '../../../shared/webhooks/store';
import { startLocalDynamoDb } from '../support/local-dynamodb';
import { transactionFixture } from '../transactions/support/ledger-fixtures';

jest.setTimeout(60_000);

type Received = { headers: Record<string, string>; body: string };
let dynamo: Awaited<ReturnType<typeof startLocalDynamoDb>>;
let store: WebhookStore;
let server: Server;
let receiverUrl: string;
let answer = 204;
const received: Received[] = [];
const send = createSender({ allowLocalHttp: true });

beforeAll(async () => {
  dynamo = await startLocalDynamoDb();
  store = createWebhookStore({ db: dynamo.db, tableName: dynamo.tableName });
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers as Record<string, string>, body });
      response.statusCode = answer;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}, 90_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await dynamo?.stop();
});
beforeEach(() => {
  received.length = 0;
  answer = 204;
});

let sequence = 0;
async function newUser(): Promise<string> {
  const userId = `webhook-user-${++sequence}`;
  await dynamo.put({ ...userRootKey(userId), type: 'PROFILE', userId });
  return userId;
}

const keyRing = keyRingFrom(JSON.stringify({ current: 'k1', k1: randomBytes(32).toString('base64') }));
/** Each webhook's signing secret in the clear, as its owner holds it. */
const plainSecrets = new Map<string, string>();

async function newWebhook(userId: string, overrides: Partial<WebhookItem> = {}): Promise<WebhookItem> {
  const now = new Date().toISOString();
  const webhookId = `wh${++sequence}`;
  const secret = newSigningSecret();
  plainSecrets.set(webhookId, secret);
  const webhook: WebhookItem = {
    type: 'WEBHOOK',
    webhookId,
    url: receiverUrl,
    events: ['TransactionCreated', 'TransactionDeleted'],
    description: null,
    status: 'enabled',
    disabledReason: null,
    disabledAt: null,
    secrets: [{ sealed: seal(keyRing, secret, { userId, webhookId }), createdAt: now, retiresAt: null }],
    consecutiveFailures: 0,
    failingSince: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...overrides,
  };
  await store.create(userId, webhook);
  return webhook;
}

const transaction = transactionFixture();
const created = (userId: string, sourceEventId = `rec-${++sequence}`): EventToDeliver => ({
  userId,
  sourceEventId,
  detailType: 'TransactionCreated',
  id: transaction.transactionId,
  occurredAt: '2026-12-07T10:00:00.000Z',
  data: transaction,
});

const verified = (webhook: WebhookItem, request: Received) =>
  new Webhook(plainSecrets.get(webhook.webhookId)!).verify(request.body, request.headers);

test('a subscribed webhook gets the event once, signed, with the fields the API shows', async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId);
  const event = created(userId);
  await dispatch({ store, send, keyRing }, event);
  expect(received).toHaveLength(1);
  // The verifier refuses stale timestamps: the delivery was signed just now.
  expect(verified(webhook, received[0]!)).toEqual({
    type: 'TransactionCreated',
    timestamp: '2026-12-07T10:00:00.000Z',
    data: JSON.parse(JSON.stringify(toTransactionView(transaction))),
  });

  // The same event again (a duplicate delivery) is not sent again.
  await dispatch({ store, send, keyRing }, event);
  expect(received).toHaveLength(1);
  const { items } = await store.deliveries(userId, webhook.webhookId, 10);
  expect(items).toEqual([
    expect.objectContaining({
      deliveryId: received[0]?.headers['webhook-id'],
      status: 'delivered',
      attempts: 1,
      lastResponseCode: 204,
    }),
  ]);
});

test('a deleted entity is delivered as it was; unsubscribed events and disabled webhooks get nothing', async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId);
  await newWebhook(userId, { status: 'disabled', disabledReason: 'user' });
  await newWebhook(userId, { events: ['AccountCreated'] });
  await dispatch(
    { store, send, keyRing },
    { ...created(userId), detailType: 'TransactionDeleted', data: undefined, previous: transaction },
  );
  expect(received).toHaveLength(1);
  expect(verified(webhook, received[0]!)).toMatchObject({
    type: 'TransactionDeleted',
    data: { id: transaction.transactionId },
  });
});

test("another user's event never reaches this user's webhook", async () => {
  const owner = await newUser();
  await newWebhook(owner);
  const other = await newUser();
  expect(await dispatch({ store, send, keyRing }, created(other))).toEqual({ attempted: 0 });
  expect(received).toHaveLength(0);
});

test('a failed attempt is recorded and thrown; the retry carries the same webhook-id and succeeds', async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId);
  const event = created(userId);
  answer = 503;
  await expect(dispatch({ store, send, keyRing }, event)).rejects.toThrow(DeliveriesFailed);
  let [delivery] = (await store.deliveries(userId, webhook.webhookId, 10)).items;
  expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastResponseCode: 503 });
  // A failed attempt of a delivery still being retried is not a failed delivery.
  expect(await store.get(userId, webhook.webhookId)).toMatchObject({
    consecutiveFailures: 0,
    failingSince: expect.any(String),
  });

  answer = 200;
  await dispatch({ store, send, keyRing }, event);
  [delivery] = (await store.deliveries(userId, webhook.webhookId, 10)).items;
  expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, lastResponseCode: 200 });
  expect(new Set(received.map((request) => request.headers['webhook-id']))).toEqual(new Set([delivery?.deliveryId]));
  expect(await store.get(userId, webhook.webhookId)).toMatchObject({ consecutiveFailures: 0, failingSince: null });
});

test('after a day of failures the delivery is marked failed and the event let go', async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId);
  const event = created(userId);
  answer = 500;
  await expect(dispatch({ store, send, keyRing }, event)).rejects.toThrow(DeliveriesFailed);
  const later = new Date(Date.now() + DELIVERY_WINDOW_MS + 1000);
  await dispatch({ store, send, keyRing, now: () => later }, event);
  const [delivery] = (await store.deliveries(userId, webhook.webhookId, 10)).items;
  expect(delivery).toMatchObject({ status: 'failed', attempts: 2 });
  await dispatch({ store, send, keyRing, now: () => later }, event);
  expect(received).toHaveLength(2);
});

test('one delivery retried many times never disables its webhook: attempts are not failed deliveries', async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId);
  const event = created(userId);
  answer = 500;
  for (let attempt = 0; attempt < MAX_CONSECUTIVE_FAILURES + 2; attempt += 1) {
    await expect(dispatch({ store, send, keyRing }, event)).rejects.toThrow(DeliveriesFailed);
  }
  expect(received).toHaveLength(MAX_CONSECUTIVE_FAILURES + 2);
  expect(await store.get(userId, webhook.webhookId)).toMatchObject({ status: 'enabled', consecutiveFailures: 0 });
});

test('deliveries failing for good in a row disable the webhook once, with one WebhookDisabled fact for the email', async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId, {
    consecutiveFailures: MAX_CONSECUTIVE_FAILURES - 2,
    failingSince: new Date().toISOString(),
  });
  const told: string[] = [];
  const onDisabled = async (_user: string, disabled: WebhookItem) => {
    told.push(disabled.webhookId);
  };
  const later = new Date(Date.now() + DELIVERY_WINDOW_MS + 1000);
  answer = 500;
  const failForGood = async (event: EventToDeliver) => {
    await expect(dispatch({ store, send, keyRing, onDisabled }, event)).rejects.toThrow(DeliveriesFailed);
    await dispatch({ store, send, keyRing, onDisabled, now: () => later }, event);
  };
  const first = created(userId);
  await failForGood(first);
  expect(await store.get(userId, webhook.webhookId)).toMatchObject({
    status: 'enabled',
    consecutiveFailures: MAX_CONSECUTIVE_FAILURES - 1,
  });
  // Redelivering that failed delivery and failing again counts no second failed delivery.
  const [failed] = (await store.deliveries(userId, webhook.webhookId, 10)).items;
  await attempt({ store, send, keyRing, onDisabled, now: () => later }, userId, webhook, failed!);
  expect((await store.get(userId, webhook.webhookId))?.consecutiveFailures).toBe(MAX_CONSECUTIVE_FAILURES - 1);

  await failForGood(created(userId));
  expect(await store.get(userId, webhook.webhookId)).toMatchObject({
    status: 'disabled',
    disabledReason: 'failing',
    consecutiveFailures: MAX_CONSECUTIVE_FAILURES,
  });
  expect(told).toEqual([webhook.webhookId]);
  // The fact the notifier emails about (WebhookDisabled), written once with the disabling.
  expect(await dynamo.partition(userId, 'WHDISABLED#')).toEqual([
    expect.objectContaining({ type: 'WEBHOOK_DISABLED', webhookId: webhook.webhookId, url: receiverUrl }),
  ]);
  // Disabled: nothing more is attempted, and the owner is not told twice.
  const sent = received.length;
  expect(await dispatch({ store, send, keyRing, onDisabled }, created(userId))).toEqual({ attempted: 0 });
  expect(received).toHaveLength(sent);
  expect(told).toHaveLength(1);
});

test('a delivery failing for good after two days without a success disables the webhook', async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId, {
    failingSince: new Date(Date.now() - DISABLE_AFTER_MS).toISOString(),
  });
  const event = created(userId);
  answer = 500;
  await expect(dispatch({ store, send, keyRing }, event)).rejects.toThrow(DeliveriesFailed);
  expect((await store.get(userId, webhook.webhookId))?.status).toBe('enabled');
  await dispatch({ store, send, keyRing, now: () => new Date(Date.now() + DELIVERY_WINDOW_MS + 1000) }, event);
  expect(await store.get(userId, webhook.webhookId)).toMatchObject({ status: 'disabled', consecutiveFailures: 1 });
});

test('a success ends the run: failed deliveries before it no longer count', async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId, {
    consecutiveFailures: MAX_CONSECUTIVE_FAILURES - 1,
    failingSince: new Date(Date.now() - DISABLE_AFTER_MS).toISOString(),
  });
  await dispatch({ store, send, keyRing }, created(userId));
  expect(await store.get(userId, webhook.webhookId)).toMatchObject({
    status: 'enabled',
    consecutiveFailures: 0,
    failingSince: null,
  });
});

test('a body over 256 KB is sent as the entity id only, marked truncated', async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId);
  const huge = { ...transaction, note: 'x'.repeat(MAX_PAYLOAD_BYTES) };
  await dispatch({ store, send, keyRing }, { ...created(userId), data: huge });
  expect(received).toHaveLength(1);
  expect(Buffer.byteLength(received[0]!.body)).toBeLessThan(1024);
  expect(verified(webhook, received[0]!)).toEqual({
    type: 'TransactionCreated',
    timestamp: '2026-12-07T10:00:00.000Z',
    data: { id: transaction.transactionId },
    truncated: true,
  });
});

test("an erased user's partition gets no delivery item", async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId);
  await dynamo.db.send(new DeleteCommand({ TableName: dynamo.tableName, Key: userRootKey(userId) }));
  await expect(dispatch({ store, send, keyRing }, created(userId))).rejects.toThrow(UserGone);
  expect((await store.deliveries(userId, webhook.webhookId, 10)).items).toEqual([]);
  expect(received).toHaveLength(0);
});
