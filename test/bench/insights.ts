/**
 * Insights at scale (local cloud): a user with 50,000 transactions over twelve months, spread over
 * the default categories, 300 payees, five tags and four accounts. Their month counters are seeded
 * through the store (the sums of what each transaction contributes, ./shared/insights/contribution.ts),
 * not through the API, to keep the run short. Printed: what a 12-month cash flow and a one-year
 * spending-by-category cost to read and how long they take through the API, and what the
 * aggregator spends on the 10th and on the 50,000th transaction.
 */
import { ulid } from 'ulid';
import type { AccountItem } from '../../shared/accounts/items';
import { createCategoryStore } from '../../shared/categories/store';
import { createProfileStore } from '../../shared/identity/profile-store';
import { type AggregatedEvent, aggregateEvent } from '../../shared/insights/aggregate';
import { contributionOf } from '../../shared/insights/contribution';
import type { Lines } from '../../shared/insights/items';
import { combine } from '../../shared/insights/lines';
import { addMonths } from '../../shared/insights/months';
import { createInsightStore } from '../../shared/insights/store';
import type { TransactionItem } from '../../shared/transactions/items';
import { planCreate } from '../../shared/transactions/plan';
import { api } from '../e2e/support/api-client';
import { expectOk, ledgerUser } from '../e2e/support/ledger';
import type { StackOutputs } from '../e2e/support/outputs';
import { CATEGORIES as LEAF_CATEGORIES } from './alerts';
import { type Capacity, meteredClient, percentile, withLocalCloud } from './measure';

const TRANSACTIONS = Number(process.env.BENCH_INSIGHT_TRANSACTIONS ?? 50_000);
const SAMPLES = 30;
/** The ten leaf expense categories the alerts bench uses, and two more. */
const CATEGORIES = [...LEAF_CATEGORIES, 'fees-charges', 'gifts-donations'];
const TAGS = ['trip', 'family', 'work', 'home', 'car'];

function account(name: string): AccountItem {
  const now = new Date().toISOString();
  return {
    type: 'ACCOUNT',
    accountId: ulid(),
    name,
    kind: 'checking',
    currency: 'EUR',
    balance: 0,
    transactionCount: 0,
    archived: false,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

function transactionOf(userId: string, from: AccountItem, date: string, i: number): TransactionItem {
  const item = planCreate(
    {
      kind: 'expense',
      accountId: from.accountId,
      money: { amount: 100 + (i % 9_000), currency: 'EUR' },
      payee: `Payee ${i % 300}`,
      tags: i % 3 === 0 ? [TAGS[i % TAGS.length] as string] : [],
    },
    {
      userId,
      transactionId: ulid(),
      now: new Date().toISOString(),
      date,
      account: from,
      category: undefined,
      homeCurrency: 'EUR',
      rates: undefined,
      largeFrom: 100_000_000,
    },
  ).item;
  return { ...item, categoryId: CATEGORIES[i % CATEGORIES.length] as string };
}

const created = (userId: string, item: TransactionItem): AggregatedEvent => {
  const now = new Date().toISOString();
  return {
    id: ulid(),
    detailType: 'TransactionCreated',
    time: now,
    detail: { sourceEventId: ulid(), userId, id: item.transactionId, version: 1, occurredAt: now, data: item },
  };
};

async function timed(path: string, token: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES + 3; i++) {
    const started = performance.now();
    expectOk(await api.get(path, { token }), 200, path);
    if (i >= 3) samples.push(performance.now() - started);
  }
  return samples;
}

async function measure(outputs: StackOutputs) {
  const meter = meteredClient(outputs);
  const tableName = outputs.TableName;
  const store = createInsightStore({ db: meter.db, tableName });
  const categories = createCategoryStore({ db: meter.db, tableName });
  const deps = {
    store,
    profiles: createProfileStore({ db: meter.db, tableName }),
    category: (userId: string, id: string) => categories.get(userId, id),
    now: () => new Date(),
  };
  try {
    const user = await ledgerUser({ timezone: 'UTC' });
    const accounts = ['Everyday', 'Card', 'Savings', 'Cash'].map(account);
    const thisMonth = new Date().toISOString().slice(0, 7);
    const months = Array.from({ length: 12 }, (_, i) => addMonths(thisMonth, i - 11));
    const dayOf = (i: number) => `${months[i % 12]}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const txn = (i: number) => transactionOf(user.userId, accounts[i % 4] as AccountItem, dayOf(i), i);
    const kindOf = async () => ({ kind: 'expense' as const });

    // The first nine through the aggregator, the tenth measured.
    for (let i = 0; i < 9; i++) await aggregateEvent(deps, created(user.userId, txn(i)));
    const atTen = await meter.measure(() => aggregateEvent(deps, created(user.userId, txn(9))));

    // The rest of the 50,000 as month sums, one ADD per month item.
    const seedStarted = Date.now();
    const sums = new Map<string, Lines>();
    for (let i = 10; i < TRANSACTIONS - 1; i++) {
      const c = await contributionOf(txn(i), kindOf);
      sums.set(c.month, combine(sums.get(c.month) ?? {}, c.lines));
    }
    for (const [month, lines] of sums) {
      // An UpdateItem takes at most ~4 KB of expression values comfortably in bulk: ADD in slices.
      const entries = Object.entries(lines);
      for (let i = 0; i < entries.length; i += 200) {
        await store.commit([
          store.monthAdd(user.userId, month, 'EUR', Object.fromEntries(entries.slice(i, i + 200)), new Date()),
        ]);
      }
    }
    const seedMs = Date.now() - seedStarted;
    const last = txn(TRANSACTIONS - 1);
    const atLast = await meter.measure(() => aggregateEvent(deps, created(user.userId, last)));
    const duplicate = await meter.measure(() => aggregateEvent(deps, created(user.userId, last)));

    const from = months[0] as string;
    const cashFlowReads = await meter.measure(() => store.months(user.userId, { from, to: thisMonth }));
    const spendingReads = await meter.measure(async () => {
      await store.months(user.userId, { from: addMonths(from, -12), to: thisMonth });
      await categories.listAll(user.userId);
    });
    const cashFlowMs = await timed('/v1/insights/cash-flow?months=12', user.token);
    const spendingMs = await timed(`/v1/insights/spending?from=${from}&to=${thisMonth}&groupBy=category`, user.token);
    const monthItems = await store.months(user.userId, { from, to: thisMonth });
    const lines = monthItems.reduce((n, m) => n + Object.keys(m.lines).length, 0);
    return { atTen, atLast, duplicate, seedMs, cashFlowReads, spendingReads, cashFlowMs, spendingMs, lines };
  } finally {
    meter.destroy();
  }
}

export async function measureInsights(): Promise<void> {
  await withLocalCloud('insights', async (outputs) => {
    const m = await measure(outputs);
    console.log(
      `\nOne user, ${TRANSACTIONS.toLocaleString('en')} expenses over 12 months (12 categories, 300 payees, 5 tags, 4 accounts); ` +
        `month counters seeded through the store in ${Math.round(m.seedMs / 1000)} s: ${m.lines} counters in 12 month items.\n` +
        "Capacity: ReturnConsumedCapacity 'INDEXES' against DynamoDB Local (TransactWriteItems bills 2 units per 1 KB item).\n",
    );
    const row = (what: string, c: Capacity) => ({
      operation: what,
      RCU: c.read,
      WCU: c.write,
      'DynamoDB calls': c.calls,
    });
    console.table([
      row('aggregator: the 10th transaction', m.atTen),
      row(`aggregator: the ${TRANSACTIONS.toLocaleString('en')}th transaction`, m.atLast),
      row('aggregator: the same again (a duplicate delivery)', m.duplicate),
      row('reads of GET /v1/insights/cash-flow?months=12', m.cashFlowReads),
      row('reads of GET /v1/insights/spending (one year by category, and the year before)', m.spendingReads),
    ]);
    const latency = (what: string, samples: number[]) => ({
      route: what,
      samples: samples.length,
      'p50 ms': percentile(samples, 50),
      'p95 ms': percentile(samples, 95),
    });
    console.log('\nLatency through the local API (warm, one at a time, after 3 warm-up calls):\n');
    console.table([
      latency('GET /v1/insights/cash-flow?months=12', m.cashFlowMs),
      latency('GET /v1/insights/spending (12 months, by category)', m.spendingMs),
    ]);
    console.log(`insights.aggregator_wcu_10th=${m.atTen.write}`);
    console.log(`insights.aggregator_wcu_last=${m.atLast.write}`);
  });
}
