/**
 * Outbound webhooks on the local cloud, with a receiver started by the test (plain http on
 * loopback: the local cloud's WEBHOOK_ALLOW_LOCAL_HTTP admits it). Every subscribed event arrives
 * once per `webhook-id`, verified with the Standard Webhooks library; a receiver that was down gets
 * the event once it is back (the consumer retry machinery, on the local time scale); a private
 * address is refused; another user can neither see nor touch the webhook or its deliveries.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { routes } from '../../lib/catalog/routes';
import { type ApiResult, api, call } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import { createAccount, createTransaction, expectOk, type LedgerUser, ledgerUser } from './support/ledger';
import { eventually } from './support/poll';
import { routeKey } from './support/route-bodies';
import { closeTable, userItemSortKeys, userItems } from './support/table';
import { describeWithLoopbackReceiver } from './support/targets';

jest.setTimeout(90_000);

afterAll(() => closeTable());

type Received = { id: string; headers: Record<string, string>; body: string };

/** A receiver that records every request, and answers `status` (503 while "down"). */
async function startReceiver() {
  const requests: Received[] = [];
  let status = 204;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      requests.push({
        id: String(request.headers['webhook-id']),
        headers: request.headers as Record<string, string>,
        body,
      });
      response.statusCode = status;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    requests,
    setStatus: (next: number) => {
      status = next;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** Each request's body by `webhook-id`, after checking every signature with the secrets given. */
function verifiedById(receiver: Receiver, secrets: string[]) {
  const byId = new Map<string, { type: string; data: Record<string, unknown> }>();
  for (const request of receiver.requests) {
    for (const secret of secrets) {
      const payload = new Webhook(secret).verify(request.body, request.headers) as { type: string; data: never };
      const earlier = byId.get(request.id);
      // A redelivery under one id is the same message.
      if (earlier) expect(payload).toEqual(earlier);
      byId.set(request.id, payload);
    }
  }
  return byId;
}

describeWithLoopbackReceiver('webhooks', () => {
  let a: LedgerUser;
  let b: LedgerUser;
  let receiver: Receiver;
  let webhook: { id: string; secret: string };
  let accountId: string;
  const attempted = new Set<string>();

  beforeAll(async () => {
    [a, b] = await Promise.all([ledgerUser(), ledgerUser()]);
    receiver = await startReceiver();
  });
  afterAll(() => receiver?.stop());

  const deliveries = async (user: LedgerUser, id = webhook.id) =>
    expectOk(await api.get(`/v1/webhooks/${id}/deliveries?limit=100`, { token: user.token }), 200, 'deliveries').json
      .items as { id: string; eventType: string; status: string; attempts: number; lastResponseCode: number | null }[];

  test('creation returns the secret once; reads never show it', async () => {
    const created = await api.post(
      '/v1/webhooks',
      {
        url: receiver.url,
        events: ['AccountCreated', 'TransactionCreated', 'TransactionUpdated', 'TransactionDeleted'],
        description: 'Test receiver',
      },
      { token: a.token },
    );
    expectStatus(created, 201);
    expect(created.json).toMatchObject({ enabled: true, url: receiver.url, consecutiveFailures: 0 });
    expect(created.json.secret).toMatch(/^whsec_/);
    expect(created.headers.get('location')).toBe(`/v1/webhooks/${created.json.id}`);
    webhook = { id: created.json.id, secret: created.json.secret };
    const read = expectOk(await api.get(`/v1/webhooks/${webhook.id}`, { token: a.token }), 200, 'get webhook');
    expect(read.json.secret).toBeUndefined();
    expect(JSON.stringify(read.json)).not.toContain('whsec_');
    const list = expectOk(await api.get('/v1/webhooks', { token: a.token }), 200, 'list webhooks');
    expect(list.json.items.map((item: { id: string }) => item.id)).toEqual([webhook.id]);
    expect(JSON.stringify(list.json)).not.toContain('whsec_');
    // Stored encrypted: the table holds nothing of the secret.
    const [stored] = await userItems(a.userId, `WEBHOOK#${webhook.id}`);
    expect(stored).toMatchObject({ webhookId: webhook.id, secrets: [{ sealed: expect.stringMatching(/^v1\./) }] });
    expect(JSON.stringify(stored)).not.toContain(webhook.secret.slice('whsec_'.length));
  });

  test('every subscribed event arrives once per webhook-id, signed, with the fields the API shows', async () => {
    const account = await createAccount(a, { name: 'Hooked', currency: 'EUR' });
    accountId = account.id;
    const transaction = await createTransaction(a, { accountId, money: { amount: 1234, currency: 'EUR' } });
    expectStatus(await api.patch(`/v1/transactions/${transaction.id}`, { note: 'edited' }, { token: a.token }), 200);
    expectStatus(await api.delete(`/v1/transactions/${transaction.id}`, { token: a.token }), 204);

    const byId = await eventually('four deliveries', async () => {
      const verified = verifiedById(receiver, [webhook.secret]);
      return verified.size >= 4 ? verified : undefined;
    });
    expect(byId.size).toBe(4);
    const payloads = [...byId.values()];
    expect(payloads.map((payload) => payload.type).sort()).toEqual([
      'AccountCreated',
      'TransactionCreated',
      'TransactionDeleted',
      'TransactionUpdated',
    ]);
    const shown = expectOk(await api.get(`/v1/accounts/${accountId}`, { token: a.token }), 200, 'account').json;
    expect(payloads.find((payload) => payload.type === 'AccountCreated')?.data).toMatchObject({
      id: accountId,
      name: 'Hooked',
      currency: shown.currency,
    });
    expect(payloads.find((payload) => payload.type === 'TransactionCreated')?.data).toEqual(transaction);
    expect(payloads.find((payload) => payload.type === 'TransactionUpdated')?.data).toMatchObject({
      id: transaction.id,
      note: 'edited',
    });

    const log = await eventually('the log to show four delivered', async () => {
      const items = await deliveries(a);
      return items.length === 4 && items.every((item) => item.status === 'delivered') ? items : undefined;
    });
    expect(new Set(log.map((item) => item.id))).toEqual(new Set(byId.keys()));
    expect(log.every((item) => item.lastResponseCode === 204)).toBe(true);
  });

  test('a receiver that was down gets the event once it is back, under the same webhook-id', async () => {
    receiver.setStatus(503);
    const seen = receiver.requests.length;
    const transaction = await createTransaction(a, { accountId, money: { amount: 99, currency: 'EUR' } });
    const failing = await eventually('a failed attempt or two', async () => {
      const item = (await deliveries(a)).find((entry) => entry.status === 'pending');
      return item && item.attempts >= 2 ? item : undefined;
    });
    expect(failing).toMatchObject({ eventType: 'TransactionCreated', lastResponseCode: 503 });
    receiver.setStatus(200);
    const delivered = await eventually(
      'the retried delivery',
      async () => {
        const item = (await deliveries(a)).find((entry) => entry.id === failing.id);
        return item?.status === 'delivered' ? item : undefined;
      },
      { timeoutMs: 15_000 },
    );
    expect(delivered.attempts).toBeGreaterThan(failing.attempts);
    const attempts = receiver.requests.slice(seen);
    expect(new Set(attempts.map((request) => request.id))).toEqual(new Set([failing.id]));
    expect(verifiedById(receiver, [webhook.secret]).get(failing.id)?.data).toEqual(transaction);
  });

  test('ping and redeliver send signed requests now; redelivery keeps the webhook-id', async () => {
    const ping = expectOk(await api.post(`/v1/webhooks/${webhook.id}/ping`, {}, { token: a.token }), 200, 'ping');
    expect(ping.json).toEqual({ delivered: true, statusCode: 200, error: null });
    const last = receiver.requests.at(-1)!;
    expect(new Webhook(webhook.secret).verify(last.body, last.headers)).toMatchObject({ type: 'WebhookPing' });

    const [first] = await deliveries(a);
    const again = await api.post(
      `/v1/webhooks/${webhook.id}/deliveries/${first!.id}/redeliver`,
      {},
      { token: a.token },
    );
    expectStatus(again, 200);
    expect(again.json).toMatchObject({ id: first!.id, status: 'delivered', attempts: first!.attempts + 1 });
    expect(receiver.requests.at(-1)?.id).toBe(first!.id);
  });

  test('after a rotation both the old and the new secret verify a delivery', async () => {
    const rotated = expectOk(
      await api.post(`/v1/webhooks/${webhook.id}/rotate-secret`, {}, { token: a.token }),
      200,
      'rotate',
    );
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(rotated.json.secret).not.toBe(webhook.secret);
    expect(Date.parse(rotated.json.previousSecretRetiresAt)).toBeGreaterThan(Date.now());
    expectOk(await api.post(`/v1/webhooks/${webhook.id}/ping`, {}, { token: a.token }), 200, 'ping');
    const last = receiver.requests.at(-1)!;
    expect(new Webhook(webhook.secret).verify(last.body, last.headers)).toMatchObject({ type: 'WebhookPing' });
    expect(new Webhook(rotated.json.secret).verify(last.body, last.headers)).toMatchObject({ type: 'WebhookPing' });
  });

  test('a secret of your own is taken, never shown back, and signs; a malformed one is a 400 naming secret', async () => {
    const own = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
    for (const secret of ['whsec_short', 'not-whsec', `whsec_${Buffer.alloc(65).toString('base64')}`, 42]) {
      const refused = await api.post(
        '/v1/webhooks',
        { url: receiver.url, events: ['TransactionCreated'], secret },
        { token: b.token },
      );
      expectProblem(refused, 400, ['secret']);
      expect(JSON.stringify(refused.json)).not.toContain(String(secret));
    }
    const created = await api.post(
      '/v1/webhooks',
      { url: receiver.url, events: ['TransactionCreated'], secret: own },
      { token: b.token },
    );
    expectStatus(created, 201);
    expect(created.json.secret).toBeNull();
    expect(JSON.stringify(created.json)).not.toContain(own);
    expectOk(await api.post(`/v1/webhooks/${created.json.id}/ping`, {}, { token: b.token }), 200, 'ping');
    const last = receiver.requests.at(-1)!;
    expect(new Webhook(own).verify(last.body, last.headers)).toMatchObject({ type: 'WebhookPing' });
    expectStatus(await api.delete(`/v1/webhooks/${created.json.id}`, { token: b.token }), 204);
  });

  test.each([
    ['http://10.0.0.1/hook'],
    ['http://169.254.169.254/latest/meta-data/'],
    ['http://[fd00::1]/hook'],
    ['http://100.64.0.1/hook'],
  ])('a private address is refused with 422 naming url: %s', async (url) => {
    const result = await api.post('/v1/webhooks', { url, events: ['TransactionCreated'] }, { token: a.token });
    expectProblem(result, 422, ['url']);
    expectProblem(await api.patch(`/v1/webhooks/${webhook.id}`, { url }, { token: a.token }), 422, ['url']);
  });

  describe("B holding A's ids", () => {
    const byB = (method: string, routePath: string, path: string, body?: unknown): Promise<ApiResult> => {
      attempted.add(`${method} ${routePath}`);
      return call(method, path, { token: b.token, ...(body === undefined ? {} : { body }) });
    };

    test('gets 404 on every route of the webhook and sees none of it in lists; nothing of A changes', async () => {
      const [delivery] = await deliveries(a);
      const before = expectOk(await api.get(`/v1/webhooks/${webhook.id}`, { token: a.token }), 200, 'A webhook').json;
      const w = webhook.id;
      const notFound = (result: ApiResult) => expectProblem(result, 404);
      notFound(await byB('GET', '/v1/webhooks/{id}', `/v1/webhooks/${w}`));
      notFound(await byB('PATCH', '/v1/webhooks/{id}', `/v1/webhooks/${w}`, { url: receiver.url, enabled: false }));
      notFound(await byB('POST', '/v1/webhooks/{id}/rotate-secret', `/v1/webhooks/${w}/rotate-secret`, {}));
      notFound(await byB('POST', '/v1/webhooks/{id}/ping', `/v1/webhooks/${w}/ping`, {}));
      notFound(await byB('GET', '/v1/webhooks/{id}/deliveries', `/v1/webhooks/${w}/deliveries`));
      notFound(
        await byB(
          'POST',
          '/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
          `/v1/webhooks/${w}/deliveries/${delivery!.id}/redeliver`,
          {},
        ),
      );
      notFound(await byB('DELETE', '/v1/webhooks/{id}', `/v1/webhooks/${w}`));
      const listed = await byB('GET', '/v1/webhooks', '/v1/webhooks');
      expectStatus(listed, 200);
      expect(listed.json.items).toEqual([]);
      // B's own webhook gets only B's events.
      const seen = receiver.requests.length;
      expectStatus(
        await byB('POST', '/v1/webhooks', '/v1/webhooks', { url: receiver.url, events: ['AccountCreated'] }),
        201,
      );
      const after = expectOk(await api.get(`/v1/webhooks/${webhook.id}`, { token: a.token }), 200, 'A webhook').json;
      expect(after).toEqual(before);
      expect(receiver.requests.length).toBe(seen);
    });

    test('every webhook route was tried by B', () => {
      const covered = routes
        .filter((route) => route.path.startsWith('/v1/webhooks') && route.path !== '/v1/webhooks/stripe')
        .map(routeKey);
      expect(covered.filter((key) => !attempted.has(key))).toEqual([]);
    });
  });

  test('deleting the webhook stops deliveries; erasing the account erases its webhooks', async () => {
    expectStatus(await api.delete(`/v1/webhooks/${webhook.id}`, { token: a.token }), 204);
    expectProblem(await api.get(`/v1/webhooks/${webhook.id}`, { token: a.token }), 404);
    const other = await ledgerUser();
    const created = expectOk(
      await api.post('/v1/webhooks', { url: receiver.url, events: ['AccountCreated'] }, { token: other.token }),
      201,
      'webhook',
    );
    expect(await userItemSortKeys(other.userId)).toContain(`WEBHOOK#${created.json.id}`);
    expectStatus(await api.delete('/v1/me', { token: other.token, body: { password: other.password } }), 202);
    await eventually("the erased user's partition to be empty", async () =>
      (await userItemSortKeys(other.userId)).length === 0 ? true : undefined,
    );
  });
});
