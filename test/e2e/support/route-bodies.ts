/**
 * For every route that takes a JSON body: a valid example, the fields it requires, and a body with
 * every field of the wrong type. The validation suite iterates the route table and fails for a
 * body-taking route that has no entry here, so a new route cannot slip past it.
 */
import type { RouteSpec } from '../../../lib/catalog/routes';
import { buildOpenApiDocument } from '../../../shared/app/openapi';
import { operations } from '../../../shared/app/operations';

type BodyFixture = {
  /**
   * A body the schema accepts: the contract's request example (shared/app/openapi-examples.ts,
   * checked against the body schema by test/unit/docs/openapi-examples.test.ts), so the example a
   * reader sees and the body these suites send are one fact.
   */
  valid: Record<string, unknown>;
  /**
   * Fields an empty object must be refused for. `(root)` for bodies that require "at least one";
   * `accepted` for bodies whose every field is optional (an empty object is a valid request).
   */
  requiredOnEmpty: string[] | 'accepted';
  wrongTypes: Record<string, unknown>;
};

const email = 'e2e-validation@example.com';
/** A well-formed id that exists for nobody (the same one concretePath puts in paths). */
const absentId = '01J0000000000000000000E2E0';

const fixtures: Record<string, Omit<BodyFixture, 'valid'>> = {
  'POST /v1/auth/signup': {
    requiredOnEmpty: ['email', 'password'],
    wrongTypes: { email: 42, password: true, name: 7, homeCurrency: 978, timezone: ['UTC'] },
  },
  'POST /v1/auth/confirm': {
    requiredOnEmpty: ['email', 'code'],
    wrongTypes: { email: 42, code: 123456 },
  },
  'POST /v1/auth/resend-code': {
    requiredOnEmpty: ['email'],
    wrongTypes: { email: { address: email } },
  },
  'POST /v1/auth/login': {
    requiredOnEmpty: ['email', 'password'],
    wrongTypes: { email: null, password: 12345678 },
  },
  'POST /v1/auth/refresh': {
    requiredOnEmpty: ['refreshToken'],
    wrongTypes: { refreshToken: 1 },
  },
  'POST /v1/auth/logout': {
    // The refresh token is optional: without it the session still ends.
    requiredOnEmpty: 'accepted',
    wrongTypes: { refreshToken: false },
  },
  'POST /v1/auth/logout-all': {
    requiredOnEmpty: 'accepted',
    wrongTypes: { everywhere: true },
  },
  'POST /v1/tokens': {
    requiredOnEmpty: ['name', 'scopes', 'password'],
    wrongTypes: { name: 7, scopes: 'read', password: 12345678, expiresAt: 1 },
  },
  'POST /v1/auth/forgot-password': {
    requiredOnEmpty: ['email'],
    wrongTypes: { email: 3.14 },
  },
  'POST /v1/auth/reset-password': {
    requiredOnEmpty: ['email', 'code', 'newPassword'],
    wrongTypes: { email: 1, code: 123456, newPassword: ['x'] },
  },
  'POST /v1/auth/change-password': {
    requiredOnEmpty: ['currentPassword', 'newPassword'],
    wrongTypes: { currentPassword: 1, newPassword: {} },
  },
  'PATCH /v1/me': {
    requiredOnEmpty: ['(root)'],
    wrongTypes: { name: 5, homeCurrency: 1, timezone: 2, notifications: 'all' },
  },
  // Re-authenticated routes: the valid bodies carry a password that is nobody's, so they change nothing.
  'DELETE /v1/me': {
    requiredOnEmpty: ['password'],
    wrongTypes: { password: 1, code: 123456 },
  },
  'POST /v1/auth/login/mfa': {
    requiredOnEmpty: ['session', 'code'],
    wrongTypes: { session: 1, code: 123456 },
  },
  'POST /v1/me/email': {
    requiredOnEmpty: ['email', 'password'],
    wrongTypes: { email: 1, password: 2, code: 3 },
  },
  'POST /v1/me/email/verify': {
    requiredOnEmpty: ['code'],
    wrongTypes: { code: 123456 },
  },
  'POST /v1/me/mfa/totp': {
    requiredOnEmpty: 'accepted',
    wrongTypes: { secret: 'JBSWY3DPEHPK3PXP' },
  },
  'POST /v1/me/mfa/totp/verify': {
    requiredOnEmpty: ['code'],
    wrongTypes: { code: 123456 },
  },
  'DELETE /v1/me/mfa': {
    requiredOnEmpty: ['password'],
    wrongTypes: { password: 1, code: 123456 },
  },
  // Ledger. Ids in valid bodies exist for nobody: body validation answers before any lookup.
  'POST /v1/accounts': {
    requiredOnEmpty: ['name', 'kind', 'currency'],
    wrongTypes: { name: 1, kind: 2, currency: 978 },
  },
  'PATCH /v1/accounts/{id}': {
    requiredOnEmpty: ['(root)'],
    wrongTypes: { name: [], kind: true, archived: 'yes' },
  },
  'POST /v1/categories': {
    requiredOnEmpty: ['name', 'kind'],
    wrongTypes: { name: {}, kind: 1, parentId: 7 },
  },
  'PATCH /v1/categories/{id}': {
    requiredOnEmpty: ['(root)'],
    wrongTypes: { name: 1, parentId: true, archived: 'no' },
  },
  'POST /v1/transactions': {
    requiredOnEmpty: ['kind', 'accountId', 'money'],
    wrongTypes: {
      kind: 1,
      accountId: 2,
      money: '12.50 EUR',
      accountAmount: '100',
      categoryId: 3,
      payee: 4,
      note: 5,
      tags: 'trip',
      date: 20260410,
      externalId: 6,
      status: 'settled',
      refundOf: 7,
      invoiceId: 7,
    },
  },
  'PATCH /v1/transactions/{id}': {
    requiredOnEmpty: ['(root)'],
    wrongTypes: {
      kind: 1,
      accountId: 2,
      money: 1250,
      accountAmount: 12.5,
      categoryId: 3,
      payee: 4,
      note: 5,
      tags: 'food',
      date: true,
      status: 'reconciled',
      unreconcile: 'yes',
      invoiceId: 8,
    },
  },
  'POST /v1/accounts/{id}/reconcile': {
    requiredOnEmpty: ['statementDate', 'statementBalance'],
    wrongTypes: { statementDate: 20260430, statementBalance: '123.45' },
  },
  'POST /v1/transfers': {
    requiredOnEmpty: ['fromAccountId', 'toAccountId', 'money'],
    wrongTypes: {
      fromAccountId: 1,
      toAccountId: 2,
      money: [5000],
      toAmount: '5842',
      date: 3,
      note: 4,
      tags: {},
      status: 'void',
    },
  },
  'POST /v1/budgets': {
    requiredOnEmpty: ['name', 'limit'],
    wrongTypes: {
      name: 1,
      categoryIds: 'groceries',
      period: 30,
      limit: 400,
      thresholds: '80',
      rollover: 'yes',
      enforce: 1,
      startDate: 20260401,
    },
  },
  'PATCH /v1/budgets/{id}': {
    requiredOnEmpty: ['(root)'],
    wrongTypes: { name: [], categoryIds: 7, limit: '400 EUR', thresholds: 80, rollover: 0, enforce: 'no' },
  },
  'POST /v1/goals': {
    requiredOnEmpty: ['name', 'target', 'funding'],
    wrongTypes: { name: 1, target: '1500 EUR', deadline: 20270630, funding: 'contributions' },
  },
  'PATCH /v1/goals/{id}': {
    requiredOnEmpty: ['(root)'],
    wrongTypes: { name: [], target: 100, deadline: true },
  },
  'POST /v1/goals/{id}/contributions': {
    requiredOnEmpty: ['money'],
    wrongTypes: { money: 5000, date: 20260410, note: 5 },
  },
  'POST /v1/exports': {
    requiredOnEmpty: ['format', 'from', 'to'],
    wrongTypes: { format: 1, from: 20260101, to: true, accountIds: 'acc', categoryIds: 7, kind: ['expense'] },
  },
  'POST /v1/captures': {
    requiredOnEmpty: ['text'],
    wrongTypes: { text: 5, receivedAt: 1, source: 2, sender: [] },
  },
  'POST /v1/captures/{id}/accept': {
    requiredOnEmpty: 'accepted',
    wrongTypes: {
      accountId: 1,
      kind: 2,
      money: 'x',
      date: 3,
      payee: 4,
      categoryId: 5,
      note: 6,
      tags: 'x',
      asTransfer: 'yes',
    },
  },
  'POST /v1/captures/{id}/reject': {
    requiredOnEmpty: 'accepted',
    // The body has no fields: any field is refused.
    wrongTypes: { reason: 'spam' },
  },
  'POST /v1/imports': {
    requiredOnEmpty: ['accountId', 'format'],
    wrongTypes: { accountId: 1, format: 2, mapping: 'x', preset: 3, dateOrder: 4, content: 5, contentType: 6 },
  },
  'POST /v1/imports/{id}/start': {
    requiredOnEmpty: 'accepted',
    // The body has no fields: any field is refused.
    wrongTypes: { file: 'statement.ofx' },
  },
  'POST /v1/imports/{id}/rows/{index}/review': {
    requiredOnEmpty: ['decision'],
    wrongTypes: { decision: 1 },
  },
  'POST /v1/rules/suggestions/dismissals': {
    requiredOnEmpty: ['payee', 'categoryId'],
    wrongTypes: { payee: 1, categoryId: 2 },
  },
  'POST /v1/rules': {
    requiredOnEmpty: ['name', 'conditions', 'actions'],
    wrongTypes: { name: 1, enabled: 'yes', match: 2, conditions: 'x', actions: 3, position: 'first' },
  },
  'PATCH /v1/rules/{id}': {
    requiredOnEmpty: ['(root)'],
    wrongTypes: { name: [], enabled: 1, match: 2, conditions: {}, actions: 'x', position: 'last' },
  },
  'PUT /v1/rules/order': {
    requiredOnEmpty: ['ids'],
    wrongTypes: { ids: 'x' },
  },
  'POST /v1/rules/{id}/apply': {
    requiredOnEmpty: 'accepted',
    wrongTypes: { from: 1, to: 2, onlyUncategorised: 'yes' },
  },
  'POST /v1/invoices': {
    requiredOnEmpty: ['direction', 'number', 'issueDate', 'dueDate', 'currency', 'lines'],
    wrongTypes: {
      direction: 1,
      payeeId: 2,
      payeeName: 3,
      number: 4,
      issueDate: 20260401,
      dueDate: true,
      currency: 978,
      lines: 'three',
      notes: 5,
    },
  },
  'PATCH /v1/invoices/{id}': {
    requiredOnEmpty: ['(root)'],
    wrongTypes: { payeeId: 1, number: 2, issueDate: 3, dueDate: 4, currency: 5, lines: {}, notes: 6 },
  },
  'POST /v1/invoices/{id}/issue': {
    requiredOnEmpty: 'accepted',
    // The body has no fields: any field is refused.
    wrongTypes: { state: 'issued' },
  },
  'POST /v1/invoices/{id}/void': {
    requiredOnEmpty: 'accepted',
    // The body has no fields: any field is refused.
    wrongTypes: { reason: 'duplicate' },
  },
  'POST /v1/payees': {
    requiredOnEmpty: ['name'],
    wrongTypes: { name: 42, kind: 'alien', contact: 'billing@acme.example', taxId: 12, iban: 7, notes: ['x'] },
  },
  'PATCH /v1/payees/{id}': {
    requiredOnEmpty: ['(root)'],
    wrongTypes: { name: 42, kind: 1, defaultCategoryId: 5, notes: true },
  },
  'POST /v1/payees/{id}/merge': {
    requiredOnEmpty: ['intoId'],
    wrongTypes: { intoId: 7 },
  },
  'POST /v1/attachments': {
    requiredOnEmpty: ['fileName', 'contentType', 'size'],
    wrongTypes: { fileName: 1, contentType: 2, size: '1 KB', transactionId: 3 },
  },
  'POST /v1/invoices/{id}/payments': {
    requiredOnEmpty: ['accountId'],
    wrongTypes: { accountId: 42, paymentMethodId: 7 },
  },
  'POST /v1/payees/{id}/payment-methods': {
    requiredOnEmpty: 'accepted',
    wrongTypes: { currency: 42 },
  },
  'POST /v1/payments/{id}/cancel': {
    requiredOnEmpty: 'accepted',
    // The body has no fields: any field is refused.
    wrongTypes: { reason: 'duplicate' },
  },
  'POST /v1/payments/{id}/refunds': {
    requiredOnEmpty: 'accepted',
    wrongTypes: { amount: '5.00' },
  },
  'POST /v1/webhooks': {
    requiredOnEmpty: ['url', 'events'],
    wrongTypes: { url: 42, events: 'TransactionCreated', description: 7, secret: 7 },
  },
  'PATCH /v1/webhooks/{id}': {
    requiredOnEmpty: ['(root)'],
    wrongTypes: { url: 1, events: 'TransactionCreated', description: 2, enabled: 'yes' },
  },
  'POST /v1/webhooks/{id}/rotate-secret': {
    requiredOnEmpty: 'accepted',
    wrongTypes: { secret: 'whsec_mine' },
  },
  'POST /v1/webhooks/{id}/ping': {
    requiredOnEmpty: 'accepted',
    wrongTypes: { url: 'https://elsewhere.example.com/' },
  },
  'POST /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    requiredOnEmpty: 'accepted',
    wrongTypes: { payload: '{}' },
  },
};

// biome-ignore lint/suspicious/noExplicitAny: the document is walked like any JSON a client reads
const contract: any = buildOpenApiDocument();

/** The contract's request example of a route (undefined for a route without a JSON body). */
const requestExample = (key: string): Record<string, unknown> | undefined => {
  const [method, path] = key.split(' ') as [string, string];
  return contract.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.example;
};

export const bodyFixtures: Record<string, BodyFixture> = Object.fromEntries(
  Object.entries(fixtures).map(([key, fixture]) => [key, { valid: requestExample(key) ?? {}, ...fixture }]),
);

export const routeKey = (route: Pick<RouteSpec, 'method' | 'path'>) => `${route.method} ${route.path}`;

/**
 * Routes that read their body as bytes a sender signed (Stripe's webhook) validate no JSON schema:
 * a bad signature refuses them whatever the body (test/e2e/payments.test.ts).
 */
const signedBodyRoutes = new Set(
  operations.filter((operation) => 'rawBody' in operation.request).map((operation) => routeKey(operation)),
);

/** DELETE routes that take a body: the re-authenticated ones (the password in the body). */
const deleteBodyRoutes = new Set(
  operations
    .filter((operation) => operation.method === 'DELETE' && 'body' in operation.request)
    .map((operation) => routeKey(operation)),
);

export const takesBody = (route: RouteSpec) =>
  (['POST', 'PUT', 'PATCH'].includes(route.method) || deleteBodyRoutes.has(routeKey(route))) &&
  !signedBodyRoutes.has(routeKey(route));

/** A concrete path for a route: path parameters get a well-formed id that exists for nobody. */
/** The route's path with each id absent for everyone (a position, such as a report row's, is 0). */
export const concretePath = (route: RouteSpec) => route.path.replace('{index}', '0').replace(/\{[^}]+\}/g, absentId);
