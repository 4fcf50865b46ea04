import type { AccountItem } from '../../../shared/accounts/public';
import {
  accountsMatching,
  type CaptureShape,
  captureDate,
  captureExternalId,
  normaliseMessage,
  similarPayees,
  similarTransactions,
  transferCounterpart,
} from '../../../shared/captures/match';
import type { TransactionItem } from '../../../shared/transactions/public';

const account = (accountId: string, lastDigits?: string[], archived = false) =>
  ({ accountId, archived, ...(lastDigits ? { hints: { lastDigits } } : {}) }) as AccountItem;

describe('externalId', () => {
  test('the bank reference, whatever the spacing or case, names the payment: SMS and e-mail share it', () => {
    expect(captureExternalId('Rs 500 debited … Ref 4321', ' 6123 45abc ')).toBe('capture:612345ABC');
    expect(captureExternalId('another text entirely', '612345abc')).toBe('capture:612345ABC');
  });

  test('without a reference, the hash of the normalised message: case and spacing do not matter, digits do', () => {
    const a = captureExternalId('Spent EUR 12.30 at  CAFE\nCard 1234', null);
    expect(a).toMatch(/^capture:#[0-9a-f]{64}$/);
    expect(captureExternalId('spent eur 12.30 at cafe card 1234', undefined)).toBe(a);
    expect(captureExternalId('Spent EUR 12.31 at CAFE Card 1234', null)).not.toBe(a);
    expect(normaliseMessage('  A\t b\n\nC ')).toBe('a b c');
  });

  test('a reference too long for a key falls back to the hash', () => {
    expect(captureExternalId('text', 'x'.repeat(200))).toMatch(/^capture:#/);
  });
});

describe('account matching', () => {
  const accounts = [
    account('card', ['1234']),
    account('savings', ['99', '5678']),
    account('cash'),
    account('old', ['4321'], true),
  ];

  test('a hint equal to, or ending with, exactly one account’s digits names that account', () => {
    expect(accountsMatching('1234', accounts).map((a) => a.accountId)).toEqual(['card']);
    expect(accountsMatching('XXXX5678', accounts).map((a) => a.accountId)).toEqual(['savings']);
    expect(accountsMatching('**99', accounts).map((a) => a.accountId)).toEqual(['savings']);
  });

  test('no match, an archived account, or a missing hint name none; overlapping hints name several', () => {
    expect(accountsMatching('0000', accounts)).toEqual([]);
    expect(accountsMatching('4321', accounts)).toEqual([]);
    expect(accountsMatching(null, accounts)).toEqual([]);
    const overlapping = [...accounts, account('joint', ['34'])];
    expect(accountsMatching('1234', overlapping).map((a) => a.accountId)).toEqual(['card', 'joint']);
  });
});

describe('dating', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  test('the message’s own date wins', () => {
    expect(captureDate({ occurredAt: { value: { date: '2026-03-01' }, confidence: 1 } }, null, 'UTC', now)).toBe(
      '2026-03-01',
    );
  });

  test('else the day it was received in the user’s time zone, else today there', () => {
    const undated = { occurredAt: null };
    expect(captureDate(undated, '2026-03-09T23:30:00Z', 'Asia/Kolkata', now)).toBe('2026-03-10');
    expect(captureDate(undated, '2026-03-09T23:30:00Z', 'America/New_York', now)).toBe('2026-03-09');
    expect(captureDate(undated, null, 'Pacific/Auckland', now)).toBe('2026-03-11');
  });
});

describe('similar transactions and transfers', () => {
  const txn = (overrides: Partial<TransactionItem>) =>
    ({
      transactionId: 't',
      kind: 'expense',
      accountId: 'card',
      date: '2026-03-10',
      amount: 1250,
      currency: 'EUR',
      accountAmount: -1250,
      accountCurrency: 'EUR',
      payee: 'Cafe Central',
      ...overrides,
    }) as TransactionItem;
  const capture: CaptureShape = {
    accountId: 'card',
    direction: 'debit',
    money: { amount: 1250, currency: 'EUR' },
    date: '2026-03-11',
    payee: 'CAFE CENTRAL VIENNA',
  };

  test('same account, direction and amount within ± 2 days and a similar payee look alike', () => {
    const found = similarTransactions(capture, [
      txn({ transactionId: 'same' }),
      txn({ transactionId: 'three-days', date: '2026-03-14' }),
      txn({ transactionId: 'other-amount', amount: 1251, accountAmount: -1251 }),
      txn({ transactionId: 'other-account', accountId: 'savings' }),
      txn({ transactionId: 'income', kind: 'income', accountAmount: 1250 }),
      txn({ transactionId: 'other-payee', payee: 'Bakery' }),
      txn({ transactionId: 'no-payee', payee: null, date: '2026-03-09' }),
    ]);
    expect(found.map((t) => t.transactionId)).toEqual(['same', 'no-payee']);
  });

  test('payees are similar when one contains the other or they share a word', () => {
    expect(similarPayees('AMAZON MKTPLACE', 'Amazon')).toBe(true);
    expect(similarPayees('Uber *Trip', 'UBER BV')).toBe(true);
    expect(similarPayees('Tesco', 'Lidl')).toBe(false);
  });

  test('a credit of the same amount on another own account is the other leg of a transfer', () => {
    const other = [
      txn({ transactionId: 'in', kind: 'income', accountId: 'savings', accountAmount: 1250 }),
      txn({ transactionId: 'leg', kind: 'transfer', accountId: 'savings', accountAmount: 1250 }),
    ];
    expect(transferCounterpart(capture, other)?.transactionId).toBe('in');
    expect(transferCounterpart({ ...capture, direction: 'credit' }, other)).toBeUndefined();
  });
});
