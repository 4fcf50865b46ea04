/**
 * The restatement job against a real DynamoDB Local: a change of home currency restates every
 * transaction at its date's rate (a transfer as a pair), chunk by chunk through the date index, with
 * progress on the job; a duplicate or late chunk, a chunk re-run after a crash, an older change
 * delivered late, a newer change while it runs and a deleted user each change nothing twice (or
 * nothing at all).
 */
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { AccountEntity } from '../../../shared/accounts/items';
import { type Profile, ProfileEntity } from '../../../shared/identity/profile';
import { createProfileStore } from '../../../shared/identity/profile-store';
import type { RestatementItem } from '../../../shared/insights/items';
import {
  pendingRestatement,
  type RestaterDeps,
  restatementView,
  runRestatementStep,
  startRestatement,
} from '../../../shared/insights/restate';
import { createRestatementStore } from '../../../shared/insights/restatement-store';
import type { RatesOnDay } from '../../../shared/rates/public';
import type { TransactionItem } from '../../../shared/transactions/items';
import { transferLegIds } from '../../../shared/transactions/plan';
import { restateHome } from '../../../shared/transactions/public';
import { createTransactionStore } from '../../../shared/transactions/store';
import { txn } from '../budgets/support/budget-fixtures';
import { type BudgetTable, startBudgetTable, TABLE } from '../budgets/support/budget-table';

jest.setTimeout(180_000);

let table: BudgetTable;
beforeAll(async () => {
  table = await startBudgetTable();
}, 90_000);
afterAll(async () => table?.stop());

/** Units per EUR: a rate that differs by month, so each transaction's own date's rate is visible. */
const USD_PER_EUR: Record<string, string> = { '01': '1.25', '02': '1.5', '03': '2' };
const GBP_PER_EUR = '0.5';
const rates = {
  async ratesOn(date: string): Promise<RatesOnDay> {
    return {
      date,
      rates: { USD: USD_PER_EUR[date.slice(5, 7)] as string, GBP: GBP_PER_EUR },
      requestedDate: date,
      fallback: false,
      provisional: false,
      source: 'ECB',
    };
  },
};

const CHUNK = 4;
const NOW = new Date('2026-04-02T10:00:00Z');

function deps(overrides: Partial<RestaterDeps> = {}): RestaterDeps {
  const transactions = createTransactionStore({ db: table.db, tableName: TABLE });
  return {
    jobs: createRestatementStore({ db: table.db, tableName: TABLE }),
    profiles: createProfileStore({ db: table.db, tableName: TABLE }),
    restate: (userId, transactionId, homeCurrency) =>
      restateHome({ transactions, rates, now: () => NOW.toISOString() }, userId, transactionId, homeCurrency),
    now: () => NOW,
    chunk: CHUNK,
    ...overrides,
  };
}

let users = 0;
/** A user whose home currency was EUR, with `count` EUR expenses over three months and one in ARS. */
async function userWithHistory(count: number) {
  const userId = `restate-user-${++users}`;
  await table.seedUser(userId, { homeCurrency: 'EUR' });
  const transactions: TransactionItem[] = Array.from({ length: count }, (_, i) =>
    txn({
      transactionId: `t${String(i).padStart(3, '0')}`,
      date: `2026-0${(i % 3) + 1}-1${i % 9}`,
      homeAmount: -(100 + 4 * i),
    }),
  );
  // A currency the ECB does not publish: no rate to restate it with.
  const ars = txn({
    transactionId: 'ars',
    accountId: 'acc-ars',
    currency: 'ARS',
    amount: 5000,
    accountCurrency: 'ARS',
    accountAmount: -5000,
    homeAmount: -500,
  });
  await table.putTransactions(userId, [...transactions, ars]);
  for (const [accountId, currency, n] of [
    ['acc-eur', 'EUR', count],
    ['acc-ars', 'ARS', 1],
  ] as const) {
    await table.db.send(
      new PutCommand({
        TableName: TABLE,
        Item: {
          ...AccountEntity.key(userId, accountId),
          type: 'ACCOUNT',
          accountId,
          currency,
          transactionCount: n,
        },
      }),
    );
  }
  return { userId, transactions };
}

/** Changes the stored profile's home currency the way PATCH /v1/me does (version + 1), and returns the change. */
async function changeHome(userId: string, homeCurrency: string) {
  const profiles = createProfileStore({ db: table.db, tableName: TABLE });
  const previous = (await profiles.get(userId)) as Profile;
  const outcome = await profiles.update(userId, { homeCurrency }, { now: NOW.toISOString() });
  if (outcome.status !== 'updated') throw new Error(outcome.status);
  return { userId, data: outcome.profile, previous };
}

const job = async (userId: string) => (await deps().jobs.get(userId)) as RestatementItem;

/** Runs the job's chunks as their events would, recording each job state seen. */
async function runToEnd(userId: string) {
  const seen: RestatementItem[] = [];
  for (let guard = 0; guard < 100; guard++) {
    const current = await job(userId);
    seen.push(current);
    if (current.status !== 'running') return seen;
    await runRestatementStep(deps(), userId, current.restatementId, current.step);
  }
  throw new Error('The job did not end');
}

async function stored(userId: string): Promise<Record<string, TransactionItem>> {
  const items = (await table.items(userId, 'TXN#')) as unknown as TransactionItem[];
  return Object.fromEntries(items.map((item) => [item.transactionId, item]));
}

/** EUR minor units at a decimal rate; the fixtures keep every product whole (no rounding to agree on). */
const at = (amount: number, rate: string) => Math.round(amount * Number(rate));

describe('restating after a change of home currency', () => {
  test('every transaction is restated at its date rate, chunk by chunk, with progress', async () => {
    const { userId, transactions } = await userWithHistory(10);
    expect(await startRestatement(deps(), await changeHome(userId, 'USD'))).toBe('started');

    const seen = await runToEnd(userId);
    expect(seen[0]).toMatchObject({
      status: 'running',
      fromCurrency: 'EUR',
      homeCurrency: 'USD',
      progress: { restated: 0, total: 11, unpriceable: 0 },
    });
    // 11 transactions in chunks of 4: three chunks, progress growing with each.
    expect(seen.map((s) => s.progress.restated + s.progress.unpriceable)).toEqual([0, 4, 8, 11]);
    expect(seen.at(-1)).toMatchObject({
      status: 'done',
      progress: { restated: 10, total: 11, unpriceable: 1 },
      completedAt: NOW.toISOString(),
    });

    const after = await stored(userId);
    for (const t of transactions) {
      expect(after[t.transactionId]).toMatchObject({
        homeCurrency: 'USD',
        homeAmount: -at(Math.abs(t.homeAmount), USD_PER_EUR[t.date.slice(5, 7)] as string),
        accountAmount: t.accountAmount,
        accountCurrency: 'EUR',
        version: 2,
      });
      expect(after[t.transactionId]?.homeConversion).toMatchObject({ source: 'ECB' });
    }
    // No rate: it keeps what it was recorded with, and is counted apart.
    expect(after.ars).toMatchObject({ homeCurrency: 'EUR', homeAmount: -500, version: 1 });
  });

  test('a duplicate or late chunk, and a chunk re-run after a crash, restate nothing twice', async () => {
    const { userId } = await userWithHistory(6);
    await startRestatement(deps(), await changeHome(userId, 'USD'));
    const first = await job(userId);

    // The first delivery crashes after restating its chunk, before advancing the job.
    const crashing = deps({
      jobs: {
        ...deps().jobs,
        advance: async () => {
          throw new Error('timed out');
        },
      },
    });
    await expect(runRestatementStep(crashing, userId, first.restatementId, 0)).rejects.toThrow('timed out');
    expect((await job(userId)).step).toBe(0);
    // The retry finds them restated and only advances the job; a duplicate then finds it moved on.
    expect(await runRestatementStep(deps(), userId, first.restatementId, 0)).toBe('advanced');
    expect(await runRestatementStep(deps(), userId, first.restatementId, 0)).toBe('stale');
    expect((await job(userId)).progress.restated).toBe(CHUNK);

    const seen = await runToEnd(userId);
    // A late delivery of any step of a finished job changes nothing.
    expect(await runRestatementStep(deps(), userId, first.restatementId, 1)).toBe('stale');
    expect(seen.at(-1)).toMatchObject({ status: 'done', progress: { restated: 6, unpriceable: 1 } });
    const versions = Object.values(await stored(userId)).map((t) => [t.transactionId, t.version]);
    expect(versions).toEqual(versions.map(([id]) => [id, id === 'ars' ? 1 : 2]));
  });

  test('a newer change wins: the older job stops, and a late older change starts nothing', async () => {
    const { userId, transactions } = await userWithHistory(8);
    const toUsd = await changeHome(userId, 'USD');
    await startRestatement(deps(), toUsd);
    const usdJob = await job(userId);
    await runRestatementStep(deps(), userId, usdJob.restatementId, 0);

    // The user changes again before the job's next chunk: until the new job starts, the old one stops.
    const toGbp = await changeHome(userId, 'GBP');
    const before = await stored(userId);
    expect(await runRestatementStep(deps(), userId, usdJob.restatementId, 1)).toBe('superseded');
    expect(await stored(userId)).toEqual(before);

    expect(await startRestatement(deps(), toGbp)).toBe('started');
    // The USD change delivered again, late: the GBP job stays.
    expect(await startRestatement(deps(), toUsd)).toBe('stale');
    expect(await runRestatementStep(deps(), userId, usdJob.restatementId, 1)).toBe('stale');
    expect(await job(userId)).toMatchObject({ homeCurrency: 'GBP', fromCurrency: 'USD', step: 0 });

    const seen = await runToEnd(userId);
    expect(seen.at(-1)).toMatchObject({ status: 'done', progress: { restated: 8, total: 9, unpriceable: 1 } });
    const after = await stored(userId);
    for (const t of transactions) {
      // From EUR's own amount at the day's rate, whichever currency it passed through.
      expect(after[t.transactionId]).toMatchObject({
        homeCurrency: 'GBP',
        homeAmount: -at(Math.abs(t.homeAmount), GBP_PER_EUR),
      });
    }
  });

  test('changing back to the original currency restores the original amounts', async () => {
    const { userId, transactions } = await userWithHistory(5);
    await startRestatement(deps(), await changeHome(userId, 'USD'));
    await runToEnd(userId);
    expect(await startRestatement(deps(), await changeHome(userId, 'EUR'))).toBe('started');
    await runToEnd(userId);
    const after = await stored(userId);
    for (const t of transactions) {
      expect(after[t.transactionId]).toMatchObject({ homeCurrency: 'EUR', homeAmount: t.homeAmount, version: 3 });
    }
  });

  test('a deleted user: the job stops and writes nothing back into the partition', async () => {
    const { userId } = await userWithHistory(5);
    await startRestatement(deps(), await changeHome(userId, 'USD'));
    const running = await job(userId);
    await table.db.send(new DeleteCommand({ TableName: TABLE, Key: ProfileEntity.key(userId) }));
    const before = await stored(userId);
    expect(await runRestatementStep(deps(), userId, running.restatementId, 0)).toBe('gone');
    expect(await stored(userId)).toEqual(before);
    expect(await job(userId)).toEqual(running);
  });

  test('a profile change that keeps the home currency starts nothing', async () => {
    const { userId } = await userWithHistory(2);
    const profiles = createProfileStore({ db: table.db, tableName: TABLE });
    const previous = (await profiles.get(userId)) as Profile;
    const renamed = { ...previous, name: 'Renamed', version: previous.version + 1 };
    expect(await startRestatement(deps(), { userId, data: renamed, previous })).toBe('no-change');
    expect(await deps().jobs.get(userId)).toBeUndefined();
  });

  test('the routes show the job: queued until the latest change has its job, running, then done (reports: only while pending)', async () => {
    const { userId } = await userWithHistory(5);
    const change = await changeHome(userId, 'USD');
    await startRestatement(deps(), change);
    const running = await job(userId);
    expect(restatementView(undefined, { homeCurrency: 'USD' })).toBeNull();
    expect(restatementView(running, { homeCurrency: 'USD' })).toEqual({
      status: 'running',
      homeCurrency: 'USD',
      progress: { restated: 0, total: 6, unpriceable: 0 },
      startedAt: NOW.toISOString(),
      completedAt: null,
    });
    // The profile already says GBP, its job is not written yet.
    expect(restatementView(running, { homeCurrency: 'GBP' })).toMatchObject({
      status: 'queued',
      homeCurrency: 'GBP',
      progress: { restated: 0, total: null },
    });
    await runToEnd(userId);
    const done = await job(userId);
    expect(restatementView(done, { homeCurrency: 'USD' })).toMatchObject({ status: 'done' });
    expect(pendingRestatement(done, { homeCurrency: 'USD' })).toBeNull();
    expect(pendingRestatement(running, { homeCurrency: 'USD' })).toMatchObject({ status: 'running' });
  });

  test('a transfer is restated as a pair, once, with one home value: what the account in the new currency moved', async () => {
    const { userId } = await userWithHistory(0);
    const { outLegId, inLegId } = transferLegIds('01J00000000000000000000000');
    const leg = {
      kind: 'transfer' as const,
      categoryId: null,
      date: '2026-01-15',
      transferId: outLegId,
      amount: 10_000,
    };
    await table.putTransactions(userId, [
      txn({ ...leg, transactionId: outLegId, accountId: 'acc-eur', accountAmount: -10_000, homeAmount: -10_000 }),
      txn({
        ...leg,
        transactionId: inLegId,
        accountId: 'acc-usd',
        accountCurrency: 'USD',
        accountAmount: 12_500,
        homeAmount: 10_000,
      }),
    ]);
    await startRestatement(deps(), await changeHome(userId, 'USD'));
    await runToEnd(userId);
    const after = await stored(userId);
    expect(after[outLegId]).toMatchObject({
      homeCurrency: 'USD',
      homeAmount: -12_500,
      accountAmount: -10_000,
      version: 2,
    });
    expect(after[inLegId]).toMatchObject({
      homeCurrency: 'USD',
      homeAmount: 12_500,
      accountAmount: 12_500,
      version: 2,
    });
  });
});

test('a reconciled transaction keeps the figures its statement agreed to: restating leaves it as it is', async () => {
  const userId = `restate-user-${++users}`;
  await table.seedUser(userId, { homeCurrency: 'EUR' });
  const reconciled = txn({ transactionId: 'locked', date: '2026-02-10', homeAmount: -800, status: 'reconciled' });
  await table.putTransactions(userId, [reconciled]);
  const before = await stored(userId);
  const transactions = createTransactionStore({ db: table.db, tableName: TABLE });
  const outcome = await restateHome({ transactions, rates, now: () => NOW.toISOString() }, userId, 'locked', 'USD');
  expect(outcome).toBe('unchanged');
  expect(await stored(userId)).toEqual(before);
});
