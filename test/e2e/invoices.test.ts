/**
 * Invoices as a user meets them: a three-line invoice priced exactly, its number unique per
 * direction, edits while draft only, issue, void and delete, listing by direction and status, and
 * another user who holds its id and sees and changes nothing.
 */
import { routes } from '../../lib/catalog/routes';
import { api, call } from './support/api-client';
import { expectProblem } from './support/expectations';
import { createAccount, createTransaction, expectOk, type LedgerUser, ledgerUser, listAll } from './support/ledger';
import { eventually } from './support/poll';

jest.setTimeout(120_000);

const threeLines = [
  { description: 'Design', quantity: '1.5', unitPrice: 333, taxRate: '21' },
  { description: 'Hosting', quantity: '2.5', unitPrice: 101, taxRate: '10.5' },
  { description: 'Setup', quantity: '1', unitPrice: 1000, taxRate: '0' },
];
const eur = (amount: number) => ({ amount, currency: 'EUR' });

type InvoiceView = { id: string; status: string; version: number; [field: string]: unknown };

async function createInvoice(user: LedgerUser, body: Record<string, unknown>): Promise<InvoiceView> {
  const result = await api.post(
    '/v1/invoices',
    {
      direction: 'issued',
      number: `N-${Math.random().toString(36).slice(2, 10)}`,
      issueDate: '2026-01-10',
      dueDate: '2026-02-10',
      currency: 'EUR',
      lines: threeLines,
      ...body,
    },
    { token: user.token },
  );
  return expectOk(result, 201, 'create invoice').json;
}

describe('invoices', () => {
  let a: LedgerUser;
  let b: LedgerUser;
  /** A's customer, one of A's payees: an invoice names one of its owner's payees. */
  let customerId: string;

  beforeAll(async () => {
    [a, b] = await Promise.all([ledgerUser({ timezone: 'Europe/Madrid' }), ledgerUser()]);
    const payee = await api.post('/v1/payees', { name: 'ACME SL', kind: 'customer' }, { token: a.token });
    customerId = expectOk(payee, 201, 'create payee').json.id;
  });

  test('a three-line invoice has exact per-line and total amounts, rounded half-even per line', async () => {
    const send = () =>
      api.post(
        '/v1/invoices',
        {
          direction: 'issued',
          payeeId: customerId,
          payeeName: 'ACME SL',
          number: 'F-2026-001',
          issueDate: '2026-01-10',
          dueDate: '2026-02-10',
          currency: 'EUR',
          lines: threeLines,
          notes: 'Thanks!',
        },
        { token: a.token, headers: { 'idempotency-key': 'invoice-f-2026-001' } },
      );
    const created = await send();
    expectOk(created, 201, 'create');
    expect(created.headers.get('location')).toBe(`/v1/invoices/${created.json.id}`);
    expect(created.json).toMatchObject({
      direction: 'issued',
      status: 'draft',
      number: 'F-2026-001',
      payeeId: customerId,
      payeeName: 'ACME SL',
      lines: [
        { description: 'Design', quantity: '1.5', unitPrice: 333, taxRate: '21', net: 500, tax: 105, gross: 605 },
        { description: 'Hosting', quantity: '2.5', unitPrice: 101, taxRate: '10.5', net: 252, tax: 26, gross: 278 },
        { description: 'Setup', quantity: '1', unitPrice: 1000, taxRate: '0', net: 1000, tax: 0, gross: 1000 },
      ],
      net: eur(1752),
      tax: eur(131),
      gross: eur(1883),
      paid: eur(0),
      open: eur(1883),
      notes: 'Thanks!',
      version: 1,
    });
    // A retry with the same key answers the first response and creates nothing.
    const again = await send();
    expect({ status: again.status, id: again.json.id }).toEqual({ status: 201, id: created.json.id });

    const read = expectOk(await api.get(`/v1/invoices/${created.json.id}`, { token: a.token }), 200, 'get');
    expect(read.json).toMatchObject({ ...created.json, movements: [] });
  });

  test('a number is unique per direction: the same number again is a 409, received with it is fine', async () => {
    await createInvoice(a, { number: 'DUP-1' });
    expectProblem(
      await api.post(
        '/v1/invoices',
        {
          direction: 'issued',
          number: 'DUP-1',
          issueDate: '2026-01-10',
          dueDate: '2026-01-10',
          currency: 'EUR',
          lines: threeLines,
        },
        { token: a.token },
      ),
      409,
    );
    const received = await createInvoice(a, { number: 'DUP-1', direction: 'received' });
    expect(received.status).toBe('draft');
    // Another user has their own numbers.
    await createInvoice(b, { number: 'DUP-1' });
  });

  test('bad input is a 400 naming the field, and nothing is written', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ lines: [] }, 'lines'],
      [{ lines: [{ ...threeLines[0], quantity: '-1' }] }, 'lines.0.quantity'],
      [{ lines: [{ ...threeLines[0], quantity: '1.2.3' }] }, 'lines.0.quantity'],
      [{ lines: [{ ...threeLines[0], quantity: '0' }] }, 'lines.0.quantity'],
      [{ lines: [{ ...threeLines[0], unitPrice: -5 }] }, 'lines.0.unitPrice'],
      [{ lines: [{ ...threeLines[0], unitPrice: 1.5 }] }, 'lines.0.unitPrice'],
      [{ lines: [{ ...threeLines[0], taxRate: '101' }] }, 'lines.0.taxRate'],
      [{ lines: [{ ...threeLines[0], taxRate: 21 }] }, 'lines.0.taxRate'],
      [{ lines: Array.from({ length: 201 }, () => threeLines[0]) }, 'lines'],
      [{ currency: 'XXX' }, 'currency'],
      [{ direction: 'sideways' }, 'direction'],
      [{ dueDate: '2026-01-09' }, 'dueDate'],
      [{ issueDate: '2026-02-30' }, 'issueDate'],
      [{ surprise: true }, 'surprise'],
    ];
    const before = (await listAll(a, '/v1/invoices')).items.length;
    for (const [change, field] of cases) {
      const result = await api.post(
        '/v1/invoices',
        {
          direction: 'issued',
          number: 'BAD',
          issueDate: '2026-01-10',
          dueDate: '2026-02-10',
          currency: 'EUR',
          lines: threeLines,
          ...change,
        },
        { token: a.token },
      );
      expectProblem(result, 400, [field]);
    }
    // A line past the money range is a 422 naming it.
    expectProblem(
      await api.post(
        '/v1/invoices',
        {
          direction: 'issued',
          number: 'HUGE',
          issueDate: '2026-01-10',
          dueDate: '2026-02-10',
          currency: 'EUR',
          lines: [{ description: 'x', quantity: '1000', unitPrice: 9_007_199_254_740, taxRate: '0' }],
        },
        { token: a.token },
      ),
      422,
      ['lines.0'],
    );
    expect((await listAll(a, '/v1/invoices')).items.length).toBe(before);
  });

  test('a draft changes freely; issued, only notes, due date and payee; void, nothing', async () => {
    const invoice = await createInvoice(a, {});
    const patched = await api.patch(
      `/v1/invoices/${invoice.id}`,
      { lines: [{ description: 'Only', quantity: '3', unitPrice: 250, taxRate: '21' }], number: 'RENUMBERED-1' },
      { token: a.token, headers: { 'if-match': '"1"' } },
    );
    expectOk(patched, 200, 'patch draft');
    expect(patched.json).toMatchObject({
      number: 'RENUMBERED-1',
      net: eur(750),
      tax: eur(158),
      gross: eur(908),
      version: 2,
    });
    // The old number is free again, the new one taken.
    await createInvoice(a, { number: invoice.number });
    expectProblem(
      await api.patch(`/v1/invoices/${invoice.id}`, { notes: 'x' }, { token: a.token, headers: { 'if-match': '"1"' } }),
      412,
    );

    const issued = await api.post(`/v1/invoices/${invoice.id}/issue`, undefined, { token: a.token });
    expectOk(issued, 200, 'issue');
    expect(issued.json).toMatchObject({
      status: expect.stringMatching(/^(issued|overdue)$/),
      issuedAt: expect.any(String),
    });
    expectProblem(await api.post(`/v1/invoices/${invoice.id}/issue`, undefined, { token: a.token }), 409);
    expectProblem(await api.patch(`/v1/invoices/${invoice.id}`, { lines: threeLines }, { token: a.token }), 409);
    expectProblem(await api.delete(`/v1/invoices/${invoice.id}`, { token: a.token }), 409);
    const noted = await api.patch(
      `/v1/invoices/${invoice.id}`,
      { notes: 'Pay by transfer', dueDate: '2099-12-31' },
      { token: a.token },
    );
    expectOk(noted, 200, 'patch issued');
    expect(noted.json).toMatchObject({
      notes: 'Pay by transfer',
      dueDate: '2099-12-31',
      status: 'issued',
      gross: eur(908),
    });

    const voided = await api.post(`/v1/invoices/${invoice.id}/void`, {}, { token: a.token });
    expectOk(voided, 200, 'void');
    expect(voided.json).toMatchObject({ status: 'void', open: eur(0), voidedAt: expect.any(String) });
    expectProblem(await api.patch(`/v1/invoices/${invoice.id}`, { notes: 'late' }, { token: a.token }), 409);
    expectProblem(await api.post(`/v1/invoices/${invoice.id}/void`, {}, { token: a.token }), 409);
    expect((await api.delete(`/v1/invoices/${invoice.id}`, { token: a.token })).status).toBe(204);
    expectProblem(await api.get(`/v1/invoices/${invoice.id}`, { token: a.token }), 404);
    // Its number is free again.
    await createInvoice(a, { number: 'RENUMBERED-1' });
  });

  test('the list pages newest first and filters by direction and derived status', async () => {
    const user = await ledgerUser();
    const received = await createInvoice(user, { direction: 'received' });
    const draft = await createInvoice(user, {});
    const late = await createInvoice(user, { dueDate: '2026-01-31' });
    const current = await createInvoice(user, { dueDate: '2099-01-31' });
    for (const invoice of [late, current]) {
      expectOk(await api.post(`/v1/invoices/${invoice.id}/issue`, undefined, { token: user.token }), 200, 'issue');
    }
    const all = await listAll<InvoiceView>(user, '/v1/invoices', { limit: 2 });
    // Two full pages (DynamoDB may answer a last, empty one after a page that ended exactly).
    expect(all.pages.slice(0, 2)).toEqual([2, 2]);
    expect(all.items.map((invoice) => invoice.id)).toEqual([current.id, late.id, draft.id, received.id]);
    const ids = async (query: Record<string, string>) =>
      (await listAll<InvoiceView>(user, '/v1/invoices', query)).items.map((invoice) => invoice.id);
    expect(await ids({ direction: 'received' })).toEqual([received.id]);
    expect(await ids({ status: 'draft' })).toEqual([draft.id, received.id]);
    expect(await ids({ status: 'overdue' })).toEqual([late.id]);
    expect(await ids({ status: 'issued', direction: 'issued' })).toEqual([current.id]);
    expect(await ids({ status: 'paid' })).toEqual([]);
    expectProblem(await api.get('/v1/invoices?status=late', { token: user.token }), 400, ['status']);
  });

  test("another user holding an invoice's id sees and changes nothing, on every invoice route", async () => {
    const invoice = await createInvoice(a, { number: 'PRIVATE-1' });
    const before = expectOk(await api.get(`/v1/invoices/${invoice.id}`, { token: a.token }), 200, 'A reads').json;
    const attempted = new Set<string>();
    const byB = async (method: string, routePath: string, body?: unknown) => {
      attempted.add(`${method} ${routePath}`);
      return call(method, routePath.replace('{id}', invoice.id), {
        token: b.token,
        ...(body === undefined ? {} : { body }),
      });
    };
    expectProblem(await byB('GET', '/v1/invoices/{id}'), 404);
    expectProblem(await byB('PATCH', '/v1/invoices/{id}', { notes: 'mine' }), 404);
    expectProblem(await byB('POST', '/v1/invoices/{id}/issue', {}), 404);
    expectProblem(await byB('POST', '/v1/invoices/{id}/void', {}), 404);
    expectProblem(await byB('DELETE', '/v1/invoices/{id}'), 404);
    expectProblem(await byB('POST', '/v1/invoices/{id}/payments', { accountId: invoice.id }), 404);
    expectProblem(await byB('GET', '/v1/invoices/{id}/payments'), 404);
    // Nor can B's invoice name A's payee.
    const named = await api.post(
      '/v1/invoices',
      {
        direction: 'issued',
        payeeId: customerId,
        number: 'B-1',
        issueDate: '2026-01-10',
        dueDate: '2026-02-10',
        currency: 'EUR',
        lines: threeLines,
      },
      { token: b.token },
    );
    expectProblem(named, 422, ['payeeId']);
    const listed = await byB('GET', '/v1/invoices');
    expect(listed.json.items.map((item: InvoiceView) => item.id)).not.toContain(invoice.id);
    // A's cursor is refused to B.
    const page = expectOk(await api.get('/v1/invoices?limit=1', { token: a.token }), 200, 'A page').json;
    expectProblem(
      await call('GET', `/v1/invoices?cursor=${encodeURIComponent(page.nextCursor)}`, { token: b.token }),
      400,
      ['cursor'],
    );
    attempted.add('POST /v1/invoices');
    const covered = routes.filter((route) => route.path.startsWith('/v1/invoices')).map((r) => `${r.method} ${r.path}`);
    expect([...attempted].sort()).toEqual([...covered].sort());
    expect(
      expectOk(await api.get(`/v1/invoices/${invoice.id}`, { token: a.token }), 200, 'A reads again').json,
    ).toEqual(before);
  });

  test('issued, paid in two movements, refunded in part, then a movement deleted: paid and status follow exactly', async () => {
    const user = await ledgerUser();
    const account = await createAccount(user, { name: 'Business', currency: 'EUR' });
    const invoice = await createInvoice(user, { dueDate: '2099-12-31' });
    const pay = (body: Record<string, unknown>) =>
      api.post('/v1/transactions', { accountId: account.id, ...body }, { token: user.token });
    // A draft cannot be paid yet.
    expectProblem(await pay({ kind: 'income', money: eur(1000), invoiceId: invoice.id }), 422, ['invoiceId']);
    expectOk(await api.post(`/v1/invoices/${invoice.id}/issue`, undefined, { token: user.token }), 200, 'issue');
    const read = async () =>
      expectOk(await api.get(`/v1/invoices/${invoice.id}`, { token: user.token }), 200, 'get').json;
    const once = (paid: number, status: string) =>
      eventually(`invoice paid ${paid} (${status})`, async () => {
        const view = await read();
        return view.paid.amount === paid && view.status === status ? view : undefined;
      });

    const first = expectOk(
      await pay({ kind: 'income', money: eur(1000), categoryId: 'salary', invoiceId: invoice.id }),
      201,
      'first payment',
    ).json;
    expect(first.invoiceId).toBe(invoice.id);
    expect(await once(1000, 'partially-paid')).toMatchObject({ open: eur(883) });
    const second = expectOk(
      await pay({ kind: 'income', money: eur(883), invoiceId: invoice.id }),
      201,
      'second payment',
    ).json;
    const paid = await once(1883, 'paid');
    expect(paid.open).toEqual(eur(0));
    expect(paid.movements.map((m: { transactionId: string; amount: unknown }) => [m.transactionId, m.amount])).toEqual([
      [first.id, eur(1000)],
      [second.id, eur(883)],
    ]);
    // A refund to the customer: an expense in an income category (or none).
    const refund = expectOk(
      await pay({ kind: 'expense', money: eur(500), categoryId: 'salary', invoiceId: invoice.id }),
      201,
      'refund',
    ).json;
    expect(await once(1383, 'partially-paid')).toMatchObject({ open: eur(500) });
    // Unlinking the refund, then deleting the second payment.
    expectOk(
      await api.patch(`/v1/transactions/${refund.id}`, { invoiceId: null }, { token: user.token }),
      200,
      'unlink',
    );
    await once(1883, 'paid');
    expect((await api.delete(`/v1/transactions/${second.id}`, { token: user.token })).status).toBe(204);
    const after = await once(1000, 'partially-paid');
    expect(after.movements.map((m: { transactionId: string }) => m.transactionId)).toEqual([first.id]);
    // A partly paid invoice cannot be voided.
    expectProblem(await api.post(`/v1/invoices/${invoice.id}/void`, {}, { token: user.token }), 409);
  });

  test('a link that does not fit is a 422 naming invoiceId, and nothing is recorded', async () => {
    const user = await ledgerUser();
    const account = await createAccount(user, { name: 'Main', currency: 'EUR' });
    const issued = await createInvoice(user, {});
    const received = await createInvoice(user, { direction: 'received' });
    for (const invoice of [issued, received]) {
      expectOk(await api.post(`/v1/invoices/${invoice.id}/issue`, undefined, { token: user.token }), 200, 'issue');
    }
    const foreign = await createInvoice(b, {});
    expectOk(await api.post(`/v1/invoices/${foreign.id}/issue`, undefined, { token: b.token }), 200, 'issue');
    const attempts: Record<string, unknown>[] = [
      { kind: 'income', money: eur(100), invoiceId: foreign.id },
      { kind: 'income', money: eur(100), invoiceId: 'no-such-invoice' },
      { kind: 'income', money: { amount: 100, currency: 'USD' }, accountAmount: 92, invoiceId: issued.id },
      // An expense in an expense category is no refund to a customer; an income in an income
      // category no refund from a supplier.
      { kind: 'expense', money: eur(100), categoryId: 'shopping', invoiceId: issued.id },
      { kind: 'income', money: eur(100), categoryId: 'salary', invoiceId: received.id },
    ];
    for (const body of attempts) {
      expectProblem(
        await api.post('/v1/transactions', { accountId: account.id, ...body }, { token: user.token }),
        422,
        ['invoiceId'],
      );
    }
    expect((await listAll(user, '/v1/transactions')).items).toEqual([]);
    // A supplier's bill is paid by an expense.
    const bill = await createTransaction(user, {
      kind: 'expense',
      accountId: account.id,
      money: eur(1883),
      categoryId: 'shopping',
    });
    expectOk(
      await api.patch(`/v1/transactions/${bill.id}`, { invoiceId: received.id }, { token: user.token }),
      200,
      'link',
    );
    await eventually('received invoice paid', async () => {
      const view = (await api.get(`/v1/invoices/${received.id}`, { token: user.token })).json;
      return view.status === 'paid' ? view : undefined;
    });
    // B's invoice is untouched.
    expect((await api.get(`/v1/invoices/${foreign.id}`, { token: b.token })).json).toMatchObject({
      paid: eur(0),
      movements: [],
    });
  });
});
