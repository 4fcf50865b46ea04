/**
 * Every stored amount and total stays within ±(2^53 − 1) minor units, through the real table: the
 * balance guard is a condition on the account item the write already moves, so a write that would
 * cross the line is refused whole (422 naming the field) and nothing of it is stored.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AccountEntity } from '../../../shared/accounts/items';
import { MAX_AMOUNT, MAX_SAFE_AMOUNT } from '../../../shared/kit/money/money';
import { TABLE } from '../support/local-dynamodb';
import { type LocalLedger, ofKind, startLocalLedger } from './support/local-ledger';

jest.setTimeout(120_000);

let ledger: LocalLedger;
beforeAll(async () => {
  ledger = await startLocalLedger();
}, 90_000);
afterAll(async () => ledger?.stop());

async function setBalance(userId: string, accountId: string, balance: number | bigint) {
  await ledger.db.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: AccountEntity.key(userId, accountId),
      UpdateExpression: 'SET balance = :balance',
      ExpressionAttributeValues: { ':balance': balance },
    }),
  );
}

async function balanceOf(userId: string, accountId: string) {
  const { Item } = await ledger.db.send(
    new GetCommand({ TableName: TABLE, Key: AccountEntity.key(userId, accountId) }),
  );
  return Item?.balance as number;
}

const income = (amount: number, accountId = 'acc-krw') => ({
  kind: 'income',
  accountId,
  money: { amount, currency: 'KRW' },
  date: '2026-01-05',
});

test('an income that would take the balance past 2^53 − 1 is refused with 422, and nothing is stored', async () => {
  await ledger.seedUser('range-1', { homeCurrency: 'KRW', accounts: [{ accountId: 'acc-krw', currency: 'KRW' }] });
  await setBalance('range-1', 'acc-krw', MAX_SAFE_AMOUNT - MAX_AMOUNT);

  // Exactly up to the limit is fine…
  expect((await ledger.create('range-1', income(MAX_AMOUNT))).status).toBe(201);
  expect(await balanceOf('range-1', 'acc-krw')).toBe(MAX_SAFE_AMOUNT);
  // …one more minor unit is not.
  const refused = await ledger.create('range-1', income(1));
  expect(refused.status).toBe(422);
  expect(refused.body).toMatchObject({
    type: 'urn:moneta:problem:amount-out-of-range',
    errors: [{ in: 'body', field: 'money.amount' }],
  });
  expect(await balanceOf('range-1', 'acc-krw')).toBe(MAX_SAFE_AMOUNT);
  expect(ofKind(await ledger.items('range-1'), 'TXN#')).toHaveLength(1);
});

test('the same guard holds for the negative side, and for a transfer leg', async () => {
  await ledger.seedUser('range-2', {
    homeCurrency: 'KRW',
    accounts: [
      { accountId: 'acc-krw', currency: 'KRW' },
      { accountId: 'acc-krw-2', currency: 'KRW' },
    ],
  });
  await setBalance('range-2', 'acc-krw', -MAX_SAFE_AMOUNT + 10);
  const expense = await ledger.create('range-2', { ...income(11), kind: 'expense' });
  expect(expense.status).toBe(422);
  const transfer = await ledger.transfer('range-2', {
    fromAccountId: 'acc-krw',
    toAccountId: 'acc-krw-2',
    money: { amount: 11, currency: 'KRW' },
    date: '2026-01-05',
  });
  expect(transfer.status).toBe(422);
  expect(ofKind(await ledger.items('range-2'), 'TXN#')).toHaveLength(0);
  expect(await balanceOf('range-2', 'acc-krw-2')).toBe(0);
});

test('an amount stored before the range was enforced still reads: no 500 for its owner', async () => {
  await ledger.seedUser('range-3', { homeCurrency: 'KRW', accounts: [{ accountId: 'acc-krw', currency: 'KRW' }] });
  await setBalance('range-3', 'acc-krw', 10n ** 16n);
  // A write that lowers it back is accepted (it moves towards the range) and answers normally.
  const expense = await ledger.create('range-3', { ...income(5), kind: 'expense' });
  expect(expense.status).toBe(201);
});
