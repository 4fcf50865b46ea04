/**
 * POST /v1/invoices/{id}/payments: asks the payer of an issued invoice to pay its open amount
 * through a Stripe Checkout Session, and returns Stripe's hosted page (card or SEPA details never
 * reach Moneta). The invoice's claim names its current payment: while that one is still usable it
 * is returned instead of a second one; a new payment takes the claim in the same conditional write
 * as its creation, so concurrent requests start one payment. Its Checkout Session is created with
 * Stripe's Idempotency-Key `moneta:payment:<payment id>`, so whichever request creates it, and
 * however often, the payment has one session. The user id and payment id travel in the Stripe
 * objects' metadata: the webhook finds the payment by them.
 */

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { AccountEntity } from '../../../shared/accounts/public';
import { userRoute } from '../../../shared/identity/public';
import type { InvoiceItem } from '../../../shared/invoices/public';
import { InvoiceEntity, invoiceItem, openAmount } from '../../../shared/invoices/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { ConflictError, InvalidInput } from '../../../shared/kit/errors';
import { idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';
import { NotFound } from '../../../shared/kit/http/problems';
import * as z from '../../../shared/kit/schema';
import { PaymentEntity, type PaymentItem } from '../../../shared/payments/items';
import { invoicePaymentsCreate } from '../../../shared/payments/operations';
import { PaymentClaimTaken, PaymentMoved } from '../../../shared/payments/store';
import { answeringStripeOutages, stripeAccess } from '../../../shared/payments/stripe';
import { toPaymentView } from '../../../shared/payments/views';
import { chargeSaved } from './methods-charge';
import { payments } from './service';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const MAX_CLAIM_RACES = 5;
/** Still usable by the payer: Stripe's hosted page takes another attempt after a decline. */
const REUSABLE = new Set(['open', 'processing', 'failed']);

/**
 * The payment's Checkout Session, created once (Stripe replays the first answer to the same key),
 * and recorded on the payment unless another request recorded it first.
 */
async function withSession(userId: string, invoice: InvoiceItem, payment: PaymentItem): Promise<PaymentItem> {
  if (payment.hostedUrl !== null) return payment;
  const { stripe } = await stripeAccess();
  const metadata = { userId, paymentId: payment.paymentId, invoiceId: invoice.invoiceId };
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [
        {
          price_data: {
            currency: payment.currency.toLowerCase(),
            unit_amount: payment.amount,
            product_data: { name: `Invoice ${invoice.number}` },
          },
          quantity: 1,
        },
      ],
      metadata,
      payment_intent_data: { metadata, description: `Invoice ${invoice.number}` },
      client_reference_id: payment.paymentId,
    },
    { idempotencyKey: `moneta:payment:${payment.paymentId}` },
  );
  const next: PaymentItem = {
    ...payment,
    stripe: { ...payment.stripe, checkoutSessionId: session.id },
    hostedUrl: session.url,
    updatedAt: new Date().toISOString(),
    version: payment.version + 1,
  };
  try {
    await payments.transition(userId, payment, next);
    return next;
  } catch (error) {
    if (!(error instanceof PaymentMoved)) throw error;
    // Recorded meanwhile by a concurrent request (the same session) or moved on by a webhook.
    return (await payments.get(userId, payment.paymentId)) ?? next;
  }
}

export const handler = userRoute(
  invoicePaymentsCreate,
  answeringStripeOutages(async ({ userId, path, body, headers }) => {
    // Checked for its form; the claim below makes a repeated request start nothing new.
    idempotencyKeyFrom(headers);
    const [invoiceRaw, account] = await Promise.all([
      db.send(new GetCommand({ TableName: tableName, Key: InvoiceEntity.key(userId, path.id), ConsistentRead: true })),
      db.send(new GetCommand({ TableName: tableName, Key: AccountEntity.key(userId, body.accountId) })),
    ]);
    if (!invoiceRaw.Item) throw new NotFound('invoice');
    const invoice = z.parse(invoiceItem(), invoiceRaw.Item);
    if (!account.Item) throw new InvalidInput('accountId', 'is not one of your accounts');
    if (invoice.direction !== 'issued' || invoice.state !== 'issued') {
      throw new ConflictError('Only an issued invoice to a customer is paid through Stripe.', 'invoice-not-payable');
    }
    const open = openAmount(invoice);
    // Before the paid check: a retried charge of a saved method answers its payment, the invoice it paid paid.
    if (body.paymentMethodId) return chargeSaved(userId, invoice, body.accountId, body.paymentMethodId, open, headers);
    if (open <= 0) throw new ConflictError('The invoice is paid.', 'invoice-paid');
    await stripeAccess();

    for (let race = 1; ; race++) {
      const claimed = await payments.claimOf(userId, invoice.invoiceId);
      const current = claimed
        ? await payments.get(userId, claimed)
        : // Payments started before invoices had claims.
          (await payments.listForInvoice(userId, invoice.invoiceId)).find(
            (payment) => REUSABLE.has(payment.status) && payment.hostedUrl !== null,
          );
      if (current && REUSABLE.has(current.status)) {
        return { status: 200, body: toPaymentView(await withSession(userId, invoice, current)) };
      }
      const paymentId = ulid();
      const now = new Date().toISOString();
      const payment: PaymentItem = {
        type: PaymentEntity.type,
        paymentId,
        invoiceId: invoice.invoiceId,
        accountId: body.accountId,
        amount: open,
        currency: invoice.currency,
        status: 'open',
        refundedAmount: 0,
        stripe: { checkoutSessionId: null, paymentIntentId: null },
        hostedUrl: null,
        receiptUrl: null,
        transactionId: null,
        failure: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      try {
        await payments.createClaimed(userId, payment, claimed);
      } catch (error) {
        if (!(error instanceof PaymentClaimTaken) || race >= MAX_CLAIM_RACES) throw error;
        continue;
      }
      return {
        status: 201,
        body: toPaymentView(await withSession(userId, invoice, payment)),
        headers: { location: `/v1/payments/${paymentId}` },
      };
    }
  }),
);
