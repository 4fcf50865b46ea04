/**
 * Categorisation rules end to end. A rule fills in the category (and tags) of a transaction
 * created through the API without one, never of one created with a category, and never on an
 * update. Applying a rule to existing transactions runs as a job whose progress is readable, and
 * moves a budget on the rule's category by exactly the amounts it re-categorised. Three manual
 * re-categorisations of one payee to one category make a suggestion, ready to POST, that goes away
 * once a rule covers the payee. Regexes the linear-time engine refuses are 422s naming the field.
 * Another user's rules and jobs are 404 on every route.
 */
import { createBudget, getBudget } from './support/alerts';
import { type ApiResult, api, call } from './support/api-client';
import { expectProblem } from './support/expectations';
import {
  type AccountView,
  createAccount,
  createTransaction,
  expectOk,
  type LedgerUser,
  ledgerUser,
  type TransactionView,
} from './support/ledger';
import { eventually } from './support/poll';
import { settle } from './support/settle';
import { closeTable } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(180_000);
afterAll(() => closeTable());

type RuleView = { id: string; name: string; position: number; version: number; enabled: boolean };
type JobView = {
  id: string;
  ruleId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: { total: number; scanned: number; changed: number; skipped: number };
};
type Suggestion = { payee: string; categoryId: string; count: number; rule: Record<string, unknown> };

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describeWithMailbox('categorisation rules', () => {
  let a: LedgerUser;
  let b: LedgerUser;
  let account: AccountView;
  let coffeeRule: RuleView;

  const createRule = async (user: LedgerUser, body: Record<string, unknown>) =>
    expectOk(await api.post('/v1/rules', body, { token: user.token }), 201, 'create rule').json as RuleView;
  const record = (body: Partial<Parameters<typeof createTransaction>[1]>) =>
    createTransaction(a, { accountId: account.id, money: eur(100), ...body });
  const getTransaction = async (id: string) =>
    expectOk(await api.get(`/v1/transactions/${id}`, { token: a.token }), 200, 'get transaction')
      .json as TransactionView;
  const suggestions = async (user: LedgerUser) =>
    (
      expectOk(await api.get('/v1/rules/suggestions', { token: user.token }), 200, 'suggestions').json as {
        items: Suggestion[];
      }
    ).items;

  beforeAll(async () => {
    [a, b] = await Promise.all([ledgerUser({ homeCurrency: 'EUR' }), ledgerUser({ homeCurrency: 'EUR' })]);
    account = await createAccount(a, { name: 'Everyday', currency: 'EUR' });
    coffeeRule = await createRule(a, {
      name: 'Coffee',
      conditions: [
        { field: 'payee', op: 'regex', value: '\\bcoffee\\b' },
        { field: 'direction', op: 'equals', value: 'expense' },
      ],
      actions: { categoryId: 'restaurants', addTags: ['caffeine'] },
    });
  });

  test('a transaction created without a category is categorised by the rule; one with a category is not', async () => {
    const ruled = await record({ payee: 'Blue Bottle COFFEE', tags: ['work'] });
    expect(ruled).toMatchObject({ categoryId: 'restaurants', payee: 'Blue Bottle COFFEE', tags: ['work', 'caffeine'] });
    expect(await getTransaction(ruled.id)).toMatchObject({ categoryId: 'restaurants', tags: ['work', 'caffeine'] });

    const chosen = await record({ payee: 'Blue Bottle Coffee', categoryId: 'shopping' });
    expect(chosen).toMatchObject({ categoryId: 'shopping', tags: [] });

    const income = await record({ kind: 'income', payee: 'Coffee refund' });
    expect(income.categoryId).toBeNull();
  });

  test('never on an update: an edit that makes a transaction match leaves its category alone', async () => {
    const tea = await record({ payee: 'Tea House' });
    expect(tea.categoryId).toBeNull();
    const edited = expectOk(
      await api.patch(`/v1/transactions/${tea.id}`, { payee: 'Corner Coffee' }, { token: a.token }),
      200,
      'patch transaction',
    ).json as TransactionView;
    expect(edited).toMatchObject({ payee: 'Corner Coffee', categoryId: null, tags: [] });
  });

  test('regexes: refused patterns are 422 naming the field; (a+)+$ is accepted and harmless', async () => {
    for (const value of ['(?=coffee)', '(a)\\1', '[unclosed']) {
      const refused = await api.post(
        '/v1/rules',
        {
          name: 'Bad',
          conditions: [
            { field: 'note', op: 'contains', value: 'x' },
            { field: 'payee', op: 'regex', value },
          ],
          actions: { categoryId: 'travel' },
        },
        { token: a.token },
      );
      expectProblem(refused, 422, ['conditions[1].value']);
    }
    expectProblem(
      await api.post(
        '/v1/rules',
        {
          name: 'Long',
          conditions: [{ field: 'payee', op: 'regex', value: 'a'.repeat(201) }],
          actions: { categoryId: 'travel' },
        },
        { token: a.token },
      ),
      400,
      ['conditions.0.value'],
    );
    expectProblem(
      await api.post(
        '/v1/rules',
        {
          name: 'Nowhere',
          conditions: [{ field: 'payee', op: 'contains', value: 'x' }],
          actions: { categoryId: 'no-such' },
        },
        { token: a.token },
      ),
      422,
      ['actions.categoryId'],
    );
    const pathological = await createRule(a, {
      name: 'Pathological',
      conditions: [{ field: 'note', op: 'regex', value: '(a+)+$' }],
      actions: { addTags: ['aaa'] },
    });
    // A note that makes a backtracking engine take for ever: created at once, the rule not matching.
    const created = await record({ payee: 'Nobody', note: `${'a'.repeat(400)}!` });
    expect(created.tags).toEqual([]);
    expectOk(await api.delete(`/v1/rules/${pathological.id}`, { token: a.token }), 204, 'delete rule');
  });

  test('order: the first rule that sets a field wins; PUT /v1/rules/order and position move rules', async () => {
    const travel = await createRule(a, {
      name: 'Coffee while travelling',
      conditions: [{ field: 'payee', op: 'contains', value: 'airport coffee' }],
      actions: { categoryId: 'travel', note: 'on the road' },
      position: 1,
    });
    expect(travel.position).toBe(1);
    const first = await record({ payee: 'Airport Coffee' });
    expect(first).toMatchObject({ categoryId: 'travel', note: 'on the road', tags: ['caffeine'] });

    const reordered = expectOk(
      await call('PUT', '/v1/rules/order', { token: a.token, body: { ids: [coffeeRule.id, travel.id] } }),
      200,
      'reorder',
    ).json as { items: RuleView[] };
    expect(reordered.items.map((rule) => rule.id)).toEqual([coffeeRule.id, travel.id]);
    const second = await record({ payee: 'Airport Coffee' });
    expect(second).toMatchObject({ categoryId: 'restaurants', note: 'on the road', tags: ['caffeine'] });

    expectProblem(await call('PUT', '/v1/rules/order', { token: a.token, body: { ids: [travel.id] } }), 400, ['ids']);
    const moved = expectOk(
      await api.patch(
        `/v1/rules/${travel.id}`,
        { position: 1 },
        { token: a.token, headers: { 'if-match': `"${travel.version}"` } },
      ),
      200,
      'move rule',
    ).json as RuleView;
    expect(moved).toMatchObject({ position: 1, version: travel.version + 1 });
    expectProblem(
      await api.patch(
        `/v1/rules/${travel.id}`,
        { enabled: false },
        { token: a.token, headers: { 'if-match': `"${travel.version}"` } },
      ),
      412,
    );
    const disabled = expectOk(
      await api.patch(`/v1/rules/${travel.id}`, { enabled: false }, { token: a.token }),
      200,
      'disable rule',
    ).json as RuleView;
    expect(disabled.enabled).toBe(false);
    const listed = expectOk(await api.get('/v1/rules', { token: a.token }), 200, 'list rules').json as {
      items: RuleView[];
    };
    expect(listed.items.map((rule) => [rule.id, rule.position])).toEqual([
      [travel.id, 1],
      [coffeeRule.id, 2],
    ]);
    expect((await record({ payee: 'Airport Coffee' })).categoryId).toBe('restaurants');
  });

  test('applying a rule to existing transactions reports progress and moves the budget by exactly what it moved', async () => {
    const budget = await createBudget(a, { name: 'Groceries', limit: eur(1_000_000), categoryIds: ['groceries'] });
    const bakery = [1_250, 860, 435];
    const uncategorised = await Promise.all(
      bakery.map((amount) => record({ payee: 'Corner Bakery', money: eur(amount) })),
    );
    const categorised = await record({ payee: 'Corner Bakery', money: eur(999), categoryId: 'shopping' });
    await settle();
    const before = (await getBudget(a, budget.id)).current.spent.amount;

    const rule = await createRule(a, {
      name: 'Bakery',
      conditions: [{ field: 'payee', op: 'equals', value: 'corner bakery' }],
      actions: { categoryId: 'groceries' },
    });
    const queued = await api.post(`/v1/rules/${rule.id}/apply`, {}, { token: a.token });
    const job = expectOk(queued, 202, 'apply rule').json as JobView;
    expect(queued.headers.get('location')).toBe(`/v1/rules/${rule.id}/apply/${job.id}`);
    expect(job).toMatchObject({ ruleId: rule.id, status: 'queued', progress: { scanned: 0, changed: 0 } });
    const total = job.progress.total;
    expect(total).toBeGreaterThanOrEqual(bakery.length + 1);

    const done = await eventually(
      'the apply job to finish',
      async () => {
        const view = expectOk(await api.get(`/v1/rules/${rule.id}/apply/${job.id}`, { token: a.token }), 200, 'get job')
          .json as JobView;
        return view.status === 'done' ? view : undefined;
      },
      { timeoutMs: 15_000 },
    );
    expect(done.progress).toEqual({ total, scanned: total, changed: bakery.length, skipped: 0 });
    for (const transaction of uncategorised)
      expect((await getTransaction(transaction.id)).categoryId).toBe('groceries');
    expect((await getTransaction(categorised.id)).categoryId).toBe('shopping');

    await settle();
    const after = (await getBudget(a, budget.id)).current.spent.amount;
    expect(after - before).toBe(bakery.reduce((sum, amount) => sum + amount, 0));

    // Again: nothing left to change, and the budget does not move.
    const again = expectOk(
      await api.post(`/v1/rules/${rule.id}/apply`, { onlyUncategorised: true }, { token: a.token }),
      202,
      'apply again',
    ).json as JobView;
    const rerun = await eventually('the second job to finish', async () => {
      const view = expectOk(await api.get(`/v1/rules/${rule.id}/apply/${again.id}`, { token: a.token }), 200, 'get job')
        .json as JobView;
      return view.status === 'done' ? view : undefined;
    });
    expect(rerun.progress.changed).toBe(0);
    await settle();
    expect((await getBudget(a, budget.id)).current.spent.amount).toBe(after);
  });

  test('three re-categorisations of one payee to one category suggest a rule, until a rule covers it', async () => {
    const market = await Promise.all(
      [300, 400, 500].map((amount) => record({ payee: 'Local Market', money: eur(amount) })),
    );
    const twice = await Promise.all([300, 400].map((amount) => record({ payee: 'Flower Stall', money: eur(amount) })));
    for (const transaction of [...market, ...twice]) {
      expectOk(
        await api.patch(`/v1/transactions/${transaction.id}`, { categoryId: 'groceries' }, { token: a.token }),
        200,
        're-categorise',
      );
    }
    await settle();
    const found = await suggestions(a);
    // Corner Bakery was moved 3 times too, by the bakery rule, which covers it: not suggested.
    expect(found).toEqual([
      {
        payee: 'Local Market',
        categoryId: 'groceries',
        count: 3,
        rule: {
          name: 'Local Market',
          conditions: [{ field: 'payee', op: 'equals', value: 'Local Market' }],
          actions: { categoryId: 'groceries' },
        },
      },
    ]);
    await createRule(a, found[0]!.rule);
    expect(await suggestions(a)).toEqual([]);
    const next = await record({ payee: 'local market' });
    expect(next.categoryId).toBe('groceries');
  });

  test('a dismissed suggestion is not proposed again, for that user only', async () => {
    const stall = await record({ payee: 'Flower Stall', money: eur(600) });
    expectOk(
      await api.patch(`/v1/transactions/${stall.id}`, { categoryId: 'groceries' }, { token: a.token }),
      200,
      're-categorise',
    );
    await settle();
    expect((await suggestions(a)).map((s) => s.payee)).toEqual(['Flower Stall']);

    const dismiss = (user: LedgerUser, body: unknown) =>
      api.post('/v1/rules/suggestions/dismissals', body, { token: user.token });
    expectProblem(await dismiss(a, { payee: 'Flower Stall' }), 400, ['categoryId']);
    // Another user's dismissal is theirs: A's suggestion stays.
    expectOk(await dismiss(b, { payee: 'Flower Stall', categoryId: 'groceries' }), 200, 'dismiss as b');
    expect((await suggestions(a)).map((s) => s.payee)).toEqual(['Flower Stall']);

    const first = expectOk(await dismiss(a, { payee: '  flower   STALL ', categoryId: 'groceries' }), 200, 'dismiss')
      .json as { dismissedAt: string };
    expect(await suggestions(a)).toEqual([]);
    const again = expectOk(await dismiss(a, { payee: 'Flower Stall', categoryId: 'groceries' }), 200, 'again').json;
    expect(again).toMatchObject({ categoryId: 'groceries', dismissedAt: first.dismissedAt });
    expect(await suggestions(a)).toEqual([]);
  });

  test("isolation: another user's rules and jobs are 404 on every route", async () => {
    const listed = (expectOk(await api.get('/v1/rules', { token: a.token }), 200, 'list').json as { items: RuleView[] })
      .items;
    const id = coffeeRule.id;
    const job = expectOk(await api.post(`/v1/rules/${id}/apply`, {}, { token: a.token }), 202, 'apply').json as JobView;
    const asB = { token: b.token };
    const results: [string, ApiResult][] = [
      ['get', await api.get(`/v1/rules/${id}`, asB)],
      ['patch', await api.patch(`/v1/rules/${id}`, { name: 'Mine now' }, asB)],
      ['delete', await api.delete(`/v1/rules/${id}`, asB)],
      ['apply', await api.post(`/v1/rules/${id}/apply`, {}, asB)],
      ['job', await api.get(`/v1/rules/${id}/apply/${job.id}`, asB)],
    ];
    for (const [, result] of results) expectProblem(result, 404);
    expect((expectOk(await api.get('/v1/rules', asB), 200, 'list b').json as { items: RuleView[] }).items).toEqual([]);
    expect(await suggestions(b)).toEqual([]);
    expectProblem(await call('PUT', '/v1/rules/order', { ...asB, body: { ids: listed.map((rule) => rule.id) } }), 400, [
      'ids',
    ]);
    // B's transactions are untouched by A's rules.
    const bAccount = await createAccount(b, { name: 'B', currency: 'EUR' });
    const bCoffee = await createTransaction(b, {
      accountId: bAccount.id,
      money: eur(300),
      payee: 'Blue Bottle Coffee',
    });
    expect(bCoffee.categoryId).toBeNull();
    // And A's rule is still A's, unchanged.
    expect(expectOk(await api.get(`/v1/rules/${id}`, { token: a.token }), 200, 'get a').json).toMatchObject({
      name: 'Coffee',
    });
  });
});
