/**
 * Overdue invoices end to end: invoices due yesterday on their owners' calendars (UTC+14 and
 * UTC−5, so "yesterday" is a different day for each), the hourly sweep run through the local
 * Scheduler, exactly one reminder email per overdue invoice in the SES outbox, worded for who owes
 * whom, and the invoice listed as overdue; a second run sends nothing. An invoice due today, a
 * paid one and one of a user with reminders switched off get no email.
 */
import { api } from './support/api-client';
import { createAccount, expectOk, type LedgerUser, ledgerUser } from './support/ledger';
import { mailsTo } from './support/mailbox';
import { eventually } from './support/poll';
import { runSchedule } from './support/schedules';
import { settle } from './support/settle';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(180_000);

type SweepOutcome = { examined: number; reminded: number; failed: number };
type InvoiceView = { id: string; number: string; status: string; [field: string]: unknown };

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const now = new Date();
/** A day of the owner's calendar, `offset` days from their today. */
const dayIn = (timezone: string, offset: number) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(now);
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
};

/** An issued invoice (gross €12.10: one line of €10.00 at 21 %) due on `dueDate`. */
async function issuedInvoice(
  user: LedgerUser,
  options: { dueDate: string; direction?: 'issued' | 'received'; payeeName?: string },
): Promise<InvoiceView> {
  const created = await api.post(
    '/v1/invoices',
    {
      direction: options.direction ?? 'issued',
      payeeName: options.payeeName ?? 'ACME SL',
      number: `OD-${Math.random().toString(36).slice(2, 10)}`,
      issueDate: '2026-01-01',
      dueDate: options.dueDate,
      currency: 'EUR',
      lines: [{ description: 'Work', quantity: '1', unitPrice: 1000, taxRate: '21' }],
    },
    { token: user.token },
  );
  const invoice = expectOk(created, 201, 'create invoice').json as InvoiceView;
  expectOk(await api.post(`/v1/invoices/${invoice.id}/issue`, undefined, { token: user.token }), 200, 'issue');
  return invoice;
}

const overdueMails = async (user: LedgerUser, invoice: InvoiceView) =>
  (await mailsTo(user.email)).filter((mail) => mail.subject.includes(`${invoice.number} is overdue`));

const listOverdue = async (user: LedgerUser) =>
  (
    expectOk(await api.get('/v1/invoices?status=overdue', { token: user.token }), 200, 'list overdue').json as {
      items: InvoiceView[];
    }
  ).items.map((invoice) => invoice.id);

describeWithMailbox('overdue invoices', () => {
  let issuer: LedgerUser;
  let payer: LedgerUser;
  let optedOut: LedgerUser;
  let customerInvoice: InvoiceView;
  let supplierBill: InvoiceView;
  let dueToday: InvoiceView;
  let paid: InvoiceView;
  let unwanted: InvoiceView;

  beforeAll(async () => {
    [issuer, payer, optedOut] = await Promise.all([
      ledgerUser({ timezone: 'Pacific/Kiritimati' }),
      ledgerUser({ timezone: 'America/Bogota' }),
      ledgerUser({ timezone: 'UTC' }),
    ]);
    const me = expectOk(await api.get('/v1/me', { token: optedOut.token }), 200, 'me');
    expectOk(
      await api.patch(
        '/v1/me',
        { notifications: { invoiceReminders: false } },
        { token: optedOut.token, headers: { 'if-match': me.headers.get('etag') ?? '' } },
      ),
      200,
      'switch reminders off',
    );

    customerInvoice = await issuedInvoice(issuer, { dueDate: dayIn('Pacific/Kiritimati', -1) });
    dueToday = await issuedInvoice(issuer, { dueDate: dayIn('Pacific/Kiritimati', 0) });
    supplierBill = await issuedInvoice(payer, {
      dueDate: dayIn('America/Bogota', -1),
      direction: 'received',
      payeeName: 'Power Co',
    });
    unwanted = await issuedInvoice(optedOut, { dueDate: dayIn('UTC', -1) });

    // Paid in full by a linked income before the sweep: it leaves the due-date index.
    paid = await issuedInvoice(issuer, { dueDate: dayIn('Pacific/Kiritimati', -1) });
    const account = await createAccount(issuer, { name: 'Business', currency: 'EUR' });
    expectOk(
      await api.post(
        '/v1/transactions',
        { kind: 'income', accountId: account.id, money: eur(1210), invoiceId: paid.id },
        { token: issuer.token },
      ),
      201,
      'pay in full',
    );
    await eventually('the invoice is paid', async () => {
      const view = expectOk(await api.get(`/v1/invoices/${paid.id}`, { token: issuer.token }), 200, 'get').json;
      return view.status === 'paid' ? view : undefined;
    });
    await settle();
  });

  test('the sweep sends one reminder per overdue invoice, worded for who owes whom', async () => {
    const run = await runSchedule<SweepOutcome>('overdue-sweep', now.toISOString());
    expect(run.failed).toBe(0);
    expect(run.reminded).toBeGreaterThanOrEqual(3);
    await settle();

    const [toCustomer] = await eventually('the issued invoice’s reminder', async () => {
      const mails = await overdueMails(issuer, customerInvoice);
      return mails.length > 0 ? mails : undefined;
    });
    expect(await overdueMails(issuer, customerInvoice)).toHaveLength(1);
    expect(toCustomer?.subject).toBe(`Invoice ${customerInvoice.number} is overdue: €12.10 still to collect`);
    expect(toCustomer?.text).toContain('the customer still owes you €12.10');

    const bills = await overdueMails(payer, supplierBill);
    expect(bills).toHaveLength(1);
    expect(bills[0]?.subject).toBe(`Bill ${supplierBill.number} is overdue: you owe €12.10`);
    expect(bills[0]?.text).toContain('from Power Co');

    expect(await listOverdue(issuer)).toEqual([customerInvoice.id]);
    expect(await listOverdue(payer)).toEqual([supplierBill.id]);
  });

  test('running it again, for the same hour or the next, sends nothing more', async () => {
    await runSchedule<SweepOutcome>('overdue-sweep', now.toISOString());
    await runSchedule<SweepOutcome>('overdue-sweep', new Date(now.getTime() + 3_600_000).toISOString());
    await settle();

    expect(await overdueMails(issuer, customerInvoice)).toHaveLength(1);
    expect(await overdueMails(payer, supplierBill)).toHaveLength(1);
  });

  test('an invoice due today, a paid one, and one whose owner switched reminders off get no email', async () => {
    expect(await overdueMails(issuer, dueToday)).toEqual([]);
    expect(await overdueMails(issuer, paid)).toEqual([]);
    expect(await overdueMails(optedOut, unwanted)).toEqual([]);
    // Switched off is about the email: the invoice is overdue all the same.
    expect(await listOverdue(optedOut)).toEqual([unwanted.id]);
    const today = expectOk(await api.get(`/v1/invoices/${dueToday.id}`, { token: issuer.token }), 200, 'get').json;
    expect(today.status).toBe('issued');
  });
});
