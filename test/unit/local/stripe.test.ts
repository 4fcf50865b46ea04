import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { closeServer } from '../../../lib/local/http';
import { decodeForm, type LocalStripe, startLocalStripe } from '../../../lib/local/stripe';

/** A webhook endpoint that verifies as Moneta does and answers the statuses it is told to. */
async function startEndpoint(secret: () => string) {
  const received: { id: string; type: string; object: Record<string, unknown> }[] = [];
  const answers: number[] = [];
  let rejected = 0;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const status = answers.shift() ?? 200;
    if (status !== 200) return void res.writeHead(status).end();
    try {
      const event = Stripe.webhooks.constructEvent(
        Buffer.concat(chunks),
        req.headers['stripe-signature'] as string,
        secret(),
      );
      received.push({
        id: event.id,
        type: event.type,
        object: event.data.object as unknown as Record<string, unknown>,
      });
      res.writeHead(200).end();
    } catch {
      rejected++;
      res.writeHead(400).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/webhooks/stripe`,
    received,
    answerNext: (...statuses: number[]) => answers.push(...statuses),
    rejected: () => rejected,
    stop: () => closeServer(server),
  };
}

const sdkFor = (stripe: LocalStripe, key = stripe.secretKey) => {
  const { hostname, port, protocol } = new URL(stripe.url);
  return new Stripe(key, { host: hostname, port: Number(port), protocol: protocol.replace(':', '') as 'http' });
};

async function control(stripe: LocalStripe, method: string, path: string, body?: unknown) {
  const response = await fetch(`${stripe.url}${path}`, {
    method,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('local Stripe', () => {
  let stripe: LocalStripe;
  let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  let sdk: Stripe;

  beforeEach(async () => {
    endpoint = await startEndpoint(() => stripe.webhookSecret);
    stripe = await startLocalStripe({ port: 0, webhookUrl: endpoint.url, retryBaseDelayMs: 1 });
    sdk = sdkFor(stripe);
  });
  afterEach(async () => {
    await stripe.stop();
    await endpoint.stop();
  });

  it('decodes Stripe form encoding: nested objects, indexed arrays and appended arrays', () => {
    expect(
      decodeForm(
        'a=1&metadata[userId]=u1&line_items[0][price_data][unit_amount]=5&line_items[1][quantity]=2&expand[]=x&expand[]=y',
      ),
    ).toEqual({
      a: '1',
      metadata: { userId: 'u1' },
      line_items: [{ price_data: { unit_amount: '5' } }, { quantity: '2' }],
      expand: ['x', 'y'],
    });
  });

  it('pays a checkout session through its payer, with signed webhooks and a receipt link', async () => {
    const session = await sdk.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        { price_data: { currency: 'eur', unit_amount: 1250, product_data: { name: 'Design' } }, quantity: 2 },
        { price_data: { currency: 'eur', unit_amount: 300, product_data: { name: 'Hosting' } }, quantity: 1 },
      ],
      payment_intent_data: { metadata: { paymentId: 'p1', userId: 'u1' } },
      metadata: { paymentId: 'p1' },
    });
    expect(session).toMatchObject({ status: 'open', amount_total: 2800, currency: 'eur', payment_intent: null });
    expect((await fetch(session.url!)).status).toBe(200);

    const paid = await control(stripe, 'POST', `/api/checkout/sessions/${session.id}/pay`, { outcome: 'succeeded' });
    expect(paid.body).toMatchObject({ status: 'complete', payment_status: 'paid' });
    await stripe.whenIdle();

    const intent = await sdk.paymentIntents.retrieve(paid.body.payment_intent as string, { expand: ['latest_charge'] });
    expect(intent).toMatchObject({ status: 'succeeded', amount: 2800, metadata: { paymentId: 'p1', userId: 'u1' } });
    const charge = intent.latest_charge as Stripe.Charge;
    expect(charge.receipt_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/receipts\/ch_/);
    expect((await fetch(charge.receipt_url!)).status).toBe(200);
    expect(endpoint.received.map((event) => event.type)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    expect(endpoint.rejected()).toBe(0);
  });

  it('answers a PaymentIntent created, confirmed with a declined card, then cancelled as Stripe does', async () => {
    const intent = await sdk.paymentIntents.create({ amount: 500, currency: 'EUR', metadata: { paymentId: 'p2' } });
    expect(intent).toMatchObject({ status: 'requires_payment_method', currency: 'eur' });

    const declined = await sdk.paymentIntents
      .confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' })
      .catch((e) => e);
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });

    const canceled = await sdk.paymentIntents.cancel(intent.id);
    expect(canceled.status).toBe('canceled');
    const again = await sdk.paymentIntents.cancel(intent.id).catch((e) => e);
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(again).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    await stripe.whenIdle();
    expect(endpoint.received.map((event) => event.type)).toEqual([
      'payment_intent.created',
      'charge.failed',
      'payment_intent.payment_failed',
      'payment_intent.canceled',
    ]);
  });

  it('refunds partly then fully, refusing more than was paid', async () => {
    const intent = await sdk.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(intent.status).toBe('succeeded');

    const part = await sdk.refunds.create({ payment_intent: intent.id, amount: 400 });
    expect(part).toMatchObject({ amount: 400, status: 'succeeded', payment_intent: intent.id });
    const tooMuch = await sdk.refunds.create({ payment_intent: intent.id, amount: 601 }).catch((e) => e);
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });
    const rest = await sdk.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(600);

    const listed = await sdk.refunds.list({ payment_intent: intent.id });
    expect(listed.data.map((refund) => refund.amount).sort()).toEqual([400, 600]);
    const charge = await sdk.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 1000, refunded: true });
    const done = await sdk.refunds.create({ payment_intent: intent.id }).catch((e) => e);
    expect(done).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
  });

  it('replays an idempotent request, and refuses the same key with other parameters', async () => {
    const first = await sdk.paymentIntents.create({ amount: 700, currency: 'eur' }, { idempotencyKey: 'k-1' });
    const replay = await sdk.paymentIntents.create({ amount: 700, currency: 'eur' }, { idempotencyKey: 'k-1' });
    expect(replay.id).toBe(first.id);
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');

    const other = await sdk.paymentIntents
      .create({ amount: 701, currency: 'eur' }, { idempotencyKey: 'k-1' })
      .catch((e) => e);
    expect(other).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(other.statusCode).toBe(400);
  });

  it("echoes the request's Stripe-Version and answers Stripe's errors for a bad key, a missing object and a bad param", async () => {
    const versioned = sdkFor(stripe);
    const customer = await versioned.customers.create({ email: 'client@example.com' });
    expect(customer.lastResponse.headers['stripe-version']).toBe(Stripe.API_VERSION);

    const badKey = await sdkFor(stripe, 'sk_test_wrong_key_0000')
      .customers.create({})
      .catch((e) => e);
    expect(badKey).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(badKey.statusCode).toBe(401);

    const absent = await sdk.paymentIntents.retrieve('pi_doesnotexist').catch((e) => e);
    expect(absent).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      raw: { message: "No such payment_intent: 'pi_doesnotexist'" },
    });

    const noAmount = await sdk.paymentIntents
      .create({ currency: 'eur' } as Stripe.PaymentIntentCreateParams)
      .catch((e) => e);
    expect(noAmount).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'amount' });
    const unknown = await sdk.customers.create({ colour: 'red' } as Stripe.CustomerCreateParams).catch((e) => e);
    expect(unknown).toMatchObject({ statusCode: 400, param: 'colour' });
  });

  it('expires an open checkout session once, and saves a payment method through a setup session', async () => {
    const customer = await sdk.customers.create({ email: 'client@example.com', name: 'Client' });
    const session = await sdk.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'eur', unit_amount: 100, product_data: { name: 'x' } }, quantity: 1 }],
    });
    expect((await sdk.checkout.sessions.expire(session.id)).status).toBe('expired');
    const twice = await sdk.checkout.sessions.expire(session.id).catch((e) => e);
    expect(twice.statusCode).toBe(400);

    const setup = await sdk.checkout.sessions.create({
      mode: 'setup',
      currency: 'eur',
      customer: customer.id,
      setup_intent_data: { metadata: { payeeId: 'payee-1' } },
    });
    const done = await control(stripe, 'POST', `/api/checkout/sessions/${setup.id}/pay`, { outcome: 'succeeded' });
    const intent = await sdk.setupIntents.retrieve(done.body.setup_intent as string);
    expect(intent).toMatchObject({ status: 'succeeded', customer: customer.id, metadata: { payeeId: 'payee-1' } });
    expect(intent.payment_method).toMatch(/^pm_/);
  });

  it('retries a webhook the endpoint refused, and can hold, reorder and repeat deliveries', async () => {
    endpoint.answerNext(500, 503);
    const first = await sdk.paymentIntents.create({ amount: 100, currency: 'eur' });
    await stripe.whenIdle();
    expect(endpoint.received.map((event) => event.object.id)).toEqual([first.id]);
    const [created] = (await control(stripe, 'GET', '/api/events?type=payment_intent.created')).body.events as {
      id: string;
      deliveries: { status: number }[];
    }[];
    expect(created!.deliveries.map((delivery) => delivery.status)).toEqual([500, 503, 200]);

    await control(stripe, 'PUT', '/api/webhooks/hold', { enabled: true });
    const second = await sdk.paymentIntents.create({
      amount: 200,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await stripe.whenIdle();
    expect(endpoint.received).toHaveLength(1);
    await control(stripe, 'PUT', '/api/webhooks/hold', { enabled: false });
    const released = await control(stripe, 'POST', '/api/webhooks/release', { order: 'reverse' });
    expect((released.body.released as { type: string }[]).map((event) => event.type)).toEqual([
      'payment_intent.succeeded',
      'charge.succeeded',
      'payment_intent.created',
    ]);
    expect(endpoint.received.slice(1).map((event) => event.type)).toEqual([
      'payment_intent.succeeded',
      'charge.succeeded',
      'payment_intent.created',
    ]);

    const succeeded = endpoint.received[1]!;
    expect(succeeded.object.id).toBe(second.id);
    const again = await control(stripe, 'POST', `/api/events/${succeeded.id}/deliver`);
    expect(again.body.status).toBe(200);
    expect(endpoint.received.filter((event) => event.id === succeeded.id)).toHaveLength(2);
    expect(endpoint.rejected()).toBe(0);
  });
});
