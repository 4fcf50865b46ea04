/**
 * Random ledger histories for the balance property: creates, updates (amount, currency, account,
 * date, category, kind, note), deletes and transfers over three accounts in EUR, USD and JPY.
 * Operations name accounts, categories and transactions by slot; `toRequest` turns one into the
 * HTTP body the API would receive, given what exists at that point of the history.
 */
import fc from 'fast-check';

export const ACCOUNTS = [
  { accountId: 'acc-eur', currency: 'EUR' },
  { accountId: 'acc-usd', currency: 'USD' },
  { accountId: 'acc-jpy', currency: 'JPY' },
] as const;
export const CATEGORIES = [
  { categoryId: 'groceries', kind: 'expense' },
  { categoryId: 'dining', kind: 'expense' },
  { categoryId: 'salary', kind: 'income' },
] as const;
/** 2026-01-03 is a Saturday: it exercises the fallback to Friday's rates. */
const DATES = ['2026-01-02', '2026-01-03', '2026-01-05', '2026-01-06', '2026-01-07'] as const;
export const HOME_CURRENCY = 'EUR';
const CURRENCIES = ['EUR', 'USD', 'JPY'] as const;

const slot = fc.nat({ max: 99 });
const money = fc.record({ amount: fc.integer({ min: 1, max: 50_000_000 }), currency: fc.constantFrom(...CURRENCIES) });
const kind = fc.constantFrom('expense' as const, 'income' as const);
/**
 * null: no category; a number: a slot among all categories, whatever the transaction's kind (an
 * income in an expense category is a refund, an expense in an income category a reversal).
 */
const categorySlot = fc.option(slot, { nil: null });

export const opArbitrary = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      kind,
      account: slot,
      money,
      date: slot,
      category: categorySlot,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        op: fc.constant('update' as const),
        target: slot,
        kind,
        account: slot,
        money,
        date: slot,
        category: categorySlot,
        note: fc.string({ maxLength: 20 }),
      },
      // Any subset of the fields changes; the target and the op are always there.
      { requiredKeys: ['op', 'target'] },
    ),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), target: slot }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('transfer' as const),
      from: slot,
      to: slot,
      amount: fc.integer({ min: 1, max: 50_000_000 }),
    }),
  },
);
type LedgerOp = typeof opArbitrary extends fc.Arbitrary<infer T> ? T : never;

export type LedgerRequest =
  | { op: 'create'; body: Record<string, unknown> }
  | { op: 'update'; id: string; body: Record<string, unknown> }
  | { op: 'delete'; id: string }
  | { op: 'transfer'; body: Record<string, unknown> }
  | { op: 'skip' };

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

function categoryFor(index: number | null): string | null {
  return index === null ? null : pick(CATEGORIES, index).categoryId;
}

/** The request an operation makes, given the ids (and kinds) of the transactions that exist now. */
export function toRequest(op: LedgerOp, existing: { id: string; kind: string }[]): LedgerRequest {
  switch (op.op) {
    case 'create':
      return {
        op: 'create',
        body: {
          kind: op.kind,
          accountId: pick(ACCOUNTS, op.account).accountId,
          money: op.money,
          date: pick(DATES, op.date),
          categoryId: categoryFor(op.category),
        },
      };
    case 'update': {
      if (existing.length === 0) return { op: 'skip' };
      const target = pick(existing, op.target);
      const body: Record<string, unknown> = {};
      if (op.kind !== undefined) body.kind = op.kind;
      if (op.account !== undefined) body.accountId = pick(ACCOUNTS, op.account).accountId;
      if (op.money !== undefined) body.money = op.money;
      if (op.date !== undefined) body.date = pick(DATES, op.date);
      if (op.note !== undefined) body.note = op.note;
      // A kind change keeps the category: an expense turned income in an expense category is a refund.
      if (op.category !== undefined && target.kind !== 'transfer') body.categoryId = categoryFor(op.category);
      if (Object.keys(body).length === 0) body.note = 'touched';
      return { op: 'update', id: target.id, body };
    }
    case 'delete':
      if (existing.length === 0) return { op: 'skip' };
      return { op: 'delete', id: pick(existing, op.target).id };
    case 'transfer': {
      const from = pick(ACCOUNTS, op.from);
      const to = pick(
        ACCOUNTS.filter((a) => a !== from),
        op.to,
      );
      return {
        op: 'transfer',
        body: {
          fromAccountId: from.accountId,
          toAccountId: to.accountId,
          money: { amount: op.amount, currency: from.currency },
          date: DATES[2],
        },
      };
    }
  }
}

type Entry = { accountId: string; categoryId: string | null; accountAmount: number; homeAmount: number };

/** What every account and category must show, computed from the transactions alone. */
export function expectedTotals(transactions: readonly Entry[]) {
  const accounts = Object.fromEntries(ACCOUNTS.map((a) => [a.accountId, { balance: 0, transactionCount: 0 }]));
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c.categoryId, 0]));
  for (const t of transactions) {
    const account = accounts[t.accountId];
    if (!account) throw new Error(`transaction in unknown account ${t.accountId}`);
    account.balance += t.accountAmount;
    account.transactionCount += 1;
    if (t.categoryId) categories[t.categoryId] = (categories[t.categoryId] ?? 0) + 1;
  }
  return { accounts, categories };
}
