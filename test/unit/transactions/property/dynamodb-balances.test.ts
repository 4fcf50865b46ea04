/**
 * The balance invariant through the real write path: random histories of creates, updates,
 * deletes and transfers sent to the route handlers, and after each history every account's stored
 * balance and transactionCount must equal what its transactions (read back by Query) add up to.
 *
 * Why a real database, not mocks: the invariant rests on DynamoDB's behaviour — ADD inside
 * TransactWriteItems, condition failures cancelling the whole transaction, version conditions,
 * transaction conflicts under contention. A mock would only replay our own assumptions about it.
 * DynamoDB Local is the AWS server itself; it runs in memory on a free port for this file only.
 */
import fc from 'fast-check';
import { type LocalLedger, ofKind, startLocalLedger } from '../support/local-ledger';
import { ACCOUNTS, CATEGORIES, expectedTotals, type LedgerRequest, opArbitrary, toRequest } from './support/ledger-ops';

jest.setTimeout(120_000);

let ledger: LocalLedger;
beforeAll(async () => {
  ledger = await startLocalLedger();
}, 90_000);
afterAll(async () => ledger?.stop());

type StoredTransaction = {
  transactionId: string;
  kind: string;
  accountId: string;
  categoryId: string | null;
  accountAmount: number;
  homeAmount: number;
};

async function stored(userId: string) {
  const items = await ledger.items(userId);
  return {
    transactions: ofKind(items, 'TXN#') as unknown as StoredTransaction[],
    accounts: ofKind(items, 'ACCOUNT#') as unknown as {
      accountId: string;
      balance: number;
      transactionCount: number;
    }[],
    categories: ofKind(items, 'CATEGORY#') as unknown as { categoryId: string; transactionCount: number }[],
  };
}

async function send(userId: string, request: LedgerRequest) {
  switch (request.op) {
    case 'create':
      return ledger.create(userId, request.body);
    case 'update':
      return ledger.update(userId, request.id, request.body);
    case 'delete':
      return ledger.remove(userId, request.id);
    case 'transfer':
      return ledger.transfer(userId, request.body);
    case 'skip':
      return undefined;
  }
}

let sequence = 0;

test('after any history, balances and counts equal the sums of the stored transactions', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(opArbitrary, { minLength: 10, maxLength: 15 }), async (ops) => {
      const userId = `prop-${++sequence}`;
      await ledger.seedUser(userId, { accounts: ACCOUNTS.map((a) => ({ ...a })) });
      for (const op of ops) {
        const existing = (await stored(userId)).transactions.map((t) => ({ id: t.transactionId, kind: t.kind }));
        const response = await send(
          userId,
          toRequest(
            op,
            existing.sort((a, b) => (a.id < b.id ? -1 : 1)),
          ),
        );
        // The generator makes valid requests; the only refusal it can provoke is changing a transfer leg.
        if (response && response.status >= 300) {
          expect({ status: response.status, type: response.body?.type }).toEqual({
            status: 409,
            type: 'urn:moneta:problem:transfer-leg',
          });
        }
      }
      const { transactions, accounts, categories } = await stored(userId);
      const expected = expectedTotals(transactions);
      expect(accounts).toHaveLength(ACCOUNTS.length);
      for (const account of accounts) {
        expect({ balance: account.balance, transactionCount: account.transactionCount }).toEqual(
          expected.accounts[account.accountId],
        );
      }
      expect(categories).toHaveLength(CATEGORIES.length);
      for (const category of categories)
        expect(category.transactionCount).toBe(expected.categories[category.categoryId]);
      for (const t of transactions) {
        // Direction is the kind's: expenses and out-legs negative, incomes and in-legs positive.
        if (t.kind === 'expense') expect(t.accountAmount).toBeLessThanOrEqual(0);
        if (t.kind === 'income') expect(t.accountAmount).toBeGreaterThanOrEqual(0);
      }
    }),
    { numRuns: 25 },
  );
});

test('50 concurrent creates on one account land exactly once each', async () => {
  const userId = 'concurrent-1';
  await ledger.seedUser(userId);
  const amounts = Array.from({ length: 50 }, (_, i) => 100 + i);
  const responses = await Promise.all(
    amounts.map((amount) =>
      ledger.create(userId, {
        kind: 'expense',
        accountId: 'acc-eur',
        money: { amount, currency: 'EUR' },
        categoryId: 'groceries',
        payee: 'Same Shop',
        date: '2026-01-05',
      }),
    ),
  );
  expect(responses.map((r) => r.status)).toEqual(amounts.map(() => 201));
  const { transactions, accounts, categories } = await stored(userId);
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  expect(transactions).toHaveLength(50);
  expect(accounts.find((a) => a.accountId === 'acc-eur')).toMatchObject({ balance: -total, transactionCount: 50 });
  expect(categories.find((c) => c.categoryId === 'groceries')).toMatchObject({ transactionCount: 50 });
  // One payee for the name, however many first uses raced, with every use counted.
  expect(ofKind(await ledger.items(userId), 'PAYEE#')).toHaveLength(1);
  const payees = ofKind(await ledger.items(userId), 'PAYEEID#');
  expect(payees).toEqual([expect.objectContaining({ name: 'Same Shop', transactionCount: 50 })]);
});
