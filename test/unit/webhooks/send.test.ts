/**
 * The sender checks the address each connection really uses, after DNS resolution (so a name
 * that now resolves to loopback is refused, whatever it resolved to when the webhook was saved),
 * and never follows a redirect.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSender } from '../../../shared/webhooks/send';

let server: Server;
let port: number;
const received: IncomingMessage[] = [];
let answer = 204;

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(request);
    request.resume();
    if (answer === 302) response.setHeader('location', `http://127.0.0.1:${port}/elsewhere`);
    response.statusCode = answer;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  received.length = 0;
  answer = 204;
});

test('without the local setting a name resolving to loopback is refused when connecting', async () => {
  const send = createSender({ allowLocalHttp: false });
  // "localhost" passes as a name; the connection's lookup finds 127.0.0.1 and the agent refuses.
  const result = await send(`https://localhost:${port}/hook`, {}, '{}');
  expect(result).toMatchObject({ ok: false, statusCode: null });
  expect(!result.ok && result.error).toMatch(/not allowed/);
  expect(received).toHaveLength(0);
  expect(await send(`http://127.0.0.1:${port}/hook`, {}, '{}')).toEqual({
    ok: false,
    statusCode: null,
    error: 'scheme not allowed',
  });
});

test('with the local setting a loopback receiver gets the body and the headers', async () => {
  const send = createSender({ allowLocalHttp: true });
  const result = await send(`http://localhost:${port}/hook`, { 'webhook-id': 'msg_1' }, '{"a":1}');
  expect(result).toEqual({ ok: true, statusCode: 204 });
  expect(received).toHaveLength(1);
  expect(received[0]?.headers['webhook-id']).toBe('msg_1');
  expect(received[0]?.headers['content-type']).toBe('application/json');
});

test('a redirect is a failed attempt, and its target is not requested', async () => {
  const send = createSender({ allowLocalHttp: true });
  answer = 302;
  const result = await send(`http://127.0.0.1:${port}/hook`, {}, '{}');
  expect(result).toEqual({ ok: false, statusCode: 302, error: 'redirect not followed' });
  expect(received.map((request) => request.url)).toEqual(['/hook']);
});

test('a 5xx answer is a failure with its status; a receiver that is not there is one without', async () => {
  const send = createSender({ allowLocalHttp: true });
  answer = 503;
  expect(await send(`http://127.0.0.1:${port}/hook`, {}, '{}')).toEqual({ ok: false, statusCode: 503, error: null });
  const closed = await send('http://127.0.0.1:1/hook', {}, '{}');
  expect(closed).toMatchObject({ ok: false, statusCode: null });
});
