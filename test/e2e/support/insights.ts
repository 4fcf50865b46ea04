/**
 * Insight figures two ways, in one shape so they compare whole: as the insight routes report them,
 * and as computed here, independently, from what the ledger's own listings say (every transaction,
 * category and account through the API). Groups are keyed by name, so two users' runs compare too.
 */
import { api } from './api-client';
import {
  createTransaction,
  expectOk,
  type LedgerUser,
  listAll,
  listTransactions,
  queryString,
  type TransactionView,
} from './ledger';

type Figures = {
  cashFlow: Record<string, { income: number; expense: number; transfers: number }>;
  spending: Record<'category' | 'payee' | 'tag' | 'account', Record<string, number>>;
  /** Month-end (or today) → account name → balance in the account's currency. */
  balances: Record<string, Record<string, number>>;
};

type Category = { id: string; name: string; kind: 'expense' | 'income'; parentId: string | null };
type Account = { id: string; name: string; balance: { amount: number } };

const NONE = '(none)';
const normalizePayee = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; ) {
    months.push(m);
    const [y, mm] = m.split('-').map(Number) as [number, number];
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  return months;
}

function monthEnd(month: string, today: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  return last < today ? last : today;
}

const add = (target: Record<string, number>, key: string, amount: number) => {
  target[key] = (target[key] ?? 0) + amount;
};

/** The figures the routes report for the months `from`..`to` (the last being the current one). */
export async function reportedInsights(user: LedgerUser, from: string, to: string): Promise<Figures> {
  const get = async (path: string) =>
    expectOk(await api.get(path, { token: user.token }), 200, `GET ${path}`).json as Record<string, never>;
  const count = monthsOf(from, to).length;
  const flow = (await get(`/v1/insights/cash-flow?months=${count}`)) as unknown as {
    months: { month: string; income: { amount: number }; expense: { amount: number }; transfers: { amount: number } }[];
  };
  const cashFlow: Figures['cashFlow'] = {};
  for (const m of flow.months) {
    cashFlow[m.month] = { income: m.income.amount, expense: m.expense.amount, transfers: m.transfers.amount };
  }
  const spending = {} as Figures['spending'];
  for (const groupBy of ['category', 'payee', 'tag', 'account'] as const) {
    type Group = { key: string | null; name: string | null; amount: { amount: number }; children?: Group[] };
    const report = (await get(`/v1/insights/spending${queryString({ from, to, groupBy })}`)) as unknown as {
      groups: Group[];
    };
    const byName: Record<string, number> = {};
    for (const group of report.groups) {
      const label = groupBy === 'payee' ? (group.key ?? NONE) : (group.name ?? NONE);
      if (group.amount.amount !== 0) byName[label] = group.amount.amount;
      for (const child of group.children ?? []) byName[`${label} / ${child.name}`] = child.amount.amount;
    }
    spending[groupBy] = byName;
  }
  const worth = (await get(`/v1/insights/net-worth${queryString({ from, to, interval: 'month' })}`)) as unknown as {
    points: { date: string; accounts: { name: string; balance: { amount: number } }[] }[];
  };
  const balances: Figures['balances'] = {};
  for (const point of worth.points) {
    balances[point.date] = Object.fromEntries(point.accounts.map((a) => [a.name, a.balance.amount]));
  }
  return { cashFlow, spending, balances };
}

/** The same figures, computed from the ledger's listings. */
export async function computedInsights(user: LedgerUser, from: string, to: string, today: string): Promise<Figures> {
  const transactions = await listTransactions(user);
  const categories = new Map(
    (await listAll<Category>(user, '/v1/categories', { limit: 200 })).items.map((c) => [c.id, c]),
  );
  const accounts = (await listAll<Account>(user, '/v1/accounts', { limit: 200, includeArchived: 'true' })).items;
  const accountName = new Map(accounts.map((a) => [a.id, a.name]));
  const months = monthsOf(from, to);
  const cashFlow: Figures['cashFlow'] = Object.fromEntries(
    months.map((m) => [m, { income: 0, expense: 0, transfers: 0 }]),
  );
  const spending: Figures['spending'] = { category: {}, payee: {}, tag: {}, account: {} };
  const inRange = (t: TransactionView) => t.date.slice(0, 7) >= from && t.date.slice(0, 7) <= to;
  for (const t of transactions.filter(inRange)) {
    const home = t.homeAmount.amount;
    const flow = cashFlow[t.date.slice(0, 7)] as Figures['cashFlow'][string];
    if (t.kind === 'income') flow.income += home;
    if (t.kind === 'expense') flow.expense -= home;
    if (t.kind === 'transfer' && home < 0) flow.transfers -= home;
    const category = t.categoryId ? categories.get(t.categoryId) : undefined;
    const spendingKind = t.kind !== 'transfer' && (category ? category.kind === 'expense' : t.kind === 'expense');
    if (!spendingKind) continue;
    const spent = -home;
    if (category) {
      const parent = category.parentId ? categories.get(category.parentId) : undefined;
      add(spending.category, parent ? parent.name : category.name, spent);
      if (parent) add(spending.category, `${parent.name} / ${category.name}`, spent);
    } else {
      add(spending.category, 'Uncategorized', spent);
    }
    add(spending.payee, t.payee === null ? NONE : normalizePayee(t.payee), spent);
    for (const tag of new Set(t.tags)) add(spending.tag, tag, spent);
    add(spending.account, accountName.get(t.accountId) ?? NONE, spent);
  }
  for (const groups of Object.values(spending)) {
    for (const [key, amount] of Object.entries(groups)) if (amount === 0 && !key.includes(' / ')) delete groups[key];
  }
  const balances: Figures['balances'] = {};
  for (const month of months) {
    const date = monthEnd(month, today);
    balances[date] = Object.fromEntries(
      accounts.map((a) => [
        a.name,
        transactions
          .filter((t) => t.accountId === a.id && t.date > date)
          .reduce((balance, t) => balance - t.accountAmount.amount, a.balance.amount),
      ]),
    );
  }
  return { cashFlow, spending, balances };
}

/**
 * One day's foreign-currency activity, as tasks for `inPool`: a USD hotel expense in the USD
 * account, a JPY restaurant bill paid from the EUR account, and a EUR transfer to the USD account.
 * `n` varies the amounts from one day to the next.
 */
export function foreignCurrencyDay(
  user: LedgerUser,
  accounts: { eur: { id: string }; usd: { id: string } },
  date: string,
  n: number,
): (() => Promise<unknown>)[] {
  const { eur, usd } = accounts;
  return [
    () =>
      createTransaction(user, {
        accountId: usd.id,
        money: { amount: 12_345 + n, currency: 'USD' },
        date,
        categoryId: 'travel',
        payee: 'Hotel',
        tags: ['trip'],
      }),
    () =>
      createTransaction(user, {
        accountId: eur.id,
        money: { amount: 5_400 + n, currency: 'JPY' },
        date,
        categoryId: 'restaurants',
        payee: 'Sushi Bar',
      }),
    async () =>
      expectOk(
        await api.post(
          '/v1/transfers',
          { fromAccountId: eur.id, toAccountId: usd.id, money: { amount: 20_000, currency: 'EUR' }, date },
          { token: user.token },
        ),
        201,
        'transfer',
      ),
  ];
}
