/**
 * The ledger as a user of the API drives it: a user with a known home currency and timezone,
 * accounts and transactions created with status checks, every page of a listing, and a small pool
 * that keeps N requests in flight (the suite creates a thousand transactions in seconds, not minutes).
 */
import { type ApiResult, api, describeResult } from './api-client';
import { userItemSortKeys } from './table';
import { createConfirmedUser, type TestUser } from './users';

export type LedgerUser = TestUser & { token: string };

/** A confirmed user whose home currency is EUR and whose calendar is UTC, unless told otherwise. */
export async function ledgerUser(input: { homeCurrency?: string; timezone?: string } = {}): Promise<LedgerUser> {
  const user = await createConfirmedUser({ homeCurrency: 'EUR', timezone: 'UTC', ...input });
  return { ...user, token: user.tokens.accessToken };
}

/** Throws with the server's answer unless the status is the one expected; returns the result. */
export function expectOk(result: ApiResult, status: number, what: string): ApiResult {
  if (result.status !== status) throw new Error(`${what}: expected HTTP ${status}, got ${describeResult(result)}`);
  return result;
}

export type AccountView = {
  id: string;
  name: string;
  kind: string;
  currency: string;
  balance: { amount: number; currency: string };
  transactionCount: number;
  archived: boolean;
  version: number;
};

type Conversion = { rate: string; source: 'ECB' | 'user'; rateDate: string; fallback: boolean };

export type TransactionView = {
  id: string;
  kind: 'expense' | 'income' | 'transfer';
  accountId: string;
  date: string;
  money: { amount: number; currency: string };
  accountAmount: { amount: number; currency: string };
  homeAmount: { amount: number; currency: string };
  conversions: { account: Conversion | null; home: Conversion | null };
  categoryId: string | null;
  payee: string | null;
  payeeId?: string | null;
  note: string | null;
  tags: string[];
  externalId: string | null;
  transferId: string | null;
  counterpartAccountId: string | null;
  version: number;
};

export async function createAccount(
  user: LedgerUser,
  body: { name?: string; kind?: string; currency: string },
): Promise<AccountView> {
  const result = await api.post('/v1/accounts', { name: 'Account', kind: 'checking', ...body }, { token: user.token });
  return expectOk(result, 201, 'create account').json as AccountView;
}

export async function getAccount(user: LedgerUser, accountId: string): Promise<AccountView> {
  return expectOk(await api.get(`/v1/accounts/${accountId}`, { token: user.token }), 200, 'get account')
    .json as AccountView;
}

type NewTransaction = {
  kind?: 'expense' | 'income';
  accountId: string;
  money: { amount: number; currency: string };
  date?: string;
  categoryId?: string | null;
  payee?: string | null;
  note?: string | null;
  tags?: string[];
  externalId?: string;
  accountAmount?: number;
};

export async function createTransaction(user: LedgerUser, body: NewTransaction): Promise<TransactionView> {
  const result = await api.post('/v1/transactions', { kind: 'expense', ...body }, { token: user.token });
  return expectOk(result, 201, 'create transaction').json as TransactionView;
}

/** The query string of a listing (`undefined` values left out). */
export function queryString(query: Record<string, string | number | undefined>): string {
  const entries = Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return entries.length === 0
    ? ''
    : `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
}

/** Every item of a listing, page after page; also the page sizes, to check that paging really happened. */
export async function listAll<T>(
  user: LedgerUser,
  path: string,
  query: Record<string, string | number | undefined> = {},
): Promise<{ items: T[]; pages: number[] }> {
  const items: T[] = [];
  const pages: number[] = [];
  let cursor: string | undefined;
  do {
    const result = expectOk(
      await api.get(`${path}${queryString({ ...query, cursor })}`, { token: user.token }),
      200,
      `list ${path}`,
    );
    items.push(...(result.json.items as T[]));
    pages.push(result.json.items.length);
    cursor = result.json.nextCursor ?? undefined;
    // A cursor must always make progress; a loop that never ends is a bug worth a clear message.
    if (pages.length > 10_000) throw new Error(`${path} did not stop paging`);
  } while (cursor);
  return { items, pages };
}

export const listTransactions = (user: LedgerUser, query: Record<string, string | number | undefined> = {}) =>
  listAll<TransactionView>(user, '/v1/transactions', { limit: 200, ...query }).then((page) => page.items);

/** Runs `tasks` with at most `concurrency` in flight; results in task order. */
export async function inPool<T>(concurrency: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}

/**
 * The account's balance and count, and the same figures recomputed from its listed transactions:
 * the two must always agree.
 */
export async function balanceCheck(user: LedgerUser, accountId: string) {
  const [account, items] = await Promise.all([getAccount(user, accountId), listTransactions(user, { accountId })]);
  return {
    balance: account.balance.amount,
    count: account.transactionCount,
    sum: items.reduce((sum, item) => sum + item.accountAmount.amount, 0),
    listed: items.length,
  };
}

/** "Newest first": date descending, then id descending (ids are ULIDs, so later-created first). */
export function isNewestFirst(items: Pick<TransactionView, 'date' | 'id'>[]): boolean {
  return items.every((item, i) => {
    const previous = items[i - 1];
    if (!previous) return true;
    return previous.date > item.date || (previous.date === item.date && previous.id > item.id);
  });
}

/**
 * Sort keys of the user's ledger items as the table holds them (accounts, categories, payees,
 * transactions, import claims, Idempotency-Key records). Mail bookkeeping (NOTIFY…) is left out:
 * the welcome mail lands asynchronously after sign-up and would make a before/after compare flaky.
 */
export async function ledgerSortKeys(user: Pick<LedgerUser, 'userId'>): Promise<string[]> {
  const ledger = /^(PROFILE$|ACCOUNT#|CATEGORY#|PAYEE#|TXN#|EXTID#|IDEMPOTENCY#)/;
  return (await userItemSortKeys(user.userId)).filter((sk) => ledger.test(sk)).sort();
}
