import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { handler as openApiHandler } from '../../../functions/api/openapi/get';
import { routes } from '../../../lib/catalog/routes';
import type { AccountItem } from '../../../shared/accounts/items';
import { accountView } from '../../../shared/accounts/operations';
import { toAccountView } from '../../../shared/accounts/views';
import {
  buildOpenApiDocument,
  OPENAPI_PATH,
  operationsWithoutBodySchema,
  REGENERATE_OPENAPI_COMMAND,
  renderOpenApiDocument,
  routeKey,
} from '../../../shared/app/openapi';
import { operations } from '../../../shared/app/operations';
import type { CategoryItem } from '../../../shared/categories/items';
import { categoryView } from '../../../shared/categories/operations';
import { toCategoryView } from '../../../shared/categories/views';
import { identityViews } from '../../../shared/identity/operations';
import { defaultNotificationPreferences, type Profile, toProfileView } from '../../../shared/identity/profile';
import { newJobItem } from '../../../shared/payees/store';
import { payeeViews, toPayeeJobView, toPayeeView } from '../../../shared/payees/views';
import type { TransactionItem } from '../../../shared/transactions/items';
import { transactionViews } from '../../../shared/transactions/operations';
import { newPayeeItem } from '../../../shared/transactions/payee-store';
import { toTransactionView } from '../../../shared/transactions/views';
import { httpEvent, lambdaContext, parseResponse } from '../support/http-event';

// biome-ignore lint/suspicious/noExplicitAny: the document is walked like any JSON a client reads
type Json = any;

const committed = () => readFileSync(join(__dirname, '../../..', OPENAPI_PATH), 'utf8');

const transactionView = () => transactionViews().transaction;

test(`${OPENAPI_PATH} is up to date with the route table and the schemas`, () => {
  if (committed() !== renderOpenApiDocument()) {
    throw new Error(`${OPENAPI_PATH} is stale. Regenerate it with: ${REGENERATE_OPENAPI_COMMAND}`);
  }
});

test('every route of the route table is in the document, with its function as operationId and its security', () => {
  const document: Json = buildOpenApiDocument();
  expect(document.openapi).toBe('3.1.0');
  for (const route of routes) {
    const operation = document.paths[route.path]?.[route.method.toLowerCase()];
    expect({ route: routeKey(route), present: operation !== undefined }).toEqual({
      route: routeKey(route),
      present: true,
    });
    expect(operation.operationId).toBe(route.function);
    expect(operation.summary).toEqual(expect.any(String));
    const schemes = route.auth === 'jwt' ? [{ cognitoJwt: [] }, ...(route.tokens ? [{ apiToken: [] }] : [])] : [];
    expect(operation.security).toEqual(schemes);
    expect(operation.responses['400'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    if (route.auth === 'jwt') {
      // A refused token: the handler kit's 401 problem with its challenge (no 403 from the gateway).
      const refused = operation.responses['401'];
      expect({ route: routeKey(route), headers: refused?.headers, type: exampleType(refused) }).toEqual({
        route: routeKey(route),
        headers: { 'WWW-Authenticate': { $ref: '#/components/headers/WWWAuthenticate' } },
        type: 'urn:moneta:problem:unauthorized',
      });
    }
  }
  expect(document.components.headers.WWWAuthenticate.description).toContain('Bearer error="invalid_token"');
});

function exampleType(response: Json | undefined): unknown {
  return response?.content?.['application/problem+json']?.example?.type;
}

test('every operation that takes a body declares its schema (this list names the ones that do not)', () => {
  expect(operationsWithoutBodySchema()).toEqual([]);
});

test('every operation renders: path parameters declared, strict bodies, unique operation ids, refs resolve', () => {
  const document: Json = buildOpenApiDocument(operations);
  const ids = new Set<string>();
  for (const [path, methods] of Object.entries<Json>(document.paths)) {
    for (const [method, operation] of Object.entries<Json>(methods)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect({ where, duplicate: ids.has(operation.operationId) }).toEqual({ where, duplicate: false });
      ids.add(operation.operationId);
      const declared = (operation.parameters ?? []).filter((p: Json) => p.in === 'path').map((p: Json) => p.name);
      expect({ where, declared }).toEqual({ where, declared: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]) });
      const body = operation.requestBody?.content['application/json']?.schema;
      if (body)
        expect({ where, additionalProperties: body.additionalProperties }).toEqual({
          where,
          additionalProperties: false,
        });
    }
  }
  const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
  expect(refs.length).toBeGreaterThan(0);
  for (const ref of refs) expect(document.components.schemas[ref]).toBeDefined();
});

test('the transaction list documents its filters and paging', () => {
  const document: Json = buildOpenApiDocument(operations);
  const list = document.paths['/v1/transactions'].get;
  const names = list.parameters.map((p: Json) => p.name);
  expect(names).toEqual(['from', 'to', 'accountId', 'categoryId', 'kind', 'tag', 'q', 'limit', 'cursor']);
  expect(list.parameters.find((p: Json) => p.name === 'limit').schema).toMatchObject({
    type: 'integer',
    minimum: 1,
    maximum: 200,
    default: 50,
  });
  const page = list.responses['200'].content['application/json'].schema;
  expect(page.required).toEqual(['items', 'nextCursor']);
  expect(page.properties.items.items.properties.money.required).toEqual(['amount', 'currency']);
  const create = document.paths['/v1/transactions'].post;
  expect(create.parameters.map((p: Json) => p.name)).toEqual(['Idempotency-Key']);
  expect(create.requestBody.content['application/json'].schema.required).toEqual(['kind', 'accountId', 'money']);
});

describe('the documented response shapes are what the views return', () => {
  const stamp = '2026-01-05T10:00:00.000Z';
  const strictly = (schema: z.core.$ZodType, value: unknown) =>
    expect(z.safeParse(schema, value).error?.issues).toBeUndefined();

  const transaction: TransactionItem = {
    type: 'TRANSACTION',
    transactionId: '01JTX',
    kind: 'transfer',
    accountId: 'a1',
    date: '2026-01-05',
    amount: 1000,
    currency: 'USD',
    accountAmount: -922,
    accountCurrency: 'EUR',
    homeAmount: -922,
    homeCurrency: 'EUR',
    accountConversion: { rate: '0.9217', source: 'ECB', rateDate: '2026-01-02', fallback: true },
    homeConversion: null,
    categoryId: null,
    payee: null,
    note: 'rent share',
    tags: ['home'],
    externalId: null,
    transferId: '01JTR',
    counterpartAccountId: 'a2',
    createdAt: stamp,
    updatedAt: stamp,
    version: 2,
  };

  test('transaction', () => {
    strictly(transactionView(), toTransactionView(transaction));
  });

  test('account and category', () => {
    const account: AccountItem = {
      type: 'ACCOUNT',
      accountId: 'a1',
      name: 'Checking',
      kind: 'checking',
      currency: 'EUR',
      balance: -1200,
      transactionCount: 3,
      archived: false,
      createdAt: stamp,
      updatedAt: stamp,
      version: 1,
    };
    strictly(accountView(), toAccountView(account));
    const category: CategoryItem = {
      type: 'CATEGORY',
      categoryId: 'groceries',
      name: 'Groceries',
      kind: 'expense',
      parentId: 'food',
      transactionCount: 0,
      archived: true,
      createdAt: stamp,
      updatedAt: stamp,
      version: 4,
    };
    strictly(categoryView(), toCategoryView(category));
  });

  test('profile and payee', () => {
    const profile: Profile = {
      type: 'PROFILE',
      userId: 'u1',
      email: 'ada@example.com',
      name: 'Ada',
      homeCurrency: 'EUR',
      timezone: 'Europe/Berlin',
      notifications: defaultNotificationPreferences,
      mfa: { totp: 'disabled' },
      createdAt: stamp,
      updatedAt: stamp,
      version: 1,
    };
    strictly(identityViews().profile, toProfileView(profile));
    const payee = newPayeeItem({ name: 'ACME', transactionCount: 2, lastUsedAt: stamp }, 'P1', stamp);
    strictly(payeeViews().payee, toPayeeView(payee));
    const job = newJobItem({ jobId: 'J1', kind: 'rename', payeeId: 'P1', intoId: null, name: 'ACME' }, stamp);
    strictly(payeeViews().job, toPayeeJobView(job));
    strictly(payeeViews().payeeWithJob, { ...toPayeeView(payee), job: toPayeeJobView(job) });
  });

  test('a field added to a view without documenting it is caught', () => {
    const view = toTransactionView(transaction);
    expect(transactionView().safeParse(view).success).toBe(true);
    expect(transactionView().safeParse({ ...view, secret: 1 }).success).toBe(false);
  });
});

test('GET /v1/openapi.json serves the committed document without a token', async () => {
  const response = parseResponse(await openApiHandler(httpEvent({ path: '/v1/openapi.json' }), lambdaContext()));
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/json');
  expect(response.body).toEqual(JSON.parse(committed()));
});

test('GET /v1/openapi.json refuses query parameters as every route does (400, each one named)', async () => {
  const response = parseResponse(
    await openApiHandler(
      httpEvent({ path: '/v1/openapi.json', queryStringParameters: { format: 'yaml' } }),
      lambdaContext(),
    ),
  );
  expect(response.status).toBe(400);
  expect(response.headers['content-type']).toBe('application/problem+json');
  expect(response.body).toMatchObject({
    type: 'urn:moneta:problem:validation-failed',
    status: 400,
    instance: '/v1/openapi.json',
    errors: [{ in: 'query', field: 'format', message: 'is not a known field' }],
  });
});

test('the statuses the wrapper and the Cognito mapping answer are documented', () => {
  const document: Json = buildOpenApiDocument();
  for (const operation of operations) {
    const responses = document.paths[operation.path][operation.method.toLowerCase()].responses;
    // A body not sent as JSON is a 415 before the handler runs.
    expect({ route: routeKey(operation), has415: '415' in responses }).toEqual({
      route: routeKey(operation),
      has415: 'body' in operation.request,
    });
  }
  expect(document.paths['/v1/auth/login'].post.responses['401'].description).toBe('Incorrect email or password');
  expect(document.paths['/v1/auth/refresh'].post.responses['401']).toBeDefined();
  expect(document.paths['/v1/auth/change-password'].post.responses['403']).toBeDefined();
  expect(document.paths['/v1/me'].delete.responses['503']).toBeDefined();
});
