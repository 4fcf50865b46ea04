/**
 * The dispatcher against a real DynamoDB Local and a receiver on loopback: each event reaches each
 * subscribed webhook of its user once per `webhook-id`, signed, with the fields the API shows;
 * a failed attempt is recorded and thrown (so the consumer retry machinery tries again) and the
 * retry carries the same id; a day of failures marks the delivery failed; a run of failures
 * disables the webhook once; an erased user's partition is never written.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { Webhook } from 'standardwebhooks';
import { UserGone } from '../../../shared/kit/dynamodb/exactly-once';
import { userRootKey } from '../../../shared/kit/dynamodb/keys';
import { toTransactionView } from '../../../shared/transactions/views';
import {
  DELIVERY_WINDOW_MS,
  DeliveriesFailed,
  dispatch,
  type EventToDeliver,
  MAX_CONSECUTIVE_FAILURES,
} from '../../../shared/webhooks/deliver';
import type { WebhookItem } from '../../../shared/webhooks/items';
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

async function newWebhook(userId: string, overrides: Partial<WebhookItem> = {}): Promise<WebhookItem> {
  const now = new Date().toISOString();
  const webhook: WebhookItem = {
    type: 'WEBHOOK',
    webhookId: `wh${++sequence}`,
    url: receiverUrl,
    events: ['TransactionCreated', 'TransactionDeleted'],
    description: null,
    status: 'enabled',
    disabledReason: null,
    disabledAt: null,
    secrets: [{ secret: newSigningSecret(), createdAt: now, retiresAt: null }],
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
  new Webhook(webhook.secrets[0]!.secret).verify(request.body, request.headers);

test('a subscribed webhook gets the event once, signed, with the fields the API shows', async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId);
  const event = created(userId);
  await dispatch({ store, send }, event);
  expect(received).toHaveLength(1);
  // The verifier refuses stale timestamps: the delivery was signed just now.
  expect(verified(webhook, received[0]!)).toEqual({
    type: 'TransactionCreated',
    timestamp: '2026-12-07T10:00:00.000Z',
    data: JSON.parse(JSON.stringify(toTransactionView(transaction))),
  });

  // The same event again (a duplicate delivery) is not sent again.
  await dispatch({ store, send }, event);
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
    { store, send },
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
  expect(await dispatch({ store, send }, created(other))).toEqual({ attempted: 0 });
  expect(received).toHaveLength(0);
});

test('a failed attempt is recorded and thrown; the retry carries the same webhook-id and succeeds', async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId);
  const event = created(userId);
  answer = 503;
  await expect(dispatch({ store, send }, event)).rejects.toThrow(DeliveriesFailed);
  let [delivery] = (await store.deliveries(userId, webhook.webhookId, 10)).items;
  expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastResponseCode: 503 });
  expect((await store.get(userId, webhook.webhookId))?.consecutiveFailures).toBe(1);

  answer = 200;
  await dispatch({ store, send }, event);
  [delivery] = (await store.deliveries(userId, webhook.webhookId, 10)).items;
  expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, lastResponseCode: 200 });
  expect(new Set(received.map((request) => request.headers['webhook-id']))).toEqual(new Set([delivery?.deliveryId]));
  expect((await store.get(userId, webhook.webhookId))?.consecutiveFailures).toBe(0);
});

test('after a day of failures the delivery is marked failed and the event let go', async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId);
  const event = created(userId);
  answer = 500;
  await expect(dispatch({ store, send }, event)).rejects.toThrow(DeliveriesFailed);
  const later = new Date(Date.now() + DELIVERY_WINDOW_MS + 1000);
  await dispatch({ store, send, now: () => later }, event);
  const [delivery] = (await store.deliveries(userId, webhook.webhookId, 10)).items;
  expect(delivery).toMatchObject({ status: 'failed', attempts: 2 });
  await dispatch({ store, send, now: () => later }, event);
  expect(received).toHaveLength(2);
});

test('a run of failures disables the webhook once, with one WebhookDisabled fact for the email', async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId, { consecutiveFailures: MAX_CONSECUTIVE_FAILURES - 2 });
  const told: string[] = [];
  const onDisabled = async (_user: string, disabled: WebhookItem) => {
    told.push(disabled.webhookId);
  };
  answer = 500;
  await expect(dispatch({ store, send, onDisabled }, created(userId))).rejects.toThrow(DeliveriesFailed);
  expect((await store.get(userId, webhook.webhookId))?.status).toBe('enabled');
  await expect(dispatch({ store, send, onDisabled }, created(userId))).rejects.toThrow(DeliveriesFailed);
  expect(await store.get(userId, webhook.webhookId)).toMatchObject({ status: 'disabled', disabledReason: 'failing' });
  expect(told).toEqual([webhook.webhookId]);
  // The fact the notifier emails about (WebhookDisabled), written once with the disabling.
  expect(await dynamo.partition(userId, 'WHDISABLED#')).toEqual([
    expect.objectContaining({ type: 'WEBHOOK_DISABLED', webhookId: webhook.webhookId, url: receiverUrl }),
  ]);
  // Disabled: nothing more is attempted.
  expect(await dispatch({ store, send, onDisabled }, created(userId))).toEqual({ attempted: 0 });
  expect(received).toHaveLength(2);
});

test("an erased user's partition gets no delivery item", async () => {
  const userId = await newUser();
  const webhook = await newWebhook(userId);
  await dynamo.db.send(new DeleteCommand({ TableName: dynamo.tableName, Key: userRootKey(userId) }));
  await expect(dispatch({ store, send }, created(userId))).rejects.toThrow(UserGone);
  expect((await store.deliveries(userId, webhook.webhookId, 10)).items).toEqual([]);
  expect(received).toHaveLength(0);
});
