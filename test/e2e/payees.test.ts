/**
 * Payees end to end: CRUD with a unique name, recording by name or id, a rename that reaches the
 * listed transactions, a merge that moves every transaction once (the merged name landing on the
 * target from then on), a delete refused while transactions reference the payee, and another
 * user who sees none of it.
 */
import { api } from './support/api-client';
import { expectProblem } from './support/expectations';
import {
  type AccountView,
  createAccount,
  createTransaction,
  expectOk,
  type LedgerUser,
  ledgerUser,
  listTransactions,
} from './support/ledger';
import { eventually } from './support/poll';
import { closeTable } from './support/table';

jest.setTimeout(180_000);
afterAll(() => closeTable());

type PayeeView = { id: string; name: string; kind: string; transactionCount: number; version: number };
type JobView = { id: string; status: 'queued' | 'running' | 'done'; changed: number };

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('payees', () => {
  let a: LedgerUser;
  let b: LedgerUser;
  let account: AccountView;

  beforeAll(async () => {
    [a, b] = await Promise.all([ledgerUser({ homeCurrency: 'EUR' }), ledgerUser({ homeCurrency: 'EUR' })]);
    account = await createAccount(a, { name: 'Everyday', currency: 'EUR' });
  });

  const createPayee = async (user: LedgerUser, body: Record<string, unknown>) =>
    expectOk(await api.post('/v1/payees', body, { token: user.token }), 201, 'create payee').json as PayeeView;
  const getPayee = async (id: string) =>
    expectOk(await api.get(`/v1/payees/${id}`, { token: a.token }), 200, 'get payee').json as PayeeView;
  const record = (body: Record<string, unknown>) =>
    createTransaction(a, { accountId: account.id, money: eur(500), ...body } as never);
  const jobDone = (payeeId: string, jobId: string) =>
    eventually('the payee job to finish', async () => {
      const job = expectOk(await api.get(`/v1/payees/${payeeId}/jobs/${jobId}`, { token: a.token }), 200, 'get job')
        .json as JobView;
      return job.status === 'done' ? job : undefined;
    });

  test('create, read, list by prefix, change under If-Match; a taken name is a 409 naming name', async () => {
    const created = await api.post(
      '/v1/payees',
      { name: 'Acme Supplies', kind: 'supplier', taxId: 'ESB12345678', iban: 'ES91 2100 0418 4502 0005 1332' },
      { token: a.token },
    );
    const payee = expectOk(created, 201, 'create').json as PayeeView & { iban: string };
    expect(created.headers.get('location')).toBe(`/v1/payees/${payee.id}`);
    expect(payee).toMatchObject({ name: 'Acme Supplies', kind: 'supplier', iban: 'ES9121000418450200051332' });
    expect(await getPayee(payee.id)).toEqual(payee);

    const listed = expectOk(await api.get('/v1/payees?q=acme%20s', { token: a.token }), 200, 'list').json;
    expect(listed.items.map((p: PayeeView) => p.id)).toEqual([payee.id]);

    const taken = await api.post('/v1/payees', { name: 'ACME  supplies' }, { token: a.token });
    expectProblem(taken, 409);
    expect(taken.json.field).toBe('name');
    expectProblem(await api.post('/v1/payees', { name: 'Bad', iban: 'DE00 1234' }, { token: a.token }), 400, ['iban']);

    const stale = await api.patch(
      `/v1/payees/${payee.id}`,
      { notes: 'x' },
      { token: a.token, headers: { 'if-match': '"9"' } },
    );
    expectProblem(stale, 412);
    const changed = await api.patch(
      `/v1/payees/${payee.id}`,
      { notes: 'Net 30' },
      { token: a.token, headers: { 'if-match': '"1"' } },
    );
    expect(expectOk(changed, 200, 'patch').json).toMatchObject({ notes: 'Net 30', version: 2 });
  });

  test('recording by name binds one payee; a rename reaches the listed transactions', async () => {
    const first = await record({ payee: 'Corner Shop' });
    const second = await record({ payee: 'corner  SHOP' });
    expect(second.payeeId).toBe(first.payeeId);
    const byId = await record({ payeeId: first.payeeId });
    expect(byId).toMatchObject({ payee: 'Corner Shop', payeeId: first.payeeId });
    expect(await getPayee(first.payeeId as string)).toMatchObject({ transactionCount: 3 });

    const renamed = expectOk(
      await api.patch(`/v1/payees/${first.payeeId}`, { name: 'The Corner Shop' }, { token: a.token }),
      200,
      'rename',
    ).json as PayeeView & { job: JobView };
    expect(await jobDone(first.payeeId as string, renamed.job.id)).toMatchObject({ changed: 3 });
    const listed = await listTransactions(a, { q: 'the corner' });
    expect(listed.map((t) => t.id).sort()).toEqual([first.id, second.id, byId.id].sort());
    expect(listed.every((t) => t.payee === 'The Corner Shop' && t.payeeId === first.payeeId)).toBe(true);
  });

  test('a merge moves every transaction once and deletes the source; its name lands on the target', async () => {
    const moved = [await record({ payee: 'AMZN Mktp' }), await record({ payee: 'AMZN Mktp' })];
    const target = await record({ payee: 'Amazon' });
    const sourceId = moved[0]?.payeeId as string;
    const intoId = target.payeeId as string;

    const rule = expectOk(
      await api.post(
        '/v1/rules',
        {
          name: 'Marketplace',
          conditions: [{ field: 'payee', op: 'contains', value: 'marketplace' }],
          actions: { payee: 'AMZN Mktp' },
        },
        { token: a.token },
      ),
      201,
      'create rule',
    ).json as { id: string; version: number };

    const queued = await api.post(`/v1/payees/${sourceId}/merge`, { intoId }, { token: a.token });
    const job = expectOk(queued, 202, 'merge').json as JobView;
    expect(queued.headers.get('location')).toBe(`/v1/payees/${sourceId}/jobs/${job.id}`);
    expect(await jobDone(sourceId, job.id)).toMatchObject({ status: 'done', changed: 2 });

    const listed = await listTransactions(a, { q: 'amazon' });
    expect(listed.map((t) => t.id).sort()).toEqual([...moved.map((t) => t.id), target.id].sort());
    expect(listed.every((t) => t.payeeId === intoId && t.version <= 2)).toBe(true);
    expectProblem(await api.get(`/v1/payees/${sourceId}`, { token: a.token }), 404);
    expect(await getPayee(intoId)).toMatchObject({ name: 'Amazon', transactionCount: 3 });
    const later = await record({ payee: 'amzn mktp' });
    expect(later).toMatchObject({ payee: 'Amazon', payeeId: intoId });
    // The rule that set the merged name sets the target's, changed once.
    const ruled = expectOk(await api.get(`/v1/rules/${rule.id}`, { token: a.token }), 200, 'get rule').json;
    expect(ruled).toMatchObject({ actions: { payee: 'Amazon' }, version: rule.version + 1 });
  });

  test('a payee with transactions is not deleted; an unused one is', async () => {
    const used = await record({ payee: 'Used Payee' });
    const refused = await api.delete(`/v1/payees/${used.payeeId}`, { token: a.token });
    expectProblem(refused, 409);
    expect(refused.json.type).toBe('urn:moneta:problem:payee-in-use');
    const unused = await createPayee(a, { name: 'Never Used', kind: 'person' });
    expect((await api.delete(`/v1/payees/${unused.id}`, { token: a.token })).status).toBe(204);
    expectProblem(await api.get(`/v1/payees/${unused.id}`, { token: a.token }), 404);
  });

  test('another user never sees, changes, merges, deletes or records with my payees', async () => {
    const mine = await createPayee(a, { name: 'My Doctor', kind: 'person' });
    const theirs = await createPayee(b, { name: 'Their Shop' });
    expectProblem(await api.get(`/v1/payees/${mine.id}`, { token: b.token }), 404);
    const listed = expectOk(await api.get('/v1/payees?q=my', { token: b.token }), 200, 'list').json;
    expect(listed.items).toEqual([]);
    expectProblem(await api.patch(`/v1/payees/${mine.id}`, { notes: 'x' }, { token: b.token }), 404);
    expectProblem(await api.delete(`/v1/payees/${mine.id}`, { token: b.token }), 404);
    expectProblem(await api.post(`/v1/payees/${mine.id}/merge`, { intoId: theirs.id }, { token: b.token }), 404);
    expectProblem(await api.post(`/v1/payees/${theirs.id}/merge`, { intoId: mine.id }, { token: b.token }), 404);
    const theirAccount = await createAccount(b, { name: 'Theirs', currency: 'EUR' });
    expectProblem(
      await api.post(
        '/v1/transactions',
        { kind: 'expense', accountId: theirAccount.id, money: eur(100), payeeId: mine.id },
        { token: b.token },
      ),
      404,
    );
    expect(await getPayee(mine.id)).toEqual(mine);
  });
});
