/**
 * Restating a user's history after a change of home currency, end to end: a user with four months
 * of income, expenses in EUR, USD and JPY and transfers changes home currency to USD. The
 * restatement job is followed through GET /v1/insights/restatement and its progress through the
 * audit trail; when it is done every transaction's home amount is in USD at its date's rate, and
 * cash flow, spending and month-end balances equal what the test computes from the listed
 * transactions, with no month left in another currency. Changing back to EUR restores the original
 * amounts. Another user's data and reports stay as they were.
 */
import { api } from './support/api-client';
import { expectProblem } from './support/expectations';
import { computedInsights, foreignCurrencyDay, reportedInsights } from './support/insights';
import {
  type AccountView,
  createAccount,
  createTransaction,
  expectOk,
  inPool,
  type LedgerUser,
  ledgerUser,
  listTransactions,
  type TransactionView,
} from './support/ledger';
import { sleep } from './support/poll';
import { settle } from './support/settle';
import { untilQuiescent } from './support/targets';

// Waits for quiescence with settle(), the local bus's idle signal: skipped (and said so) elsewhere.
const { describe, test } = untilQuiescent('insights restatement');

jest.setTimeout(600_000);

const today = new Date().toISOString().slice(0, 10);
const thisMonth = today.slice(0, 7);
const FROM = '2026-01';
/** Business days the bundled ECB file has rates for, one per month. */
const DAYS = ['2026-01-12', '2026-02-10', '2026-03-16', '2026-04-10'];
/** How long a restatement of a few dozen transactions may take behind the events it causes. */
const DEADLINE_MS = 240_000;

type Restatement = {
  status: 'queued' | 'running' | 'done';
  homeCurrency: string;
  progress: { restated: number; total: number | null; unpriceable: number };
  startedAt: string | null;
  completedAt: string | null;
};

let user: LedgerUser;
let other: LedgerUser;
let eur: AccountView;
let usd: AccountView;
let original: Map<string, TransactionView>;

const get = async (who: LedgerUser, path: string) =>
  expectOk(await api.get(path, { token: who.token }), 200, path).json;

/** What another user's reports and ledger say: they must not move. */
const snapshot = async (who: LedgerUser) => ({
  transactions: await listTransactions(who),
  cashFlow: await get(who, '/v1/insights/cash-flow?months=12'),
  spending: await get(who, `/v1/insights/spending?from=${FROM}&to=${thisMonth}&groupBy=category`),
});

/** Follows the restatement into `currency` until it is done, recording every state seen. */
async function followRestatement(currency: string): Promise<Restatement[]> {
  const seen: Restatement[] = [];
  const deadline = Date.now() + DEADLINE_MS;
  while (Date.now() < deadline) {
    const result = await api.get('/v1/insights/restatement', { token: user.token });
    // 404 only until the change's job is written (the stream's first hop).
    if (result.status === 200) {
      const state = result.json as Restatement;
      if (state.homeCurrency === currency) seen.push(state);
      if (state.homeCurrency === currency && state.status === 'done') return seen;
    } else {
      expectOk(result, 404, 'GET /v1/insights/restatement');
    }
    await sleep(200);
  }
  throw new Error(`The restatement into ${currency} did not end; seen: ${JSON.stringify(seen.at(-1))}`);
}

async function changeHomeCurrency(currency: string) {
  expectOk(await api.patch('/v1/me', { homeCurrency: currency }, { token: user.token }), 200, 'PATCH /v1/me');
  const seen = await followRestatement(currency);
  // The restated transactions' own events reach the aggregator after the job's last chunk.
  await settle();
  return seen;
}

beforeAll(async () => {
  [user, other] = await Promise.all([ledgerUser(), ledgerUser()]);
  [eur, usd] = await Promise.all([
    createAccount(user, { name: 'Everyday', currency: 'EUR' }),
    createAccount(user, { name: 'Dollars', kind: 'savings', currency: 'USD' }),
  ]);
  const otherAccount = await createAccount(other, { name: 'Theirs', currency: 'EUR' });
  const tasks: (() => Promise<unknown>)[] = [];
  DAYS.forEach((date, m) => {
    const day = (d: number) => `${date.slice(0, 8)}${String(d).padStart(2, '0')}`;
    tasks.push(
      () =>
        createTransaction(user, {
          kind: 'income',
          accountId: eur.id,
          money: { amount: 250_000, currency: 'EUR' },
          date: day(1),
          categoryId: 'salary',
          payee: 'Employer',
        }),
      ...foreignCurrencyDay(user, { eur, usd }, date, m),
      () =>
        createTransaction(other, {
          accountId: otherAccount.id,
          money: { amount: 3_000 + m, currency: 'EUR' },
          date,
          categoryId: 'groceries',
        }),
    );
    for (let i = 0; i < 8; i++) {
      tasks.push(() =>
        createTransaction(user, {
          accountId: eur.id,
          money: { amount: 1_000 + 137 * i + m, currency: 'EUR' },
          date: day(2 + i),
          categoryId: [null, 'groceries', 'restaurants', 'transport'][i % 4] ?? null,
          payee: ['ACME Market', 'Café Central', null][i % 3] ?? null,
          tags: i % 2 === 0 ? ['family'] : [],
        }),
      );
    }
  });
  await inPool(8, tasks);
  await settle();
  original = new Map((await listTransactions(user)).map((t) => [t.id, t]));
});

describe('a change of home currency restates the history', () => {
  let otherBefore: Awaited<ReturnType<typeof snapshot>>;
  let seen: Restatement[];

  beforeAll(async () => {
    otherBefore = await snapshot(other);
    // No change yet: nothing to show.
    expectProblem(await api.get('/v1/insights/restatement', { token: user.token }), 404);
    const flow = await get(user, '/v1/insights/cash-flow?months=12');
    expect(flow).toMatchObject({ currency: 'EUR', otherCurrencies: [], restatement: null });
    seen = await changeHomeCurrency('USD');
  });

  test('the job shows its progress until every transaction is restated', async () => {
    const count = original.size;
    expect(count).toBeGreaterThan(50);
    for (const state of seen) expect(['queued', 'running', 'done']).toContain(state.status);
    const done = seen.at(-1) as Restatement;
    expect(done).toMatchObject({
      status: 'done',
      homeCurrency: 'USD',
      progress: { restated: count, total: count, unpriceable: 0 },
    });
    expect(done.completedAt).not.toBeNull();
    const restated = seen.map((state) => state.progress.restated);
    expect(restated).toEqual([...restated].sort((a, b) => a - b));

    // Each chunk's progress was published as it landed: the audit trail holds every step.
    type Entry = { operation: string; after: { status?: string; progress?: Restatement['progress'] } };
    const entries = (await get(user, '/v1/audit?entity=restatement&limit=100')).items as Entry[];
    const progress = entries
      .reverse()
      .map((entry) => entry.after.progress?.restated)
      .filter((n) => n !== undefined);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(count);
    // A job of more than one chunk: progress visible part-way, while it was still running.
    expect(progress.some((n) => (n as number) > 0 && (n as number) < count)).toBe(true);
    expect(entries.at(-1)?.after.status).toBe('done');
  });

  test("every transaction's home amount is in USD at its date's rate; account amounts are untouched", async () => {
    const now = await listTransactions(user);
    expect(now).toHaveLength(original.size);
    for (const t of now) {
      const before = original.get(t.id) as TransactionView;
      expect(t.homeAmount.currency).toBe('USD');
      expect(t.accountAmount).toEqual(before.accountAmount);
      expect(t.money).toEqual(before.money);
    }
    // EUR 100.00 on 2026-04-10, when the ECB's USD rate was 1.1711.
    const transfer = now.find((t) => t.kind === 'transfer' && t.date === '2026-04-10' && t.accountId === eur.id);
    expect(transfer?.homeAmount).toEqual({ amount: -23_422, currency: 'USD' });
    // Money already in USD needs no rate at all.
    const hotel = now.find((t) => t.payee === 'Hotel' && t.date === '2026-04-10');
    expect(hotel?.homeAmount).toEqual({ amount: -12_348, currency: 'USD' });
  });

  test('cash flow, spending and balances equal the totals of the listed transactions, all in USD', async () => {
    const reported = await reportedInsights(user, FROM, thisMonth);
    const computed = await computedInsights(user, FROM, thisMonth, today);
    expect(reported).toEqual(computed);
    expect(reported.cashFlow['2026-03']?.income).toBeGreaterThan(0);
    for (const path of [
      '/v1/insights/cash-flow?months=12',
      `/v1/insights/spending?from=${FROM}&to=${thisMonth}&groupBy=payee`,
      `/v1/insights/net-worth?from=${FROM}&to=${thisMonth}&interval=month`,
    ]) {
      expect(await get(user, path)).toMatchObject({ currency: 'USD', otherCurrencies: [], restatement: null });
    }
  });

  test("another user's ledger and reports are untouched, and they see no restatement", async () => {
    expect(await snapshot(other)).toEqual(otherBefore);
    expectProblem(await api.get('/v1/insights/restatement', { token: other.token }), 404);
  });

  test('changing back to EUR restores every original home amount and report', async () => {
    const back = await changeHomeCurrency('EUR');
    expect(back.at(-1)).toMatchObject({ status: 'done', homeCurrency: 'EUR' });
    for (const t of await listTransactions(user)) {
      expect(t.homeAmount).toEqual(original.get(t.id)?.homeAmount);
    }
    expect(await reportedInsights(user, FROM, thisMonth)).toEqual(await computedInsights(user, FROM, thisMonth, today));
    expect(await get(user, '/v1/insights/cash-flow?months=12')).toMatchObject({
      currency: 'EUR',
      otherCurrencies: [],
      restatement: null,
    });
  });
});
