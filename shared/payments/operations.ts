/** The payment routes and Stripe's webhook, declared once (shared/kit/http/operation.ts). */
import { idPath } from '../kit/http/fields';
import { defineOperation, idempotencyKeyHeader, noParams } from '../kit/http/operation';
import * as z from '../kit/schema';
import { noBody, paymentCreateSchema, refundCreateSchema } from './schemas';
import { paymentView } from './views';

const notEnabled = {
  status: 409,
  description:
    '`payments-not-enabled`: the deployment has no Stripe keys; also `payment-not-cancelable`, `payment-not-refundable`.',
};

export const stripeUnavailable = {
  status: 502,
  description:
    '`stripe-unavailable`: Stripe could not be reached, timed out or failed (after one retry); nothing was started. Retry with the same Idempotency-Key.',
};

export const paymentsWebhook = defineOperation({
  function: 'payments-webhook',
  feature: 'payments',
  entry: 'functions/api/payments/webhook.ts',
  method: 'POST',
  path: '/v1/webhooks/stripe',
  auth: 'public',
  functionDescription: "Applies Stripe's webhook events to payments (signature checked on the raw body)",
  summary: "Stripe's webhook endpoint",
  description:
    "Stripe's events, signed with the endpoint's signing secret (`Stripe-Signature`, 5 minutes' tolerance). " +
    'Each is applied by the current state of its PaymentIntent, read again from Stripe, so order and repeats do not matter. A bad or missing signature is a 400 and changes nothing.',
  grants: { table: 'readWrite', stripe: true },
  // Stripe sends at most a few events per payment; anything faster is not Stripe.
  throttle: { ratePerSecond: 20, burst: 40 },
  request: {
    query: noParams,
    rawBody: true,
    headers: {
      'stripe-signature': {
        name: 'Stripe-Signature',
        description: "Stripe's signature of the body: `t=<unix time>,v1=<HMAC-SHA256>`.",
        schema: { type: 'string' },
      },
    },
  },
  response: { status: 200, description: 'The event was applied, or was not about a Moneta payment' },
  problems: [notEnabled, stripeUnavailable],
});

export const invoicePaymentsCreate = defineOperation({
  function: 'invoice-payments-create',
  feature: 'payments',
  entry: 'functions/api/payments/create.ts',
  method: 'POST',
  path: '/v1/invoices/{id}/payments',
  auth: 'user',
  functionDescription: "Starts a Stripe payment of an issued invoice's open amount",
  summary: 'Get an issued invoice paid: a Stripe-hosted payment page for its open amount',
  description:
    'Returns the payment with `hostedUrl`, the Stripe page to send to the payer (201); the payment the invoice is being paid through, while still usable (open, processing, failed), is returned instead (200), also to concurrent requests. ' +
    'After a payment expired or was canceled, a fresh one with a new link is started. The movement is recorded on `accountId` once Stripe reports the payment.',
  grants: { table: 'readWrite', stripe: true },
  request: {
    path: idPath,
    body: paymentCreateSchema,
    query: noParams,
    headers: { 'idempotency-key': idempotencyKeyHeader },
  },
  response: { status: 201, description: 'The payment', schema: () => paymentView(), location: true },
  problems: [404, notEnabled, 422, stripeUnavailable],
});

export const paymentsGet = defineOperation({
  function: 'payments-get',
  feature: 'payments',
  entry: 'functions/api/payments/get.ts',
  method: 'GET',
  path: '/v1/payments/{id}',
  auth: 'user',
  functionDescription: 'Reads a payment',
  summary: 'Read a payment: status, hosted URL while open, receipt once paid, refunded amount',
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: 'The payment', schema: () => paymentView() },
  problems: [404],
});

export const invoicePaymentsList = defineOperation({
  function: 'invoice-payments-list',
  feature: 'payments',
  entry: 'functions/api/payments/list-for-invoice.ts',
  method: 'GET',
  path: '/v1/invoices/{id}/payments',
  auth: 'user',
  functionDescription: "Lists an invoice's payments",
  summary: "List an invoice's payments, oldest first",
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: {
    status: 200,
    description: "The invoice's payments",
    schema: () => z.object({ items: z.array(paymentView()) }),
  },
  problems: [404],
});

export const paymentsCancel = defineOperation({
  function: 'payments-cancel',
  feature: 'payments',
  entry: 'functions/api/payments/cancel.ts',
  method: 'POST',
  path: '/v1/payments/{id}/cancel',
  auth: 'user',
  functionDescription: 'Cancels an open payment at Stripe (expires its checkout, cancels its PaymentIntent)',
  summary: 'Cancel a payment that is not paid yet',
  grants: { table: 'readWrite', stripe: true },
  request: { path: idPath, body: noBody, query: noParams },
  response: { status: 200, description: 'The canceled payment', schema: () => paymentView() },
  problems: [404, notEnabled, stripeUnavailable],
});

export const paymentRefundsCreate = defineOperation({
  function: 'payment-refunds-create',
  feature: 'payments',
  entry: 'functions/api/payments/refund.ts',
  method: 'POST',
  path: '/v1/payments/{id}/refunds',
  auth: 'user',
  functionDescription: 'Refunds a paid payment in full or in part through Stripe',
  summary: 'Refund a payment, in full or in part',
  description:
    "The refund is made at Stripe (the Idempotency-Key is passed on as Stripe's); its movement is recorded once, linked by Stripe's refund id.",
  grants: { table: 'readWrite', stripe: true },
  request: {
    path: idPath,
    body: refundCreateSchema,
    query: noParams,
    headers: { 'idempotency-key': idempotencyKeyHeader },
  },
  response: { status: 200, description: 'The payment, refund applied', schema: () => paymentView() },
  problems: [404, notEnabled, 422, stripeUnavailable],
});

export const paymentsOperations = [
  paymentsWebhook,
  invoicePaymentsCreate,
  paymentsGet,
  invoicePaymentsList,
  paymentsCancel,
  paymentRefundsCreate,
] as const;
