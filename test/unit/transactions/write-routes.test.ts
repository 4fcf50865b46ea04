/**
 * The transaction and transfer write routes, handler to table, against a real DynamoDB Local (see
 * support/local-ledger.ts for why not mocks). Each test checks what a user would notice: the
 * response, the balance, and — for refusals — that nothing in their partition changed.
 */
import { oneYearAfter, todayIn } from '../../../shared/transactions/schemas';
import { type LocalLedger, ofKind, startLocalLedger } from './support/local-ledger';

jest.setTimeout(60_000);

let ledger: LocalLedger;
beforeAll(async () => {
  ledger = await startLocalLedger();
}, 90_000);
afterAll(async () => ledger?.stop());

let userCounter = 0;
/** A fresh user per test, so tests never see each other's data. */
async function newUser(options: Parameters<LocalLedger['seedUser']>[1] = {}) {
  const userId = `user-${++userCounter}-${Date.now()}`;
  await ledger.seedUser(userId, options);
  return userId;
}

const account = async (userId: string, accountId = 'acc-eur') =>
  ofKind(await ledger.items(userId), `ACCOUNT#${accountId}`)[0] as { balance: number; transactionCount: number };
const category = async (userId: string, categoryId: string) =>
  ofKind(await ledger.items(userId), `CATEGORY#${categoryId}`)[0] as { transactionCount: number };

const groceries = (overrides: Record<string, unknown> = {}) => ({
  kind: 'expense',
  accountId: 'acc-eur',
  money: { amount: 1250, currency: 'EUR' },
  categoryId: 'groceries',
  payee: 'Corner Shop',
  date: '2026-01-05',
  ...overrides,
});

describe('POST /v1/transactions', () => {
  test('records the expense and moves balance, counts and payee in the same write', async () => {
    const userId = await newUser();
    const response = await ledger.create(userId, groceries({ tags: ['Food', 'food'] }));

    expect(response.status).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/v1/transactions/${response.body.id}`);
    expect(response.body).toMatchObject({
      kind: 'expense',
      money: { amount: 1250, currency: 'EUR' },
      accountAmount: { amount: -1250, currency: 'EUR' },
      homeAmount: { amount: -1250, currency: 'EUR' },
      tags: ['food'],
      version: 1,
    });
    expect(await account(userId)).toMatchObject({ balance: -1250, transactionCount: 1 });
    expect(await category(userId, 'groceries')).toMatchObject({ transactionCount: 1 });
    const items = await ledger.items(userId);
    expect(ofKind(items, 'PAYEE#corner shop')).toEqual([
      expect.objectContaining({ name: 'Corner Shop', payeeId: response.body.payeeId }),
    ]);
    expect(ofKind(items, `PAYEEID#${response.body.payeeId}`)).toEqual([
      expect.objectContaining({ name: 'Corner Shop', transactionCount: 1 }),
    ]);
    expect(ofKind(items, 'TXN#')).toEqual([
      expect.objectContaining({
        transactionId: response.body.id,
        gsi1sk: `2026-01-05#${response.body.id}`,
        gsi2pk: `USER#${userId}#ACCOUNT#acc-eur`,
        gsi3pk: `USER#${userId}#CATEGORY#groceries`,
      }),
    ]);
  });

  test('converts a foreign amount at the stored ECB rate of the transaction date', async () => {
    const userId = await newUser({ homeCurrency: 'USD' });
    const response = await ledger.create(userId, groceries({ money: { amount: 1000, currency: 'USD' } }));

    expect(response.status).toBe(201);
    // 10.00 USD / 1.1664 (2026-01-05) = 8.57 EUR; home is USD, the currency entered.
    expect(response.body.accountAmount).toEqual({ amount: -857, currency: 'EUR' });
    expect(response.body.homeAmount).toEqual({ amount: -1000, currency: 'USD' });
    expect(response.body.conversions).toEqual({
      account: {
        rate: '0.857338820302',
        exactRate: '625/729',
        source: 'ECB',
        rateDate: '2026-01-05',
        fallback: false,
        provisional: false,
        rateAgeDays: 0,
      },
      home: null,
    });
    expect(await account(userId)).toMatchObject({ balance: -857 });
  });

  test('a currency the ECB does not publish is a 422 naming money.currency, unless the bank amount is given', async () => {
    const userId = await newUser();
    const refused = await ledger.create(userId, groceries({ money: { amount: 150000, currency: 'ARS' } }));
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'money.currency' })]);

    const accepted = await ledger.create(
      userId,
      groceries({ money: { amount: 150000, currency: 'ARS' }, accountAmount: 105 }),
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.conversions.account).toMatchObject({ source: 'user', rate: '0.0007' });
    expect(await account(userId)).toMatchObject({ balance: -105, transactionCount: 1 });
  });

  test('the date defaults to today in the user timezone', async () => {
    const userId = await newUser();
    const { date: _date, ...body } = groceries();
    const response = await ledger.create(userId, body);
    expect(response.status).toBe(201);
    expect(response.body.date).toBe(todayIn('Europe/Berlin', new Date()));
  });

  test('the same Idempotency-Key and body replays the first response and writes nothing more', async () => {
    const userId = await newUser();
    const headers = { 'Idempotency-Key': 'pay-rent-2026-01' };
    const first = await ledger.create(userId, groceries(), headers);
    const second = await ledger.create(userId, groceries(), headers);

    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await account(userId)).toMatchObject({ balance: -1250, transactionCount: 1 });

    const reused = await ledger.create(userId, groceries({ money: { amount: 1, currency: 'EUR' } }), headers);
    expect(reused.status).toBe(422);
    expect(reused.body.type).toBe('urn:moneta:problem:idempotency-key-reused');
    expect(await account(userId)).toMatchObject({ balance: -1250, transactionCount: 1 });
  });

  test('a second transaction with the same externalId is a 409 naming the first, and changes nothing', async () => {
    const userId = await newUser();
    const first = await ledger.create(userId, groceries({ externalId: 'bank-line-42' }));
    const before = await ledger.items(userId);
    const second = await ledger.create(userId, groceries({ externalId: 'bank-line-42' }));

    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      type: 'urn:moneta:problem:duplicate-external-id',
      existingTransactionId: first.body.id,
    });
    expect(await ledger.items(userId)).toEqual(before);
  });

  test('an archived account (409), an unknown one (404) and an unknown category (404) change nothing', async () => {
    const userId = await newUser({
      accounts: [
        { accountId: 'acc-eur', currency: 'EUR' },
        { accountId: 'acc-old', currency: 'EUR', archived: true },
      ],
    });
    const before = await ledger.items(userId);

    const archived = await ledger.create(userId, groceries({ accountId: 'acc-old' }));
    expect(archived.status).toBe(409);
    expect(archived.body.type).toBe('urn:moneta:problem:account-archived');
    expect((await ledger.create(userId, groceries({ accountId: 'acc-nope' }))).status).toBe(404);
    const unknownCategory = await ledger.create(userId, groceries({ categoryId: 'nope' }));
    expect(unknownCategory.status).toBe(404);
    expect(unknownCategory.headers['content-type']).toBe('application/problem+json');
    expect(await ledger.items(userId)).toEqual(before);
  });

  test('an income in an expense category is a refund and an expense in an income category a reversal', async () => {
    const userId = await newUser();
    const refund = await ledger.create(userId, groceries({ kind: 'income', money: { amount: 300, currency: 'EUR' } }));
    expect(refund.status).toBe(201);
    expect(refund.body).toMatchObject({ kind: 'income', categoryId: 'groceries', accountAmount: { amount: 300 } });
    const reversal = await ledger.create(
      userId,
      groceries({ categoryId: 'salary', money: { amount: 5000, currency: 'EUR' } }),
    );
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({ kind: 'expense', categoryId: 'salary', accountAmount: { amount: -5000 } });
    expect(await account(userId)).toMatchObject({ balance: 300 - 5000, transactionCount: 2 });
    expect(await category(userId, 'groceries')).toMatchObject({ transactionCount: 1 });
    expect(await category(userId, 'salary')).toMatchObject({ transactionCount: 1 });
  });

  test.each([
    ['a float amount', { money: { amount: 12.5, currency: 'EUR' } }, 'money.amount'],
    ['an amount as a string', { money: { amount: '1250', currency: 'EUR' } }, 'money.amount'],
    ['a zero amount', { money: { amount: 0, currency: 'EUR' } }, 'money.amount'],
    ['an amount out of range', { money: { amount: 10 ** 16, currency: 'EUR' } }, 'money.amount'],
    ['an unknown currency', { money: { amount: 100, currency: 'XYZ' } }, 'money.currency'],
    ['a float accountAmount', { accountAmount: 1.5 }, 'accountAmount'],
    ['an impossible date', { date: '2026-02-30' }, 'date'],
    ['a date before 1900', { date: '1899-12-31' }, 'date'],
    ['a transfer kind', { kind: 'transfer' }, 'kind'],
    ['too many tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
    ['a tag too long', { tags: ['x'.repeat(41)] }, 'tags.0'],
    ['a note too long', { note: 'x'.repeat(501) }, 'note'],
    ['a payee too long', { payee: 'x'.repeat(101) }, 'payee'],
    ['an externalId with control characters', { externalId: 'a\u0000b' }, 'externalId'],
    ['an unknown field', { isAdmin: true }, 'isAdmin'],
  ])('%s is a 400 naming the field, and nothing is written', async (_name, overrides, field) => {
    const userId = await newUser();
    const before = await ledger.items(userId);
    const response = await ledger.create(userId, groceries(overrides));
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await ledger.items(userId)).toEqual(before);
  });

  test('a date more than a year ahead is a 400 naming date; one within the year is accepted', async () => {
    const userId = await newUser();
    const latest = oneYearAfter(todayIn('Europe/Berlin', new Date()));
    expect((await ledger.create(userId, groceries({ date: latest }))).status).toBe(201);
    const tooLate = await ledger.create(userId, groceries({ date: oneYearAfter(latest) }));
    expect(tooLate.status).toBe(400);
    expect(tooLate.body.errors).toEqual([expect.objectContaining({ field: 'date' })]);
  });
});

describe('PATCH /v1/transactions/{id}', () => {
  test('an amount change moves the balance by the difference; a stale If-Match is a 412', async () => {
    const userId = await newUser();
    const created = await ledger.create(userId, groceries());
    const updated = await ledger.update(
      userId,
      created.body.id,
      { money: { amount: 2000, currency: 'EUR' } },
      { 'If-Match': '"1"' },
    );

    expect(updated.status).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.body).toMatchObject({ accountAmount: { amount: -2000, currency: 'EUR' }, version: 2 });
    expect(await account(userId)).toMatchObject({ balance: -2000, transactionCount: 1 });

    const stale = await ledger.update(userId, created.body.id, { note: 'late' }, { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    expect(await account(userId)).toMatchObject({ balance: -2000 });
  });

  test('moving to another account and category moves balances and counts on both sides', async () => {
    const userId = await newUser({
      accounts: [
        { accountId: 'acc-eur', currency: 'EUR' },
        { accountId: 'acc-usd', currency: 'USD' },
      ],
    });
    const created = await ledger.create(userId, groceries());
    const moved = await ledger.update(userId, created.body.id, { accountId: 'acc-usd', categoryId: 'dining' });

    expect(moved.status).toBe(200);
    // 12.50 EUR × 1.1664 = 14.58 USD.
    expect(moved.body.accountAmount).toEqual({ amount: -1458, currency: 'USD' });
    expect(await account(userId, 'acc-eur')).toMatchObject({ balance: 0, transactionCount: 0 });
    expect(await account(userId, 'acc-usd')).toMatchObject({ balance: -1458, transactionCount: 1 });
    expect(await category(userId, 'groceries')).toMatchObject({ transactionCount: 0 });
    expect(await category(userId, 'dining')).toMatchObject({ transactionCount: 1 });
    const [stored] = ofKind(await ledger.items(userId), 'TXN#');
    expect(stored).toMatchObject({
      gsi2pk: `USER#${userId}#ACCOUNT#acc-usd`,
      gsi3pk: `USER#${userId}#CATEGORY#dining`,
    });
  });

  test('an expense PATCHed into an income keeps its category and becomes a refund: the balance rises', async () => {
    const userId = await newUser();
    const created = await ledger.create(userId, groceries());
    const refund = await ledger.update(userId, created.body.id, { kind: 'income' }, { 'If-Match': '"1"' });
    expect(refund.status).toBe(200);
    expect(refund.body).toMatchObject({
      kind: 'income',
      categoryId: 'groceries',
      accountAmount: { amount: 1250, currency: 'EUR' },
      version: 2,
    });
    expect(await account(userId)).toMatchObject({ balance: 1250, transactionCount: 1 });
    expect(await category(userId, 'groceries')).toMatchObject({ transactionCount: 1 });
  });

  test('externalId is immutable: patching it is a 400 naming it', async () => {
    const userId = await newUser();
    const created = await ledger.create(userId, groceries({ externalId: 'x-1' }));
    const response = await ledger.update(userId, created.body.id, { externalId: 'x-2' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'externalId' }));
  });
});

describe('DELETE /v1/transactions/{id}', () => {
  test('takes back the balance and counts, and frees the externalId', async () => {
    const userId = await newUser();
    const created = await ledger.create(userId, groceries({ externalId: 'bank-line-7' }));
    const response = await ledger.remove(userId, created.body.id);

    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    expect(await account(userId)).toMatchObject({ balance: 0, transactionCount: 0 });
    expect(await category(userId, 'groceries')).toMatchObject({ transactionCount: 0 });
    const items = await ledger.items(userId);
    expect(ofKind(items, 'TXN#')).toEqual([]);
    expect(ofKind(items, 'EXTID#')).toEqual([]);
    expect((await ledger.create(userId, groceries({ externalId: 'bank-line-7' }))).status).toBe(201);
    expect((await ledger.remove(userId, created.body.id)).status).toBe(404);
  });
});

describe('another user', () => {
  test("can neither change nor delete nor book into someone else's ledger (404, nothing changes)", async () => {
    const owner = await newUser();
    const intruder = await newUser();
    const created = await ledger.create(owner, groceries());
    const before = await ledger.items(owner);

    expect((await ledger.update(intruder, created.body.id, { note: 'mine' })).status).toBe(404);
    expect((await ledger.remove(intruder, created.body.id)).status).toBe(404);
    // The intruder's own request names the owner's account id: resolved in the intruder's partition.
    const foreignAccount = await ledger.create(intruder, groceries({ accountId: 'acc-other' }));
    expect(foreignAccount.status).toBe(404);
    expect(await ledger.items(owner)).toEqual(before);
  });
});

describe('POST /v1/transfers', () => {
  const accounts = [
    { accountId: 'acc-eur', currency: 'EUR' },
    { accountId: 'acc-usd', currency: 'USD' },
  ];
  const transfer = (overrides: Record<string, unknown> = {}) => ({
    fromAccountId: 'acc-eur',
    toAccountId: 'acc-usd',
    money: { amount: 10000, currency: 'EUR' },
    date: '2026-01-05',
    note: 'savings',
    ...overrides,
  });

  test('books both legs and both balances at once; converted, or as given in toAmount', async () => {
    const userId = await newUser({ accounts });
    const converted = await ledger.transfer(userId, transfer());
    expect(converted.status).toBe(201);
    expect(converted.body.from).toMatchObject({ kind: 'transfer', accountAmount: { amount: -10000, currency: 'EUR' } });
    expect(converted.body.to).toMatchObject({ kind: 'transfer', accountAmount: { amount: 11664, currency: 'USD' } });
    expect(converted.body.from.transferId).toBe(converted.body.transferId);

    const given = await ledger.transfer(userId, transfer({ toAmount: 11500 }));
    expect(given.body.to.accountAmount).toEqual({ amount: 11500, currency: 'USD' });
    expect(await account(userId, 'acc-eur')).toMatchObject({ balance: -20000, transactionCount: 2 });
    expect(await account(userId, 'acc-usd')).toMatchObject({ balance: 23164, transactionCount: 2 });
  });

  test('a leg takes only note and tags (409 transfer-leg otherwise); deleting one leg deletes both', async () => {
    const userId = await newUser({ accounts });
    const created = await ledger.transfer(userId, transfer());
    const inLegId = created.body.to.id;

    const amount = await ledger.update(userId, inLegId, { money: { amount: 1, currency: 'EUR' } });
    expect(amount.status).toBe(409);
    expect(amount.body.type).toBe('urn:moneta:problem:transfer-leg');
    expect((await ledger.update(userId, inLegId, { note: 'rent share' })).body.note).toBe('rent share');

    expect((await ledger.remove(userId, inLegId)).status).toBe(204);
    expect(ofKind(await ledger.items(userId), 'TXN#')).toEqual([]);
    expect(await account(userId, 'acc-eur')).toMatchObject({ balance: 0, transactionCount: 0 });
    expect(await account(userId, 'acc-usd')).toMatchObject({ balance: 0, transactionCount: 0 });
  });

  test('the same account on both sides is a 400 naming toAccountId; an archived side writes nothing', async () => {
    const userId = await newUser({
      accounts: [...accounts, { accountId: 'acc-old', currency: 'EUR', archived: true }],
    });
    const same = await ledger.transfer(userId, transfer({ toAccountId: 'acc-eur' }));
    expect(same.status).toBe(400);
    expect(same.body.errors).toEqual([expect.objectContaining({ field: 'toAccountId' })]);
    const before = await ledger.items(userId);
    expect((await ledger.transfer(userId, transfer({ toAccountId: 'acc-old' }))).status).toBe(409);
    expect(await ledger.items(userId)).toEqual(before);
  });

  test('an Idempotency-Key makes a retried transfer book once', async () => {
    const userId = await newUser({ accounts });
    const headers = { 'Idempotency-Key': 'move-100' };
    const first = await ledger.transfer(userId, transfer(), headers);
    const second = await ledger.transfer(userId, transfer(), headers);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await account(userId, 'acc-eur')).toMatchObject({ balance: -10000, transactionCount: 1 });
  });
});
