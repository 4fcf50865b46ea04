/**
 * The audit trail as a user reads it (GET /v1/audit): a PATCH shows the fields before and after,
 * who made it and the correlation id the client sent; a budget alert shows the evaluator as its
 * actor, under the correlation id of the spending that crossed it; the filters (entity type,
 * entity, from/to) and paging work; another user sees nothing of it, even by guessing ids.
 */
import { createBudget } from './support/alerts';
import { type ApiResult, api } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import { type AccountView, createAccount, type LedgerUser, ledgerUser, queryString } from './support/ledger';
import { eventually } from './support/poll';
import { settle } from './support/settle';
import { closeTable } from './support/table';
import { untilQuiescent } from './support/targets';

// Waits for quiescence with settle(), the local bus's idle signal: skipped (and said so) elsewhere.
const { describe, test } = untilQuiescent('the audit trail');

jest.setTimeout(90_000);

afterAll(() => closeTable());

type AuditEntry = {
  id: string;
  entity: string;
  entityId: string;
  operation: 'created' | 'updated' | 'deleted';
  event: string;
  actor: string;
  correlationId: string | null;
  occurredAt: string;
  version: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};
type AuditPage = { items: AuditEntry[]; nextCursor: string | null };

const auditPage = async (user: LedgerUser, query: Record<string, string | number | undefined> = {}) => {
  const result = await api.get(`/v1/audit${queryString(query)}`, { token: user.token });
  expectStatus(result, 200);
  return result.json as AuditPage;
};

/** The entries of a query once they are `complete` (the trail follows the writes within moments). */
const entriesOnce = (
  user: LedgerUser,
  query: Record<string, string | number | undefined>,
  complete: (entries: AuditEntry[]) => boolean,
) =>
  eventually(`the audit entries for ${JSON.stringify(query)}`, async () => {
    const page = await auditPage(user, query);
    return complete(page.items) ? page.items : undefined;
  });

const correlation = (what: string) => `e2e-${what}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

describe('the audit trail', () => {
  let user: LedgerUser;
  let other: LedgerUser;
  let account: AccountView;
  const renameRequest = correlation('rename');
  const spendRequest = correlation('spend');

  beforeAll(async () => {
    [user, other] = await Promise.all([ledgerUser(), ledgerUser()]);
    account = await createAccount(user, { name: 'Checking', currency: 'EUR' });
    const renamed = await api.patch(
      `/v1/accounts/${account.id}`,
      { name: 'Household' },
      { token: user.token, headers: { 'x-correlation-id': renameRequest } },
    );
    expectStatus(renamed, 200);
  });

  test("a PATCH shows the changed field before and after, the user as actor and the request's correlation id", async () => {
    const entries = await entriesOnce(user, { entity: 'account', entityId: account.id }, (found) => found.length === 2);
    const update = entries.find((entry) => entry.operation === 'updated');
    expect(update).toMatchObject({
      entity: 'account',
      entityId: account.id,
      event: 'AccountUpdated',
      actor: 'user',
      correlationId: renameRequest,
      before: { name: 'Checking' },
      after: { name: 'Household' },
    });
    // Only what changed, and never the stamp itself.
    expect(Object.keys(update?.after ?? {})).toEqual(['name']);
    // The creation is there too, older, with every field after it.
    expect(entries.map((entry) => entry.operation)).toEqual(['updated', 'created']);
    expect(entries[1]?.after).toMatchObject({ name: 'Checking', currency: 'EUR' });
  });

  test("a budget alert appears as the evaluator's doing, under the correlation id of the spending that crossed it", async () => {
    await createBudget(user, {
      name: 'Groceries',
      limit: { amount: 10_000, currency: 'EUR' },
      categoryIds: ['groceries'],
    });
    // The budget's own backfill done first: otherwise it may find the spending and write the alert
    // under the budget's request instead.
    await settle();
    const spent = await api.post(
      '/v1/transactions',
      { kind: 'expense', accountId: account.id, money: { amount: 9_000, currency: 'EUR' }, categoryId: 'groceries' },
      { token: user.token, headers: { 'x-correlation-id': spendRequest } },
    );
    expectStatus(spent, 201);

    const alerts = await entriesOnce(user, { entity: 'budget_alert' }, (found) => found.length > 0);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      event: 'BudgetThresholdCrossed',
      operation: 'created',
      actor: 'budget-evaluator',
      correlationId: spendRequest,
    });
    const [transaction] = await entriesOnce(user, { entity: 'transaction' }, (found) => found.length > 0);
    expect(transaction).toMatchObject({ actor: 'user', correlationId: spendRequest, entityId: spent.json.id });
  });

  test("a deletion names its deleter; a deleted account's transactions are the ledger cleaner's doing", async () => {
    const closing = await createAccount(user, { name: 'Old savings', currency: 'EUR' });
    const spent = await api.post(
      '/v1/transactions',
      { kind: 'expense', accountId: closing.id, money: { amount: 1_250, currency: 'EUR' } },
      { token: user.token },
    );
    expectStatus(spent, 201);
    expectStatus(await api.patch(`/v1/accounts/${closing.id}`, { archived: true }, { token: user.token }), 200);
    const deleteRequest = correlation('close');
    const deleted = await api.delete(`/v1/accounts/${closing.id}`, {
      token: user.token,
      headers: { 'x-correlation-id': deleteRequest },
    });
    expect(deleted.status).toBeLessThan(300);

    const closingTrail = await entriesOnce(user, { entity: 'account', entityId: closing.id }, (found) =>
      found.some((entry) => entry.operation === 'deleted'),
    );
    // Newest first: the deletion after the archiving, even within the same second.
    expect(closingTrail.map((entry) => entry.operation)).toEqual(['deleted', 'updated', 'created']);
    const accountDeleted = closingTrail[0];
    expect(accountDeleted).toMatchObject({
      operation: 'deleted',
      actor: 'user',
      correlationId: deleteRequest,
      before: expect.objectContaining({ name: 'Old savings', archived: true }),
      after: null,
    });
    const [transactionDeleted] = await entriesOnce(user, { entity: 'transaction', entityId: spent.json.id }, (found) =>
      found.some((entry) => entry.operation === 'deleted'),
    );
    expect(transactionDeleted).toMatchObject({
      operation: 'deleted',
      actor: 'ledger-cleaner',
      correlationId: deleteRequest,
    });
  });

  test('filters by entity type and entity are exact', async () => {
    const accounts = await auditPage(user, { entity: 'account' });
    expect(accounts.items.length).toBeGreaterThanOrEqual(2);
    expect(new Set(accounts.items.map((entry) => entry.entity))).toEqual(new Set(['account']));
    expect((await auditPage(user, { entity: 'account', entityId: 'no-such-account' })).items).toEqual([]);
    expect((await auditPage(user, { entity: 'goal' })).items).toEqual([]);
  });

  test('from and to bound the trail by date or date-time', async () => {
    const all = (await auditPage(user, { limit: 200 })).items;
    const newest = all[0] as AuditEntry;
    const oldest = all.at(-1) as AuditEntry;
    const day = newest.occurredAt.slice(0, 10);

    expect((await auditPage(user, { from: day, to: day, limit: 200 })).items.length).toBeGreaterThanOrEqual(
      all.filter((entry) => entry.occurredAt.startsWith(day)).length,
    );
    expect((await auditPage(user, { to: '2000-01-01' })).items).toEqual([]);
    const later = new Date(Date.parse(newest.occurredAt) + 1).toISOString();
    expect((await auditPage(user, { from: later })).items).toEqual([]);
    // A bound that is exactly an entry's time includes it, at either end.
    const exact = await auditPage(user, { from: oldest.occurredAt, to: oldest.occurredAt });
    expect(exact.items.map((entry) => entry.id)).toContain(oldest.id);
    expect(exact.items.every((entry) => entry.occurredAt === oldest.occurredAt)).toBe(true);
  });

  test('pages walk the whole trail, newest first, without gaps or repeats', async () => {
    const all = (await auditPage(user, { limit: 200 })).items;
    expect(all.length).toBeGreaterThanOrEqual(4);
    const times = all.map((entry) => entry.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);

    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await auditPage(user, { limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      walked.push(...page.items.map((entry) => entry.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(walked).toEqual(all.map((entry) => entry.id));
  });

  test('bad input is a 400 problem naming the field', async () => {
    const refused = async (query: Record<string, string>, field: string) => {
      const result: ApiResult = await api.get(`/v1/audit${queryString(query)}`, { token: user.token });
      expectProblem(result, 400, [field]);
    };
    await refused({ entityId: account.id }, 'entityId');
    await refused({ from: 'yesterday' }, 'from');
    await refused({ to: '2026-02-30' }, 'to');
    await refused({ from: '2026-03-02', to: '2026-03-01' }, 'to');
    await refused({ entity: 'Account!' }, 'entity');
    await refused({ cursor: 'not-a-cursor' }, 'cursor');
    await refused({ limit: '0' }, 'limit');
  });

  test('another user sees nothing of it, not even by guessing ids or reusing a cursor', async () => {
    expect((await auditPage(other)).items.every((entry) => entry.entityId !== account.id)).toBe(true);
    expect((await auditPage(other, { entity: 'account', entityId: account.id })).items).toEqual([]);
    expect((await auditPage(other, { entity: 'budget_alert' })).items).toEqual([]);

    const mine = await auditPage(user, { limit: 1 });
    expect(mine.nextCursor).not.toBeNull();
    const result = await api.get(`/v1/audit${queryString({ cursor: mine.nextCursor ?? '' })}`, { token: other.token });
    expectProblem(result, 400, ['cursor']);
  });
});
