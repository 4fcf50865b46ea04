/**
 * POST /v1/invoices/{id}/payments: asks the payer of an issued invoice to pay its open amount
 * through a Stripe Checkout Session, and returns Stripe's hosted page (card or SEPA details never
 * reach Moneta). An unpaid payment of the invoice that is still usable is returned instead of a
 * second one. The caller's Idempotency-Key becomes Stripe's (scoped to the caller). The user id
 * and payment id travel in the Stripe objects' metadata: the webhook finds the payment by them.
 */

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { AccountEntity } from '../../../shared/accounts/public';
import { userRoute } from '../../../shared/identity/public';
import { InvoiceEntity, invoiceItem, openAmount } from '../../../shared/invoices/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { ConflictError, InvalidInput } from '../../../shared/kit/errors';
import { idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';
import { NotFound } from '../../../shared/kit/http/problems';
import * as z from '../../../shared/kit/schema';
import { PaymentEntity, type PaymentItem } from '../../../shared/payments/items';
import { invoicePaymentsCreate } from '../../../shared/payments/operations';
import { stripeAccess } from '../../../shared/payments/stripe';
import { toPaymentView } from '../../../shared/payments/views';
import { chargeSaved } from './methods-charge';
import { payments } from './service';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
/** Still usable by the payer: Stripe's hosted page takes another attempt after a decline. */
const REUSABLE = new Set(['open', 'processing', 'failed']);

export const handler = userRoute(invoicePaymentsCreate, async ({ userId, path, body, headers }) => {
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

  const existing = (await payments.listForInvoice(userId, invoice.invoiceId)).find(
    (payment) => REUSABLE.has(payment.status) && payment.hostedUrl !== null,
  );
  if (existing) return { status: 200, body: toPaymentView(existing) };

  const { stripe } = await stripeAccess();
  const paymentId = ulid();
  const metadata = { userId, paymentId, invoiceId: invoice.invoiceId };
  const key = idempotencyKeyFrom(headers);
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [
        {
          price_data: {
            currency: invoice.currency.toLowerCase(),
            unit_amount: open,
            product_data: { name: `Invoice ${invoice.number}` },
          },
          quantity: 1,
        },
      ],
      metadata,
      payment_intent_data: { metadata, description: `Invoice ${invoice.number}` },
      client_reference_id: paymentId,
    },
    { idempotencyKey: key ? `moneta:${userId}:${key}` : `moneta:payment:${paymentId}` },
  );
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
    stripe: { checkoutSessionId: session.id, paymentIntentId: null },
    hostedUrl: session.url,
    receiptUrl: null,
    transactionId: null,
    failure: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await payments.create(userId, payment);
  return {
    status: 201,
    body: toPaymentView(payment),
    headers: { location: `/v1/payments/${paymentId}` },
  };
});
