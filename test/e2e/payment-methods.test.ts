/**
 * A payer's saved payment method, on the local cloud's fake Stripe: a payee gets a Stripe-hosted
 * setup link; the payer saves a card while Stripe holds the webhooks, which then arrive reversed
 * and one of them twice, and the method is listed once; a second invoice is charged off-session
 * and becomes paid; a saved card that declines leaves its payment failed with Stripe's reason and
 * the invoice gets a fresh hosted link; a removed method is gone. Another user can neither start
 * a setup for the payee nor list or remove its methods.
 */
import { api } from './support/api-client';
import { expectProblem } from './support/expectations';
import { createAccount, expectOk, type LedgerUser, ledgerUser, listTransactions } from './support/ledger';
import { stackOutputs } from './support/outputs';
import { eventually } from './support/poll';
import { closeTable } from './support/table';

jest.setTimeout(180_000);
afterAll(() => closeTable());

const stripeUrl = () => {
  const url = stackOutputs().StripeEndpoint;
  if (!url) throw new Error('The payment-methods e2e needs the local cloud with its fake Stripe');
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

type SavedMethod = { id: string; type: string; brand: string | null; last4: string | null; expYear: number | null };
type Setup = { url: string; stripe: { customerId: string; checkoutSessionId: string } };
type PaymentView = {
  id: string;
  status: string;
  hostedUrl: string | null;
  transactionId: string | null;
  failure: { code: string | null; message: string | null } | null;
  stripe: { checkoutSessionId: string | null; paymentIntentId: string | null };
};

async function issuedInvoice(user: LedgerUser, payeeId: string, unitPrice: number) {
  const created = expectOk(
    await api.post(
      '/v1/invoices',
      {
        direction: 'issued',
        payeeId,
        number: `E2E-PM-${Date.now()}-${unitPrice}`,
        issueDate: new Date().toISOString().slice(0, 10),
        dueDate: '2099-12-31',
        currency: 'EUR',
        lines: [{ description: 'Retainer', quantity: '1', unitPrice, taxRate: '0' }],
      },
      { token: user.token },
    ),
    201,
    'create invoice',
  ).json as { id: string; gross: { amount: number } };
  expectOk(await api.post(`/v1/invoices/${created.id}/issue`, undefined, { token: user.token }), 200, 'issue');
  return created;
}

const listMethods = async (user: LedgerUser, payeeId: string) =>
  (
    expectOk(await api.get(`/v1/payees/${payeeId}/payment-methods`, { token: user.token }), 200, 'list').json as {
      items: SavedMethod[];
    }
  ).items;

/** The payer saves the named test card on the hosted setup page; returns the method once listed. */
async function saveCard(user: LedgerUser, payeeId: string, testCard: string, known: number) {
  const setup = expectOk(
    await api.post(`/v1/payees/${payeeId}/payment-methods`, {}, { token: user.token }),
    201,
    'start setup',
  ).json as Setup;
  expect(setup.url).toContain(`/c/pay/${setup.stripe.checkoutSessionId}`);
  await stripeControl('POST', `/api/checkout/sessions/${setup.stripe.checkoutSessionId}/pay`, {
    outcome: 'succeeded',
    paymentMethod: testCard,
  });
  const methods = await eventually('the method saved', async () => {
    const items = await listMethods(user, payeeId);
    return items.length === known + 1 ? items : undefined;
  });
  return { setup, method: methods.at(-1)! };
}

test('a payee saves a card once, is charged off-session, a declining card fails and a fresh link follows', async () => {
  const user = await ledgerUser();
  const other = await ledgerUser();
  const account = await createAccount(user, { name: 'Business', currency: 'EUR' });
  const payee = expectOk(
    await api.post(
      '/v1/payees',
      { name: `Client ${Date.now()}`, kind: 'customer', contact: { email: 'payer@client.example' } },
      { token: user.token },
    ),
    201,
    'create payee',
  ).json as { id: string };

  // The setup link, asked twice with one key: one Stripe Customer, one session.
  const key = { 'idempotency-key': `setup-${payee.id}` };
  const started = expectOk(
    await api.post(`/v1/payees/${payee.id}/payment-methods`, {}, { token: user.token, headers: key }),
    201,
    'start setup',
  ).json as Setup;
  const replayed = expectOk(
    await api.post(`/v1/payees/${payee.id}/payment-methods`, {}, { token: user.token, headers: key }),
    201,
    'start setup again',
  ).json as Setup;
  expect(replayed.stripe).toEqual(started.stripe);
  expect(started.url).toContain('/c/pay/cs_test_');

  // Another user can neither start a setup for the payee, nor list or remove its methods.
  expect((await api.post(`/v1/payees/${payee.id}/payment-methods`, {}, { token: other.token })).status).toBe(404);
  expect((await api.get(`/v1/payees/${payee.id}/payment-methods`, { token: other.token })).status).toBe(404);

  // The payer saves a card while Stripe holds the webhooks; they arrive newest first, one twice.
  await stripeControl('PUT', '/api/webhooks/hold', { enabled: true });
  await stripeControl('POST', `/api/checkout/sessions/${started.stripe.checkoutSessionId}/pay`, {
    outcome: 'succeeded',
    paymentMethod: 'pm_card_visa',
  });
  await stripeControl('PUT', '/api/webhooks/hold', { enabled: false });
  const released = (await stripeControl('POST', '/api/webhooks/release', { order: 'reverse' })).released as {
    id: string;
    type: string;
  }[];
  expect(released.map((event) => event.type)).toEqual(
    expect.arrayContaining(['setup_intent.succeeded', 'checkout.session.completed']),
  );
  const succeeded = released.find((event) => event.type === 'setup_intent.succeeded')!;
  expect((await stripeControl('POST', `/api/events/${succeeded.id}/deliver`)).status).toBe(200);
  const methods = await listMethods(user, payee.id);
  expect(methods).toHaveLength(1);
  const card = methods[0]!;
  expect(card).toMatchObject({ id: expect.stringMatching(/^pm_/), type: 'card', brand: 'visa', last4: '4242' });
  expect((await api.delete(`/v1/payees/${payee.id}/payment-methods/${card.id}`, { token: other.token })).status).toBe(
    404,
  );

  // A second invoice (the first paid its own way): charged off-session, paid, one income.
  await issuedInvoice(user, payee.id, 5_000);
  const invoice = await issuedInvoice(user, payee.id, 12_000);
  const charged = expectOk(
    await api.post(
      `/v1/invoices/${invoice.id}/payments`,
      { accountId: account.id, paymentMethodId: card.id },
      { token: user.token, headers: { 'idempotency-key': `charge-${invoice.id}` } },
    ),
    201,
    'charge the saved card',
  ).json as PaymentView;
  expect(charged).toMatchObject({ status: 'succeeded', hostedUrl: null, stripe: { checkoutSessionId: null } });
  const paidInvoice = await eventually('the invoice paid', async () => {
    const view = (await api.get(`/v1/invoices/${invoice.id}`, { token: user.token })).json;
    return view.status === 'paid' ? view : undefined;
  });
  expect(paidInvoice).toMatchObject({ paid: { amount: 12_000 }, open: { amount: 0 } });
  const movements = (await listTransactions(user)) as unknown as { kind: string; invoiceId: string | null }[];
  expect(movements.filter((movement) => movement.invoiceId === invoice.id)).toEqual([
    expect.objectContaining({ kind: 'income', id: charged.transactionId }),
  ]);
  // Retried with the same key: the same payment, no second charge.
  const retried = await api.post(
    `/v1/invoices/${invoice.id}/payments`,
    { accountId: account.id, paymentMethodId: card.id },
    { token: user.token, headers: { 'idempotency-key': `charge-${invoice.id}` } },
  );
  expect(retried.json).toMatchObject({ id: charged.id, status: 'succeeded' });

  // A saved card that declines: the payment fails with Stripe's reason, and a fresh link can follow.
  const { method: declining } = await saveCard(user, payee.id, 'pm_card_chargeDeclined', 1);
  expect(declining).toMatchObject({ brand: 'visa', last4: '0002' });
  const third = await issuedInvoice(user, payee.id, 7_000);
  const failed = expectOk(
    await api.post(
      `/v1/invoices/${third.id}/payments`,
      { accountId: account.id, paymentMethodId: declining.id },
      { token: user.token },
    ),
    201,
    'charge the declining card',
  ).json as PaymentView;
  expect(failed).toMatchObject({ status: 'failed', failure: { code: 'card_declined' }, transactionId: null });
  const fresh = expectOk(
    await api.post(`/v1/invoices/${third.id}/payments`, { accountId: account.id }, { token: user.token }),
    201,
    'a fresh hosted link',
  ).json as PaymentView;
  expect(fresh).toMatchObject({ status: 'open', hostedUrl: expect.stringContaining('/c/pay/cs_test_') });
  expect(fresh.id).not.toBe(failed.id);

  // A method of another payee is refused, naming the field.
  const otherPayee = expectOk(
    await api.post('/v1/payees', { name: `Other client ${Date.now()}`, kind: 'customer' }, { token: user.token }),
    201,
    'create payee',
  ).json as { id: string };
  const fourth = await issuedInvoice(user, otherPayee.id, 1_000);
  const refused = await api.post(
    `/v1/invoices/${fourth.id}/payments`,
    { accountId: account.id, paymentMethodId: card.id },
    { token: user.token },
  );
  expectProblem(refused, 400, ['paymentMethodId']);

  // Removing the declining card: detached at Stripe, no longer listed; removing it again is a 404.
  expect(
    (await api.delete(`/v1/payees/${payee.id}/payment-methods/${declining.id}`, { token: user.token })).status,
  ).toBe(204);
  expect((await listMethods(user, payee.id)).map((method) => method.id)).toEqual([card.id]);
  expect(
    (await api.delete(`/v1/payees/${payee.id}/payment-methods/${declining.id}`, { token: user.token })).status,
  ).toBe(404);
});
