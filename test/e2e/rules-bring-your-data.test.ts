/**
 * Rules apply to every way a transaction comes in without a category: a captured bank message and
 * an imported statement row are categorised (and their payee renamed) by the user's rules, exactly
 * like one typed through the API; rows and messages no rule matches stay uncategorised, and the
 * budget on the rule's category counts exactly the matched amounts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import messages from '../fixtures/messages/develop.json';
import { createBudget, spentByPeriod } from './support/alerts';
import { api } from './support/api-client';
import { expectOk, type LedgerUser, ledgerUser, listTransactions, type TransactionView } from './support/ledger';
import { sleep } from './support/poll';
import { settle } from './support/settle';
import { untilQuiescent } from './support/targets';

// Waits for quiescence with settle(), the local bus's idle signal: skipped (and said so) elsewhere.
const { describe, test } = untilQuiescent('rules on your own data');

jest.setTimeout(240_000);

const message = (id: string) => {
  const found = (messages as { id: string; text: string; context: Record<string, string> }[]).find(
    (fixture) => fixture.id === id,
  );
  if (!found) throw new Error(`no message fixture ${id}`);
  return found;
};
const statement = (name: string) => readFileSync(join(__dirname, '../fixtures/statements', name), 'utf8');

describe('rules on captured and imported transactions', () => {
  let user: LedgerUser;
  let card: { id: string };
  let current: { id: string };
  let budgetId: string;

  beforeAll(async () => {
    user = await ledgerUser({ homeCurrency: 'EUR', timezone: 'Europe/Berlin' });
    const account = async (body: Record<string, unknown>) =>
      expectOk(
        await api.post('/v1/accounts', { kind: 'checking', currency: 'EUR', ...body }, { token: user.token }),
        201,
        'create account',
      ).json as { id: string };
    card = await account({ name: 'Sparkasse card', hints: { lastDigits: ['4711'] } });
    current = await account({ name: 'Girokonto' });
    const rule = async (body: Record<string, unknown>) =>
      expectOk(await api.post('/v1/rules', body, { token: user.token }), 201, 'create rule');
    await rule({
      name: 'Supermarket',
      conditions: [{ field: 'payee', op: 'contains', value: 'rewe' }],
      actions: { categoryId: 'groceries', payee: 'REWE', addTags: ['food'] },
    });
    await rule({
      name: 'Bakery',
      conditions: [
        { field: 'payee', op: 'regex', value: '^b(ä|ae)ckerei' },
        { field: 'direction', op: 'equals', value: 'expense' },
      ],
      actions: { categoryId: 'groceries' },
    });
    budgetId = (
      await createBudget(user, {
        name: 'Food',
        limit: { amount: 100_000, currency: 'EUR' },
        categoryIds: ['groceries'],
        thresholds: [],
        startDate: '2026-11-01',
      })
    ).id;
  });

  test('a captured message is recorded with the category and payee its rule sets', async () => {
    const alert = message('eu-de-kartenzahlung');
    const captured = expectOk(
      await api.post(
        '/v1/captures',
        { text: alert.text, receivedAt: alert.context.receivedAt, source: 'push' },
        { token: user.token },
      ),
      201,
      'capture',
    ).json as { status: string; transactionId: string };
    expect(captured.status).toBe('recorded');
    const recorded = expectOk(
      await api.get(`/v1/transactions/${captured.transactionId}`, { token: user.token }),
      200,
      'get',
    ).json as TransactionView;
    expect(recorded).toMatchObject({
      accountId: card.id,
      categoryId: 'groceries',
      payee: 'REWE',
      tags: ['food'],
      money: { amount: 2345, currency: 'EUR' },
    });
  });

  test('imported rows are categorised by the first matching rule; the rest stay uncategorised', async () => {
    const created = expectOk(
      await api.post(
        '/v1/imports',
        { accountId: current.id, format: 'csv', preset: 'eu-semicolon', content: statement('eu-semicolon.csv') },
        { token: user.token },
      ),
      202,
      'import',
    ).json as { id: string };
    const deadline = Date.now() + 120_000;
    for (;;) {
      const view = expectOk(await api.get(`/v1/imports/${created.id}`, { token: user.token }), 200, 'get import')
        .json as { status: string; counts: { created: number } };
      if (view.status === 'completed') {
        expect(view.counts.created).toBe(15);
        break;
      }
      if (Date.now() > deadline) throw new Error(`import still ${view.status}`);
      await sleep(200);
    }
    const rows = await listTransactions(user, { accountId: current.id });
    const byNote = (note: string) => rows.find((row) => row.note === note);
    expect(byNote('Lebensmittel')).toMatchObject({ payee: 'REWE', categoryId: 'groceries', tags: ['food'] });
    expect(byNote('Kartenzahlung Filiale Südstadt')).toMatchObject({
      payee: 'Bäckerei Müller',
      categoryId: 'groceries',
    });
    const categorised = rows.filter((row) => row.categoryId === 'groceries');
    expect(categorised).toHaveLength(2);
    expect(rows.filter((row) => row.categoryId === null)).toHaveLength(13);

    // The budget counts the captured REWE payment and the two imported groceries rows, exactly.
    await settle();
    expect(await spentByPeriod(user, budgetId, '2026-11-01', '2026-12-31')).toEqual({
      '2026-11': 6743 + 480,
      '2026-12': 2345,
    });
  });
});
