/**
 * Delta sync as a client does it: keep a local copy by reading GET /v1/changes from the last token,
 * applying each entry (upsert the entity, drop it on a tombstone), through 200 random creates,
 * edits and deletes of accounts, categories, transactions, budgets, goals, rules and payees, synced
 * now and then in small pages. At the end the copy is exactly what the list routes show. Also: a
 * webhook's changes reach the feed without its signing secret; a token older than the retained
 * window is 410 resync, a garbled one 400, and one user's token shows another only their own feed.
 */
import { coveredEntities, type FeedEntityType } from '../../shared/changes/catalogue';
import { CHANGE_RETENTION_SECONDS } from '../../shared/changes/items';
import { encodeToken } from '../../shared/changes/token';
import { api } from './support/api-client';
import {
  createAccount,
  createTransaction,
  expectOk,
  type LedgerUser,
  ledgerUser,
  listAll,
  queryString,
} from './support/ledger';
import { CHAOS_OFF, CHAOS_ON, setChaos, settle } from './support/settle';
import { closeTable } from './support/table';
import { describeWithLoopbackReceiver, describeWithMailbox } from './support/targets';

jest.setTimeout(600_000);

afterAll(() => closeTable());

type Change = {
  sequence: number;
  type: FeedEntityType;
  id: string;
  op: 'created' | 'updated' | 'deleted';
  entity?: Record<string, unknown>;
  deleted?: true;
};

/** A client's local copy: entities by `type/id`, and where it is in the feed. */
type Replica = { entities: Map<string, Record<string, unknown>>; token: string | undefined; lastSequence: number };

const newReplica = (): Replica => ({ entities: new Map(), token: undefined, lastSequence: 0 });

/** Reads the feed from the replica's token until nothing more is waiting, applying every entry. */
async function sync(user: LedgerUser, replica: Replica, limit = 37): Promise<number> {
  let applied = 0;
  for (let pages = 0; pages < 10_000; pages++) {
    const result = expectOk(
      await api.get(`/v1/changes${queryString({ since: replica.token, limit })}`, { token: user.token }),
      200,
      'changes',
    );
    const changes = result.json.changes as Change[];
    for (const change of changes) {
      // In order, no gap: the sequence is the user's, one per entry.
      expect(change.sequence).toBe(replica.lastSequence + 1);
      replica.lastSequence = change.sequence;
      const key = `${change.type}/${change.id}`;
      if (change.deleted) replica.entities.delete(key);
      else replica.entities.set(key, change.entity ?? {});
      applied += 1;
    }
    replica.token = result.json.next;
    if (!result.json.hasMore) return applied;
  }
  throw new Error('the feed did not stop paging');
}

const without = (view: Record<string, unknown>, type: FeedEntityType) =>
  Object.fromEntries(Object.entries(view).filter(([name]) => !coveredEntities[type].omitted.includes(name)));

/** The server's state as the list routes show it, keyed like the replica. */
async function serverState(user: LedgerUser): Promise<Map<string, Record<string, unknown>>> {
  const state = new Map<string, Record<string, unknown>>();
  const lists: [FeedEntityType, string, Record<string, string | number>][] = [
    ['account', '/v1/accounts', { includeArchived: 'true' }],
    ['category', '/v1/categories', { includeArchived: 'true' }],
    ['transaction', '/v1/transactions', { limit: 200 }],
    ['budget', '/v1/budgets', {}],
    ['goal', '/v1/goals', {}],
    ['rule', '/v1/rules', {}],
    ['payee', '/v1/payees', {}],
  ];
  for (const [type, path, query] of lists) {
    const { items } = await listAll<Record<string, unknown>>(user, path, query);
    for (const item of items) state.set(`${type}/${String(item.id)}`, without(item, type));
  }
  const me = expectOk(await api.get('/v1/me', { token: user.token }), 200, 'me').json as Record<string, unknown>;
  state.set(`profile/${String(me.id)}`, without(me, 'profile'));
  return state;
}

const asSorted = (state: Map<string, Record<string, unknown>>) =>
  Object.fromEntries([...state.entries()].sort(([a], [b]) => a.localeCompare(b)));

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** 200 random creates, edits and deletes across seven entity types, the replica syncing every 50. */
async function scenario(user: LedgerUser, replica: Replica, seed: number): Promise<Record<string, number>> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const main = await createAccount(user, { name: 'Main', currency: 'EUR' });
  const live: Record<'account' | 'category' | 'transaction' | 'budget' | 'goal' | 'rule' | 'payee', string[]> = {
    account: [],
    category: [],
    transaction: [],
    budget: [],
    goal: [],
    rule: [],
    payee: [],
  };
  const done: Record<string, number> = {};
  const count = (what: string) => {
    done[what] = (done[what] ?? 0) + 1;
  };
  const ok = async (promise: Promise<{ status: number; text: string }>, status: number, what: string) => {
    const result = await promise;
    if (result.status !== status) throw new Error(`${what}: HTTP ${result.status} ${result.text}`);
    count(what);
    return result;
  };
  const auth = { token: user.token };
  for (let step = 1; step <= 200; step++) {
    const type = pick([
      'account',
      'category',
      'transaction',
      'transaction',
      'budget',
      'goal',
      'rule',
      'payee',
    ] as const);
    const ids = live[type];
    const action = ids.length === 0 ? 'create' : pick(['create', 'create', 'edit', 'delete'] as const);
    const name = `${type} ${step}`;
    if (action === 'create') {
      if (type === 'transaction') {
        const created = await createTransaction(user, {
          accountId: main.id,
          money: { amount: 100 + Math.floor(next() * 10_000), currency: 'EUR' },
          date: '2026-04-10',
          note: name,
        });
        ids.push(created.id);
        count('transaction create');
      } else {
        const bodies = {
          account: { name, kind: 'checking', currency: 'EUR' },
          category: { name, kind: 'expense' },
          budget: { name, limit: { amount: 40_000, currency: 'EUR' } },
          goal: { name, target: { amount: 150_000, currency: 'EUR' }, funding: { kind: 'contributions' } },
          // Matches no transaction of the scenario: a rule that applied would edit transactions too.
          rule: {
            name,
            conditions: [{ field: 'note', op: 'contains', value: 'never-in-a-note' }],
            actions: { addTags: ['synced'] },
          },
          payee: { name },
        } as const;
        const result = await ok(
          api.post(`/v1/${type === 'category' ? 'categories' : `${type}s`}`, bodies[type], auth),
          201,
          `${type} create`,
        );
        ids.push((result as { json?: { id: string } }).json?.id as string);
      }
    } else {
      const id = pick(ids);
      const path = `/v1/${type === 'category' ? 'categories' : `${type}s`}/${id}`;
      if (action === 'edit') {
        // A payee's notes: a rename would start a job over its transactions (it has none here).
        const body =
          type === 'transaction' || type === 'payee'
            ? { [type === 'payee' ? 'notes' : 'note']: `edited ${step}` }
            : { name: `${name} edited` };
        await ok(api.patch(path, body, auth), 200, `${type} edit`);
      } else {
        await ok(api.delete(path, auth), 204, `${type} delete`);
        ids.splice(ids.indexOf(id), 1);
      }
    }
    if (step % 50 === 0) await sync(user, replica);
  }
  return done;
}

async function expectInSync(user: LedgerUser, replica: Replica) {
  await settle();
  await sync(user, replica);
  expect(asSorted(replica.entities)).toEqual(asSorted(await serverState(user)));
}

describe('a client syncing with GET /v1/changes', () => {
  test('after 200 random creates, edits and deletes it holds exactly what the list routes show', async () => {
    const user = await ledgerUser();
    const replica = newReplica();
    const done = await scenario(user, replica, 14);
    // The mix really had creates, edits and deletes of several types, rules and payees among them.
    expect(Object.keys(done).filter((what) => what.endsWith('delete')).length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(done).filter((what) => what.endsWith('edit')).length).toBeGreaterThanOrEqual(3);
    for (const what of ['rule create', 'rule edit', 'rule delete', 'payee create', 'payee edit', 'payee delete']) {
      expect(done[what] ?? 0).toBeGreaterThanOrEqual(1);
    }
    await expectInSync(user, replica);
    // Nothing more once in sync: the same token answers an empty page, and itself again.
    const again = expectOk(
      await api.get(`/v1/changes${queryString({ since: replica.token })}`, { token: user.token }),
      200,
      'changes',
    );
    expect(again.json).toEqual({ changes: [], next: replica.token, hasMore: false });
  });

  test('a second client starting from nothing (no `since`) reaches the same state', async () => {
    const user = await ledgerUser();
    const account = await createAccount(user, { name: 'Fresh', currency: 'EUR' });
    await createTransaction(user, {
      accountId: account.id,
      money: { amount: 990, currency: 'EUR' },
      date: '2026-04-11',
    });
    expectOk(
      await api.delete(`/v1/accounts/${(await createAccount(user, { name: 'Gone', currency: 'EUR' })).id}`, {
        token: user.token,
      }),
      204,
      'delete',
    );
    await settle();
    const first = expectOk(await api.get('/v1/changes?limit=1', { token: user.token }), 200, 'changes');
    expect(first.json.changes[0].sequence).toBe(1);
    expect(first.json.hasMore).toBe(true);
    await expectInSync(user, newReplica());
  });
});

describeWithMailbox('a client syncing while events are duplicated and reordered', () => {
  afterEach(async () => {
    await setChaos(CHAOS_OFF);
  });

  test('still ends with exactly the server’s state, every sequence once', async () => {
    await setChaos(CHAOS_ON);
    const user = await ledgerUser();
    const replica = newReplica();
    await scenario(user, replica, 29);
    await expectInSync(user, replica);
  });
});

describeWithLoopbackReceiver('a webhook in the feed', () => {
  test('its creation, rotation and deletion reach the feed, and its signing secret is in no entry nor in the audit trail', async () => {
    const user = await ledgerUser();
    const auth = { token: user.token };
    const created = expectOk(
      await api.post('/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['AccountCreated'] }, auth),
      201,
      'webhook',
    ).json;
    const rotated = expectOk(await api.post(`/v1/webhooks/${created.id}/rotate-secret`, {}, auth), 200, 'rotate').json;
    await settle();
    const replica = newReplica();
    await sync(user, replica, 500);
    const shown = expectOk(await api.get(`/v1/webhooks/${created.id}`, auth), 200, 'webhook').json;
    expect(replica.entities.get(`webhook/${created.id}`)).toEqual(without(shown, 'webhook'));
    expectOk(await api.delete(`/v1/webhooks/${created.id}`, auth), 204, 'delete webhook');
    await settle();
    await sync(user, replica, 500);
    expect(replica.entities.has(`webhook/${created.id}`)).toBe(false);

    const feed = JSON.stringify(expectOk(await api.get('/v1/changes?limit=500', auth), 200, 'changes').json.changes);
    const audit = JSON.stringify((await listAll<Record<string, unknown>>(user, '/v1/audit', { limit: 100 })).items);
    expect(feed).toContain(created.id);
    expect(audit).toContain(created.id);
    for (const text of [feed, audit]) {
      expect(text).not.toContain(created.secret);
      expect(text).not.toContain(rotated.secret);
      expect(text).not.toContain('sealed');
    }
  });
});

describe('tokens', () => {
  test('a token older than the retained window is 410 resync, with a token to continue from after a full read', async () => {
    const user = await ledgerUser();
    await createAccount(user, { name: 'Old', currency: 'EUR' });
    await settle();
    const current = expectOk(await api.get('/v1/changes', { token: user.token }), 200, 'changes').json;
    // The token a client would hold had it last synced just over the window ago (entry 1's time then).
    const aged = encodeToken({
      sequence: 1,
      recordedAt: Math.floor(Date.now() / 1000) - CHANGE_RETENTION_SECONDS - 60,
    });
    const gone = await api.get(`/v1/changes?since=${aged}`, { token: user.token });
    expect(gone.status).toBe(410);
    expect(gone.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(gone.json).toMatchObject({ type: 'urn:moneta:problem:resync', status: 410 });
    expect(typeof gone.json.next).toBe('string');
    // Continuing from it: nothing the full read did not already show, and new changes after it.
    const after = expectOk(await api.get(`/v1/changes?since=${gone.json.next}`, { token: user.token }), 200, 'changes');
    expect(after.json).toEqual({ changes: [], next: gone.json.next, hasMore: false });
    expect(current.next).toBe(gone.json.next);
  });

  test.each([
    ['garbage', 'not-a-token!'],
    ['another format', Buffer.from(JSON.stringify({ v: 9, s: 1, t: 1 })).toString('base64url')],
    ['a negative position', Buffer.from(JSON.stringify({ v: 1, s: -5, t: 1 })).toString('base64url')],
  ])('%s is 400 naming `since`', async (_name, since) => {
    const user = await ledgerUser();
    const result = await api.get(`/v1/changes?since=${encodeURIComponent(since)}`, { token: user.token });
    expect(result.status).toBe(400);
    expect(result.json.errors).toEqual([expect.objectContaining({ in: 'query', field: 'since' })]);
  });

  test('another user’s token shows the caller only their own feed', async () => {
    const ada = await ledgerUser();
    const bob = await ledgerUser();
    const adaAccount = await createAccount(ada, { name: 'Ada private', currency: 'EUR' });
    await createAccount(bob, { name: 'Bob own', currency: 'EUR' });
    await settle();
    const adaStart = expectOk(await api.get('/v1/changes?limit=1', { token: ada.token }), 200, 'changes').json;
    const bobReplica: Replica = { entities: new Map(), token: undefined, lastSequence: 0 };
    await sync(bob, bobReplica, 500);
    const fromAdaToken = expectOk(
      await api.get(`/v1/changes?since=${adaStart.next}&limit=500`, { token: bob.token }),
      200,
      'changes',
    ).json;
    const seen = JSON.stringify(fromAdaToken);
    expect(seen).not.toContain(adaAccount.id);
    expect(seen).not.toContain('Ada private');
    expect(seen).not.toContain(ada.userId);
    expect(
      fromAdaToken.changes.every(
        (change: Change) => bobReplica.entities.has(`${change.type}/${change.id}`) || change.deleted,
      ),
    ).toBe(true);
    // Without a token: 401, and the feed says nothing.
    expect((await api.get('/v1/changes')).status).toBe(401);
  });
});
