/**
 * The chaos scenario: a user's mixed financial life (accounts in four currencies, transactions over
 * three months with edits and deletes, transfers, budgets with 50/80/100 % thresholds, goals fed by
 * contributions, tagged transactions and an account balance), generated from a fixed seed so it
 * can be replayed for another user, once with normal delivery and once with chaos on, and the two
 * outcomes compared.
 *
 * Alerts are derived facts: a threshold is crossed the first time spending reaches it, and nothing
 * is withdrawn when spending falls back. An intermediate state (an edit applied before its create,
 * a delete not yet applied) therefore *could* cross a threshold the final state does not. The
 * generator picks each budget's limit so that no threshold lies between the final spending of a
 * period and the most any intermediate state can reach (every transaction at its largest version):
 * then the set of alerts is fixed by the final state, in any delivery order, and the comparison is
 * fair. Goals only ever grow in this scenario, for the same reason.
 *
 * Amounts in another currency are converted by the ledger at the ECB reference rate; the generator
 * estimates them from the same public snapshot (shared/rates/data) with a safety margin, and the
 * expectations are computed from what the API answered, exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alertMails, derivedFacts, getGoal, mailFact, monthOf, notificationLog, spentByPeriod } from './alerts';
import { api } from './api-client';
import {
  type AccountView,
  createAccount,
  expectOk,
  getAccount,
  inPool,
  type LedgerUser,
  type TransactionView,
} from './ledger';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a tiny, well-distributed 32-bit PRNG; the same seed gives the same scenario. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number) => next() < p;
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  };
  return { next, int, pick, chance, shuffle };
}

// ---------------------------------------------------------------------------------------------
// The scenario, as data

const HOME = 'EUR';
const THRESHOLDS = [50, 80, 100];
const GOAL_MILESTONES = [25, 50, 75, 100];

const ACCOUNTS = [
  { key: 'eur', name: 'Everyday', kind: 'checking', currency: 'EUR' },
  { key: 'cash', name: 'Wallet', kind: 'cash', currency: 'EUR' },
  { key: 'usd', name: 'Dollar card', kind: 'credit_card', currency: 'USD' },
  { key: 'gbp', name: 'Sterling', kind: 'checking', currency: 'GBP' },
  { key: 'jpy', name: 'Yen cash', kind: 'cash', currency: 'JPY' },
  { key: 'savings', name: 'Savings', kind: 'savings', currency: 'EUR' },
] as const;
type AccountKey = (typeof ACCOUNTS)[number]['key'];
const EXPONENT: Record<string, number> = { EUR: 2, USD: 2, GBP: 2, JPY: 0 };

/** A custom subcategory of the default `food`: budgets on food cover it through its parent. */
const CUSTOM_CATEGORY = { key: 'coffee', name: 'Coffee', kind: 'expense', parentId: 'food' } as const;
/** Parents of the expense categories the scenario uses (the defaults of shared/categories/defaults.ts). */
const PARENT: Record<string, string | null> = {
  groceries: 'food',
  restaurants: 'food',
  coffee: 'food',
  entertainment: null,
  shopping: null,
  transport: null,
  health: null,
};
const EXPENSE_CATEGORIES = ['groceries', 'restaurants', 'coffee', 'entertainment', 'shopping', 'transport', 'health'];
const INCOME_CATEGORIES = ['salary', 'refunds', 'gifts-received'];

type BudgetSpec = { key: string; name: string; categoryIds: string[] | null; limit: number };
const BUDGETS: Omit<BudgetSpec, 'limit'>[] = [
  { key: 'all', name: 'Everything', categoryIds: null },
  { key: 'food', name: 'Food', categoryIds: ['food'] },
  { key: 'fun', name: 'Fun and things', categoryIds: ['entertainment', 'shopping'] },
];

type GoalSpec =
  | { key: 'trip'; name: string; funding: 'contributions'; target: number }
  | { key: 'rainy'; name: string; funding: 'savings'; target: number };

/** One version of a transaction, in scenario terms (category keys, account keys). */
type TxnVersion = {
  kind: 'expense' | 'income';
  account: AccountKey;
  money: { amount: number; currency: string };
  categoryId: string | null;
  date: string;
  tags: string[];
};

type Operation =
  | { op: 'transaction'; chain: number; versions: TxnVersion[]; deleted: boolean; goalTagged: boolean }
  | { op: 'transfer'; from: AccountKey; to: AccountKey; money: { amount: number; currency: string }; date: string }
  | { op: 'contribution'; money: { amount: number; currency: string }; date: string };

export type Scenario = {
  seed: number;
  months: { id: string; start: string; end: string }[];
  accounts: typeof ACCOUNTS;
  budgets: BudgetSpec[];
  goals: GoalSpec[];
  /** Phase two, in the order they are started (a pool keeps `concurrency` of them in flight). */
  operations: Operation[];
  /** HTTP requests the scenario makes: setup plus every create, edit, delete, transfer, contribution. */
  requestCount: number;
};

// ---------------------------------------------------------------------------------------------
// Reference rates, for estimates only

type RateTable = { dates: string[]; rows: Map<string, Record<string, number>> };
let rateTable: RateTable | undefined;

function rates(): RateTable {
  if (rateTable) return rateTable;
  const csv = readFileSync(join(process.cwd(), 'shared/rates/data/eurofxref-hist.csv'), 'utf8').trim().split('\n');
  const header = (csv[0] ?? '').split(',');
  const rows = new Map<string, Record<string, number>>();
  for (const line of csv.slice(1)) {
    const cells = line.split(',');
    const row: Record<string, number> = {};
    header.forEach((currency, i) => {
      const value = Number(cells[i]);
      if (i > 0 && Number.isFinite(value)) row[currency] = value;
    });
    rows.set(cells[0] as string, row);
  }
  rateTable = { dates: [...rows.keys()].sort(), rows };
  return rateTable;
}

/** Units of `currency` per euro on the latest day on or before `date` (the ledger falls back the same way). */
function eurRate(currency: string, date: string): number {
  if (currency === 'EUR') return 1;
  const { dates, rows } = rates();
  for (let i = dates.length - 1; i >= 0; i--) {
    const day = dates[i] as string;
    const rate = rows.get(day)?.[currency];
    if (day <= date && rate) return rate;
  }
  throw new Error(`No ${currency} rate on or before ${date}`);
}

/** An estimate of `money` in euro cents and how wrong it may be (0 for euros). */
function estimateEur(money: { amount: number; currency: string }, date: string): { value: number; error: number } {
  if (money.currency === 'EUR') return { value: money.amount, error: 0 };
  const major = money.amount / 10 ** (EXPONENT[money.currency] ?? 2);
  const value = Math.round((major / eurRate(money.currency, date)) * 100);
  // Rounding, and a reference day other than the one estimated: generous on purpose.
  return { value, error: Math.ceil(value * 0.03) + 2 };
}

// ---------------------------------------------------------------------------------------------
// What counts, computed here independently of the server (docs/budgets.md)

/**
 * The budget's categories cover `categoryId` directly or through its parent. All spending covers
 * whatever sits in an expense category (a refund there counts negative) and uncategorized expenses.
 */
function covers(categoryIds: string[] | null, version: Pick<TxnVersion, 'kind' | 'categoryId'>): boolean {
  if (categoryIds === null) {
    return version.categoryId === null ? version.kind === 'expense' : EXPENSE_CATEGORIES.includes(version.categoryId);
  }
  if (!version.categoryId) return false;
  const parent = PARENT[version.categoryId] ?? null;
  return categoryIds.includes(version.categoryId) || (parent !== null && categoryIds.includes(parent));
}

const monthId = (date: string) => date.slice(0, 7);

// ---------------------------------------------------------------------------------------------
// Generation

/** The `count` months up to and including today's, oldest first. */
function monthsBefore(today: string, count: number) {
  return Array.from({ length: count }, (_, i) => monthOf(today, i - (count - 1)));
}

export function generateScenario(seed: number, today: string, chains = 300): Scenario {
  const rng = seededRandom(seed);
  const months = monthsBefore(today, 3);
  // Dates never after today: a transaction in the future is fine, but the history query ends today.
  const dateIn = (month: (typeof months)[number]) => {
    const lastDay = month.end < today ? Number(month.end.slice(8)) : Number(today.slice(8));
    return `${month.id}-${String(rng.int(1, Math.min(lastDay, 28))).padStart(2, '0')}`;
  };
  const accountWeights: AccountKey[] = ['eur', 'eur', 'eur', 'eur', 'cash', 'cash', 'usd', 'usd', 'gbp', 'jpy'];
  const currencyOf = (key: AccountKey) => ACCOUNTS.find((account) => account.key === key)?.currency ?? 'EUR';
  const amountIn = (currency: string, euros: number) => {
    if (currency === 'JPY') return Math.max(1, Math.round(euros * 1.6));
    return euros;
  };
  const newVersion = (kind: 'expense' | 'income'): TxnVersion => {
    const account = rng.pick(accountWeights);
    const currency = currencyOf(account);
    return {
      kind,
      account,
      money: { amount: amountIn(currency, kind === 'expense' ? rng.int(150, 6000) : rng.int(2000, 30000)), currency },
      categoryId: kind === 'expense' ? rng.pick([...EXPENSE_CATEGORIES, null]) : rng.pick([...INCOME_CATEGORIES, null]),
      date: dateIn(rng.pick(months)),
      tags: rng.chance(0.2) ? [rng.pick(['weekend', 'work', 'family'])] : [],
    };
  };
  const edited = (previous: TxnVersion): TxnVersion => {
    const next = { ...previous, money: { ...previous.money } };
    // Each edit changes one to three of: amount, category, date (possibly into another month).
    const what = rng.shuffle(['amount', 'category', 'date']).slice(0, rng.int(1, 3));
    if (what.includes('amount'))
      next.money.amount = Math.max(1, Math.round(previous.money.amount * (0.3 + rng.next() * 1.5)));
    if (what.includes('category')) {
      next.categoryId =
        previous.kind === 'expense' ? rng.pick([...EXPENSE_CATEGORIES, null]) : rng.pick([...INCOME_CATEGORIES, null]);
    }
    if (what.includes('date')) next.date = dateIn(rng.pick(months));
    return next;
  };

  const operations: Operation[] = [];
  for (let chain = 0; chain < chains; chain++) {
    const kind = rng.chance(0.85) ? 'expense' : 'income';
    const versions = [newVersion(kind)];
    const edits = rng.chance(0.45) ? rng.int(1, 2) : 0;
    for (let i = 0; i < edits; i++) versions.push(edited(versions[versions.length - 1] as TxnVersion));
    operations.push({ op: 'transaction', chain, versions, deleted: rng.chance(0.15), goalTagged: false });
  }
  // Large, fixed spending this month in food and in entertainment ("anchors", never edited): it
  // puts the month's final total well clear of what the edited and deleted noise can add, so a
  // limit exists whose thresholds the noise cannot decide (see chooseLimit).
  const thisMonth = months[months.length - 1] as (typeof months)[number];
  const anchors = [...Array(8).fill('groceries'), ...Array(5).fill('entertainment')] as string[];
  anchors.forEach((categoryId, i) => {
    operations.push({
      op: 'transaction',
      chain: chains + 100 + i,
      versions: [
        {
          kind: 'expense',
          account: 'eur',
          money: { amount: rng.int(45_000, 55_000), currency: 'EUR' },
          categoryId,
          date: dateIn(thisMonth),
          tags: [],
        },
      ],
      deleted: false,
      goalTagged: false,
    });
  });
  // Incomes tagged for the trip goal: never edited or deleted, so the goal only grows.
  for (let i = 0; i < 10; i++) {
    operations.push({
      op: 'transaction',
      chain: chains + i,
      versions: [
        {
          kind: 'income',
          account: 'eur',
          money: { amount: rng.int(2000, 8000), currency: 'EUR' },
          categoryId: 'gifts-received',
          date: dateIn(rng.pick(months)),
          tags: ['trip'],
        },
      ],
      deleted: false,
      goalTagged: true,
    });
  }
  for (let i = 0; i < 15; i++) {
    const currency = i % 5 === 0 ? 'USD' : 'EUR';
    operations.push({
      op: 'contribution',
      money: { amount: rng.int(1000, 6000), currency },
      date: dateIn(rng.pick(months)),
    });
  }
  // Money only ever arrives in savings (the account-funded goal grows); dollars move both ways.
  for (let i = 0; i < 30; i++) {
    const date = dateIn(rng.pick(months));
    if (i % 3 === 2) {
      const [from, to] = rng.chance(0.5) ? (['eur', 'usd'] as const) : (['usd', 'eur'] as const);
      operations.push({
        op: 'transfer',
        from,
        to,
        money: { amount: rng.int(1000, 20000), currency: currencyOf(from) },
        date,
      });
    } else {
      operations.push({
        op: 'transfer',
        from: rng.pick(['eur', 'cash'] as const),
        to: 'savings',
        money: { amount: rng.int(1000, 9000), currency: 'EUR' },
        date,
      });
    }
  }
  rng.shuffle(operations);

  const budgets = BUDGETS.map((budget) => ({ ...budget, limit: chooseLimit(budget.categoryIds, operations, months) }));
  const goals: GoalSpec[] = [
    { key: 'trip', name: 'Trip to Lisbon', funding: 'contributions', target: tripTarget(operations) },
    { key: 'rainy', name: 'Rainy day', funding: 'savings', target: rainyTarget(operations) },
  ];

  const transactionRequests = operations.reduce(
    (sum, op) => sum + (op.op === 'transaction' ? op.versions.length + (op.deleted ? 1 : 0) : 1),
    0,
  );
  const setupRequests = ACCOUNTS.length + 1 + budgets.length + goals.length;
  return {
    seed,
    months,
    accounts: ACCOUNTS,
    budgets,
    goals,
    operations,
    requestCount: setupRequests + transactionRequests,
  };
}

/**
 * A limit for which every threshold of every month is either surely crossed by the final spending
 * or out of reach of any intermediate state, crossing between one and three thresholds in all (the
 * user's hourly email cap is 20). 0 crossings if no such limit exists (then the budget just counts).
 */
function chooseLimit(categoryIds: string[] | null, operations: Operation[], months: { id: string }[]): number {
  const final = new Map<string, number>();
  const upper = new Map<string, number>();
  const error = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
  for (const op of operations) {
    if (op.op !== 'transaction') continue;
    const most = new Map<string, number>();
    op.versions.forEach((version, i) => {
      if (!covers(categoryIds, version)) return;
      const estimate = estimateEur(version.money, version.date);
      const month = monthId(version.date);
      most.set(month, Math.max(most.get(month) ?? 0, estimate.value + estimate.error));
      add(error, month, estimate.error);
      if (i === op.versions.length - 1 && !op.deleted) add(final, month, estimate.value);
    });
    for (const [month, value] of most) add(upper, month, value);
  }
  const crossings = (limit: number) => {
    let count = 0;
    for (const { id } of months) {
      for (const t of THRESHOLDS) {
        const at = (limit * t) / 100;
        const low = (final.get(id) ?? 0) - (error.get(id) ?? 0);
        const high = (upper.get(id) ?? 0) + (error.get(id) ?? 0);
        if (low >= at + 1) count += 1;
        else if (!(high < at - 1)) return undefined;
      }
    }
    return count;
  };
  const largest = Math.max(1, ...months.map(({ id }) => upper.get(id) ?? 0));
  for (let factor = 0.6; factor <= 4; factor += 0.01) {
    const limit = Math.round(largest * factor);
    const count = crossings(limit);
    if (count !== undefined && count >= 1 && count <= 3) return limit;
  }
  return largest * 10;
}

/** The trip goal is reached with room to spare: every contribution and tagged income counts. */
function tripTarget(operations: Operation[]): number {
  let low = 0;
  for (const op of operations) {
    if (op.op === 'contribution') low += estimateEur(op.money, op.date).value - estimateEur(op.money, op.date).error;
    if (op.op === 'transaction' && op.goalTagged) low += op.versions[0]?.money.amount ?? 0;
  }
  return Math.max(1, Math.floor(low * 0.8));
}

/** The savings goal ends at 60 %: 25 and 50 reached, 75 and 100 not. Transfers in euros only: exact. */
function rainyTarget(operations: Operation[]): number {
  const arrived = operations.reduce(
    (sum, op) => sum + (op.op === 'transfer' && op.to === 'savings' ? op.money.amount : 0),
    0,
  );
  return Math.round(arrived / 0.6);
}

// ---------------------------------------------------------------------------------------------
// Running it

type Ids = {
  accounts: Record<string, AccountView>;
  budgets: Record<string, string>;
  goals: Record<string, string>;
  categories: Record<string, string>;
};

type RunRecord = {
  ids: Ids;
  /** Each transaction chain's final state as the API answered it; null once deleted. */
  finals: Map<number, TransactionView | null>;
  transfers: { from: TransactionView; to: TransactionView }[];
  contributions: { money: { amount: number; currency: string } }[];
  requests: number;
};

/** Phase one: accounts, the custom category, budgets and goals. Settle after it, before phase two. */
export async function setUp(user: LedgerUser, scenario: Scenario): Promise<Ids> {
  const accounts: Record<string, AccountView> = {};
  for (const spec of scenario.accounts) {
    accounts[spec.key] = await createAccount(user, { name: spec.name, kind: spec.kind, currency: spec.currency });
  }
  const category = expectOk(
    await api.post(
      '/v1/categories',
      { name: CUSTOM_CATEGORY.name, kind: CUSTOM_CATEGORY.kind, parentId: CUSTOM_CATEGORY.parentId },
      { token: user.token },
    ),
    201,
    'custom category',
  ).json as { id: string };
  const budgets: Record<string, string> = {};
  for (const spec of scenario.budgets) {
    const result = await api.post(
      '/v1/budgets',
      {
        name: spec.name,
        categoryIds: spec.categoryIds,
        limit: { amount: spec.limit, currency: HOME },
        thresholds: THRESHOLDS,
        startDate: scenario.months[0]?.start,
      },
      { token: user.token },
    );
    budgets[spec.key] = expectOk(result, 201, `budget ${spec.name}`).json.id;
  }
  const goals: Record<string, string> = {};
  for (const spec of scenario.goals) {
    const funding =
      spec.funding === 'contributions'
        ? { kind: 'contributions' }
        : { kind: 'account', accountId: accounts.savings?.id as string };
    const result = await api.post(
      '/v1/goals',
      { name: spec.name, target: { amount: spec.target, currency: HOME }, funding },
      { token: user.token },
    );
    goals[spec.key] = expectOk(result, 201, `goal ${spec.name}`).json.id;
  }
  return { accounts, budgets, goals, categories: { [CUSTOM_CATEGORY.key]: category.id } };
}

/** Phase two: every operation, `concurrency` at a time; a transaction's own steps stay in order. */
export async function runOperations(
  user: LedgerUser,
  scenario: Scenario,
  ids: Ids,
  concurrency: number,
): Promise<RunRecord> {
  const record: RunRecord = { ids, finals: new Map(), transfers: [], contributions: [], requests: 0 };
  const category = (id: string | null) => (id === null ? null : (ids.categories[id] ?? id));
  const accountId = (key: AccountKey) => ids.accounts[key]?.id as string;
  const tags = (version: TxnVersion) =>
    version.tags.map((tag) => (tag === 'trip' ? `goal:${(ids.goals.trip as string).toLowerCase()}` : tag));
  const send = async (method: string, path: string, body: unknown, status: number, what: string) => {
    record.requests += 1;
    const options = { token: user.token };
    const result =
      method === 'POST'
        ? await api.post(path, body, options)
        : method === 'PATCH'
          ? await api.patch(path, body, options)
          : await api.delete(path, options);
    return expectOk(result, status, what);
  };

  const tasks = scenario.operations.map((op) => async () => {
    switch (op.op) {
      case 'transaction': {
        const [first, ...edits] = op.versions as [TxnVersion, ...TxnVersion[]];
        let view = (
          await send(
            'POST',
            '/v1/transactions',
            {
              kind: first.kind,
              accountId: accountId(first.account),
              money: first.money,
              categoryId: category(first.categoryId),
              date: first.date,
              tags: tags(first),
            },
            201,
            `create #${op.chain}`,
          )
        ).json as TransactionView;
        let previous = first;
        for (const next of edits) {
          const patch: Record<string, unknown> = {};
          if (next.money.amount !== previous.money.amount) patch.money = next.money;
          if (next.categoryId !== previous.categoryId) patch.categoryId = category(next.categoryId);
          if (next.date !== previous.date) patch.date = next.date;
          // An edit that happens to change nothing still makes a new version: note it.
          if (Object.keys(patch).length === 0) patch.note = `edit of #${op.chain}`;
          view = (await send('PATCH', `/v1/transactions/${view.id}`, patch, 200, `edit #${op.chain}`))
            .json as TransactionView;
          previous = next;
        }
        if (op.deleted) await send('DELETE', `/v1/transactions/${view.id}`, undefined, 204, `delete #${op.chain}`);
        record.finals.set(op.chain, op.deleted ? null : view);
        return;
      }
      case 'transfer': {
        const body = {
          fromAccountId: accountId(op.from),
          toAccountId: accountId(op.to),
          money: op.money,
          date: op.date,
        };
        record.transfers.push((await send('POST', '/v1/transfers', body, 201, 'transfer')).json);
        return;
      }
      case 'contribution': {
        const body = { money: op.money, date: op.date };
        const path = `/v1/goals/${ids.goals.trip}/contributions`;
        record.contributions.push((await send('POST', path, body, 201, 'contribution')).json);
        return;
      }
    }
  });
  await inPool(concurrency, tasks);
  return record;
}

// ---------------------------------------------------------------------------------------------
// What the outcome must be, from what the API answered

type Outcome = {
  balances: Record<string, number>;
  /** budget key → month → spent. */
  spent: Record<string, Record<string, number>>;
  saved: Record<string, number>;
  /** `budgetKey#month#threshold`, sorted. */
  alerts: string[];
  /** `goalKey#percent`, sorted. */
  milestones: string[];
};

export function expectedOutcome(scenario: Scenario, record: RunRecord): Outcome {
  const balances: Record<string, number> = Object.fromEntries(scenario.accounts.map((a) => [a.key, 0]));
  const keyOfAccount = new Map(Object.entries(record.ids.accounts).map(([key, view]) => [view.id, key]));
  const keyOfCategory = new Map(Object.entries(record.ids.categories).map(([key, id]) => [id, key]));
  const finals = [...record.finals.values()].filter((view): view is TransactionView => view !== null);
  for (const view of [...finals, ...record.transfers.flatMap((t) => [t.from, t.to])]) {
    const key = keyOfAccount.get(view.accountId) as string;
    balances[key] = (balances[key] ?? 0) + view.accountAmount.amount;
  }
  const spent: Outcome['spent'] = {};
  const alerts: string[] = [];
  for (const budget of scenario.budgets) {
    const byMonth: Record<string, number> = Object.fromEntries(scenario.months.map((m) => [m.id, 0]));
    for (const view of finals) {
      if (view.kind === 'transfer') continue;
      const categoryId = view.categoryId === null ? null : (keyOfCategory.get(view.categoryId) ?? view.categoryId);
      if (!covers(budget.categoryIds, { kind: view.kind, categoryId })) continue;
      byMonth[monthId(view.date)] = (byMonth[monthId(view.date)] ?? 0) - view.homeAmount.amount;
    }
    spent[budget.key] = byMonth;
    for (const [month, amount] of Object.entries(byMonth)) {
      for (const t of THRESHOLDS)
        if (amount > 0 && amount * 100 >= budget.limit * t) alerts.push(`${budget.key}#${month}#${t}`);
    }
  }
  const tagged = finals.filter((view) => view.tags.some((tag) => tag.startsWith('goal:')));
  const saved = {
    trip:
      record.contributions.reduce((sum, c) => sum + c.money.amount, 0) +
      tagged.reduce((sum, view) => sum + view.homeAmount.amount, 0),
    rainy: balances.savings ?? 0,
  };
  const milestones: string[] = [];
  for (const goal of scenario.goals) {
    for (const pct of GOAL_MILESTONES) {
      if (saved[goal.key] * 100 >= goal.target * pct) milestones.push(`${goal.key}#${pct}`);
    }
  }
  return { balances, spent, saved, alerts: alerts.sort(), milestones: milestones.sort() };
}

// ---------------------------------------------------------------------------------------------
// What the system shows afterwards, in scenario terms (keys, not ids), so two runs compare

/** The outcome as the API and the table show it once settled, plus the mails and the notification log. */
export async function observedOutcome(user: LedgerUser, scenario: Scenario, ids: Ids) {
  const first = scenario.months[0] as { start: string };
  const last = scenario.months[scenario.months.length - 1] as { end: string };
  const balances: Record<string, number> = {};
  for (const spec of scenario.accounts) {
    balances[spec.key] = (await getAccount(user, ids.accounts[spec.key]?.id as string)).balance.amount;
  }
  const spent: Outcome['spent'] = {};
  for (const spec of scenario.budgets) {
    const byPeriod = await spentByPeriod(user, ids.budgets[spec.key] as string, first.start, last.end);
    spent[spec.key] = byPeriod;
  }
  const saved: Record<string, number> = {};
  for (const spec of scenario.goals)
    saved[spec.key] = (await getGoal(user, ids.goals[spec.key] as string)).saved.amount;
  const keyOf = new Map([
    ...Object.entries(ids.budgets).map(([key, id]) => [id, key] as const),
    ...Object.entries(ids.goals).map(([key, id]) => [id, key] as const),
  ]);
  const named = (fact: string) => {
    const [id, ...rest] = fact.split('#');
    return [keyOf.get(id as string) ?? `unknown:${id}`, ...rest].join('#');
  };
  const facts = await derivedFacts(user.userId);
  const mails = (await alertMails(user.email)).map(mailFact).sort();
  const log = (await notificationLog(user))
    .filter((entry) => entry.kind !== 'welcome')
    .map((entry) => `${entry.kind}:${entry.status}`)
    .sort();
  return {
    outcome: {
      balances,
      spent,
      saved,
      alerts: facts.alerts.map(named).sort(),
      milestones: facts.milestones.map(named).sort(),
    } satisfies Outcome,
    mails,
    log,
  };
}
