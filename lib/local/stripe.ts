/**
 * A fake of Stripe's REST API, for the objects Moneta uses, so that the official `stripe` SDK (its
 * `host`/`port`/`protocol` pointed here through STRIPE_API_URL) runs the whole payment flow
 * locally, and Stripe's webhooks arrive signed at the local API.
 *
 * Stripe's side (form-encoded bodies, `Authorization: Bearer <secret key>`, Stripe's error shapes):
 *   POST /v1/customers, GET /v1/customers/<id>
 *   POST /v1/payment_intents, GET …/<id>, POST …/<id>/confirm, POST …/<id>/cancel
 *   POST /v1/checkout/sessions, GET …/<id>, POST …/<id>/expire     (a hosted `url` on this server)
 *   POST /v1/setup_intents, GET …/<id>
 *   GET  /v1/payment_methods/<id>, GET /v1/payment_methods?customer=…, GET /v1/customers/<id>/payment_methods,
 *   POST /v1/payment_methods/<id>/detach
 *   POST /v1/refunds, GET /v1/refunds/<id>, GET /v1/refunds?payment_intent=…
 *   GET  /v1/charges/<id>, GET /v1/events/<id>
 * Idempotency-Key: the same key with the same parameters replays the first answer
 * (`Idempotent-Replayed: true`); with other parameters it is a 400 `idempotency_error`. The
 * request's Stripe-Version is echoed. Test payment methods as Stripe's test mode names them:
 * `pm_card_visa` succeeds, `pm_card_chargeDeclined` is declined (402 card_error, code
 * card_declined), `pm_card_authenticationRequired` needs the payer's authentication (402
 * card_error, code authentication_required: what an off-session charge of such a card gets). A
 * payment method saved through a setup-mode Checkout Session behaves as the test method its payer
 * chose (`paymentMethod` below, pm_card_visa when none), and is charged only with its customer. A
 * declined confirmation's error carries the PaymentIntent, as Stripe's does.
 *
 * The payer and the webhook endpoint, for tests (or a person):
 *   POST /api/checkout/sessions/<id>/pay { outcome: "succeeded" | "failed", paymentMethod? }  the
 *        hosted page paid (a setup-mode session: a method saved, as the test method named)
 *   POST /api/payment_intents/<id>/pay { outcome }                              a PI confirmed by its payer
 *   POST /api/checkout/sessions/<id>/expire   the session's time ran out unpaid (Stripe: 24 h at most)
 *   PUT  /api/webhooks/hold { enabled }  while held, events queue instead of being sent
 *   POST /api/webhooks/release { order: "created" | "reverse" }  sends the held events in that order
 *   POST /api/events/<id>/deliver        sends one event (again) now → { status }
 *   GET  /api/events?type=…              the events, oldest first, with their delivery attempts
 *   PUT  /api/outage { enabled }         while on, Stripe's API answers 503 api_error (Stripe down)
 *   GET  /c/pay/<session id>             the hosted payment page; GET /receipts/<charge id> a receipt
 * Webhooks are POSTed to the configured endpoint, signed as Stripe signs
 * (`Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`), and retried
 * with exponential backoff while the endpoint answers other than 2xx.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningService } from './contracts';
import { closeServer, isRecord, listen, MAX_BODY_BYTES, readJson, sendJson } from './http';

type StripeObject = Record<string, unknown> & { id: string; object: string };
type Params = Record<string, unknown>;

export type StripeEvent = {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: StripeObject };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
};

type Delivery = { at: string; status: number | 'network-error' };

export type LocalStripe = RunningService & {
  secretKey: string;
  webhookSecret: string;
  /** Resolves when no webhook delivery is in flight or waiting for a retry. */
  whenIdle(): Promise<void>;
};

export type LocalStripeOptions = {
  port: number;
  /** The key callers must present (Stripe test keys start sk_test_). */
  secretKey?: string;
  /** Where events are POSTed; none: events are only kept (GET /api/events). */
  webhookUrl?: string;
  webhookSecret?: string;
  /** First retry after this many ms, doubling (Stripe itself backs off over up to three days). */
  retryBaseDelayMs?: number;
  maxDeliveryAttempts?: number;
};

/** The API version this fake answers in when a request names none (the SDK always names one). */
const ACCOUNT_API_VERSION = '2026-11-18.endive';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: {
      type: string;
      message: string;
      code?: string;
      param?: string;
      decline_code?: string;
      payment_intent?: StripeObject;
    },
  ) {
    super(body.message);
  }
}

const invalid = (message: string, extra: { code?: string; param?: string } = {}) =>
  new StripeError(400, { type: 'invalid_request_error', message, ...extra });
const missing = (kind: string, id: string) =>
  new StripeError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param: 'id',
    message: `No such ${kind}: '${id}'`,
  });

function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  return `${prefix}_${Array.from(bytes, (b) => BASE62[b % 62]).join('')}`;
}

const now = () => Math.floor(Date.now() / 1000);

/**
 * Stripe's form encoding: `a[b][c]=v` nests, `a[0][b]=v` and `a[]=v` are arrays. Decoded into
 * plain objects and arrays of strings, as Stripe reads them.
 */
export function decodeForm(text: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const container = node as Record<string, unknown>;
      const slot = part === '' && Array.isArray(node) ? String(node.length) : part;
      if (last) {
        container[slot] = value;
        return;
      }
      const nextIsIndex = path[i + 1] === '' || /^\d+$/.test(path[i + 1] ?? '');
      container[slot] ??= nextIsIndex ? [] : {};
      node = container[slot] as Record<string, unknown>;
    });
  }
  return root;
}

function requireParam(params: Params, name: string): unknown {
  const value = params[name];
  if (value === undefined || value === '') {
    throw invalid(`Missing required param: ${name}.`, { code: 'parameter_missing', param: name });
  }
  return value;
}

function integerParam(params: Params, name: string, { required = false } = {}): number | undefined {
  const value = required ? requireParam(params, name) : params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
    throw invalid(`Invalid integer: ${String(value)}`, { code: 'parameter_invalid_integer', param: name });
  }
  return Number(value);
}

function currencyParam(params: Params, name = 'currency'): string {
  const value = requireParam(params, name);
  if (typeof value !== 'string' || !/^[a-zA-Z]{3}$/.test(value)) {
    throw invalid(`Invalid currency: ${String(value)}.`, { param: name });
  }
  return value.toLowerCase();
}

function metadataParam(params: Params, name = 'metadata'): Record<string, string> {
  const value = params[name];
  if (value === undefined || value === '') return {};
  if (!isRecord(value)) throw invalid('Invalid object', { param: name });
  return value as Record<string, string>;
}

function rejectUnknown(params: Params, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (key !== 'expand' && !allowed.includes(key)) {
      throw invalid(`Received unknown parameter: ${key}`, { param: key });
    }
  }
}

type TestCard =
  | { brand: string; last4: string; declined: false }
  | { brand: string; last4: string; declined: true; code: string; declineCode: string; message: string };

const TEST_PAYMENT_METHODS: Record<string, TestCard> = {
  pm_card_visa: { brand: 'visa', last4: '4242', declined: false },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444', declined: false },
  pm_card_chargeDeclined: {
    brand: 'visa',
    last4: '0002',
    declined: true,
    code: 'card_declined',
    declineCode: 'generic_decline',
    message: 'Your card was declined.',
  },
  pm_card_authenticationRequired: {
    brand: 'visa',
    last4: '3184',
    declined: true,
    code: 'authentication_required',
    declineCode: 'authentication_required',
    message: 'Your card was declined. This transaction requires authentication.',
  },
};

export async function startLocalStripe(opts: LocalStripeOptions): Promise<LocalStripe> {
  const secretKey = opts.secretKey ?? 'sk_test_moneta_local';
  const webhookSecret = opts.webhookSecret ?? `whsec_${randomBytes(24).toString('hex')}`;
  const retryBaseDelayMs = opts.retryBaseDelayMs ?? 500;
  const maxDeliveryAttempts = opts.maxDeliveryAttempts ?? 8;
  let base = '';

  const stores = {
    customer: new Map<string, StripeObject>(),
    payment_intent: new Map<string, StripeObject>(),
    'checkout.session': new Map<string, StripeObject>(),
    setup_intent: new Map<string, StripeObject>(),
    refund: new Map<string, StripeObject>(),
    charge: new Map<string, StripeObject>(),
    payment_method: new Map<string, StripeObject>(),
  };
  const events: StripeEvent[] = [];
  const deliveries = new Map<string, Delivery[]>();
  const idempotency = new Map<string, { fingerprint: string; status: number; body: string }>();
  let held = false;
  /** Stripe down: every API call answers 503 (PUT /api/outage). */
  let outage = false;
  const heldEvents: StripeEvent[] = [];
  let idleWaiters: (() => void)[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const busy = () => pumping || queue.length > 0 || waitingRetries > 0;
  const whenIdle = () => (busy() ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve());
  const settle = () => {
    if (!busy()) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  };

  function get(kind: keyof typeof stores, id: string): StripeObject {
    const found = stores[kind].get(id);
    if (!found) throw missing(kind, id);
    return found;
  }

  /** A deep copy: an event carries the object as it was when the event happened. */
  const snapshot = (object: StripeObject): StripeObject => structuredClone(object);

  function emit(type: string, object: StripeObject, request: { id: string; idempotencyKey?: string } | null): void {
    const event: StripeEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: ACCOUNT_API_VERSION,
      created: now(),
      data: { object: snapshot(object) },
      livemode: false,
      pending_webhooks: opts.webhookUrl ? 1 : 0,
      request: { id: request?.id ?? null, idempotency_key: request?.idempotencyKey ?? null },
      type,
    };
    events.push(event);
    deliveries.set(event.id, []);
    if (!opts.webhookUrl) return;
    if (held) heldEvents.push(event);
    else enqueue(event);
  }

  function signatureHeader(payload: string, timestamp = now()): string {
    const v1 = createHmac('sha256', webhookSecret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
    return `t=${timestamp},v1=${v1}`;
  }

  async function deliverOnce(event: StripeEvent): Promise<number | 'network-error'> {
    const payload = JSON.stringify(event, null, 2);
    let status: number | 'network-error';
    try {
      const response = await fetch(opts.webhookUrl!, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signatureHeader(payload),
        },
        body: payload,
      });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 'network-error';
    }
    deliveries.get(event.id)?.push({ at: new Date().toISOString(), status });
    return status;
  }

  const delivered = (status: number | 'network-error') => typeof status === 'number' && status >= 200 && status < 300;

  /**
   * Deliveries go out one at a time in the order queued, so what the endpoint sees is exactly
   * what a test arranged (Stripe itself promises no order: the hold/release controls make it
   * differ on purpose). A refused delivery goes back into the queue after its backoff.
   */
  const queue: { event: StripeEvent; attempt: number }[] = [];
  let pumping = false;
  let waitingRetries = 0;

  function enqueue(event: StripeEvent, attempt = 1): void {
    queue.push({ event, attempt });
    void pump();
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      for (let next = queue.shift(); next && !stopped; next = queue.shift()) {
        const { event, attempt } = next;
        if (delivered(await deliverOnce(event)) || attempt >= maxDeliveryAttempts) continue;
        waitingRetries++;
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            waitingRetries--;
            enqueue(event, attempt + 1);
          },
          retryBaseDelayMs * 2 ** (attempt - 1),
        );
        timers.add(timer);
      }
    } finally {
      pumping = false;
      settle();
    }
  }

  /** Queues the events and resolves when the endpoint has accepted them or retries ran out. */
  async function deliverAll(batch: StripeEvent[]): Promise<void> {
    for (const event of batch) enqueue(event);
    await whenIdle();
  }

  // ---- Stripe's objects -------------------------------------------------------------------------

  function createCustomer(params: Params): StripeObject {
    rejectUnknown(params, ['email', 'name', 'phone', 'description', 'metadata']);
    const customer: StripeObject = {
      id: newId('cus', 14),
      object: 'customer',
      created: now(),
      email: (params.email as string) ?? null,
      name: (params.name as string) ?? null,
      phone: (params.phone as string) ?? null,
      description: (params.description as string) ?? null,
      invoice_settings: { default_payment_method: null },
      livemode: false,
      metadata: metadataParam(params),
    };
    stores.customer.set(customer.id, customer);
    return customer;
  }

  function newPaymentIntent(fields: {
    amount: number;
    currency: string;
    metadata: Record<string, string>;
    customer?: string | null;
    description?: string | null;
    receipt_email?: string | null;
    setup_future_usage?: string | null;
  }): StripeObject {
    const id = newId('pi');
    const intent: StripeObject = {
      id,
      object: 'payment_intent',
      amount: fields.amount,
      amount_capturable: 0,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic',
      client_secret: `${id}_secret_${newId('x').slice(2)}`,
      confirmation_method: 'automatic',
      created: now(),
      currency: fields.currency,
      customer: fields.customer ?? null,
      description: fields.description ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: fields.metadata,
      next_action: null,
      payment_method: null,
      payment_method_types: ['card'],
      receipt_email: fields.receipt_email ?? null,
      setup_future_usage: fields.setup_future_usage ?? null,
      status: 'requires_payment_method',
    };
    stores.payment_intent.set(id, intent);
    return intent;
  }

  function createPaymentIntent(params: Params, request: RequestInfo): StripeObject {
    rejectUnknown(params, [
      'amount',
      'currency',
      'metadata',
      'customer',
      'description',
      'receipt_email',
      'setup_future_usage',
      'payment_method',
      'payment_method_types',
      'automatic_payment_methods',
      'confirm',
      'return_url',
      'off_session',
    ]);
    const amount = integerParam(params, 'amount', { required: true })!;
    if (amount < 1) throw invalid('This value must be greater than or equal to 1.', { param: 'amount' });
    const currency = currencyParam(params);
    if (params.customer !== undefined) get('customer', params.customer as string);
    const intent = newPaymentIntent({
      amount,
      currency,
      metadata: metadataParam(params),
      customer: params.customer as string | undefined,
      description: params.description as string | undefined,
      receipt_email: params.receipt_email as string | undefined,
      setup_future_usage: params.setup_future_usage as string | undefined,
    });
    emit('payment_intent.created', intent, request);
    if (params.confirm === 'true') return confirmPaymentIntent(intent.id, params, request);
    if (params.payment_method !== undefined) {
      intent.payment_method = params.payment_method;
      intent.status = 'requires_confirmation';
    }
    return intent;
  }

  /** The test method a saved payment method stands for (set when its setup session is paid). */
  const savedAs = new Map<string, string>();

  function charge(intent: StripeObject, method: string, request: RequestInfo | null): StripeObject {
    const saved = stores.payment_method.get(method);
    if (saved && (saved.customer === null || saved.customer !== intent.customer)) {
      throw invalid(
        `The provided PaymentMethod ${method} is not attached to the PaymentIntent's customer; attach it first or give its customer.`,
        { param: 'payment_method' },
      );
    }
    const card = TEST_PAYMENT_METHODS[savedAs.get(method) ?? method];
    if (!card)
      throw invalid(`No such PaymentMethod: '${method}'`, { code: 'resource_missing', param: 'payment_method' });
    const id = newId('ch');
    const charged: StripeObject = {
      id,
      object: 'charge',
      amount: intent.amount,
      amount_captured: card.declined ? 0 : intent.amount,
      amount_refunded: 0,
      captured: !card.declined,
      created: now(),
      currency: intent.currency,
      customer: intent.customer,
      failure_code: card.declined ? card.code : null,
      failure_message: card.declined ? card.message : null,
      livemode: false,
      metadata: intent.metadata,
      paid: !card.declined,
      payment_intent: intent.id,
      payment_method: method,
      payment_method_details: { type: 'card', card: { brand: card.brand, last4: card.last4 } },
      receipt_email: intent.receipt_email,
      receipt_url: `${base}/receipts/${id}`,
      refunded: false,
      status: card.declined ? 'failed' : 'succeeded',
    };
    stores.charge.set(id, charged);
    intent.latest_charge = id;
    intent.payment_method = method;
    if (card.declined) {
      intent.status = 'requires_payment_method';
      intent.last_payment_error = {
        type: 'card_error',
        code: card.code,
        decline_code: card.declineCode,
        message: card.message,
        charge: id,
      };
      emit('charge.failed', charged, request);
      emit('payment_intent.payment_failed', intent, request);
    } else {
      intent.status = 'succeeded';
      intent.amount_received = intent.amount;
      intent.last_payment_error = null;
      emit('charge.succeeded', charged, request);
      emit('payment_intent.succeeded', intent, request);
    }
    return charged;
  }

  function confirmPaymentIntent(id: string, params: Params, request: RequestInfo | null): StripeObject {
    const intent = get('payment_intent', id);
    if (!['requires_payment_method', 'requires_confirmation'].includes(intent.status as string)) {
      throw invalid(
        `This PaymentIntent's status is ${intent.status as string}, but it must be requires_payment_method or requires_confirmation to be confirmed.`,
        { code: 'payment_intent_unexpected_state' },
      );
    }
    const method = (params.payment_method as string | undefined) ?? (intent.payment_method as string | null);
    if (!method) {
      throw invalid('You must provide a payment_method to confirm this PaymentIntent.', {
        code: 'payment_intent_unexpected_state',
        param: 'payment_method',
      });
    }
    const charged = charge(intent, method, request);
    if (charged.status === 'failed') {
      const error = intent.last_payment_error as { code: string; decline_code: string; message: string };
      throw new StripeError(402, {
        type: 'card_error',
        code: error.code,
        decline_code: error.decline_code,
        message: error.message,
        payment_intent: snapshot(intent),
      });
    }
    return intent;
  }

  function cancelPaymentIntent(id: string, params: Params, request: RequestInfo): StripeObject {
    rejectUnknown(params, ['cancellation_reason']);
    const intent = get('payment_intent', id);
    if (['succeeded', 'canceled'].includes(intent.status as string)) {
      throw invalid(
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status as string}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_reconfirmation, requires_confirmation, requires_action, processing.`,
        { code: 'payment_intent_unexpected_state' },
      );
    }
    intent.status = 'canceled';
    intent.canceled_at = now();
    intent.cancellation_reason = (params.cancellation_reason as string) ?? null;
    emit('payment_intent.canceled', intent, request);
    return intent;
  }

  function createCheckoutSession(params: Params, request: RequestInfo): StripeObject {
    rejectUnknown(params, [
      'mode',
      'line_items',
      'currency',
      'customer',
      'customer_email',
      'client_reference_id',
      'metadata',
      'payment_intent_data',
      'setup_intent_data',
      'payment_method_types',
      'success_url',
      'cancel_url',
      'expires_at',
    ]);
    const mode = requireParam(params, 'mode');
    if (mode !== 'payment' && mode !== 'setup') {
      throw invalid(`Invalid mode: must be one of payment, setup or subscription`, { param: 'mode' });
    }
    if (params.customer !== undefined) get('customer', params.customer as string);
    let amountTotal: number | null = null;
    let currency: string | null = null;
    if (mode === 'payment') {
      const items = params.line_items;
      if (!Array.isArray(items) || items.length === 0) {
        throw invalid('Missing required param: line_items.', { code: 'parameter_missing', param: 'line_items' });
      }
      amountTotal = 0;
      items.forEach((item, i) => {
        const priceData = isRecord(item) ? item.price_data : undefined;
        if (!isRecord(priceData)) {
          throw invalid(`Missing required param: line_items[${i}][price_data].`, {
            code: 'parameter_missing',
            param: `line_items[${i}][price_data]`,
          });
        }
        const itemCurrency = currencyParam(priceData);
        if (currency !== null && currency !== itemCurrency) {
          throw invalid('All line items must have the same currency.', { param: `line_items[${i}]` });
        }
        currency = itemCurrency;
        const unit = integerParam(priceData, 'unit_amount', { required: true })!;
        const quantity = integerParam(item as Params, 'quantity', { required: true })!;
        if (unit < 0 || quantity < 1) throw invalid('Invalid line item amount.', { param: `line_items[${i}]` });
        amountTotal = (amountTotal ?? 0) + unit * quantity;
      });
    } else {
      currency = params.currency !== undefined ? currencyParam(params) : null;
    }
    const expiresAt = integerParam(params, 'expires_at') ?? now() + 24 * 3600;
    const id = newId('cs_test', 58);
    const session: StripeObject = {
      id,
      object: 'checkout.session',
      amount_subtotal: amountTotal,
      amount_total: amountTotal,
      cancel_url: (params.cancel_url as string) ?? null,
      client_reference_id: (params.client_reference_id as string) ?? null,
      created: now(),
      currency,
      customer: (params.customer as string) ?? null,
      customer_email: (params.customer_email as string) ?? null,
      expires_at: expiresAt,
      livemode: false,
      metadata: metadataParam(params),
      mode,
      payment_intent: null,
      payment_status: mode === 'setup' ? 'no_payment_required' : 'unpaid',
      setup_intent: null,
      status: 'open',
      success_url: (params.success_url as string) ?? null,
      url: `${base}/c/pay/${id}`,
    };
    // Kept apart from the session object (Stripe does not return them): what the PI or SI is born with.
    sessionIntentData.set(id, {
      payment: isRecord(params.payment_intent_data) ? params.payment_intent_data : {},
      setup: isRecord(params.setup_intent_data) ? params.setup_intent_data : {},
    });
    stores['checkout.session'].set(id, session);
    void request;
    return session;
  }
  const sessionIntentData = new Map<string, { payment: Params; setup: Params }>();

  function expireCheckoutSession(id: string, request: RequestInfo | null): StripeObject {
    const session = get('checkout.session', id);
    if (session.status !== 'open') {
      throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired.`, {
        code: 'checkout_session_unexpected_state' as string,
      });
    }
    session.status = 'expired';
    session.url = null;
    emit('checkout.session.expired', session, request);
    return session;
  }

  function createSetupIntent(params: Params, request: RequestInfo | null): StripeObject {
    rejectUnknown(params, ['customer', 'usage', 'payment_method_types', 'metadata', 'description']);
    if (params.customer !== undefined) get('customer', params.customer as string);
    const id = newId('seti');
    const intent: StripeObject = {
      id,
      object: 'setup_intent',
      client_secret: `${id}_secret_${newId('x').slice(2)}`,
      created: now(),
      customer: (params.customer as string) ?? null,
      description: (params.description as string) ?? null,
      last_setup_error: null,
      livemode: false,
      metadata: metadataParam(params),
      payment_method: null,
      payment_method_types: Array.isArray(params.payment_method_types) ? params.payment_method_types : ['card'],
      status: 'requires_payment_method',
      usage: (params.usage as string) ?? 'off_session',
    };
    stores.setup_intent.set(id, intent);
    emit('setup_intent.created', intent, request);
    return intent;
  }

  function createRefund(params: Params, request: RequestInfo): StripeObject {
    rejectUnknown(params, ['payment_intent', 'charge', 'amount', 'reason', 'metadata']);
    let charged: StripeObject;
    if (params.payment_intent !== undefined) {
      const intent = get('payment_intent', params.payment_intent as string);
      if (intent.status !== 'succeeded' || !intent.latest_charge) {
        throw invalid(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
          param: 'payment_intent',
        });
      }
      charged = get('charge', intent.latest_charge as string);
    } else if (params.charge !== undefined) {
      charged = get('charge', params.charge as string);
    } else {
      throw invalid('One of the following params should be provided for this request: payment_intent or charge.', {
        code: 'parameter_missing',
      });
    }
    const remaining = (charged.amount as number) - (charged.amount_refunded as number);
    if (remaining === 0) {
      throw invalid(`Charge ${charged.id} has already been refunded.`, { code: 'charge_already_refunded' });
    }
    const amount = integerParam(params, 'amount') ?? remaining;
    if (amount < 1) throw invalid('This value must be greater than or equal to 1.', { param: 'amount' });
    if (amount > remaining) {
      throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, {
        code: 'amount_too_large',
        param: 'amount',
      });
    }
    const refund: StripeObject = {
      id: newId('re'),
      object: 'refund',
      amount,
      charge: charged.id,
      created: now(),
      currency: charged.currency,
      metadata: metadataParam(params),
      payment_intent: charged.payment_intent,
      reason: (params.reason as string) ?? null,
      status: 'succeeded',
    };
    stores.refund.set(refund.id, refund);
    charged.amount_refunded = (charged.amount_refunded as number) + amount;
    charged.refunded = charged.amount_refunded === charged.amount;
    emit('refund.created', refund, request);
    emit('charge.refunded', charged, request);
    return refund;
  }

  function detachPaymentMethod(id: string, request: RequestInfo): StripeObject {
    const method = get('payment_method', id);
    if (method.customer === null) {
      throw invalid(`The payment method you provided is not attached to a customer so detachment is impossible.`, {
        code: 'payment_method_unexpected_state',
      });
    }
    method.customer = null;
    emit('payment_method.detached', method, request);
    return method;
  }

  function paymentMethodList(customer: string, params: Params): object {
    get('customer', customer);
    const data = [...stores.payment_method.values()]
      .filter((method) => method.customer === customer && (params.type === undefined || method.type === params.type))
      .reverse();
    return { object: 'list', data, has_more: false, url: `/v1/customers/${customer}/payment_methods` };
  }

  // ---- the payer --------------------------------------------------------------------------------

  function payCheckoutSession(id: string, outcome: 'succeeded' | 'failed', testMethod = 'pm_card_visa'): StripeObject {
    const session = get('checkout.session', id);
    if (session.status !== 'open') throw invalid(`This Checkout Session is ${session.status as string}.`);
    const data = sessionIntentData.get(id) ?? { payment: {}, setup: {} };
    if (session.mode === 'setup') {
      const intent = createSetupIntent(
        { ...(session.customer ? { customer: session.customer } : {}), metadata: data.setup.metadata ?? {} },
        null,
      );
      if (outcome === 'failed') {
        intent.last_setup_error = { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' };
        emit('setup_intent.setup_failed', intent, null);
        return session;
      }
      const card = TEST_PAYMENT_METHODS[testMethod];
      if (!card) throw invalid(`No such test PaymentMethod: '${testMethod}'`, { param: 'paymentMethod' });
      const method = newId('pm');
      const paymentMethod: StripeObject = {
        id: method,
        object: 'payment_method',
        type: 'card',
        billing_details: { address: null, email: null, name: null, phone: null },
        card: {
          brand: card.brand,
          last4: card.last4,
          exp_month: 12,
          exp_year: new Date().getUTCFullYear() + 3,
          funding: 'credit',
          country: 'US',
        },
        created: now(),
        customer: session.customer,
        livemode: false,
        metadata: {},
      };
      stores.payment_method.set(method, paymentMethod);
      savedAs.set(method, testMethod);
      intent.payment_method = method;
      intent.status = 'succeeded';
      session.setup_intent = intent.id;
      session.status = 'complete';
      session.url = null;
      if (paymentMethod.customer) emit('payment_method.attached', paymentMethod, null);
      emit('setup_intent.succeeded', intent, null);
      emit('checkout.session.completed', session, null);
      return session;
    }
    let intent = session.payment_intent ? get('payment_intent', session.payment_intent as string) : undefined;
    if (!intent) {
      intent = newPaymentIntent({
        amount: session.amount_total as number,
        currency: session.currency as string,
        metadata: metadataParam(data.payment),
        customer: session.customer as string | null,
        description: (data.payment.description as string) ?? null,
        receipt_email: (data.payment.receipt_email as string) ?? null,
        setup_future_usage: (data.payment.setup_future_usage as string) ?? null,
      });
      session.payment_intent = intent.id;
      emit('payment_intent.created', intent, null);
    }
    charge(intent, outcome === 'succeeded' ? 'pm_card_visa' : 'pm_card_chargeDeclined', null);
    if (outcome === 'succeeded') {
      session.status = 'complete';
      session.payment_status = 'paid';
      session.url = null;
      emit('checkout.session.completed', session, null);
    }
    return session;
  }

  function payPaymentIntent(id: string, outcome: 'succeeded' | 'failed'): StripeObject {
    const intent = get('payment_intent', id);
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(intent.status as string)) {
      throw invalid(`This PaymentIntent's status is ${intent.status as string}; it cannot be paid.`, {
        code: 'payment_intent_unexpected_state',
      });
    }
    charge(intent, outcome === 'succeeded' ? 'pm_card_visa' : 'pm_card_chargeDeclined', null);
    return intent;
  }

  // ---- expansion and routing --------------------------------------------------------------------

  const EXPANDABLE: Record<string, keyof typeof stores> = {
    latest_charge: 'charge',
    payment_intent: 'payment_intent',
    setup_intent: 'setup_intent',
    customer: 'customer',
    charge: 'charge',
    payment_method: 'payment_method',
  };

  function expand(object: StripeObject, params: Params): StripeObject {
    const fields = Array.isArray(params.expand) ? (params.expand as string[]) : [];
    if (fields.length === 0) return object;
    const copy = snapshot(object);
    for (const field of fields) {
      const kind = EXPANDABLE[field];
      const value = copy[field];
      if (!kind || !(field in copy)) {
        throw invalid(`This property cannot be expanded (${field}).`, { param: 'expand' });
      }
      if (typeof value === 'string') copy[field] = stores[kind].get(value) ?? value;
    }
    return copy;
  }

  type RequestInfo = { id: string; idempotencyKey?: string };

  function stripeRoute(method: string, path: string, params: Params, request: RequestInfo): StripeObject | object {
    const parts = path.split('/').filter(Boolean); // ['v1', resource, id?, action?]
    const [, resource, id, action] = parts;
    if (resource === 'checkout') {
      const [, , , sessionId, sessionAction] = parts;
      if (id !== 'sessions') throw unknownRoute(method, path);
      if (method === 'POST' && !sessionId) return createCheckoutSession(params, request);
      if (method === 'GET' && sessionId && !sessionAction) return expand(get('checkout.session', sessionId), params);
      if (method === 'POST' && sessionId && sessionAction === 'expire')
        return expireCheckoutSession(sessionId, request);
      throw unknownRoute(method, path);
    }
    switch (`${method} ${resource}${id ? '/:id' : ''}${action ? `/${action}` : ''}`) {
      case 'POST customers':
        return createCustomer(params);
      case 'GET customers/:id':
        return expand(get('customer', id!), params);
      case 'POST payment_intents':
        return createPaymentIntent(params, request);
      case 'GET payment_intents/:id':
        return expand(get('payment_intent', id!), params);
      case 'POST payment_intents/:id/confirm':
        rejectUnknown(params, ['payment_method', 'return_url', 'off_session']);
        return confirmPaymentIntent(id!, params, request);
      case 'POST payment_intents/:id/cancel':
        return cancelPaymentIntent(id!, params, request);
      case 'POST setup_intents':
        return createSetupIntent(params, request);
      case 'GET setup_intents/:id':
        return expand(get('setup_intent', id!), params);
      case 'POST refunds':
        return createRefund(params, request);
      case 'GET refunds/:id':
        return expand(get('refund', id!), params);
      case 'GET refunds': {
        const data = [...stores.refund.values()]
          .filter(
            (refund) =>
              (params.payment_intent === undefined || refund.payment_intent === params.payment_intent) &&
              (params.charge === undefined || refund.charge === params.charge),
          )
          .reverse();
        return { object: 'list', data, has_more: false, url: '/v1/refunds' };
      }
      case 'GET payment_methods/:id':
        return expand(get('payment_method', id!), params);
      case 'POST payment_methods/:id/detach':
        return detachPaymentMethod(id!, request);
      case 'GET payment_methods':
        return paymentMethodList(requireParam(params, 'customer') as string, params);
      case 'GET customers/:id/payment_methods':
        return paymentMethodList(id!, params);
      case 'GET charges/:id':
        return expand(get('charge', id!), params);
      case 'GET events/:id': {
        const event = events.find((e) => e.id === id);
        if (!event) throw missing('event', id!);
        return event;
      }
      default:
        throw unknownRoute(method, path);
    }
  }

  const unknownRoute = (method: string, path: string) =>
    new StripeError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    });

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handleStripe(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const requestId = newId('req', 14);
    const version = (req.headers['stripe-version'] as string | undefined) ?? ACCOUNT_API_VERSION;
    const headers = { 'content-type': 'application/json', 'request-id': requestId, 'stripe-version': version };
    const send = (status: number, body: string, extra: Record<string, string> = {}): void => {
      res.writeHead(status, { ...headers, ...extra }).end(body);
    };
    const errorBody = (error: StripeError) =>
      JSON.stringify({
        error: {
          ...error.body,
          ...(error.body.code && {
            doc_url: `https://stripe.com/docs/error-codes/${error.body.code.replace(/_/g, '-')}`,
          }),
        },
      });
    const fail = (error: StripeError) => send(error.status, errorBody(error));

    if (outage) {
      return fail(
        new StripeError(503, { type: 'api_error', message: 'The local Stripe is switched off (PUT /api/outage).' }),
      );
    }
    const auth = req.headers.authorization ?? '';
    const presented = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
    if (presented === '') {
      return fail(
        new StripeError(401, {
          type: 'invalid_request_error',
          message:
            "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
        }),
      );
    }
    if (presented !== secretKey) {
      return fail(
        new StripeError(401, {
          type: 'invalid_request_error',
          message: `Invalid API Key provided: ${presented.slice(0, 8)}${'*'.repeat(Math.max(0, presented.length - 12))}${presented.slice(-4)}`,
        }),
      );
    }

    const method = req.method ?? 'GET';
    const raw = method === 'GET' ? url.search.slice(1) : await readBody(req);
    const params = decodeForm(raw);
    const idempotencyKey = method === 'POST' ? (req.headers['idempotency-key'] as string | undefined) : undefined;
    if (idempotencyKey !== undefined) {
      const fingerprint = fingerprintOf(url.pathname, params);
      const earlier = idempotency.get(idempotencyKey);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) {
          return fail(
            new StripeError(400, {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            }),
          );
        }
        return send(earlier.status, earlier.body, { 'idempotency-key': idempotencyKey, 'idempotent-replayed': 'true' });
      }
    }
    let status = 200;
    let body: string;
    try {
      body = JSON.stringify(stripeRoute(method, url.pathname, params, { id: requestId, idempotencyKey }));
    } catch (error) {
      if (!(error instanceof StripeError)) throw error;
      status = error.status;
      body = errorBody(error);
    }
    // Stripe keeps the first answer of a request that ran (a success, or a decline: the charge
    // was attempted); a request refused by validation did nothing and may be retried, fixed.
    if (idempotencyKey !== undefined && (status === 200 || status === 402)) {
      idempotency.set(idempotencyKey, { fingerprint: fingerprintOf(url.pathname, params), status, body });
    }
    return send(status, body, idempotencyKey !== undefined ? { 'idempotency-key': idempotencyKey } : {});
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = `${req.method} ${url.pathname}`;
    const pay = /^POST \/api\/(checkout\/sessions|payment_intents)\/([^/]+)\/pay$/.exec(route);
    if (pay) {
      const asked = await readJson(req, { emptyAs: {} });
      const outcome = isRecord(asked) ? asked.outcome : undefined;
      if (outcome !== 'succeeded' && outcome !== 'failed') {
        return sendJson(res, 400, { message: 'Send { "outcome": "succeeded" | "failed" }' });
      }
      const testMethod = isRecord(asked) && typeof asked.paymentMethod === 'string' ? asked.paymentMethod : undefined;
      const object =
        pay[1] === 'payment_intents'
          ? payPaymentIntent(decodeURIComponent(pay[2]!), outcome)
          : payCheckoutSession(decodeURIComponent(pay[2]!), outcome, testMethod);
      return sendJson(res, 200, object);
    }
    const expire = /^POST \/api\/checkout\/sessions\/([^/]+)\/expire$/.exec(route);
    if (expire) return sendJson(res, 200, expireCheckoutSession(decodeURIComponent(expire[1]!), null));
    if (route === 'PUT /api/outage') {
      const asked = await readJson(req, { emptyAs: {} });
      const enabled = isRecord(asked) ? asked.enabled : undefined;
      if (typeof enabled !== 'boolean') return sendJson(res, 400, { message: 'Send { "enabled": true | false }' });
      outage = enabled;
      return sendJson(res, 200, { enabled: outage });
    }
    if (route === 'PUT /api/webhooks/hold') {
      const asked = await readJson(req, { emptyAs: {} });
      const enabled = isRecord(asked) ? asked.enabled : undefined;
      if (typeof enabled !== 'boolean') return sendJson(res, 400, { message: 'Send { "enabled": true | false }' });
      held = enabled;
      return sendJson(res, 200, { enabled: held, held: heldEvents.length });
    }
    if (route === 'POST /api/webhooks/release') {
      const asked = await readJson(req, { emptyAs: {} });
      const order = isRecord(asked) && asked.order !== undefined ? asked.order : 'created';
      if (order !== 'created' && order !== 'reverse') {
        return sendJson(res, 400, { message: 'Send { "order": "created" | "reverse" }' });
      }
      const batch = heldEvents.splice(0, heldEvents.length);
      if (order === 'reverse') batch.reverse();
      // One after the other, so the order asked for is the order the endpoint sees.
      await deliverAll(batch);
      return sendJson(res, 200, { released: batch.map((event) => ({ id: event.id, type: event.type })) });
    }
    const redeliver = /^POST \/api\/events\/([^/]+)\/deliver$/.exec(route);
    if (redeliver) {
      const event = events.find((e) => e.id === decodeURIComponent(redeliver[1]!));
      if (!event) return sendJson(res, 404, { message: 'No such event' });
      if (!opts.webhookUrl) return sendJson(res, 409, { message: 'No webhook endpoint is configured' });
      return sendJson(res, 200, { status: await deliverOnce(event) });
    }
    if (route === 'GET /api/events') {
      const type = url.searchParams.get('type');
      return sendJson(res, 200, {
        events: events
          .filter((event) => type === null || event.type === type)
          .map((event) => ({ ...event, deliveries: deliveries.get(event.id) ?? [] })),
      });
    }
    return sendJson(res, 404, { message: `No route for ${req.method} ${url.pathname}` });
  }

  function handlePages(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const session = /^\/c\/pay\/([^/]+)$/.exec(url.pathname)?.[1];
    if (req.method === 'GET' && session) {
      const found = stores['checkout.session'].get(session);
      if (!found) return void res.writeHead(404).end('No such Checkout Session');
      const amount = found.amount_total === null ? '' : `${found.amount_total} ${String(found.currency).toUpperCase()}`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Local Stripe Checkout</title></head>
<body><h1>Local Stripe Checkout</h1><p>${escapeHtml(amount)} (minor units) · ${escapeHtml(String(found.status))}</p>
<button onclick="pay('succeeded')">Pay</button> <button onclick="pay('failed')">Decline</button>
<script>async function pay(outcome){await fetch('/api/checkout/sessions/${escapeHtml(session)}/pay',{method:'POST',body:JSON.stringify({outcome})});location.reload();}</script>
</body></html>`);
      return;
    }
    const receipt = /^\/receipts\/([^/]+)$/.exec(url.pathname)?.[1];
    if (req.method === 'GET' && receipt) {
      const found = stores.charge.get(receipt);
      if (!found) return void res.writeHead(404).end('No such receipt');
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Receipt</title></head><body><h1>Receipt</h1><p>${found.amount as number} ${escapeHtml(String(found.currency).toUpperCase())} (minor units), refunded ${found.amount_refunded as number}</p></body></html>`,
        );
      return;
    }
    sendJson(res, 404, { message: `No route for ${req.method} ${url.pathname}` });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stripe.local');
    const handler = url.pathname.startsWith('/v1/')
      ? handleStripe(req, res, url)
      : url.pathname.startsWith('/api/')
        ? handleControl(req, res, url)
        : Promise.resolve(handlePages(req, res, url));
    handler.catch((error: unknown) => {
      if (error instanceof StripeError && !res.headersSent) return sendJson(res, error.status, { error: error.body });
      if (!res.headersSent) {
        sendJson(res, 500, { error: { type: 'api_error', message: 'The local Stripe failed; see its log.' } });
      }
      console.error('[stripe] request failed:', error instanceof Error ? error.message : error);
    });
  });

  await listen(server, opts.port);
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    secretKey,
    webhookSecret,
    whenIdle,
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      queue.length = 0;
      waitingRetries = 0;
      await closeServer(server);
      settle();
    },
  };
}

function fingerprintOf(path: string, params: Params): string {
  return createHash('sha256')
    .update(`${path}\n${JSON.stringify(sortKeys(params))}`)
    .digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys(value[key])]),
    );
  }
  return value;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
