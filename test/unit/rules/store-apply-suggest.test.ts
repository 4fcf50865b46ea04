/**
 * Rules against a real DynamoDB Local: the order and the limit under concurrent writes, an apply
 * job's chunks run twice (a redelivery, a crash before the step was recorded) changing each
 * transaction once and leaving the ledger's counts exact, and the re-categorisation counts behind
 * suggestions under duplicate and out-of-order delivery.
 */
import { ulid } from 'ulid';
import { AccountEntity } from '../../../shared/accounts/items';
import { CategoryEntity } from '../../../shared/categories/items';
import { ProfileEntity } from '../../../shared/identity/profile';
import { createRuleApplier, newJobItem } from '../../../shared/rules/apply';
import { newRuleItem } from '../../../shared/rules/define';
import { createRuleEngine } from '../../../shared/rules/engine';
import { RuleEntity, RuleOrderEntity } from '../../../shared/rules/items';
import { MAX_RULES } from '../../../shared/rules/schemas';
import { createRuleStore } from '../../../shared/rules/store';
import { createRuleSuggester } from '../../../shared/rules/suggest';
import type { TransactionItem } from '../../../shared/transactions/items';
import { storedTransaction } from '../../../shared/transactions/plan';
import { createTransactionUpdater } from '../../../shared/transactions/public';
import { startLocalDynamoDb } from '../support/local-dynamodb';
import { accountFixture, categoryFixture, transactionFixture } from '../transactions/support/ledger-fixtures';

jest.setTimeout(120_000);

let env: Awaited<ReturnType<typeof startLocalDynamoDb>>;
beforeAll(async () => {
  env = await startLocalDynamoDb();
}, 90_000);
afterAll(async () => env?.stop());

let sequence = 0;
async function newUser() {
  const userId = `rules-user-${++sequence}`;
  await env.put({ ...ProfileEntity.key(userId), type: 'PROFILE', userId });
  return userId;
}

const NOW = '2026-01-10T10:00:00.000Z';
const ruleBody = (name: string) => ({
  name,
  conditions: [{ field: 'payee' as const, op: 'equals' as const, value: 'corner bakery' }],
  actions: { categoryId: 'groceries' },
});

describe('order and limit', () => {
  test('concurrent creations all land, each once, in the order', async () => {
    const userId = await newUser();
    const store = createRuleStore({ db: env.db, tableName: env.tableName });
    const rules = Array.from({ length: 12 }, (_, i) => newRuleItem(ruleBody(`Rule ${i}`), ulid(), NOW));
    await Promise.all(rules.map((rule) => store.create(userId, rule, undefined)));
    const { rules: listed } = await store.list(userId);
    expect(listed.map((rule) => rule.ruleId).sort()).toEqual(rules.map((rule) => rule.ruleId).sort());
  });

  test(`the ${MAX_RULES + 1}th rule is refused and nothing of it is written`, async () => {
    const userId = await newUser();
    const ids = Array.from({ length: MAX_RULES }, () => ulid());
    await env.putAll([
      ...ids.map((id) => ({ ...RuleEntity.key(userId, id), ...newRuleItem(ruleBody(id), id, NOW) })),
      { ...RuleOrderEntity.key(userId), type: 'RULE_ORDER', ids, version: 1, updatedAt: NOW },
    ]);
    const store = createRuleStore({ db: env.db, tableName: env.tableName });
    const extra = newRuleItem(ruleBody('One too many'), ulid(), NOW);
    await expect(store.create(userId, extra, undefined)).rejects.toMatchObject({ reason: 'too-many-rules' });
    expect(await store.get(userId, extra.ruleId)).toBeUndefined();
    expect((await store.list(userId)).rules).toHaveLength(MAX_RULES);
  });
});

describe('the engine on creation', () => {
  test('fills a missing (or null) category, leaves a given one, and passes an archived category on to the next rule', async () => {
    const userId = await newUser();
    const { db, tableName } = env;
    const store = createRuleStore({ db, tableName });
    await env.putAll([
      { ...CategoryEntity.key(userId, 'groceries'), ...categoryFixture() },
      { ...CategoryEntity.key(userId, 'travel'), ...categoryFixture({ categoryId: 'travel', archived: true }) },
    ]);
    const archived = newRuleItem(
      {
        name: 'Old',
        conditions: [{ field: 'payee', op: 'contains', value: 'bakery' }],
        actions: { categoryId: 'travel' },
      },
      ulid(),
      NOW,
    );
    await store.create(userId, archived, undefined);
    await store.create(userId, newRuleItem(ruleBody('Bakery'), ulid(), NOW), undefined);
    const engine = createRuleEngine({ db, tableName });
    const body = {
      kind: 'expense' as const,
      accountId: 'acc-eur',
      money: { amount: 500, currency: 'EUR' },
      payee: 'Corner Bakery',
    };
    // The first rule's category is archived: passed over, the next matching rule's category wins.
    expect(await engine.forCreate(userId, body)).toEqual({ ...body, categoryId: 'groceries' });
    await store.delete(userId, archived.ruleId, NOW);
    expect(await engine.forCreate(userId, body)).toEqual({ ...body, categoryId: 'groceries' });
    await env.put({ ...CategoryEntity.key(userId, 'groceries'), ...categoryFixture({ archived: true }) });
    expect((await engine.forCreate(userId, body)).categoryId).toBeUndefined();
    await env.put({ ...CategoryEntity.key(userId, 'groceries'), ...categoryFixture() });
    expect(await engine.forCreate(userId, { ...body, categoryId: null })).toEqual({ ...body, categoryId: 'groceries' });
    expect(await engine.forCreate(userId, { ...body, categoryId: 'travel' })).toEqual({
      ...body,
      categoryId: 'travel',
    });
    expect(await engine.forCreate(userId, { ...body, payee: 'Cinema' })).toEqual({ ...body, payee: 'Cinema' });
  });
});

describe('an apply job', () => {
  test('run twice over the same chunks, it changes each matching transaction once and the counts stay exact', async () => {
    const userId = await newUser();
    const { db, tableName } = env;
    await env.putAll([
      { ...AccountEntity.key(userId, 'acc-eur'), ...accountFixture({ balance: -5000, transactionCount: 5 }) },
      { ...CategoryEntity.key(userId, 'groceries'), ...categoryFixture({ transactionCount: 1 }) },
    ]);
    const transactions: TransactionItem[] = [
      { payee: 'Corner Bakery', categoryId: null },
      { payee: 'corner  bakery', categoryId: null },
      { payee: 'Corner Bakery', categoryId: 'groceries' },
      { payee: 'Cinema', categoryId: null },
      { payee: 'Corner Bakery', categoryId: null },
    ].map((fields, i) =>
      transactionFixture({
        ...fields,
        transactionId: ulid(),
        date: `2026-01-0${i + 1}`,
        amount: 1000,
        accountAmount: -1000,
        homeAmount: -1000,
      }),
    );
    await env.putAll(transactions.map((item) => storedTransaction(userId, item)));

    const rules = createRuleStore({ db, tableName });
    const rule = newRuleItem(ruleBody('Bakery'), ulid(), NOW);
    await rules.create(userId, rule, undefined);
    const applier = createRuleApplier({
      db,
      tableName,
      rules,
      updater: createTransactionUpdater({ db, tableName }),
      chunkSize: 2,
    });
    const job = newJobItem(rule.ruleId, {}, ulid(), await applier.countInRange(userId, { from: null, to: null }), NOW);
    await rules.createJob(userId, job);

    // Every step delivered three times: two deliveries racing each other, then a late one.
    const outcomes: string[] = [];
    for (let step = 0; step < 10; step++) {
      const current = await rules.getJob(userId, job.jobId);
      if (!current || current.status === 'done') break;
      outcomes.push(
        ...(await Promise.all([applier.runStep(userId, job.jobId, step), applier.runStep(userId, job.jobId, step)])),
      );
      outcomes.push(await applier.runStep(userId, job.jobId, step));
    }
    const done = await rules.getJob(userId, job.jobId);
    // The racing duplicates of a step may split its changes between them; the count is exact anyway.
    expect(done).toMatchObject({ status: 'done', total: 5, scanned: 5, changed: 3, skipped: 0 });
    expect(outcomes.filter((outcome) => outcome === 'ran' || outcome === 'done')).toHaveLength(3);

    const stored = await env.partition(userId, 'TXN#');
    const byId = new Map(stored.map((item) => [item.transactionId, item]));
    expect(
      transactions.map((t) => [byId.get(t.transactionId)?.categoryId, byId.get(t.transactionId)?.version]),
    ).toEqual([
      ['groceries', 2],
      ['groceries', 2],
      ['groceries', 1],
      [null, 1],
      ['groceries', 2],
    ]);
    const [category] = await env.partition(userId, CategoryEntity.prefix);
    expect(category?.transactionCount).toBe(4);
    const [account] = await env.partition(userId, AccountEntity.prefix);
    expect(account).toMatchObject({ balance: -5000, transactionCount: 5 });
  });
});

describe('an apply job and reconciled transactions', () => {
  test('leaves a reconciled transaction as it is and counts it skipped', async () => {
    const userId = await newUser();
    const { db, tableName } = env;
    await env.putAll([
      { ...AccountEntity.key(userId, 'acc-eur'), ...accountFixture({ balance: -2000, transactionCount: 2 }) },
      { ...CategoryEntity.key(userId, 'groceries'), ...categoryFixture({ transactionCount: 0 }) },
    ]);
    const [locked, open] = (['reconciled', 'cleared'] as const).map((status, i) =>
      transactionFixture({
        transactionId: ulid(),
        payee: 'Corner Bakery',
        categoryId: null,
        status,
        date: `2026-01-0${i + 1}`,
        amount: 1000,
        accountAmount: -1000,
        homeAmount: -1000,
      }),
    ) as [TransactionItem, TransactionItem];
    await env.putAll([locked, open].map((item) => storedTransaction(userId, item)));
    const rules = createRuleStore({ db, tableName });
    const rule = newRuleItem(ruleBody('Bakery'), ulid(), NOW);
    await rules.create(userId, rule, undefined);
    const applier = createRuleApplier({ db, tableName, rules, updater: createTransactionUpdater({ db, tableName }) });
    const job = newJobItem(rule.ruleId, {}, ulid(), 2, NOW);
    await rules.createJob(userId, job);
    for (let step = 0; step < 5; step++) {
      if ((await rules.getJob(userId, job.jobId))?.status === 'done') break;
      await applier.runStep(userId, job.jobId, step);
    }
    expect(await rules.getJob(userId, job.jobId)).toMatchObject({ status: 'done', changed: 1, skipped: 1 });
    const byId = new Map((await env.partition(userId, 'TXN#')).map((item) => [item.transactionId, item]));
    expect(byId.get(locked.transactionId)).toMatchObject({ categoryId: null, version: 1, status: 'reconciled' });
    expect(byId.get(open.transactionId)).toMatchObject({ categoryId: 'groceries', version: 2 });
  });
});

describe('re-categorisation counts', () => {
  const updated = (item: TransactionItem, version: number, categoryId: string | null, before: string | null) => ({
    version,
    current: { ...item, categoryId, version },
    previous: { ...item, categoryId: before, version: version - 1 },
  });

  test('duplicates and late deliveries count nothing twice; a transaction counts for its latest category', async () => {
    const userId = await newUser();
    const suggester = createRuleSuggester({ db: env.db, tableName: env.tableName });
    const market = [1, 2, 3, 4].map(() =>
      transactionFixture({ transactionId: ulid(), payee: 'Local Market', categoryId: null }),
    );
    const events = [
      updated(market[0]!, 2, 'groceries', null),
      updated(market[1]!, 2, 'groceries', null),
      updated(market[2]!, 2, 'groceries', null),
      updated(market[2]!, 3, 'shopping', 'groceries'),
    ];
    // Newest first, each twice: the version-2 event of market[2] arrives after its version 3.
    for (const event of [...events].reverse().flatMap((e) => [e, e])) {
      await suggester.onUpdated(userId, event.version, event.current, event.previous);
    }
    expect(await suggester.suggestions(userId, [])).toEqual([]);

    const fourth = updated({ ...market[3]!, payee: ' local  MARKET ' }, 2, 'groceries', null);
    await suggester.onUpdated(userId, fourth.version, fourth.current, fourth.previous);
    await suggester.onUpdated(userId, fourth.version, fourth.current, fourth.previous);
    const found = await suggester.suggestions(userId, []);
    expect(found).toEqual([
      {
        payee: ' local  MARKET ',
        categoryId: 'groceries',
        count: 3,
        rule: expect.objectContaining({ actions: { categoryId: 'groceries' } }),
      },
    ]);
    const covering = newRuleItem(
      {
        name: 'Market',
        conditions: [{ field: 'payee', op: 'contains', value: 'market' }],
        actions: { categoryId: 'groceries' },
      },
      ulid(),
      NOW,
    );
    expect(await suggester.suggestions(userId, [covering])).toEqual([]);
    expect(await suggester.suggestions(userId, [{ ...covering, enabled: false }])).toHaveLength(1);
  });
});
