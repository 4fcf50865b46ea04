/** The routes of a payer's saved payment methods, declared once (shared/kit/http/operation.ts). */
import { entityId, idPath } from '../kit/http/fields';
import { defineOperation, idempotencyKeyHeader, noParams } from '../kit/http/operation';
import { currencyCode } from '../kit/money/money';
import * as z from '../kit/schema';
import { savedMethodListView, savedMethodSetupView } from './methods-views';
import { stripeUnavailable } from './operations';

const notEnabled = {
  status: 409,
  description: '`payments-not-enabled`: the deployment has no Stripe keys.',
};

export const savedMethodSetupBody = z.lazily(() =>
  z.optional(
    z.strictObject({
      /** The currency the payer will be charged in: it decides which methods Stripe offers (default: your home currency). */
      currency: z.optional(currencyCode()),
    }),
  ),
);

const methodPath = z.lazily(() => z.strictObject({ id: entityId(), methodId: entityId() }));

export const savedMethodsCreate = defineOperation({
  function: 'payee-payment-methods-create',
  feature: 'payments',
  entry: 'functions/api/payments/methods-create.ts',
  method: 'POST',
  path: '/v1/payees/{id}/payment-methods',
  auth: 'user',
  functionDescription: "Starts saving a payer's payment method: a Stripe Customer and a setup-mode Checkout Session",
  summary: 'Ask a payee to save a payment method for repeat invoices: a Stripe-hosted setup page',
  description:
    "Makes the payee's Stripe Customer (once) and a Checkout Session in `setup` mode; returns its `url`, the Stripe page to send to the payer. " +
    "Card or SEPA details never reach Moneta: once the payer is done, Stripe's webhook records the method's summary (type, brand, last four, expiry). " +
    "The Idempotency-Key is passed on as Stripe's.",
  grants: { table: 'readWrite', stripe: true },
  request: {
    path: idPath,
    body: savedMethodSetupBody,
    query: noParams,
    headers: { 'idempotency-key': idempotencyKeyHeader },
  },
  response: { status: 201, description: 'The setup page', schema: () => savedMethodSetupView() },
  problems: [404, notEnabled, stripeUnavailable],
});

export const savedMethodsList = defineOperation({
  function: 'payee-payment-methods-list',
  feature: 'payments',
  entry: 'functions/api/payments/methods-list.ts',
  method: 'GET',
  path: '/v1/payees/{id}/payment-methods',
  auth: 'user',
  functionDescription: "Lists a payee's saved payment methods",
  summary: "List a payee's saved payment methods, oldest first",
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: "The payee's saved methods", schema: () => savedMethodListView() },
  problems: [404],
});

export const savedMethodsDelete = defineOperation({
  function: 'payee-payment-methods-delete',
  feature: 'payments',
  entry: 'functions/api/payments/methods-delete.ts',
  method: 'DELETE',
  path: '/v1/payees/{id}/payment-methods/{methodId}',
  auth: 'user',
  functionDescription: 'Detaches a saved payment method at Stripe and forgets it',
  summary: 'Remove a saved payment method (detached at Stripe)',
  grants: { table: 'readWrite', stripe: true },
  request: { path: methodPath, query: noParams },
  response: { status: 204, description: 'Removed' },
  problems: [404, notEnabled, stripeUnavailable],
});

export const savedMethodsOperations = [savedMethodsCreate, savedMethodsList, savedMethodsDelete] as const;
