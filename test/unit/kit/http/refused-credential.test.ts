/**
 * A credential the API's authorizer refused (shared/sessions/authorize.ts lets it through with
 * `refused` and no principal) is answered by every authenticated operation with the contract's 401
 * problem, before anything else runs: no request budget is taken, the body is not parsed (each
 * request below carries a body that is not JSON, which parsing would answer with 400), and no AWS
 * service is called (every SDK client is pointed at a server that counts what reaches it).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { operations } from '../../../../shared/app/operations';
import { createRateLimiter } from '../../../../shared/kit/dynamodb/rate-limiter';
import type { HttpApiEvent, RouteHandler } from '../../../../shared/kit/http/api-handler';
import type { OperationDeclaration } from '../../../../shared/kit/http/operation';
import { keepRequestBudgetsWith } from '../../../../shared/kit/http/request-budget-store';
import type { RefusalReason } from '../../../../shared/sessions/authorize';
import { httpEvent, lambdaContext, parseResponse } from '../../support/http-event';

const authenticated: OperationDeclaration[] = operations.filter((operation) => operation.auth !== 'public');

let server: Server;
let awsRequests = 0;
let budgetWrites = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    awsRequests += 1;
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // Every AWS SDK client built from now on (the handlers are imported below) sends here.
  process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  keepRequestBudgetsWith(() =>
    createRateLimiter({
      db: {
        send: async () => {
          budgetWrites += 1;
          return {};
        },
      } as never,
      tableName: 'counted',
    }),
  );
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function refusedEvent(operation: OperationDeclaration, reason: RefusalReason): HttpApiEvent {
  const pathParameters = Object.fromEntries(
    [...operation.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => [name!, 'some-id']),
  );
  const event = httpEvent({
    method: operation.method,
    path: operation.path.replace(/\{[^}]+\}/g, 'some-id'),
    headers: { authorization: 'Bearer a-refused-token', 'content-type': 'application/json' },
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    ...(operation.method === 'GET' || operation.method === 'DELETE' ? {} : { body: '{"not json' }),
  });
  event.requestContext.authorizer = { lambda: { refused: reason } };
  return event;
}

test('there are authenticated operations to check', () => {
  expect(authenticated.length).toBeGreaterThan(10);
});

describe.each(authenticated.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
  '%s',
  (_name, operation) => {
    test('answers a refused credential 401 problem+json, before budgets, parsing or any AWS call', async () => {
      const { handler } = (await import(`../../../../${operation.entry}`)) as { handler: RouteHandler };
      const response = parseResponse(await handler(refusedEvent(operation, 'signed-out'), lambdaContext()));
      expect({ status: response.status, body: response.body }).toEqual({
        status: 401,
        body: expect.objectContaining({ type: 'urn:moneta:problem:unauthorized', status: 401 }),
      });
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      expect({ awsRequests, budgetWrites }).toEqual({ awsRequests: 0, budgetWrites: 0 });
    });
  },
);

test('the answer does not say why the credential was refused', async () => {
  const operation = authenticated.find((candidate) => candidate.path === '/v1/me' && candidate.method === 'GET')!;
  const { handler } = (await import(`../../../../${operation.entry}`)) as { handler: RouteHandler };
  const reasons: RefusalReason[] = ['invalid-token', 'signed-out', 'session-ended', 'unknown-token', 'expired-token'];
  const bodies = await Promise.all(
    reasons.map(async (reason) => {
      const { body } = parseResponse(await handler(refusedEvent(operation, reason), lambdaContext()));
      return { ...body, correlationId: undefined };
    }),
  );
  expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
  expect(JSON.stringify(bodies[0])).not.toMatch(/signed-out|session-ended|expired-token|unknown-token/);
});
