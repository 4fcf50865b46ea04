/**
 * Getting paid through Stripe, on the local cloud's fake Stripe: an issued invoice of three lines
 * is paid on Stripe's hosted page; its webhooks, held and then delivered in reverse order and one
 * of them twice, mark the payment paid with one income movement naming the invoice; a partial
 * refund adds one refund movement naming it; a forged webhook is a 400 and changes nothing; another
 * user sees none of it. The invoice follows its linked movements: paid, then partially paid.
 */
import { createHmac } from 'node:crypto';
import { api, call } from './support/api-client';
import { createAccount, expectOk, type LedgerUser, ledgerUser, listTransactions } from './support/ledger';
import { mailsTo } from './support/mailbox';
import { stackOutputs } from './support/outputs';
import { eventually } from './support/poll';
import { settle } from './support/settle';
import { closeTable } from './support/table';

jest.setTimeout(180_000);
afterAll(() => closeTable());

const stripeUrl = () => {
  const url = stackOutputs().StripeEndpoint;
  if (!url) throw new Error('The payments e2e needs the local cloud with its fake Stripe');
  return url;
};
const stripeControl = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${stripeUrl()}${path}`, {
    method,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
};

type PaymentView = {
  id: string;
  status: string;
  hostedUrl: string | null;
  receiptUrl: string | null;
  transactionId: string | null;
  refunded: { amount: number };
  stripe: { checkoutSessionId: string; paymentIntentId: string | null };
};

async function issuedInvoice(user: LedgerUser) {
  const created = expectOk(
    await api.post(
      '/v1/invoices',
      {
        direction: 'issued',
        payeeName: 'Client Ltd',
        number: `E2E-${Date.now()}`,
        issueDate: new Date().toISOString().slice(0, 10),
        dueDate: '2099-12-31',
        currency: 'EUR',
        lines: [
          { description: 'Design', quantity: '2', unitPrice: 10_000, taxRate: '21' },
          { description: 'Hosting', quantity: '1', unitPrice: 1_500, taxRate: '21' },
          { description: 'Travel', quantity: '1.5', unitPrice: 2_000, taxRate: '0' },
        ],
      },
      { token: user.token },
    ),
    201,
    'create invoice',
  ).json as { id: string; gross: { amount: number } };
  expectOk(await api.post(`/v1/invoices/${created.id}/issue`, undefined, { token: user.token }), 200, 'issue');
  return created;
}

const receiptMails = async (user: LedgerUser) =>
  (await mailsTo(user.email)).filter((mail) => mail.subject.startsWith('Invoice paid'));

const getPayment = async (user: LedgerUser, id: string) =>
  expectOk(await api.get(`/v1/payments/${id}`, { token: user.token }), 200, 'get payment').json as PaymentView;

test('an issued invoice paid through Stripe, its webhooks reversed and repeated, then partly refunded', async () => {
  const user = await ledgerUser();
  const other = await ledgerUser();
  const account = await createAccount(user, { name: 'Business', currency: 'EUR' });
  const invoice = await issuedInvoice(user);
  // 2 × 100.00 + 15.00 at 21 % = 260.15; 1.5 × 20.00 at 0 % = 30.00.
  expect(invoice.gross.amount).toBe(29_015);

  const started = await api.post(
    `/v1/invoices/${invoice.id}/payments`,
    { accountId: account.id },
    { token: user.token, headers: { 'idempotency-key': `pay-${invoice.id}` } },
  );
  const payment = expectOk(started, 201, 'start payment').json as PaymentView;
  expect(payment).toMatchObject({ status: 'open', hostedUrl: expect.stringContaining('/c/pay/cs_test_') });
  // Asked again: the open payment, not a second one.
  const again = await api.post(`/v1/invoices/${invoice.id}/payments`, { accountId: account.id }, { token: user.token });
  expect(expectOk(again, 200, 'start again').json).toMatchObject({ id: payment.id });
  // Another user knows nothing of it.
  expect((await api.get(`/v1/payments/${payment.id}`, { token: other.token })).status).toBe(404);

  // The payer pays while Stripe holds the webhooks; then they arrive newest first, one of them twice.
  await stripeControl('PUT', '/api/webhooks/hold', { enabled: true });
  await stripeControl('POST', `/api/checkout/sessions/${payment.stripe.checkoutSessionId}/pay`, {
    outcome: 'succeeded',
  });
  await stripeControl('PUT', '/api/webhooks/hold', { enabled: false });
  const released = (await stripeControl('POST', '/api/webhooks/release', { order: 'reverse' })).released as {
    id: string;
    type: string;
  }[];
  expect(released.map((event) => event.type)).toContain('payment_intent.succeeded');
  const succeeded = released.find((event) => event.type === 'payment_intent.succeeded')!;
  expect((await stripeControl('POST', `/api/events/${succeeded.id}/deliver`)).status).toBe(200);

  const paid = await eventually('the payment paid', async () => {
    const view = await getPayment(user, payment.id);
    return view.status === 'succeeded' ? view : undefined;
  });
  expect(paid.receiptUrl).toMatch(/\/receipts\/ch_/);
  expect(paid.hostedUrl).toBeNull();
  const afterPayment = (await listTransactions(user)) as {
    kind: string;
    amount?: number;
    money?: { amount: number };
  }[];
  expect(afterPayment).toHaveLength(1);
  // The income names the invoice: the invoice's paid status derives from its linked movements.
  expect(afterPayment[0]).toMatchObject({ kind: 'income', id: paid.transactionId, invoiceId: invoice.id });
  // … so the invoice is paid in full, once.
  const paidInvoice = await eventually('the invoice paid', async () => {
    const view = (await api.get(`/v1/invoices/${invoice.id}`, { token: user.token })).json;
    return view.status === 'paid' ? view : undefined;
  });
  expect(paidInvoice).toMatchObject({ paid: { amount: 29_015 }, open: { amount: 0 } });
  // Every webhook applied and every event consumed: exactly one receipt, with Stripe's link.
  await settle();
  const receipts = await receiptMails(user);
  expect(receipts).toHaveLength(1);
  expect(receipts[0]!.subject).toBe('Invoice paid: €290.15');
  expect(receipts[0]!.text).toContain(paid.receiptUrl!);

  // A forged webhook (signed with another secret) is refused and changes nothing.
  const body = JSON.stringify({ id: 'evt_forged', type: 'charge.refunded', data: { object: { id: 'ch_x' } } });
  const t = Math.floor(Date.now() / 1000);
  const forged = await call('POST', '/v1/webhooks/stripe', {
    headers: {
      'stripe-signature': `t=${t},v1=${createHmac('sha256', 'whsec_not_ours').update(`${t}.${body}`).digest('hex')}`,
    },
    rawBody: body,
  });
  expect(forged.status).toBe(400);
  expect(forged.json).toMatchObject({ type: expect.stringContaining('invalid-signature') });

  // A partial refund: one refund movement naming the invoice.
  const refunded = await api.post(
    `/v1/payments/${payment.id}/refunds`,
    { amount: 5_000 },
    { token: user.token, headers: { 'idempotency-key': `refund-${payment.id}` } },
  );
  expect(expectOk(refunded, 200, 'refund').json).toMatchObject({ refunded: { amount: 5_000 } });
  const movements = (await listTransactions(user)) as unknown as { kind: string; invoiceId: string | null }[];
  expect(movements.map((movement) => [movement.kind, movement.invoiceId]).sort()).toEqual([
    ['expense', invoice.id],
    ['income', invoice.id],
  ]);
  // Applied again by its webhooks, the refund stays one movement.
  await stripeControl('PUT', '/api/webhooks/hold', { enabled: false });
  expect((await listTransactions(user)).length).toBe(2);
  // The refund re-opens what it gave back: the invoice is partially paid.
  const reopened = await eventually('the invoice partially paid', async () => {
    const view = (await api.get(`/v1/invoices/${invoice.id}`, { token: user.token })).json;
    return view.status === 'partially-paid' ? view : undefined;
  });
  expect(reopened).toMatchObject({ paid: { amount: 24_015 }, open: { amount: 5_000 } });
  expect((await api.get(`/v1/invoices/${invoice.id}/payments`, { token: other.token })).json).toMatchObject({
    items: [],
  });
  // The refund and its webhooks sent no second receipt.
  await settle();
  expect(await receiptMails(user)).toHaveLength(1);
});
