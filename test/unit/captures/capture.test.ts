/**
 * The capture decisions through a real DynamoDB Local: what records, what waits and why, exact
 * duplicates by the claim in the recording write, fuzzy matches and transfer legs sent to review,
 * refusals kept for review, and accept/reject only from review. The parser is a stand-in returning
 * the reading each test needs (the real one has its own tests).
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { AccountEntity } from '../../../shared/accounts/items';
import { type CaptureService, createCaptureService } from '../../../shared/captures/capture';
import type { ParsedMessage, ParsedTransaction } from '../../../shared/captures/parse/types';
import { createRuleEngine } from '../../../shared/rules/public';
import { createTransactionRecorder } from '../../../shared/transactions/public';
import { TABLE } from '../support/local-dynamodb';
import { accountFixture } from '../transactions/support/ledger-fixtures';
import { type LocalLedger, ofKind, startLocalLedger } from '../transactions/support/local-ledger';

jest.setTimeout(120_000);

const NOW = new Date('2026-01-08T10:00:00Z');
const profile = { timezone: 'Europe/Berlin', homeCurrency: 'EUR', notifications: { largeTransactionAmount: 100_000 } };

let ledger: LocalLedger;
let service: CaptureService;
const readings = new Map<string, ParsedMessage>();

beforeAll(async () => {
  ledger = await startLocalLedger();
  service = createCaptureService({
    db: ledger.db,
    tableName: TABLE,
    recorder: createTransactionRecorder({ db: ledger.db, tableName: TABLE }),
    rules: createRuleEngine({ db: ledger.db, tableName: TABLE }),
    parse: (text) => readings.get(text) ?? { kind: 'ignored', reason: 'not-a-transaction' },
  });
}, 90_000);
afterAll(async () => ledger?.stop());

const f = <T>(value: T, confidence = 0.95) => ({ value, confidence });
function reading(text: string, overrides: Partial<ParsedTransaction> = {}): string {
  readings.set(text, {
    kind: 'transaction',
    template: 'test',
    direction: f('debit' as const),
    money: f({ amount: 1250, currency: 'EUR' }),
    accountMoney: null,
    counterparty: f('Cafe Central'),
    accountHint: f('1234'),
    occurredAt: f({ date: '2026-01-07' }),
    balanceAfter: null,
    reference: null,
    confidence: 0.95,
    ...overrides,
  });
  return text;
}

async function seed(userId: string) {
  await ledger.seedUser(userId, { accounts: [] });
  for (const [accountId, lastDigits] of [
    ['card', ['1234']],
    ['savings', ['5678']],
    ['joint-a', ['99']],
    ['joint-b', ['99']],
  ] as const) {
    await ledger.db.send(
      new PutCommand({
        TableName: TABLE,
        Item: {
          ...AccountEntity.key(userId, accountId),
          ...accountFixture({ accountId, currency: 'EUR' }),
          hints: { lastDigits: [...lastDigits] },
        },
      }),
    );
  }
}
const transactionsOf = async (userId: string) => ofKind(await ledger.items(userId), 'TXN#');

test('a sure message naming one account records, with the capture row in the same write', async () => {
  await seed('u-record');
  const text = reading('paid 12.50 at cafe central with card 1234', { reference: f('AUTH 55') });

  const capture = await service.ingest('u-record', profile, { text, source: 'sms' }, NOW);

  expect(capture).toMatchObject({ status: 'recorded', accountId: 'card', externalId: 'capture:AUTH55' });
  const [transaction] = await transactionsOf('u-record');
  expect(transaction).toMatchObject({
    transactionId: capture.transactionId,
    kind: 'expense',
    accountId: 'card',
    amount: 1250,
    currency: 'EUR',
    payee: 'Cafe Central',
    date: '2026-01-07',
    externalId: 'capture:AUTH55',
  });
  expect(await service.store.get('u-record', capture.captureId)).toEqual(capture);
});

test('the same reference again is a duplicate naming the transaction; nothing more is written', async () => {
  await seed('u-dup');
  const sms = reading('sms: 12.50 card 1234 ref 777', { reference: f('777') });
  const email = reading('Dear customer, 12.50 card 1234 (ref 777)', { reference: f('777'), confidence: 0.5 });

  const first = await service.ingest('u-dup', profile, { text: sms }, NOW);
  const second = await service.ingest('u-dup', profile, { text: email, source: 'email' }, NOW);

  expect(second).toMatchObject({ status: 'duplicate', transactionId: first.transactionId });
  expect(second.expiresAt).toEqual(expect.any(Number));
  expect(await transactionsOf('u-dup')).toHaveLength(1);
});

test('unsure, incomplete, unnamed or ambiguous messages wait with their reasons; nothing is recorded', async () => {
  await seed('u-review');
  const unsure = await service.ingest('u-review', profile, { text: reading('u1', { confidence: 0.6 }) }, NOW);
  const noAmount = await service.ingest('u-review', profile, { text: reading('u2', { money: null }) }, NOW);
  const unnamed = await service.ingest('u-review', profile, { text: reading('u3', { accountHint: f('0000') }) }, NOW);
  const ambiguous = await service.ingest('u-review', profile, { text: reading('u4', { accountHint: f('XX99') }) }, NOW);

  expect(unsure).toMatchObject({ status: 'needs-review', reviewReasons: ['low-confidence'], accountId: 'card' });
  expect(noAmount).toMatchObject({ status: 'needs-review', reviewReasons: ['incomplete'] });
  expect(unnamed).toMatchObject({ status: 'needs-review', reviewReasons: ['no-matching-account'], accountId: null });
  expect(ambiguous).toMatchObject({
    status: 'needs-review',
    reviewReasons: ['several-matching-accounts'],
    candidateAccountIds: ['joint-a', 'joint-b'],
  });
  expect(await transactionsOf('u-review')).toEqual([]);
  const queue = await service.store.list('u-review', 'needs-review', { limit: 10 });
  expect(queue.items.map((c) => c.captureId)).toEqual(
    [unsure, noAmount, unnamed, ambiguous].map((c) => c.captureId).reverse(),
  );
});

test('a look-alike within two days goes to review naming it: two identical coffees are never dropped', async () => {
  await seed('u-fuzzy');
  const first = await service.ingest('u-fuzzy', profile, { text: reading('coffee one') }, NOW);
  const second = await service.ingest(
    'u-fuzzy',
    profile,
    { text: reading('coffee two', { occurredAt: f({ date: '2026-01-09' }), counterparty: f('CAFE CENTRAL VIENNA') }) },
    NOW,
  );

  expect(first.status).toBe('recorded');
  expect(second).toMatchObject({
    status: 'needs-review',
    reviewReasons: ['possible-duplicate'],
    similarTransactionIds: [first.transactionId],
  });
  const accepted = await service.accept('u-fuzzy', profile, second.captureId, {}, NOW);
  expect(accepted).toMatchObject({ status: 'recorded', version: 2 });
  expect(await transactionsOf('u-fuzzy')).toHaveLength(2);
});

test('a credit matching a debit on another own account suggests a transfer; accepting it replaces the other leg', async () => {
  await seed('u-transfer');
  const out = await service.ingest(
    'u-transfer',
    profile,
    { text: reading('sent 500 from 1234', { money: f({ amount: 50_000, currency: 'EUR' }) }) },
    NOW,
  );
  const arrived = await service.ingest(
    'u-transfer',
    profile,
    {
      text: reading('received 500 on 5678', {
        direction: f('credit' as const),
        money: f({ amount: 50_000, currency: 'EUR' }),
        accountHint: f('5678'),
        counterparty: null,
      }),
    },
    NOW,
  );

  expect(out.status).toBe('recorded');
  expect(arrived).toMatchObject({
    status: 'needs-review',
    reviewReasons: ['possible-transfer'],
    accountId: 'savings',
    transfer: { counterpartAccountId: 'card', counterpartTransactionId: out.transactionId },
  });

  const accepted = await service.accept('u-transfer', profile, arrived.captureId, { asTransfer: true }, NOW);

  expect(accepted).toMatchObject({ status: 'recorded', accountId: 'savings', transferId: expect.any(String) });
  // The expense recorded for the other leg is replaced by the transfer: one movement, not two.
  const transactions = await transactionsOf('u-transfer');
  expect(transactions.map((t) => [t.kind, t.accountId, t.accountAmount]).sort()).toEqual([
    ['transfer', 'card', -50_000],
    ['transfer', 'savings', 50_000],
  ]);
  expect(transactions.find((t) => t.accountId === 'savings')).toMatchObject({
    transactionId: accepted.transactionId,
    externalId: accepted.externalId,
  });
  const accounts = ofKind(await ledger.items('u-transfer'), 'ACCOUNT#');
  expect(Object.fromEntries(accounts.map((a) => [a.accountId, [a.balance, a.transactionCount]]))).toMatchObject({
    card: [-50_000, 1],
    savings: [50_000, 1],
  });
  // The message of the replaced expense is still known: sent again, it is a duplicate.
  expect((await service.ingest('u-transfer', profile, { text: 'sent 500 from 1234' }, NOW)).status).toBe('duplicate');

  const plain = await service.ingest('u-transfer', profile, { text: reading('t3', { accountHint: null }) }, NOW);
  await expect(
    service.accept('u-transfer', profile, plain.captureId, { accountId: 'card', asTransfer: true }, NOW),
  ).rejects.toMatchObject({ field: 'asTransfer' });
});

test('a refused recording (a date out of the window) waits for review with the refusal', async () => {
  await seed('u-refused');
  const capture = await service.ingest(
    'u-refused',
    profile,
    { text: reading('far future', { occurredAt: f({ date: '2099-01-01' }) }) },
    NOW,
  );

  expect(capture).toMatchObject({ status: 'needs-review', reviewReasons: ['not-recordable'] });
  expect(capture.refusal).toEqual(expect.stringContaining('date'));
  expect(await transactionsOf('u-refused')).toEqual([]);
});

test('without a date in the message, the day it was received in the user’s time zone', async () => {
  await seed('u-dated');
  const capture = await service.ingest(
    'u-dated',
    profile,
    { text: reading('undated', { occurredAt: null }), receivedAt: '2026-01-05T23:30:00Z' },
    NOW,
  );

  expect(capture.status).toBe('recorded');
  const [transaction] = await transactionsOf('u-dated');
  expect(transaction?.date).toBe('2026-01-06');
});

test('accept applies corrections; accept and reject act only on captures in review (409), others are 404', async () => {
  await seed('u-accept');
  const waiting = await service.ingest('u-accept', profile, { text: reading('a1', { accountHint: null }) }, NOW);
  await expect(service.accept('u-accept', profile, waiting.captureId, {}, NOW)).rejects.toMatchObject({
    field: 'accountId',
  });

  const accepted = await service.accept(
    'u-accept',
    profile,
    waiting.captureId,
    { accountId: 'savings', money: { amount: 999, currency: 'EUR' }, categoryId: 'dining', note: 'fixed' },
    NOW,
  );
  expect(accepted).toMatchObject({ status: 'recorded', accountId: 'savings' });
  const [transaction] = await transactionsOf('u-accept');
  expect(transaction).toMatchObject({ accountId: 'savings', amount: 999, categoryId: 'dining', note: 'fixed' });

  await expect(service.accept('u-accept', profile, waiting.captureId, {}, NOW)).rejects.toMatchObject({
    reason: 'capture-not-in-review',
  });
  await expect(service.reject('u-accept', waiting.captureId, NOW)).rejects.toMatchObject({
    reason: 'capture-not-in-review',
  });
  await expect(service.reject('someone-else', waiting.captureId, NOW)).rejects.toMatchObject({ entity: 'capture' });
  await expect(service.accept('someone-else', profile, waiting.captureId, {}, NOW)).rejects.toMatchObject({
    entity: 'capture',
  });

  const other = await service.ingest('u-accept', profile, { text: reading('a2', { accountHint: null }) }, NOW);
  const rejected = await service.reject('u-accept', other.captureId, NOW);
  expect(rejected).toMatchObject({ status: 'rejected', version: 2 });
  expect(rejected.expiresAt).toEqual(expect.any(Number));
  expect(await transactionsOf('u-accept')).toHaveLength(1);
});

test('accepting a capture whose payment was recorded meanwhile is a 409 and turns it duplicate', async () => {
  await seed('u-race');
  const unsure = await service.ingest(
    'u-race',
    profile,
    { text: reading('r1', { reference: f('R9'), confidence: 0.5 }) },
    NOW,
  );
  const sure = await service.ingest('u-race', profile, { text: reading('r2', { reference: f('R9') }) }, NOW);
  expect([unsure.status, sure.status]).toEqual(['needs-review', 'recorded']);

  await expect(service.accept('u-race', profile, unsure.captureId, {}, NOW)).rejects.toMatchObject({
    reason: 'duplicate-external-id',
  });
  expect(await service.store.get('u-race', unsure.captureId)).toMatchObject({
    status: 'duplicate',
    transactionId: sure.transactionId,
  });
  expect(await transactionsOf('u-race')).toHaveLength(1);
});

test('ignored messages are kept a while with the reason and never recorded', async () => {
  await seed('u-ignored');
  const capture = await service.ingest('u-ignored', profile, { text: 'Your OTP is 123456' }, NOW);
  expect(capture).toMatchObject({ status: 'ignored', ignoredBecause: 'not-a-transaction', transactionId: null });
  expect(capture.expiresAt).toBe(Math.floor(NOW.getTime() / 1000) + 30 * 86_400);
  expect(await transactionsOf('u-ignored')).toEqual([]);
});
