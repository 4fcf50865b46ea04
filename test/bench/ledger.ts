/**
 * The ledger's two hot paths on the local cloud: creating a transaction, and listing one month of
 * a user who has 10,000. Latency is what a client measures over HTTP (the local gateway, a warm
 * function worker, DynamoDB Local). Capacity cannot be read from CloudWatch locally, so it is
 * measured by running the handlers' own store calls (each feature's store.ts) against the same DynamoDB
 * Local with a client that adds `ReturnConsumedCapacity: 'INDEXES'` to every command and sums what
 * DynamoDB answers. Figures only: nothing here asserts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BatchWriteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { AccountEntity, type AccountItem } from '../../shared/accounts/items';
import { CategoryEntity, type CategoryItem } from '../../shared/categories/items';
import { createProfileStore } from '../../shared/identity/profile-store';
import { createRateStore } from '../../shared/rates/store';
import type { TransactionItem } from '../../shared/transactions/items';
import { createPayeeResolver } from '../../shared/transactions/payee-store';
import { planCreate, storedTransaction } from '../../shared/transactions/plan';
import { createTransactionQueries } from '../../shared/transactions/queries';
import { createTransactionStore } from '../../shared/transactions/store';
import { api } from '../e2e/support/api-client';
import { createAccount, expectOk, type LedgerUser, ledgerUser, queryString } from '../e2e/support/ledger';
import { type Capacity, meteredClient, percentile, withLocalCloud } from './measure';

const _ROOT = resolve(import.meta.dirname, '../..');
const CREATES = Number(process.env.BENCH_CREATES ?? 250);
const SEEDED = 10_000;
const SEED_YEAR = 2025;
const LISTED_MONTH = { from: `${SEED_YEAR}-06-01`, to: `${SEED_YEAR}-06-30` };
const PAGE_LIMIT = 200;
const LISTING_REPEATS = Number(process.env.BENCH_LISTINGS ?? 10);

// ---------------------------------------------------------------------------------------------
// Measuring

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** CPU seconds used so far by every process in the process group `pgid` (Linux /proc; 0 elsewhere). */
function groupCpuSeconds(pgid: number): number {
  if (!existsSync('/proc')) return 0;
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After "(comm)": state ppid pgrp … utime(14th field) stime(15th); comm may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks / 100;
}

/**
 * Waits until the local cloud (its whole process group: functions, stream poller, DynamoDB Local's
 * JVM) is nearly idle, i.e. the stream of the seeded items has been published and consumed. Only
 * the cloud's own CPU counts: other work on a shared machine does not keep the bench waiting.
 */
async function waitForQuietCloud(pgid: number, maxMs: number): Promise<number> {
  const started = Date.now();
  let quietSeconds = 0;
  while (Date.now() - started < maxMs && quietSeconds < 3) {
    const before = groupCpuSeconds(pgid);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    quietSeconds = groupCpuSeconds(pgid) - before < 0.1 ? quietSeconds + 1 : 0;
  }
  return Date.now() - started;
}

// ---------------------------------------------------------------------------------------------
// (a) Creating a transaction

const createBody = (accountId: string, i: number) => ({
  kind: 'expense',
  accountId,
  money: { amount: 1000 + i, currency: 'EUR' },
  date: '2026-04-10',
  categoryId: 'groceries',
  payee: 'Bench Market',
  tags: ['bench'],
});

async function benchCreates(user: LedgerUser, meter: ReturnType<typeof meteredClient>, tableName: string) {
  const account = await createAccount(user, { name: 'Bench', currency: 'EUR' });
  // One warm-up request per worker the pool might use, so cold starts are not counted.
  for (let i = 0; i < 3; i++) {
    expectOk(await api.post('/v1/transactions', createBody(account.id, i), { token: user.token }), 201, 'warm-up');
  }
  const latencies: number[] = [];
  for (let i = 0; i < CREATES; i++) {
    const { ms, value } = await timed(() =>
      api.post('/v1/transactions', createBody(account.id, i), { token: user.token }),
    );
    expectOk(value, 201, 'create');
    latencies.push(ms);
  }

  // The handler's calls, in its order, through the metered client (functions/api/transactions/create.ts).
  const { db } = meter;
  const profiles = createProfileStore({ db, tableName });
  const rates = createRateStore({ db, tableName });
  const transactions = createTransactionStore({ db, tableName });
  const payees = createPayeeResolver({ db, tableName });
  const replayCreate = async (money: { amount: number; currency: string }) => {
    const [profile, accountItem, category] = await Promise.all([
      profiles.get(user.userId),
      transactions.getAccount(user.userId, account.id),
      transactions.getCategory(user.userId, 'groceries'),
    ]);
    if (!profile) throw new Error('bench user has no profile');
    const date = '2026-04-10';
    const needsRates = money.currency !== 'EUR';
    const { item, deltas } = planCreate(
      { ...createBody(account.id, 0), kind: 'expense', money },
      {
        userId: user.userId,
        transactionId: ulid(),
        now: new Date().toISOString(),
        date,
        account: accountItem,
        category,
        homeCurrency: profile.homeCurrency,
        rates: needsRates ? await rates.ratesOn(date) : undefined,
        largeFrom: profile.notifications.largeTransactionAmount,
      },
    );
    const payee = item.payee ? await payees.byName(user.userId, item.payee) : undefined;
    await transactions.apply(user.userId, {
      created: [{ ...item, payeeId: payee?.payeeId ?? null }],
      deltas,
      payeeWrites: payee ? payees.writes(user.userId, payee, item.createdAt) : [],
      now: item.createdAt,
    });
  };
  const perCreate = async (money: { amount: number; currency: string }) => {
    const samples: Capacity[] = [];
    for (let i = 0; i < 20; i++) samples.push(await meter.measure(() => replayCreate(money)));
    const mean = (pick: (c: Capacity) => number) => samples.reduce((s, c) => s + pick(c), 0) / samples.length;
    return {
      rcu: mean((c) => c.read),
      wcu: mean((c) => c.write),
      indexWcu: mean((c) => c.indexWrite),
      calls: mean((c) => c.calls),
    };
  };
  const eurCapacity = await perCreate({ amount: 1234, currency: 'EUR' });
  const usdCapacity = await perCreate({ amount: 1234, currency: 'USD' });
  return { latencies, eurCapacity, usdCapacity };
}

// ---------------------------------------------------------------------------------------------
// (b) Listing one month out of 10,000

/** Seeds `count` transactions over the 12 months of SEED_YEAR, built by the real plan, written in batches. */
async function seed(db: DynamoDBDocumentClient, tableName: string, user: LedgerUser, accountId: string) {
  const account: AccountItem = {
    type: 'ACCOUNT',
    accountId,
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
  const category: CategoryItem = {
    type: 'CATEGORY',
    categoryId: 'groceries',
    name: 'Groceries',
    kind: 'expense',
    parentId: 'food',
    transactionCount: 0,
    archived: false,
    createdAt: account.createdAt,
    updatedAt: account.createdAt,
    version: 1,
  };
  const items: TransactionItem[] = [];
  const yearStart = Date.UTC(SEED_YEAR, 0, 1);
  for (let i = 0; i < SEEDED; i++) {
    // Evenly over the 365 days: ≈ 27 a day, ≈ 830 a month.
    const date = new Date(yearStart + Math.floor((i * 365) / SEEDED) * 86_400_000).toISOString().slice(0, 10);
    const { item } = planCreate(
      {
        kind: 'expense',
        accountId,
        money: { amount: 100 + (i % 5000), currency: 'EUR' },
        categoryId: 'groceries',
        payee: `Shop ${i % 40}`,
        note: i % 3 === 0 ? 'weekly shopping' : null,
        tags: i % 4 === 0 ? ['household'] : [],
      },
      {
        userId: user.userId,
        transactionId: ulid(yearStart + i),
        now: new Date().toISOString(),
        date,
        account,
        category,
        homeCurrency: 'EUR',
        rates: undefined,
        largeFrom: 100_000,
      },
    );
    items.push(item);
  }
  const batches: TransactionItem[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending: unknown[] = (batches[next++] ?? []).map((item) => ({
        PutRequest: { Item: storedTransaction(user.userId, item) },
      }));
      while (pending.length > 0) {
        const response = await db.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: pending as { PutRequest: { Item: object } }[] } }),
        );
        pending = response.UnprocessedItems?.[tableName] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  // Balance and counts as the write path would have left them, so the account stays truthful.
  const balance = items.reduce((sum, item) => sum + item.accountAmount, 0);
  await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: AccountEntity.key(user.userId, accountId),
      UpdateExpression: 'ADD #balance :balance, #count :count',
      ExpressionAttributeNames: { '#balance': 'balance', '#count': 'transactionCount' },
      ExpressionAttributeValues: { ':balance': balance, ':count': items.length },
    }),
  );
  await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: CategoryEntity.key(user.userId, 'groceries'),
      UpdateExpression: 'ADD #count :count',
      ExpressionAttributeNames: { '#count': 'transactionCount' },
      ExpressionAttributeValues: { ':count': items.length },
    }),
  );
  return items.filter((item) => item.date >= LISTED_MONTH.from && item.date <= LISTED_MONTH.to).length;
}

async function benchListing(user: LedgerUser, meter: ReturnType<typeof meteredClient>, tableName: string) {
  const pageLatencies: number[] = [];
  const listingLatencies: number[] = [];
  let itemsListed = 0;
  for (let run = 0; run < LISTING_REPEATS; run++) {
    let cursor: string | undefined;
    let items = 0;
    const started = performance.now();
    do {
      const { ms, value } = await timed(() =>
        api.get(`/v1/transactions${queryString({ ...LISTED_MONTH, limit: PAGE_LIMIT, cursor })}`, {
          token: user.token,
        }),
      );
      expectOk(value, 200, 'list page');
      pageLatencies.push(ms);
      items += value.json.items.length;
      cursor = value.json.nextCursor ?? undefined;
    } while (cursor);
    listingLatencies.push(performance.now() - started);
    itemsListed = items;
  }

  // The list handler's calls (functions/api/transactions/list.ts → transaction-queries.list).
  const queries = createTransactionQueries({ db: meter.db, tableName });
  const pages: Capacity[] = [];
  let after: string | undefined;
  do {
    let outcome: Awaited<ReturnType<typeof queries.list>> | undefined;
    pages.push(
      await meter.measure(async () => {
        outcome = await queries.list(user.userId, { ...LISTED_MONTH }, { limit: PAGE_LIMIT, after });
      }),
    );
    after = outcome?.status === 'ok' ? outcome.after : undefined;
  } while (after);
  return { pageLatencies, listingLatencies, itemsListed, pages };
}

// ---------------------------------------------------------------------------------------------

const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places;

export async function measureLedger(): Promise<void> {
  await withLocalCloud('ledger', async (outputs, cloud) => {
    const meter = meteredClient(outputs);
    const tableName = outputs.TableName;
    try {
      // Seed first, then let the stream of 10,000 TransactionCreated settle before timing anything.
      const lister = await ledgerUser();
      const seededAccount = await createAccount(lister, { name: 'Seeded', currency: 'EUR' });
      const seedTime = await timed(() => seed(meter.db, tableName, lister, seededAccount.id));
      console.log(
        `Seeded ${SEEDED} transactions over ${SEED_YEAR} in ${Math.round(seedTime.ms)} ms (BatchWriteItem, items from planCreate); ` +
          `${seedTime.value} fall in ${LISTED_MONTH.from}..${LISTED_MONTH.to}`,
      );
      const waited = await waitForQuietCloud(cloud.child.pid ?? 0, 300_000);
      console.log(`Waited ${Math.round(waited / 1000)} s for the seeded items' stream to be published and consumed`);

      const creator = await ledgerUser();
      const creates = await benchCreates(creator, meter, tableName);
      const listing = await benchListing(lister, meter, tableName);

      console.log(
        '\nLatency: wall time of each HTTP request from this process (local gateway + warm function worker + DynamoDB Local),',
      );
      console.log('one request at a time, after warm-up. Capacity: the handler’s own store calls replayed against');
      console.log(
        "DynamoDB Local with ReturnConsumedCapacity 'INDEXES' on every command (DynamoDB Local's figures, on-demand units;",
      );
      console.log(
        'reads: GetItem/Query, writes: TransactWriteItems — which DynamoDB bills at 2 units per 1 KB item).\n',
      );
      console.table([
        {
          operation: 'POST /v1/transactions (EUR, category, payee)',
          samples: creates.latencies.length,
          'p50 ms': percentile(creates.latencies, 50),
          'p95 ms': percentile(creates.latencies, 95),
          'RCU / op': round(creates.eurCapacity.rcu, 2),
          'WCU / op': round(creates.eurCapacity.wcu, 2),
          'of which GSIs': round(creates.eurCapacity.indexWcu, 2),
          'DynamoDB calls / op': round(creates.eurCapacity.calls, 1),
        },
        {
          operation: '  same, in USD (adds the rates read)',
          samples: 20,
          'p50 ms': '',
          'p95 ms': '',
          'RCU / op': round(creates.usdCapacity.rcu, 2),
          'WCU / op': round(creates.usdCapacity.wcu, 2),
          'of which GSIs': round(creates.usdCapacity.indexWcu, 2),
          'DynamoDB calls / op': round(creates.usdCapacity.calls, 1),
        },
        {
          operation: `GET /v1/transactions one month, limit ${PAGE_LIMIT} (per page)`,
          samples: listing.pageLatencies.length,
          'p50 ms': percentile(listing.pageLatencies, 50),
          'p95 ms': percentile(listing.pageLatencies, 95),
          'RCU / op': round(listing.pages.reduce((s, p) => s + p.read, 0) / listing.pages.length, 2),
          'WCU / op': 0,
          'of which GSIs': 0,
          'DynamoDB calls / op': round(listing.pages.reduce((s, p) => s + p.calls, 0) / listing.pages.length, 1),
        },
        {
          operation: `  the whole month: ${listing.itemsListed} items in ${listing.pages.length} pages`,
          samples: listing.listingLatencies.length,
          'p50 ms': percentile(listing.listingLatencies, 50),
          'p95 ms': percentile(listing.listingLatencies, 95),
          'RCU / op': round(
            listing.pages.reduce((s, p) => s + p.read, 0),
            2,
          ),
          'WCU / op': 0,
          'of which GSIs': 0,
          'DynamoDB calls / op': listing.pages.reduce((s, p) => s + p.calls, 0),
        },
      ]);
      console.log(`RCU per page, in order: ${listing.pages.map((p) => round(p.read, 1)).join(', ')}`);
    } finally {
      meter.destroy();
    }
  });
}
