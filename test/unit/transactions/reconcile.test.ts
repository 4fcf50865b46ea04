/**
 * Reconciliation and refund links against a real DynamoDB Local: the account's figures after every
 * step are what its transactions add up to, a statement that differs changes nothing, and the
 * write routes refuse what the lifecycle forbids without writing anything.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { asProblem } from '../../../shared/kit/http/problems';
import { TransactionEntity } from '../../../shared/transactions/items';
import { createReconciler } from '../../../shared/transactions/reconcile';
import { createTransactionStore } from '../../../shared/transactions/store';
import { TABLE } from '../support/local-dynamodb';
import { type LocalLedger, ofKind, startLocalLedger } from './support/local-ledger';

jest.setTimeout(60_000);

let ledger: LocalLedger;
beforeAll(async () => {
  ledger = await startLocalLedger();
}, 90_000);
afterAll(async () => ledger?.stop());

let userCounter = 0;
async function newUser() {
  const userId = `user-${++userCounter}-${Date.now()}`;
  await ledger.seedUser(userId);
  return userId;
}

type Account = { balance: number; pendingBalance?: number; reconciledBalance?: number; transactionCount: number };
const account = async (userId: string) => ofKind(await ledger.items(userId), 'ACCOUNT#acc-eur')[0] as Account;
const statuses = async (userId: string) =>
  Object.fromEntries(
    ofKind(await ledger.items(userId), 'TXN#').map((item) => [String(item.note), item.status ?? '(none)']),
  );

const reconciler = () =>
  createReconciler({
    db: ledger.db,
    tableName: TABLE,
    transactions: createTransactionStore({ db: ledger.db, tableName: TABLE }),
  });

const entry = (note: string, amount: number, date: string, extra: Record<string, unknown> = {}) => ({
  kind: amount < 0 ? 'expense' : 'income',
  accountId: 'acc-eur',
  money: { amount: Math.abs(amount), currency: 'EUR' },
  date,
  note,
  ...extra,
});

async function seeded() {
  const userId = await newUser();
  const ids: Record<string, string> = {};
  for (const [note, amount, date, extra] of [
    ['salary', 300_000, '2026-01-02', { status: 'cleared' }],
    ['rent', -120_000, '2026-01-03', { status: 'cleared' }],
    ['coffee', -450, '2026-01-04', {}],
    ['later', -9_900, '2026-01-08', { status: 'cleared' }],
    ['mistake', -5_000, '2026-01-03', { status: 'cleared' }],
  ] as const) {
    const created = await ledger.create(userId, entry(note, amount, date, extra));
    expect(created.status).toBe(201);
    ids[note] = created.body.id as string;
  }
  expect((await ledger.update(userId, ids.mistake as string, { status: 'void' })).status).toBe(200);
  return { userId, ids };
}

test('the account keeps balance, pending and reconciled parts exact through creation and status changes', async () => {
  const { userId } = await seeded();
  // void counts nowhere; the coffee is pending.
  expect(await account(userId)).toMatchObject({
    balance: 300_000 - 120_000 - 450 - 9_900,
    pendingBalance: -450,
    transactionCount: 5,
  });
});

test('a statement that differs reports the difference and changes nothing', async () => {
  const { userId } = await seeded();
  const before = await ledger.items(userId);
  const outcome = await reconciler().reconcile(userId, 'acc-eur', {
    statementDate: '2026-01-05',
    statementBalance: 180_450,
  });
  expect(outcome).toEqual({
    reconciled: false,
    difference: 450,
    computedBalance: 180_000,
    currency: 'EUR',
    cleared: 2,
  });
  expect(await ledger.items(userId)).toEqual(before);
});

test('a matching statement reconciles the cleared transactions up to its day, and only those', async () => {
  const { userId, ids } = await seeded();
  // A transaction stored before statuses reads as cleared and is reconciled with the rest.
  await ledger.db.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: TransactionEntity.key(userId, ids.rent as string),
      UpdateExpression: 'REMOVE #status',
      ExpressionAttributeNames: { '#status': 'status' },
    }),
  );
  const outcome = await reconciler().reconcile(userId, 'acc-eur', {
    statementDate: '2026-01-05',
    statementBalance: 180_000,
  });
  expect(outcome).toEqual({ reconciled: true, count: 2, reconciledBalance: 180_000, currency: 'EUR' });
  expect(await statuses(userId)).toEqual({
    salary: 'reconciled',
    rent: 'reconciled',
    coffee: 'pending',
    later: 'cleared',
    mistake: 'void',
  });
  expect(await account(userId)).toMatchObject({ reconciledBalance: 180_000, pendingBalance: -450 });

  // The next statement starts from the reconciled balance.
  const next = await reconciler().reconcile(userId, 'acc-eur', {
    statementDate: '2026-01-09',
    statementBalance: 180_000 - 9_900,
  });
  expect(next).toMatchObject({ reconciled: true, count: 1 });
  expect(await account(userId)).toMatchObject({ reconciledBalance: 170_100 });

  // Locked: edits and deletion refused with nothing written; un-reconciling unlocks.
  const before = await ledger.items(userId);
  const edit = await ledger.update(userId, ids.salary as string, { note: 'bonus' });
  expect(edit.status).toBe(409);
  expect(edit.body.errors).toEqual([{ in: 'body', field: 'status', message: 'is reconciled' }]);
  expect((await ledger.remove(userId, ids.salary as string)).status).toBe(409);
  expect(await ledger.items(userId)).toEqual(before);
  const unlocked = await ledger.update(userId, ids.salary as string, { status: 'cleared', unreconcile: true });
  expect(unlocked.status).toBe(200);
  expect(await account(userId)).toMatchObject({ reconciledBalance: 170_100 - 300_000 });
});

test("an unknown account is a 404, and another user's is unknown", async () => {
  const { userId } = await seeded();
  const stranger = await newUser();
  const attempt = reconciler().reconcile(stranger, 'acc-missing', { statementDate: '2026-01-05', statementBalance: 0 });
  await expect(attempt.catch(asProblem)).resolves.toMatchObject({ status: 404 });
  expect(
    await reconciler().reconcile(stranger, 'acc-eur', { statementDate: '2026-01-05', statementBalance: 0 }),
  ).toEqual(expect.objectContaining({ reconciled: true, count: 0 }));
  expect(await statuses(userId)).toMatchObject({ salary: 'cleared', rent: 'cleared' });
});

test('refunds: linked in the same write, refused past the expense, given back when deleted', async () => {
  const userId = await newUser();
  const purchase = await ledger.create(userId, { ...entry('shoes', -8_000, '2026-01-05'), categoryId: 'groceries' });
  const id = purchase.body.id as string;
  const refund = await ledger.create(userId, { ...entry('back', 3_000, '2026-01-06'), refundOf: id });
  expect(refund.status).toBe(201);
  expect(refund.body).toMatchObject({ categoryId: 'groceries', refundOf: id, status: 'pending' });
  const original = ofKind(await ledger.items(userId), `TXN#${id}`)[0];
  expect(original).toMatchObject({ refundedAmount: 3_000, refundIds: [refund.body.id], version: 2 });

  const before = await ledger.items(userId);
  const over = await ledger.create(userId, { ...entry('more', 5_001, '2026-01-06'), refundOf: id });
  expect(over.status).toBe(422);
  expect(over.body.errors).toEqual([expect.objectContaining({ field: 'money.amount' })]);
  expect(await ledger.items(userId)).toEqual(before);

  expect((await ledger.remove(userId, refund.body.id as string)).status).toBe(204);
  expect(ofKind(await ledger.items(userId), `TXN#${id}`)[0]).toMatchObject({ refundedAmount: 0, refundIds: [] });
  expect((await ledger.create(userId, { ...entry('all', 8_000, '2026-01-06'), refundOf: id })).status).toBe(201);
});
