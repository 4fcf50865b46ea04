/**
 * POST /v1/webhooks/stripe through its handler, with the keys read from a local Secrets Manager and
 * Stripe played by the fake: a genuine event is applied; a forged, stale or missing signature is a
 * 400 problem and nothing is read or written.
 */
import { createHmac } from 'node:crypto';
import type { RunningService } from '../../../lib/local/contracts';
import { startSecretsManager } from '../../../lib/local/secrets-manager';
import { type LocalStripe, type StripeEvent, startLocalStripe } from '../../../lib/local/stripe';
import { call } from '../support/api';
import { type LocalLedger, startLocalLedger } from '../transactions/support/local-ledger';

jest.setTimeout(120_000);

let ledger: LocalLedger;
let fake: LocalStripe;
let secrets: RunningService;
let handler: Parameters<typeof call>[0];

beforeAll(async () => {
  ledger = await startLocalLedger();
  fake = await startLocalStripe({ port: 0 });
  secrets = await startSecretsManager({
    port: 0,
    secrets: { 'moneta/stripe': JSON.stringify({ secretKey: fake.secretKey, webhookSecret: fake.webhookSecret }) },
  });
  process.env.STRIPE_SECRET_ID = 'moneta/stripe';
  process.env.STRIPE_API_URL = fake.url;
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = secrets.url;
  handler = (await import('../../../functions/api/payments/webhook')).handler as never;
}, 90_000);
afterAll(async () => {
  await secrets?.stop();
  await fake?.stop();
  await ledger?.stop();
});

const sign = (payload: string, secret: string, t = Math.floor(Date.now() / 1000)) =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex')}`;

async function latestEvent(): Promise<StripeEvent> {
  const { events } = (await (await fetch(`${fake.url}/api/events`)).json()) as { events: StripeEvent[] };
  return events.at(-1)!;
}

const post = (payload: string, signature?: string) =>
  call(handler as never, {
    method: 'POST',
    path: '/v1/webhooks/stripe',
    body: payload,
    headers: { 'content-type': 'application/json; charset=utf-8', ...(signature && { 'stripe-signature': signature }) },
  });

it('accepts an event signed with the endpoint secret (an event about no Moneta payment changes nothing)', async () => {
  const created = await fetch(`${fake.url}/v1/payment_intents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fake.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'amount=100&currency=eur',
  });
  expect(created.status).toBe(200);
  const payload = JSON.stringify(await latestEvent());
  const response = await post(payload, sign(payload, fake.webhookSecret));
  expect(response.status).toBe(200);
});

it.each([
  ['signed with another secret', (payload: string) => sign(payload, 'whsec_forged')],
  ['signed too long ago', (payload: string) => sign(payload, fake.webhookSecret, Math.floor(Date.now() / 1000) - 3600)],
  ['without a signature', () => undefined],
  ['with a malformed signature', () => 'v1=abc'],
])('refuses an event %s with a 400 problem, writing nothing', async (_, signature) => {
  const before = (await ledger.items('anyone')).length;
  const payload = JSON.stringify({ id: 'evt_forged', type: 'payment_intent.succeeded', data: { object: {} } });
  const response = await post(payload, signature(payload));
  expect(response.status).toBe(400);
  expect(response.headers['content-type']).toBe('application/problem+json');
  expect(response.body).toMatchObject({ type: expect.stringContaining('invalid-signature') });
  expect((await ledger.items('anyone')).length).toBe(before);
});
