/**
 * Bank-message capture end to end, over HTTP on the local cloud. Four users (Indian rupees, pounds,
 * euros, dollars: each message in its user's home currency) with accounts named by card or account
 * digits. Twenty clean alerts posted as SMS, then as e-mail (a different text carrying the same bank
 * reference, or the very same text), record exactly one transaction each, on the right account,
 * with the right direction, amount, currency and date; OTPs, promotions and declined payments record
 * nothing; a message the parser is unsure of waits for review and accepting it records it; a credit
 * whose debit is on another own account is offered as a transfer, and accepting it moves the money
 * once; balances are exact. Another user reaches none of it.
 */
import fixtures from '../fixtures/messages/develop.json';
import { type ApiResult, api, call } from './support/api-client';
import { expectProblem } from './support/expectations';
import {
  type AccountView,
  expectOk,
  getAccount,
  type LedgerUser,
  ledgerUser,
  listAll,
  listTransactions,
  type TransactionView,
} from './support/ledger';

jest.setTimeout(240_000);

type Fixture = {
  id: string;
  e2e?: boolean;
  text: string;
  context: { receivedAt?: string; timezone?: string; sender?: string; source?: string; defaultCurrency?: string };
  expected: {
    kind: 'transaction' | 'ignored';
    reason?: string;
    direction?: 'debit' | 'credit';
    money?: { amount: number; currency: string };
    accountHint?: string;
    occurredAt?: { date: string } | null;
    reference?: string | null;
  };
};
type CaptureView = {
  id: string;
  status: string;
  ignoredBecause: string | null;
  reviewReasons: string[];
  accountId: string | null;
  candidateAccountIds: string[];
  transactionId: string | null;
  parse: { kind: string; confidence?: number };
};

const byId = new Map((fixtures as Fixture[]).map((fixture) => [fixture.id, fixture]));
const fixture = (id: string): Fixture => {
  const found = byId.get(id);
  if (!found) throw new Error(`no fixture ${id}`);
  return found;
};

/** Twenty clean alerts: nine carry a bank reference, eleven do not. */
const CLEAN = [
  'in-hdfc-upi-sent-1',
  'in-hdfc-upi-received',
  'in-icici-upi-debit',
  'in-icici-credit-salary',
  'in-sbi-upi-debit',
  'in-kotak-upi-sent',
  'in-hdfc-neft-deposited',
  'in-icici-info-bill',
  'in-axis-debit-swiggy',
  'uk-barclays-payment',
  'uk-hsbc-card',
  'uk-barclays-received',
  'uk-starling-spent',
  'eu-de-kartenzahlung',
  'eu-fr-paiement-carte',
  'eu-de-zahlungseingang',
  'eu-es-cargo',
  'us-boa-purchase',
  'us-boa-deposit',
  'us-capone-spotify',
].map(fixture);
const NOT_TRANSACTIONS = ['in-hdfc-otp', 'in-hdfc-promo-loan', 'in-hdfc-declined', 'uk-monzo-declined'].map(fixture);
/** Parsed by the general grammar only: below the confidence at which a capture records by itself. */
const UNSURE = fixture('in-icici-cc-pvr');

const profiles: Record<string, { homeCurrency: string; timezone: string }> = {
  INR: { homeCurrency: 'INR', timezone: 'Asia/Kolkata' },
  GBP: { homeCurrency: 'GBP', timezone: 'Europe/London' },
  EUR: { homeCurrency: 'EUR', timezone: 'Europe/Berlin' },
  USD: { homeCurrency: 'USD', timezone: 'America/Chicago' },
};
const currencyOf = (message: Fixture) => message.expected.money?.currency ?? message.context.defaultCurrency ?? 'EUR';

/** The e-mail of the same payment: other words around it, the same reference (or the same text). */
const asEmail = (message: Fixture) =>
  message.expected.reference
    ? `Dear Customer,\n\n${message.text}\n\nThis is a system-generated e-mail. Please do not reply.`
    : message.text;

const dayIn = (timeZone: string, at: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(at),
  );

describe('bank-message capture', () => {
  const users: Record<string, LedgerUser> = {};
  /** Per currency: card or account digits → the account they name. */
  const accounts: Record<string, Map<string, AccountView>> = {};
  const firstCaptures: CaptureView[] = [];

  const capture = (user: LedgerUser, message: Fixture, text = message.text, source = 'sms') =>
    api.post(
      '/v1/captures',
      {
        text,
        source,
        ...(message.context.receivedAt ? { receivedAt: message.context.receivedAt } : {}),
        ...(message.context.sender ? { sender: message.context.sender } : {}),
      },
      { token: user.token },
    );
  const captured = async (user: LedgerUser, message: Fixture, text?: string, source?: string) =>
    expectOk(await capture(user, message, text, source), 201, `capture ${message.id}`).json as CaptureView;
  const userFor = (message: Fixture) => users[currencyOf(message)] as LedgerUser;

  beforeAll(async () => {
    for (const [currency, profile] of Object.entries(profiles)) {
      users[currency] = await ledgerUser(profile);
      accounts[currency] = new Map();
    }
    const hints = new Map<string, Set<string>>();
    for (const message of [...CLEAN, UNSURE]) {
      const currency = currencyOf(message);
      if (!hints.has(currency)) hints.set(currency, new Set());
      hints.get(currency)?.add(message.expected.accountHint as string);
    }
    for (const [currency, digits] of hints) {
      for (const last of digits) {
        const result = await api.post(
          '/v1/accounts',
          { name: `Card ${last}`, kind: 'checking', currency, hints: { lastDigits: [last] } },
          { token: (users[currency] as LedgerUser).token },
        );
        const account = expectOk(result, 201, 'create account').json as AccountView & { hints: unknown };
        expect(account.hints).toEqual({ lastDigits: [last] });
        accounts[currency]?.set(last, account);
      }
    }
  });

  test('twenty alerts, as SMS then as e-mail, record one transaction each, exactly as the messages say', async () => {
    for (const message of CLEAN) {
      const first = await captured(userFor(message), message);
      expect({ id: message.id, status: first.status, reasons: first.reviewReasons }).toEqual({
        id: message.id,
        status: 'recorded',
        reasons: [],
      });
      firstCaptures.push(first);
    }
    for (const [index, message] of CLEAN.entries()) {
      const again = await captured(userFor(message), message, asEmail(message), 'email');
      expect({ id: message.id, status: again.status, transactionId: again.transactionId }).toEqual({
        id: message.id,
        status: 'duplicate',
        transactionId: firstCaptures[index]?.transactionId,
      });
    }

    for (const [currency, user] of Object.entries(users)) {
      const messages = CLEAN.filter((message) => currencyOf(message) === currency);
      const transactions = await listTransactions(user);
      expect(transactions).toHaveLength(messages.length);
      const byTransaction = new Map(transactions.map((t) => [t.id, t]));
      for (const message of messages) {
        const recorded = firstCaptures[CLEAN.indexOf(message)] as CaptureView;
        const transaction = byTransaction.get(recorded.transactionId as string) as TransactionView;
        const account = accounts[currency]?.get(message.expected.accountHint as string) as AccountView;
        const { timezone } = profiles[currency] as { timezone: string };
        expect({ id: message.id, ...pick(transaction) }).toEqual({
          id: message.id,
          kind: message.expected.direction === 'debit' ? 'expense' : 'income',
          accountId: account.id,
          money: message.expected.money,
          date: message.expected.occurredAt?.date ?? dayIn(timezone, message.context.receivedAt as string),
          externalId: expect.stringMatching(/^capture:/),
        });
        expect(recorded.accountId).toBe(account.id);
      }
      // Balances: exactly the signed sum of the messages on each account.
      for (const [digits, account] of accounts[currency] ?? []) {
        const expected = messages
          .filter((message) => message.expected.accountHint === digits)
          .reduce((sum, m) => sum + (m.expected.direction === 'debit' ? -1 : 1) * (m.expected.money?.amount ?? 0), 0);
        const now = await getAccount(user, account.id);
        expect({ digits, balance: now.balance }).toEqual({ digits, balance: { amount: expected, currency } });
      }
    }

    const recorded = await listAll<CaptureView>(users.INR as LedgerUser, '/v1/captures', { status: 'recorded' });
    expect(recorded.items.map((c) => c.id)).toEqual(
      firstCaptures
        .filter((_, i) => currencyOf(CLEAN[i] as Fixture) === 'INR')
        .map((c) => c.id)
        .reverse(),
    );
    const duplicates = await listAll<CaptureView>(users.INR as LedgerUser, '/v1/captures', { status: 'duplicate' });
    expect(duplicates.items).toHaveLength(CLEAN.filter((m) => currencyOf(m) === 'INR').length);
  });

  test('OTPs, promotions and declined payments are ignored with their reason, and record nothing', async () => {
    for (const message of NOT_TRANSACTIONS) {
      const user = userFor(message);
      const before = (await listTransactions(user)).length;
      const ignored = await captured(user, message);
      expect({
        id: message.id,
        status: ignored.status,
        because: ignored.ignoredBecause,
        txn: ignored.transactionId,
      }).toEqual({
        id: message.id,
        status: 'ignored',
        because: message.expected.reason,
        txn: null,
      });
      expect(await listTransactions(user)).toHaveLength(before);
      const shown = expectOk(await api.get(`/v1/captures/${ignored.id}`, { token: user.token }), 200, 'get');
      expect(shown.json.status).toBe('ignored');
    }
  });

  test('an unsure message waits for review; accepting it records it once, rejecting another records nothing', async () => {
    const user = users.INR as LedgerUser;
    const account = accounts.INR?.get(UNSURE.expected.accountHint as string) as AccountView;
    const before = await getAccount(user, account.id);
    const waiting = await captured(user, UNSURE);
    expect(waiting.status).toBe('needs-review');
    expect(waiting.reviewReasons).toContain('low-confidence');
    expect(waiting.candidateAccountIds).toEqual([account.id]);
    expect(waiting.transactionId).toBeNull();
    const queue = await listAll<CaptureView>(user, '/v1/captures', { status: 'needs-review' });
    expect(queue.items.map((c) => c.id)).toContain(waiting.id);
    expect((await getAccount(user, account.id)).balance).toEqual(before.balance);

    const accepted = expectOk(
      await api.post(
        `/v1/captures/${waiting.id}/accept`,
        { payee: 'PVR Cinemas', tags: ['movies'] },
        { token: user.token },
      ),
      200,
      'accept',
    ).json as CaptureView;
    expect(accepted.status).toBe('recorded');
    const transaction = expectOk(
      await api.get(`/v1/transactions/${accepted.transactionId}`, { token: user.token }),
      200,
      'get transaction',
    ).json as TransactionView;
    expect(pick(transaction)).toEqual({
      kind: UNSURE.expected.direction === 'debit' ? 'expense' : 'income',
      accountId: account.id,
      money: UNSURE.expected.money,
      date: UNSURE.expected.occurredAt?.date ?? dayIn('Asia/Kolkata', UNSURE.context.receivedAt as string),
      externalId: expect.stringMatching(/^capture:/),
    });
    expect(transaction.payee).toBe('PVR Cinemas');
    expect(transaction.tags).toEqual(['movies']);
    const sign = UNSURE.expected.direction === 'debit' ? -1 : 1;
    expect((await getAccount(user, account.id)).balance.amount).toBe(
      before.balance.amount + sign * (UNSURE.expected.money?.amount ?? 0),
    );

    // Not in review any more: accept and reject are 409; the same message again is a duplicate.
    expectProblem(await api.post(`/v1/captures/${waiting.id}/accept`, {}, { token: user.token }), 409);
    expectProblem(await api.post(`/v1/captures/${waiting.id}/reject`, {}, { token: user.token }), 409);
    expect((await captured(user, UNSURE)).status).toBe('duplicate');

    // A message naming no account of the user waits too; rejecting it records nothing.
    const stranger = await captured(user, UNSURE, UNSURE.text.replace(/9012/g, '0000'));
    expect(stranger.status).toBe('needs-review');
    expect(stranger.reviewReasons).toContain('no-matching-account');
    const count = (await listTransactions(user)).length;
    const rejected = expectOk(
      await api.post(`/v1/captures/${stranger.id}/reject`, undefined, { token: user.token }),
      200,
      'reject',
    );
    expect(rejected.json.status).toBe('rejected');
    expect(await listTransactions(user)).toHaveLength(count);
    const listedRejected = await listAll<CaptureView>(user, '/v1/captures', { status: 'rejected' });
    expect(listedRejected.items.map((c) => c.id)).toEqual([stranger.id]);
  });

  test('a credit matching a debit on another own account suggests a transfer; accepting it moves the money once', async () => {
    const user = users.EUR as LedgerUser;
    const message = fixture('eu-nl-ontvangen');
    const to = accounts.EUR?.get('4455') as AccountView;
    const from = accounts.EUR?.get('4711') as AccountView;
    const before = { from: (await getAccount(user, from.id)).balance, to: (await getAccount(user, to.id)).balance };
    const amount = message.expected.money?.amount as number;
    // The debit side, typed in by hand the day before the credit alert arrives.
    const typed = expectOk(
      await api.post(
        '/v1/transactions',
        { kind: 'expense', accountId: from.id, money: { amount, currency: 'EUR' }, date: '2026-11-29' },
        { token: user.token },
      ),
      201,
      'typed expense',
    ).json as TransactionView;

    const waiting = (await captured(user, message)) as CaptureView & { transfer: unknown };
    expect(waiting.status).toBe('needs-review');
    expect(waiting.reviewReasons).toEqual(['possible-transfer']);
    expect(waiting.transfer).toEqual({ counterpartAccountId: from.id, counterpartTransactionId: typed.id });

    const accepted = expectOk(
      await api.post(`/v1/captures/${waiting.id}/accept`, { asTransfer: true }, { token: user.token }),
      200,
      'accept as transfer',
    ).json as CaptureView & { transferId: string };
    expect(accepted.status).toBe('recorded');
    expectProblem(await api.get(`/v1/transactions/${typed.id}`, { token: user.token }), 404);
    const legs = (await listTransactions(user)).filter((t) => t.transferId === accepted.transferId);
    expect(legs.map((t) => [t.accountId, t.accountAmount.amount]).sort()).toEqual(
      [
        [from.id, -amount],
        [to.id, amount],
      ].sort(),
    );
    expect((await getAccount(user, from.id)).balance).toEqual({ amount: before.from.amount - amount, currency: 'EUR' });
    expect((await getAccount(user, to.id)).balance).toEqual({ amount: before.to.amount + amount, currency: 'EUR' });
  });

  test('another user reaches none of the captures, on every route', async () => {
    const a = users.INR as LedgerUser;
    const b = users.GBP as LedgerUser;
    const ofA = firstCaptures[0] as CaptureView;
    const waiting = await captured(a, UNSURE, `${UNSURE.text} `.replace(/9012/g, '1111'));
    expect(waiting.status).toBe('needs-review');
    const notFound = (result: ApiResult) => expectProblem(result, 404);
    for (const id of [ofA.id, waiting.id]) {
      notFound(await call('GET', `/v1/captures/${id}`, { token: b.token }));
      notFound(await call('POST', `/v1/captures/${id}/accept`, { token: b.token, body: {} }));
      notFound(await call('POST', `/v1/captures/${id}/reject`, { token: b.token, body: {} }));
    }
    for (const status of ['recorded', 'needs-review', 'duplicate', 'ignored', 'rejected']) {
      const listed = await listAll<CaptureView>(b, '/v1/captures', { status });
      expect(listed.items.map((c) => c.id)).not.toContain(ofA.id);
      expect(listed.items.map((c) => c.id)).not.toContain(waiting.id);
    }
    const aPage = expectOk(await api.get('/v1/captures?status=recorded&limit=1', { token: a.token }), 200, 'page');
    expect(aPage.json.nextCursor).toEqual(expect.any(String));
    expectProblem(
      await api.get(`/v1/captures?status=recorded&cursor=${encodeURIComponent(aPage.json.nextCursor)}`, {
        token: b.token,
      }),
      400,
      ['cursor'],
    );
    // A's message in B's ledger is not A's duplicate: B has no account it names, so it waits.
    const inB = await captured(b, CLEAN[0] as Fixture);
    expect(inB.status).toBe('needs-review');
    expect(inB.reviewReasons).toContain('no-matching-account');
    // A's capture is still A's, in review.
    const still = expectOk(await api.get(`/v1/captures/${waiting.id}`, { token: a.token }), 200, 'A reads');
    expect(still.json.status).toBe('needs-review');
  });

  test('bad input is a 400 naming the field, and records nothing', async () => {
    const user = users.EUR as LedgerUser;
    expectProblem(await api.post('/v1/captures', { text: '' }, { token: user.token }), 400, ['text']);
    expectProblem(await api.post('/v1/captures', { text: 'x'.repeat(2001) }, { token: user.token }), 400, ['text']);
    expectProblem(await api.post('/v1/captures', { text: 'hi', source: 'fax' }, { token: user.token }), 400, [
      'source',
    ]);
    expectProblem(await api.post('/v1/captures', { text: 'hi', receivedAt: 'yesterday' }, { token: user.token }), 400, [
      'receivedAt',
    ]);
    expectProblem(await api.get('/v1/captures?status=lost', { token: user.token }), 400, ['status']);
  });
});

function pick(t: TransactionView) {
  return { kind: t.kind, accountId: t.accountId, money: t.money, date: t.date, externalId: t.externalId };
}
