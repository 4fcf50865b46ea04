/**
 * Payees with ids, handler to table against a real DynamoDB Local: the routes (CRUD, isolation,
 * the name claim), recording by name or id, and the rename and merge jobs run step by step as the
 * job runner would, each step delivered twice to show a chunk lands once.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { HttpApiEvent, HttpApiResult } from '../../../shared/kit/http/api-handler';
import * as z from '../../../shared/kit/schema';
import { backfillPayeeIds } from '../../../shared/payees/backfill';
import { createPayeeJobRunner } from '../../../shared/payees/jobs';
import { ibanProblem, ibanSchema, validIban } from '../../../shared/payees/schemas';
import { createPayeeStore } from '../../../shared/payees/store';
import { createRuleStore } from '../../../shared/rules/public';
import { type HttpEventInput, httpEvent, lambdaContext, parseResponse } from '../support/http-event';
import { TABLE } from '../support/local-dynamodb';
import { type LocalLedger, ofKind, startLocalLedger } from '../transactions/support/local-ledger';

jest.setTimeout(120_000);

type Handler = (event: HttpApiEvent, context: ReturnType<typeof lambdaContext>) => Promise<HttpApiResult>;

let ledger: LocalLedger;
let routes: Record<'create' | 'list' | 'get' | 'update' | 'remove' | 'merge' | 'job', Handler>;
beforeAll(async () => {
  ledger = await startLocalLedger();
  routes = {
    create: (await import('../../../functions/api/payees/create')).handler as Handler,
    list: (await import('../../../functions/api/payees/list')).handler as Handler,
    get: (await import('../../../functions/api/payees/get')).handler as Handler,
    update: (await import('../../../functions/api/payees/update')).handler as Handler,
    remove: (await import('../../../functions/api/payees/delete')).handler as Handler,
    merge: (await import('../../../functions/api/payees/merge')).handler as Handler,
    job: (await import('../../../functions/api/payees/job-get')).handler as Handler,
  };
}, 90_000);
afterAll(async () => ledger?.stop());

const send = async (route: keyof typeof routes, sub: string, input: HttpEventInput) =>
  parseResponse(await routes[route](httpEvent({ ...input, claims: { sub } }), lambdaContext()));
const api = {
  create: (sub: string, body: unknown) => send('create', sub, { method: 'POST', path: '/v1/payees', body }),
  list: (sub: string, query: Record<string, string> = {}) =>
    send('list', sub, { path: '/v1/payees', queryStringParameters: query }),
  get: (sub: string, id: string) => send('get', sub, { path: `/v1/payees/${id}`, pathParameters: { id } }),
  update: (sub: string, id: string, body: unknown, headers: Record<string, string> = {}) =>
    send('update', sub, { method: 'PATCH', path: `/v1/payees/${id}`, pathParameters: { id }, body, headers }),
  remove: (sub: string, id: string) =>
    send('remove', sub, { method: 'DELETE', path: `/v1/payees/${id}`, pathParameters: { id } }),
  merge: (sub: string, id: string, intoId: string) =>
    send('merge', sub, { method: 'POST', path: `/v1/payees/${id}/merge`, pathParameters: { id }, body: { intoId } }),
  job: (sub: string, id: string, jobId: string) =>
    send('job', sub, { path: `/v1/payees/${id}/jobs/${jobId}`, pathParameters: { id, jobId } }),
};

let userCounter = 0;
async function newUser() {
  const userId = `payee-user-${++userCounter}-${Date.now()}`;
  await ledger.seedUser(userId);
  return userId;
}

const expense = (overrides: Record<string, unknown> = {}) => ({
  kind: 'expense',
  accountId: 'acc-eur',
  money: { amount: 1250, currency: 'EUR' },
  categoryId: 'groceries',
  date: '2026-01-05',
  ...overrides,
});

const store = () => createPayeeStore({ db: ledger.db, tableName: TABLE });
const runner = () =>
  createPayeeJobRunner({
    db: ledger.db,
    tableName: TABLE,
    payees: store(),
    rules: createRuleStore({ db: ledger.db, tableName: TABLE }),
    chunkSize: 2,
  });

/** Runs a job to its end as the runner would, every step delivered twice. */
async function runJob(userId: string, jobId: string) {
  for (let guard = 0; guard < 50; guard++) {
    const job = await store().getJob(userId, jobId);
    if (!job || job.status === 'done') return job;
    const outcomes = [await runner().runStep(userId, jobId, job.step), await runner().runStep(userId, jobId, job.step)];
    expect(outcomes[1]).toBe('stale');
  }
  throw new Error('the job did not finish');
}

const transactionsOf = async (userId: string) =>
  ofKind(await ledger.items(userId), 'TXN#').map((item) => ({
    payee: item.payee,
    payeeId: item.payeeId,
    version: item.version,
  }));

describe('IBANs', () => {
  test.each([
    'DE89370400440532013000',
    'GB82WEST12345698765432',
    'ES9121000418450200051332',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
    'BE68539007547034',
  ])('%s is valid', (iban) => {
    expect(validIban(iban)).toBe(true);
    expect(ibanProblem(iban)).toBeUndefined();
  });

  test.each([
    ['DE89370400440532013001', 'its check digits do not match'],
    ['GB82WEST12345698765431', 'its check digits do not match'],
    ['GB82WEST1234569876543', "its length or format does not match its country's"],
    ['XX00123456789012345', 'its country code is not an IBAN country'],
    ['US64SVBKUS6S3300958879', 'its country code is not an IBAN country'],
  ])('%s is not: %s', (iban, why) => {
    expect(validIban(iban)).toBe(false);
    expect(ibanProblem(iban)).toBe(`must be a valid IBAN (${why})`);
  });

  test('the schema stores the electronic format and names the reason of a refusal', () => {
    expect(z.parse(ibanSchema(), 'es91 2100-0418 4502 0005 1332')).toBe('ES9121000418450200051332');
    const refused = z.safeParse(ibanSchema(), 'DE89 3704 0044 0532 0130 01');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual([
      'must be a valid IBAN (its check digits do not match)',
    ]);
  });
});

describe('the payee routes', () => {
  test('create, read, list by prefix, change under If-Match and delete an unused payee', async () => {
    const userId = await newUser();
    const created = await api.create(userId, {
      name: '  Acme   Supplies ',
      kind: 'supplier',
      defaultCategoryId: 'groceries',
      contact: { email: 'billing@acme.example', phone: '+34 600 000 000', address: 'Calle 1, Madrid' },
      taxId: 'ESB12345678',
      iban: 'es91 2100 0418 4502 0005 1332',
      notes: 'Net 30',
    });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/v1/payees/${created.body.id}`);
    expect(created.body).toMatchObject({
      name: 'Acme Supplies',
      kind: 'supplier',
      defaultCategoryId: 'groceries',
      iban: 'ES9121000418450200051332',
      transactionCount: 0,
      version: 1,
    });
    const { id } = created.body;

    expect((await api.get(userId, id)).body).toEqual(created.body);
    await api.create(userId, { name: 'Bolt' });
    const listed = await api.list(userId, { q: 'ACME ' });
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await api.list(userId, { prefix: 'bo' })).body.items.map((p: { name: string }) => p.name)).toEqual([
      'Bolt',
    ]);

    expect((await api.update(userId, id, { notes: 'Net 60' }, { 'if-match': '"7"' })).status).toBe(412);
    const changed = await api.update(userId, id, { notes: 'Net 60', contact: { phone: null } }, { 'if-match': '"1"' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      notes: 'Net 60',
      contact: { email: 'billing@acme.example', phone: null, address: 'Calle 1, Madrid' },
      version: 2,
    });
    expect(changed.body.job).toBeUndefined();

    expect((await api.remove(userId, id)).status).toBe(204);
    expect((await api.get(userId, id)).status).toBe(404);
    // Its name is free again.
    expect((await api.create(userId, { name: 'acme supplies' })).status).toBe(201);
  });

  test('a name taken by another payee, however spelled, is a 409 naming name', async () => {
    const userId = await newUser();
    await api.create(userId, { name: 'Corner Shop' });
    const again = await api.create(userId, { name: 'CORNER  shop' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ field: 'name' });
    const other = await api.create(userId, { name: 'Bakery' });
    const renamed = await api.update(userId, other.body.id, { name: 'corner shop' });
    expect(renamed.status).toBe(409);
    expect(renamed.body).toMatchObject({ field: 'name' });
    expect((await api.get(userId, other.body.id)).body.name).toBe('Bakery');
  });

  test.each([
    [{ name: 'X', iban: 'DE89370400440532013001' }, 'iban'],
    [{ name: 'X', kind: 'friend' }, 'kind'],
    [{ name: 'X', contact: { email: 'not-an-email' } }, 'contact.email'],
    [{ name: '' }, 'name'],
    [{ name: 'X', extra: 1 }, 'extra'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const userId = await newUser();
    const response = await api.create(userId, body);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.errors)).toContain(field);
    expect((await api.list(userId)).body.items).toEqual([]);
  });

  test('a default category that is not one of the caller’s is a 400 naming defaultCategoryId', async () => {
    const userId = await newUser();
    const response = await api.create(userId, { name: 'X', defaultCategoryId: 'not-mine' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.errors)).toContain('defaultCategoryId');
  });

  test('a payee that transactions reference is not deleted (409 payee-in-use)', async () => {
    const userId = await newUser();
    const txn = await ledger.create(userId, expense({ payee: 'Corner Shop' }));
    const response = await api.remove(userId, txn.body.payeeId);
    expect(response.status).toBe(409);
    expect(response.body.type).toBe('urn:moneta:problem:payee-in-use');
    expect((await api.get(userId, txn.body.payeeId)).status).toBe(200);
  });

  test('another user never sees, changes, merges or deletes my payees', async () => {
    const me = await newUser();
    const other = await newUser();
    const mine = (await api.create(me, { name: 'Private Doctor' })).body;
    const theirs = (await api.create(other, { name: 'Theirs' })).body;

    expect((await api.get(other, mine.id)).status).toBe(404);
    expect((await api.list(other, { q: 'private' })).body.items).toEqual([]);
    expect((await api.update(other, mine.id, { notes: 'x' })).status).toBe(404);
    expect((await api.remove(other, mine.id)).status).toBe(404);
    expect((await api.merge(other, mine.id, theirs.id)).status).toBe(404);
    expect((await api.merge(other, theirs.id, mine.id)).status).toBe(404);
    // A transaction of theirs cannot name my payee either.
    expect((await ledger.create(other, expense({ payeeId: mine.id }))).status).toBe(404);
    // The same name is free in another user's partition.
    expect((await api.create(other, { name: 'Private Doctor' })).status).toBe(201);
    expect((await api.get(me, mine.id)).body).toEqual(mine);
  });
});

describe('recording binds payees', () => {
  test('a new name creates its payee once; the same name later, however spelled, reuses it', async () => {
    const userId = await newUser();
    const first = await ledger.create(userId, expense({ payee: 'Corner Shop' }));
    const second = await ledger.create(userId, expense({ payee: '  corner   SHOP ' }));
    expect(first.status).toBe(201);
    expect(first.body.payeeId).toEqual(expect.any(String));
    expect(second.body.payeeId).toBe(first.body.payeeId);
    const payee = await api.get(userId, first.body.payeeId);
    expect(payee.body).toMatchObject({ name: 'Corner Shop', kind: 'merchant', transactionCount: 2 });
    expect((await api.list(userId)).body.items).toHaveLength(1);
  });

  test('concurrent first uses of a name end with one payee that every transaction references', async () => {
    const userId = await newUser();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => ledger.create(userId, expense({ payee: 'Racing Cafe' }))),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const ids = new Set(responses.map((r) => r.body.payeeId));
    expect(ids.size).toBe(1);
    const listed = (await api.list(userId)).body.items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: [...ids][0], transactionCount: 6 });
    expect(ofKind(await ledger.items(userId), 'PAYEEID#')).toHaveLength(1);
  });

  test('recording by payeeId records its name; giving both is a 400', async () => {
    const userId = await newUser();
    const payee = (await api.create(userId, { name: 'Landlord', kind: 'person' })).body;
    const txn = await ledger.create(userId, expense({ payeeId: payee.id }));
    expect(txn.status).toBe(201);
    expect(txn.body).toMatchObject({ payee: 'Landlord', payeeId: payee.id });
    expect((await api.get(userId, payee.id)).body.transactionCount).toBe(1);
    const both = await ledger.create(userId, expense({ payeeId: payee.id, payee: 'Landlord' }));
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body.errors)).toContain('payeeId');
    expect((await ledger.create(userId, expense({ payeeId: 'NOPE' }))).status).toBe(404);
  });

  test('changing a transaction’s payee name binds the new name’s payee', async () => {
    const userId = await newUser();
    const txn = await ledger.create(userId, expense({ payee: 'Old Shop' }));
    const changed = await ledger.update(userId, txn.body.id, { payee: 'New Shop' });
    expect(changed.status).toBe(200);
    const newShop = (await api.list(userId, { q: 'new shop' })).body.items[0];
    expect(changed.body).toMatchObject({ payee: 'New Shop', payeeId: newShop.id });
    const cleared = await ledger.update(userId, txn.body.id, { payee: null });
    expect(cleared.body).toMatchObject({ payee: null, payeeId: null });
  });
});

const ruleSetting = (ruleId: string, payee: string) => ({
  type: 'RULE' as const,
  ruleId,
  name: `Rename to ${payee}`,
  enabled: true,
  match: 'all' as const,
  conditions: [{ field: 'note' as const, op: 'contains' as const, value: 'x' }],
  actions: { categoryId: null, payee, addTags: [], note: null },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

describe('rename and merge jobs', () => {
  test('a rename reaches every transaction of the payee once, however often a step is delivered', async () => {
    const userId = await newUser();
    for (let i = 0; i < 5; i++) await ledger.create(userId, expense({ payee: 'Acme' }));
    await ledger.create(userId, expense({ payee: 'Other' }));
    const acme = (await api.list(userId, { q: 'acme' })).body.items[0];

    const renamed = await api.update(userId, acme.id, { name: 'ACME Corporation' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'ACME Corporation', job: { kind: 'rename', status: 'queued' } });
    const job = await runJob(userId, renamed.body.job.id);
    expect(job).toMatchObject({ status: 'done', changed: 5 });
    expect((await api.job(userId, acme.id, renamed.body.job.id)).body).toMatchObject({ status: 'done', changed: 5 });

    const txns = await transactionsOf(userId);
    expect(txns.filter((t) => t.payeeId === acme.id)).toEqual(
      Array.from({ length: 5 }, () => ({ payee: 'ACME Corporation', payeeId: acme.id, version: 2 })),
    );
    expect(txns.filter((t) => t.payee === 'Other')).toHaveLength(1);
    // The new name resolves to the payee; the old one is free.
    const later = await ledger.create(userId, expense({ payee: 'acme corporation' }));
    expect(later.body.payeeId).toBe(acme.id);
    expect((await ledger.create(userId, expense({ payee: 'Acme' }))).body.payeeId).not.toBe(acme.id);
  });

  test('a merge moves every transaction once, makes the name an alias and deletes the source', async () => {
    const userId = await newUser();
    for (let i = 0; i < 3; i++) await ledger.create(userId, expense({ payee: 'Amzn Mktp' }));
    await ledger.create(userId, expense({ payee: 'Amazon' }));
    const [amazon, amzn] = (await api.list(userId)).body.items;
    expect([amazon.name, amzn.name]).toEqual(['Amazon', 'Amzn Mktp']);

    const rules = createRuleStore({ db: ledger.db, tableName: TABLE });
    await rules.create(userId, ruleSetting('r1', 'AMZN MKTP'), undefined);
    await rules.create(userId, ruleSetting('r2', 'Someone Else'), undefined);

    const merge = await api.merge(userId, amzn.id, amazon.id);
    expect(merge.status).toBe(202);
    expect(merge.headers.location).toBe(`/v1/payees/${amzn.id}/jobs/${merge.body.id}`);
    // Under way: the source can no longer be recorded with, and its name lands on the target already.
    expect((await ledger.create(userId, expense({ payeeId: amzn.id }))).status).toBe(409);
    const byOldName = await ledger.create(userId, expense({ payee: 'AMZN mktp' }));
    expect(byOldName.body).toMatchObject({ payee: 'Amazon', payeeId: amazon.id });

    const job = await runJob(userId, merge.body.id);
    expect(job).toMatchObject({ status: 'done', changed: 3 });
    const txns = await transactionsOf(userId);
    expect(txns).toHaveLength(5);
    expect(txns.every((t) => t.payeeId === amazon.id && t.payee === 'Amazon')).toBe(true);
    expect((await api.get(userId, amzn.id)).status).toBe(404);
    expect((await api.get(userId, amazon.id)).body).toMatchObject({ transactionCount: 5, mergingInto: null });
    expect((await api.list(userId)).body.items.map((p: { name: string }) => p.name)).toEqual(['Amazon']);
    // The rule that set the merged name now sets the target's, once; the other is untouched.
    const after = (await rules.list(userId)).rules;
    expect(after.map((r) => [r.ruleId, r.actions.payee, r.version])).toEqual([
      ['r1', 'Amazon', 2],
      ['r2', 'Someone Else', 1],
    ]);
    // Later recordings by the old name keep landing on the target.
    expect((await ledger.create(userId, expense({ payee: 'Amzn Mktp' }))).body.payeeId).toBe(amazon.id);
  });

  test('a payee cannot be merged into itself or into a payee being merged', async () => {
    const userId = await newUser();
    const a = (await api.create(userId, { name: 'A' })).body;
    const b = (await api.create(userId, { name: 'B' })).body;
    const c = (await api.create(userId, { name: 'C' })).body;
    expect((await api.merge(userId, a.id, a.id)).status).toBe(409);
    expect((await api.merge(userId, b.id, c.id)).status).toBe(202);
    expect((await api.merge(userId, a.id, b.id)).status).toBe(409);
  });
});

describe('the backfill of payee ids', () => {
  test('gives old payees and transactions ids, once, and a second run changes nothing', async () => {
    const userId = await newUser();
    const put = (Item: Record<string, unknown>) => ledger.db.send(new PutCommand({ TableName: TABLE, Item }));
    // As written before payees had ids: a name-keyed payee, transactions with a name only.
    await put({
      pk: `USER#${userId}`,
      sk: 'PAYEE#corner shop',
      type: 'PAYEE',
      name: 'Corner Shop',
      transactionCount: 2,
      lastUsedAt: '2026-01-04T10:00:00.000Z',
    });
    const old = async (id: string, payee: string | null) => {
      const created = await ledger.create(userId, expense({ payee: 'Placeholder' }));
      const items = ofKind(await ledger.items(userId), `TXN#${created.body.id}`);
      const { payeeId: _id, gsi5pk: _pk, gsi5sk: _sk, ...rest } = items[0] as Record<string, unknown>;
      await put({ ...rest, payee });
      return id;
    };
    await old('a', 'Corner Shop');
    await old('b', 'corner  shop');
    await old('c', 'Never Remembered');
    await old('d', null);

    const first = await backfillPayeeIds({ db: ledger.db, tableName: TABLE }, userId);
    expect(first).toEqual({ adopted: 1, bound: 3 });
    const second = await backfillPayeeIds({ db: ledger.db, tableName: TABLE }, userId);
    expect(second).toEqual({ adopted: 0, bound: 0 });

    const listed = (await api.list(userId)).body.items;
    const corner = listed.find((p: { name: string }) => p.name === 'Corner Shop');
    const never = listed.find((p: { name: string }) => p.name === 'Never Remembered');
    expect(corner).toMatchObject({ transactionCount: 2 });
    expect(never).toMatchObject({ transactionCount: 1 });
    const txns = await transactionsOf(userId);
    expect(txns.filter((t) => t.payeeId === corner.id)).toHaveLength(2);
    expect(txns.filter((t) => t.payeeId === never.id)).toHaveLength(1);
    expect(txns.filter((t) => t.payee === null)).toEqual([{ payee: null, payeeId: undefined, version: 1 }]);
    // A rename now reaches the backfilled transactions through the payee index.
    const renamed = await api.update(userId, corner.id, { name: 'The Corner Shop' });
    expect(await runJob(userId, renamed.body.job.id)).toMatchObject({ changed: 2 });
  });
});
