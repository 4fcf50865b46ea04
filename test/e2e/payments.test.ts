/**
 * Getting paid through Stripe, on the local cloud's fake Stripe: an issued invoice of three lines
 * is paid on Stripe's hosted page; its webhooks, held and then delivered in reverse order and one
 * of them twice, mark the payment paid with one income movement naming the invoice; a partial
 * refund adds one refund movement naming it; a forged webhook is a 400 and changes nothing; another
 * user sees none of it. The invoice follows its linked movements: paid, then partially paid.
 */
import { createHmac } from 'node:crypto';
import { api, call } from './support/api-client';
import { expectProblem } from './support/expectations';
import { createAccount, expectOk, type LedgerUser, ledgerUser, listTransactions } from './support/ledger';
import { mailsTo } from './support/mailbox';
import { stackOutputs } from './support/outputs';
import { eventually } from './support/poll';
import { settle } from './support/settle';
import { closeTable } from './support/table';
import { untilQuiescent } from './support/targets';

// Waits for quiescence with settle(), the local bus's idle signal: skipped (and said so) elsewhere.
const { test } = untilQuiescent('payments');

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
  const movements = (await listTransactions(user)) as unknown as {
    id: string;
    kind: string;
    invoiceId: string | null;
    categoryId: string | null;
    refundOf: string | null;
    refundedAmount: { amount: number };
    refundIds: string[];
  }[];
  expect(movements.map((movement) => [movement.kind, movement.invoiceId]).sort()).toEqual([
    ['expense', invoice.id],
    ['income', invoice.id],
  ]);
  // The refund's expense names the income it gives back, in the income's category (business
  // income, which it lowers; no spending), and the income shows what was refunded.
  const refundMovement = movements.find((movement) => movement.kind === 'expense')!;
  const incomeMovement = movements.find((movement) => movement.kind === 'income')!;
  expect(refundMovement).toMatchObject({ refundOf: paid.transactionId, categoryId: 'business' });
  expect(incomeMovement).toMatchObject({
    categoryId: 'business',
    refundedAmount: { amount: 5_000 },
    refundIds: [refundMovement.id],
  });
  // Applied again by its webhooks, the refund stays one movement, counted once on the income.
  await stripeControl('PUT', '/api/webhooks/hold', { enabled: false });
  const refundEvents = (await stripeControl('GET', '/api/events?type=charge.refunded')).events as { id: string }[];
  for (const event of refundEvents) await stripeControl('POST', `/api/events/${event.id}/deliver`);
  expect((await listTransactions(user)).length).toBe(2);
  const income = expectOk(await api.get(`/v1/transactions/${incomeMovement.id}`, { token: user.token }), 200, 'income')
    .json as { refundedAmount: { amount: number }; refundIds: string[] };
  expect(income).toMatchObject({ refundedAmount: { amount: 5_000 }, refundIds: [refundMovement.id] });
  // The refund re-opens what it gave back: the invoice is partially paid.
  const reopened = await eventually('the invoice partially paid', async () => {
    const view = (await api.get(`/v1/invoices/${invoice.id}`, { token: user.token })).json;
    return view.status === 'partially-paid' ? view : undefined;
  });
  expect(reopened).toMatchObject({ paid: { amount: 24_015 }, open: { amount: 5_000 } });
  // Another user's invoice is no invoice of theirs: 404, as on the invoice's other routes.
  expectProblem(await api.get(`/v1/invoices/${invoice.id}/payments`, { token: other.token }), 404);
  // The refund and its webhooks sent no second receipt.
  await settle();
  expect(await receiptMails(user)).toHaveLength(1);
});

const mailsAbout = async (user: LedgerUser, subject: string) =>
  (await mailsTo(user.email)).filter((mail) => mail.subject === subject);

const paymentWith = (user: LedgerUser, id: string, status: string) =>
  eventually(`the payment ${status}`, async () => {
    const view = await getPayment(user, id);
    return view.status === status ? view : undefined;
  });

test('concurrent requests start one payment; declined, expired and canceled are told once each, with a fresh link after', async () => {
  const user = await ledgerUser();
  const account = await createAccount(user, { name: 'Business', currency: 'EUR' });
  const invoice = await issuedInvoice(user);
  const start = () => api.post(`/v1/invoices/${invoice.id}/payments`, { accountId: account.id }, { token: user.token });

  // Three requests at once: one payment (one Checkout Session), the others are given it.
  const started = await Promise.all([start(), start(), start()]);
  expect(started.map((response) => response.status).sort()).toEqual([200, 200, 201]);
  const ids = new Set(started.map((response) => (response.json as PaymentView).id));
  expect(ids.size).toBe(1);
  const first = expectOk(await start(), 200, 'start again').json as PaymentView;
  expect(first.hostedUrl).toEqual(expect.stringContaining(first.stripe.checkoutSessionId));
  const listed = (await api.get(`/v1/invoices/${invoice.id}/payments`, { token: user.token })).json as {
    items: PaymentView[];
  };
  expect(listed.items.map((payment) => payment.id)).toEqual([first.id]);

  // The payer's card is declined: one email; the same page stays the link to send.
  await stripeControl('POST', `/api/checkout/sessions/${first.stripe.checkoutSessionId}/pay`, { outcome: 'failed' });
  await paymentWith(user, first.id, 'failed');
  await settle();
  expect(await mailsAbout(user, 'A payment of €290.15 was declined')).toHaveLength(1);
  const retried = expectOk(await start(), 200, 'link after a decline').json as PaymentView;
  expect(retried).toMatchObject({ id: first.id, hostedUrl: first.hostedUrl });

  // The page expires unpaid: one email; asking again starts a fresh payment with a new link.
  const expiredEvent = await stripeControl('POST', `/api/checkout/sessions/${first.stripe.checkoutSessionId}/expire`);
  expect(expiredEvent.status).toBe('expired');
  await paymentWith(user, first.id, 'expired');
  await settle();
  const expiredMails = await mailsAbout(user, 'A payment of €290.15 expired before it was paid');
  expect(expiredMails).toHaveLength(1);
  expect(expiredMails[0]!.text).toContain(`/v1/invoices/${invoice.id}/payments`);
  const fresh = expectOk(await start(), 201, 'a fresh link').json as PaymentView;
  expect(fresh.id).not.toBe(first.id);
  expect(fresh.hostedUrl).toEqual(expect.stringContaining(fresh.stripe.checkoutSessionId));
  expect(fresh.stripe.checkoutSessionId).not.toBe(first.stripe.checkoutSessionId);

  // Stripe down: a 502 problem naming Stripe, and nothing changed; back up, the cancel goes through.
  await stripeControl('PUT', '/api/outage', { enabled: true });
  let down: Awaited<ReturnType<typeof start>>;
  try {
    down = await api.post(`/v1/payments/${fresh.id}/cancel`, undefined, { token: user.token });
  } finally {
    await stripeControl('PUT', '/api/outage', { enabled: false });
  }
  expect(down.status).toBe(502);
  expect(down.headers.get('content-type')).toContain('application/problem+json');
  expect(down.json).toMatchObject({ type: 'urn:moneta:problem:stripe-unavailable', status: 502 });
  expect(await getPayment(user, fresh.id)).toMatchObject({ status: 'open', hostedUrl: fresh.hostedUrl });
  const canceled = expectOk(
    await api.post(`/v1/payments/${fresh.id}/cancel`, undefined, { token: user.token }),
    200,
    'cancel',
  );
  expect(canceled.json).toMatchObject({ status: 'canceled' });
  await settle();
  expect(await mailsAbout(user, 'A payment of €290.15 was canceled')).toHaveLength(1);
  // Each fact once: the redelivered webhooks sent nothing more.
  expect(await mailsAbout(user, 'A payment of €290.15 was declined')).toHaveLength(1);
  expect(await mailsAbout(user, 'A payment of €290.15 expired before it was paid')).toHaveLength(1);
});

test('an invoice voided after its payment was asked for: the money is still recorded, without the link', async () => {
  const user = await ledgerUser();
  const account = await createAccount(user, { name: 'Business', currency: 'EUR' });
  const invoice = await issuedInvoice(user);
  const payment = expectOk(
    await api.post(`/v1/invoices/${invoice.id}/payments`, { accountId: account.id }, { token: user.token }),
    201,
    'start payment',
  ).json as PaymentView;
  expectOk(await api.post(`/v1/invoices/${invoice.id}/void`, undefined, { token: user.token }), 200, 'void');

  await stripeControl('POST', `/api/checkout/sessions/${payment.stripe.checkoutSessionId}/pay`, {
    outcome: 'succeeded',
  });
  const paid = await paymentWith(user, payment.id, 'succeeded');
  // Stripe was answered 200 (no retries for days): every delivery of the success was accepted.
  type Delivered = { data: { object: { id: string } }; deliveries: { status: number | string }[] };
  const delivered = await eventually('the success delivered', async () => {
    const { events } = (await stripeControl('GET', '/api/events?type=payment_intent.succeeded')) as {
      events: Delivered[];
    };
    const event = events.find((candidate) => candidate.data.object.id === paid.stripe.paymentIntentId);
    return event && event.deliveries.length > 0 ? event : undefined;
  });
  expect(delivered.deliveries.map((delivery) => delivery.status)).toEqual([200]);
  const movements = (await listTransactions(user)) as unknown as {
    id: string;
    kind: string;
    invoiceId: string | null;
  }[];
  expect(movements).toEqual([expect.objectContaining({ id: paid.transactionId, kind: 'income', invoiceId: null })]);
  await settle();
  expect(await receiptMails(user)).toHaveLength(1);
});
