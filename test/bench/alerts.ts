import { resolve } from 'node:path';
import { ulid } from 'ulid';
import type { AccountItem } from '../../shared/accounts/items';
import { type ApplyContext, applyItems, mergeDeltas, plan } from '../../shared/budgets/apply';
import { cachedCategoryOf } from '../../shared/budgets/contribution';
import { type EvaluatedEvent, evaluateEvent } from '../../shared/budgets/evaluate';
import type { BudgetItem } from '../../shared/budgets/items';
import { type AppliedWrite, type CounterDelta, createBudgetStore } from '../../shared/budgets/store';
import { createProfileStore } from '../../shared/identity/profile-store';
import type { TransactionItem } from '../../shared/transactions/items';
import { planCreate } from '../../shared/transactions/plan';
import { type AlertMail, createBudget } from '../e2e/support/alerts';
import { api } from '../e2e/support/api-client';
import { createAccount, expectOk, type LedgerUser, ledgerUser } from '../e2e/support/ledger';
import { mailsTo } from '../e2e/support/mailbox';
import type { StackOutputs } from '../e2e/support/outputs';
import { settle } from '../e2e/support/settle';
import { type Capacity, meteredClient, percentile, withLocalCloud } from './measure';

const _ROOT = resolve(import.meta.dirname, '../..');
/** Alerts to time; ten per user keeps every user under the hourly email cap (20). */
const ALERTS = Math.max(10, Number(process.env.BENCH_ALERTS ?? 100));
const BUDGETS_PER_USER = 10;
const MONTH_SIZE = 10_000;
/** Leaf expense categories of the defaults (shared/categories/defaults.ts): one budget each. */
export const CATEGORIES = [
  'groceries',
  'restaurants',
  'transport',
  'health',
  'shopping',
  'entertainment',
  'travel',
  'education',
  'rent',
  'utilities',
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// (a) Write to email

/** Budgets whose one transaction crosses 80 %: `count` of them, ten per user. */
async function crossings(count: number) {
  const targets: { user: LedgerUser; accountId: string; categoryId: string; name: string }[] = [];
  for (let u = 0; u < Math.ceil(count / BUDGETS_PER_USER); u++) {
    const user = await ledgerUser();
    const account = await createAccount(user, { name: 'Bench', currency: 'EUR' });
    for (const [i, categoryId] of CATEGORIES.slice(0, Math.min(BUDGETS_PER_USER, count - targets.length)).entries()) {
      const name = `Bench ${u}-${i}`;
      await createBudget(user, {
        name,
        limit: { amount: 1_000, currency: 'EUR' },
        categoryIds: [categoryId],
        thresholds: [80],
      });
      targets.push({ user, accountId: account.id, categoryId, name });
    }
  }
  return targets;
}

async function writeToEmail(): Promise<{ latencies: number[]; seen: number[] }> {
  // Warm-up (not counted): the first runs of the evaluator and the notifier start their workers.
  for (const target of await crossings(2)) await crossOne(target);
  const targets = await crossings(ALERTS);
  await settle();
  const latencies: number[] = [];
  const seen: number[] = [];
  for (const target of targets) {
    const sample = await crossOne(target);
    latencies.push(sample.latency);
    seen.push(sample.seen);
  }
  return { latencies, seen };
}

async function crossOne(target: { user: LedgerUser; accountId: string; categoryId: string; name: string }) {
  const body = {
    kind: 'expense',
    accountId: target.accountId,
    money: { amount: 900, currency: 'EUR' },
    categoryId: target.categoryId,
  };
  expectOk(await api.post('/v1/transactions', body, { token: target.user.token }), 201, 'crossing transaction');
  const responded = Date.now();
  const subject = `Budget "${target.name}":`;
  for (;;) {
    const mail = ((await mailsTo(target.user.email)) as AlertMail[]).find((m) => m.subject.startsWith(subject));
    if (mail) return { latency: Date.parse(mail.receivedAt) - responded, seen: Date.now() - responded };
    if (Date.now() - responded > 30_000) throw new Error(`No alert mail for ${target.name} after 30 s`);
    await sleep(10);
  }
}

// ---------------------------------------------------------------------------------------------
// (b) Evaluator capacity per transaction

function transactionOf(userId: string, account: AccountItem, date: string, amount: number): TransactionItem {
  return planCreate(
    { kind: 'expense', accountId: account.accountId, money: { amount, currency: 'EUR' } },
    {
      userId,
      transactionId: ulid(),
      now: new Date().toISOString(),
      date,
      account,
      category: undefined,
      homeCurrency: 'EUR',
      rates: undefined,
      largeFrom: 100_000,
    },
  ).item;
}

function createdEvent(userId: string, item: TransactionItem): EvaluatedEvent {
  const now = new Date().toISOString();
  return {
    id: ulid(),
    detailType: 'TransactionCreated',
    time: now,
    detail: {
      sourceEventId: ulid(),
      userId,
      id: item.transactionId,
      version: item.version,
      occurredAt: now,
      data: item,
    },
  };
}

async function evaluatorCapacity(outputs: StackOutputs) {
  const meter = meteredClient(outputs);
  try {
    const tableName = outputs.TableName;
    const user = await ledgerUser();
    const created = await createBudget(user, {
      name: 'Everything',
      limit: { amount: 900_000_000, currency: 'EUR' },
      thresholds: [80, 100],
    });
    await settle();
    const store = createBudgetStore({ db: meter.db, tableName });
    const budget = (await store.get(user.userId, created.id)) as BudgetItem;
    const deps = { store, profiles: createProfileStore({ db: meter.db, tableName }), now: () => new Date() };
    const ctx: ApplyContext = {
      store,
      userId: user.userId,
      now: deps.now,
      categoryOf: cachedCategoryOf((id) => store.getCategory(user.userId, id)),
    };
    const month = budget.startDate.slice(0, 7);
    const account: AccountItem = {
      type: 'ACCOUNT',
      accountId: ulid(),
      name: 'Seeded',
      kind: 'checking',
      currency: 'EUR',
      balance: 0,
      transactionCount: 0,
      archived: false,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      version: 1,
    };
    const day = (i: number) => `${month}-${String(1 + (i % 28)).padStart(2, '0')}`;

    /** Applies `count` new transactions, 96 per TransactWriteItems, the way a backfill does. */
    const seed = async (count: number) => {
      for (let done = 0; done < count; ) {
        const size = Math.min(96, count - done);
        const writes: AppliedWrite[] = [];
        const deltas: CounterDelta[] = [];
        for (let i = 0; i < size; i++) {
          const item = transactionOf(user.userId, account, day(done + i), 100 + ((done + i) % 900));
          const planned = await plan(
            ctx,
            budget,
            { transactionId: item.transactionId, version: 1, deleted: false, item },
            undefined,
          );
          if (planned.kind === 'write') {
            writes.push(planned.write);
            deltas.push(...planned.deltas);
          }
        }
        await store.commit(applyItems(ctx, budget, writes, mergeDeltas(deltas)));
        done += size;
      }
    };
    const evaluate = (item: TransactionItem) =>
      meter.measure(() => evaluateEvent(deps, createdEvent(user.userId, item)));

    await seed(9);
    const tenth = transactionOf(user.userId, account, day(9), 500);
    const atTen = await evaluate(tenth);
    const seedStarted = Date.now();
    await seed(MONTH_SIZE - 11);
    const seedMs = Date.now() - seedStarted;
    const last = transactionOf(user.userId, account, day(MONTH_SIZE), 500);
    const atTenThousand = await evaluate(last);
    const duplicate = await evaluate(last);
    const spent = await store.spentIn(user.userId, budget.budgetId, month);
    return { atTen, atTenThousand, duplicate, seedMs, spent, month };
  } finally {
    meter.destroy();
  }
}

// ---------------------------------------------------------------------------------------------

export async function measureAlerts(): Promise<void> {
  await withLocalCloud('alerts', async (outputs) => {
    const email = await writeToEmail();
    console.log(
      `\nWrite to email: ${email.latencies.length} budget alerts (${Math.ceil(email.latencies.length / BUDGETS_PER_USER)} users × ` +
        `${BUDGETS_PER_USER} one-category budgets, threshold 80 %), each crossed by one POST /v1/transactions, one at a time,\n` +
        'after 2 warm-up alerts. Latency = outbox receivedAt − the moment this process had the 201 (same clock); the\n' +
        'path: stream poller → publisher → bus → budget evaluator → alert item → stream → publisher → bus → notifier → SES outbox.\n',
    );
    console.table([
      {
        figure: 'write → email (outbox receivedAt)',
        samples: email.latencies.length,
        'p50 ms': percentile(email.latencies, 50),
        'p95 ms': percentile(email.latencies, 95),
        'max ms': percentile(email.latencies, 100),
      },
      {
        figure: 'write → email seen by a 10 ms poll of the outbox',
        samples: email.seen.length,
        'p50 ms': percentile(email.seen, 50),
        'p95 ms': percentile(email.seen, 95),
        'max ms': percentile(email.seen, 100),
      },
    ]);

    const capacity = await evaluatorCapacity(outputs);
    console.log(
      `\nBudget evaluator, per TransactionCreated, one budget covering all spending: ${MONTH_SIZE.toLocaleString('en')} ` +
        `transactions applied in ${capacity.month}\n(seeded through shared/budgets/apply.ts — plan + applyItems, 96 per ` +
        `TransactWriteItems — in ${Math.round(capacity.seedMs / 1000)} s; month spent now ${capacity.spent}). Measured: ` +
        'evaluateEvent() (the handler’s work) with ReturnConsumedCapacity\n' +
        "'INDEXES' on every command against DynamoDB Local (its on-demand units; TransactWriteItems bills 2 units per 1 KB item).\n",
    );
    const row = (what: string, c: Capacity) => ({
      transaction: what,
      RCU: c.read,
      WCU: c.write,
      'DynamoDB calls': c.calls,
    });
    console.table([
      row('10th of the month', capacity.atTen),
      row(`${MONTH_SIZE.toLocaleString('en')}th of the month`, capacity.atTenThousand),
      row(`${MONTH_SIZE.toLocaleString('en')}th again (a duplicate delivery)`, capacity.duplicate),
    ]);
  });
}
