/**
 * The HTTP contract of every route, keyed `METHOD /path` as in lib/catalog/routes.ts: a summary
 * and the zod schemas the handler parses with (body, query, path), plus the success response.
 * The OpenAPI generator (./openapi.ts) joins this with the route table. Request schemas are the
 * handlers' own, imported from where they live, so the document cannot describe another API than
 * the one that runs. Response schemas are written here from the stored-item schemas; a unit test
 * parses each view function's output with them (strictly), so a view and its documentation
 * cannot drift apart either.
 */
import * as z from 'zod';
import { accountItem } from '../accounts/items';
import { accountCreateSchema, accountListQuery, accountPatchSchema } from '../accounts/schemas';
import { budgetListQuery, budgetPeriodsQuery, createBudgetBody, patchBudgetBody } from '../budgets/schemas';
import { categoryItem } from '../categories/items';
import { categoryCreateSchema, categoryListQuery, categoryPatchSchema } from '../categories/schemas';
import {
  contributionCreateSchema,
  contributionListQuery,
  goalCreateSchema,
  goalListQuery,
  goalPatchSchema,
} from '../goals/schemas';
import { contributionView, goalView } from '../goals/views';
import { profilePatchSchema, profileSchema } from '../identity/profile';
import {
  changePasswordBody,
  confirmBody,
  emailOnlyBody,
  loginBody,
  refreshTokenBody,
  resetPasswordBody,
  signupBody,
} from '../identity/schemas';
import { noParams } from '../kit/http/api-handler';
import { idPath } from '../kit/http/fields';
import { notificationListQuery, notificationView } from '../notifications/views';
import { conversion } from '../rates/items';
import { ratesQuery } from '../rates/store';
import { transactionItem } from '../transactions/items';
import { payeeListQuery } from '../transactions/payee-store';
import { transactionListQuery } from '../transactions/query-schema';
import { createTransactionBody, createTransferBody, patchTransactionBody } from '../transactions/schemas';

// ---- Response shapes ------------------------------------------------------------------------

const money = z.strictObject({
  amount: z.number().int().describe('Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three).'),
  currency: z.string().describe('ISO 4217 code'),
});
const timestamps = { createdAt: z.string(), updatedAt: z.string(), version: z.number().int().positive() };
const page = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  });

export const profileView = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  homeCurrency: z.string(),
  timezone: z.string(),
  notifications: profileSchema.shape.notifications,
  ...timestamps,
});

const budgetView = z.strictObject({
  id: z.string(),
  name: z.string(),
  categoryIds: z.array(z.string()).nullable().describe('null: all spending'),
  period: z.enum(['monthly', 'weekly', 'yearly']),
  limit: money,
  thresholds: z.array(z.number().int()),
  rollover: z.boolean(),
  enforce: z.boolean(),
  startDate: z.string(),
  ...timestamps,
});
const budgetPeriodView = z.strictObject({
  periodId: z.string().describe('2026-04 (monthly), 2026-W15 (weekly), 2026 (yearly)'),
  start: z.string(),
  end: z.string(),
  limit: money,
  rolloverIn: money,
  effectiveLimit: money,
  spent: money.describe(
    'Net of refunds (incomes in covered expense categories); negative when they exceed the spending',
  ),
  remaining: money,
  percent: z.number().describe('Spent as a percentage of the effective limit, one decimal'),
});
const budgetWithCurrentView = budgetView.extend({
  current: budgetPeriodView.extend({
    forecast: z.strictObject({
      projectedSpent: money.describe('Spent so far projected linearly to the end of the period'),
      projectedPercent: z.number(),
      onPace: z.boolean(),
    }),
  }),
});

export const accountView = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: accountItem.shape.kind,
  currency: z.string(),
  balance: money,
  transactionCount: z.number().int().nonnegative(),
  archived: z.boolean(),
  ...timestamps,
});

export const categoryView = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: categoryItem.shape.kind,
  parentId: z.string().nullable(),
  transactionCount: z.number().int().nonnegative(),
  archived: z.boolean(),
  ...timestamps,
});

export const transactionView = z.strictObject({
  id: z.string(),
  kind: transactionItem.shape.kind,
  accountId: z.string(),
  date: z.iso.date(),
  money: money.describe('As entered.'),
  accountAmount: money.describe("Signed, in the account's currency: what the balance moved by."),
  homeAmount: money.describe("Signed, in the user's home currency at the time of recording."),
  conversions: z.strictObject({ account: conversion.nullable(), home: conversion.nullable() }),
  categoryId: z.string().nullable(),
  payee: z.string().nullable(),
  note: z.string().nullable(),
  tags: z.array(z.string()),
  externalId: z.string().nullable(),
  transferId: z.string().nullable(),
  counterpartAccountId: z.string().nullable(),
  ...timestamps,
});

export const payeeView = z.strictObject({
  name: z.string(),
  transactionCount: z.number().int().nonnegative(),
  lastUsedAt: z.string(),
});

const tokens = z.strictObject({
  accessToken: z.string(),
  idToken: z.string(),
  refreshToken: z.string().optional(),
  expiresIn: z.number().int(),
  tokenType: z.literal('Bearer'),
});
const message = z.strictObject({ message: z.string() });

/** RFC 9457 problem details, as shared/kit/http/problems.ts writes them. */
export const problemSchema = z
  .object({
    type: z.string().describe('urn:moneta:problem:<slug>'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string(),
    correlationId: z.string().describe('Quote it to support; it is the request id in the logs.'),
    errors: z
      .array(
        z.strictObject({
          in: z.enum(['body', 'query', 'path', 'header']),
          field: z.string().describe('Dotted path of the field at fault, e.g. `money.currency`.'),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .catchall(z.unknown())
  .describe('application/problem+json (RFC 9457); some problems add members, e.g. existingTransactionId.');

// ---- The registry ---------------------------------------------------------------------------

export type OperationContract = {
  summary: string;
  description?: string;
  body?: z.ZodType;
  query?: z.ZodType;
  path?: z.ZodType;
  response: {
    status: number;
    description: string;
    schema?: z.ZodType;
    /** The response carries the resource's version as ETag (for a later If-Match). */
    etag?: boolean;
    location?: boolean;
  };
  /** Problem statuses this operation answers besides 400, 401 (authenticated routes) and 500. */
  problems?: number[];
  /** Request headers the handler reads. */
  headers?: { idempotencyKey?: boolean; ifMatch?: boolean };
};

const ok = (description: string, schema?: z.ZodType, extra: Partial<OperationContract['response']> = {}) => ({
  status: 200,
  description,
  ...(schema ? { schema } : {}),
  ...extra,
});
const noContent = (description: string) => ({ status: 204, description });

export const contract: Record<string, OperationContract> = {
  'POST /v1/auth/signup': {
    summary: 'Register with email and password',
    description: 'Cognito emails a confirmation code; confirm with POST /v1/auth/confirm.',
    body: signupBody,
    query: noParams,
    response: {
      status: 201,
      description: 'Registered, not yet confirmed',
      schema: z.strictObject({
        userId: z.string(),
        confirmed: z.boolean(),
        codeDelivery: z.strictObject({ medium: z.string(), destination: z.string() }).optional(),
      }),
    },
    problems: [409, 429],
  },
  'POST /v1/auth/confirm': {
    summary: 'Confirm a sign-up with the emailed code',
    body: confirmBody,
    query: noParams,
    response: ok('Confirmed', z.strictObject({ confirmed: z.literal(true) })),
    problems: [409, 429],
  },
  'POST /v1/auth/resend-code': {
    summary: 'Send the confirmation code again',
    body: emailOnlyBody,
    query: noParams,
    response: { status: 202, description: 'Sent if the account exists and is unconfirmed', schema: message },
    problems: [429],
  },
  'POST /v1/auth/login': {
    summary: 'Exchange email and password for tokens',
    body: loginBody,
    query: noParams,
    response: ok('Tokens; send the access token as `Authorization: Bearer <token>`', tokens),
    problems: [403, 429],
  },
  'POST /v1/auth/refresh': {
    summary: 'Exchange a refresh token for new tokens',
    body: refreshTokenBody,
    query: noParams,
    response: ok('New tokens', tokens),
    problems: [429],
  },
  'POST /v1/auth/logout': {
    summary: 'Revoke a refresh token',
    body: refreshTokenBody,
    query: noParams,
    response: noContent('Revoked'),
    problems: [429],
  },
  'POST /v1/auth/forgot-password': {
    summary: 'Start a password reset',
    body: emailOnlyBody,
    query: noParams,
    response: { status: 202, description: 'A code is emailed if the account exists', schema: message },
    problems: [429],
  },
  'POST /v1/auth/reset-password': {
    summary: 'Set a new password with the emailed code',
    body: resetPasswordBody,
    query: noParams,
    response: noContent('Password changed'),
    problems: [429],
  },
  'POST /v1/auth/change-password': {
    summary: "Change the signed-in user's password",
    body: changePasswordBody,
    query: noParams,
    response: noContent('Password changed'),
    problems: [429],
  },

  'GET /v1/me': {
    summary: "Read the caller's profile",
    query: noParams,
    response: ok('The profile', profileView, { etag: true }),
  },
  'PATCH /v1/me': {
    summary: "Change the caller's profile",
    body: profilePatchSchema,
    query: noParams,
    response: ok('The changed profile', profileView, { etag: true }),
    problems: [412],
    headers: { ifMatch: true },
  },
  'DELETE /v1/me': {
    summary: "Delete the caller's account and, asynchronously, all their data",
    query: noParams,
    response: {
      status: 202,
      description: 'Deleting',
      schema: z.strictObject({ status: z.literal('deleting') }),
    },
  },

  'POST /v1/accounts': {
    summary: 'Open an account',
    body: accountCreateSchema,
    query: noParams,
    response: { status: 201, description: 'The new account', schema: accountView, etag: true, location: true },
    problems: [422],
    headers: { idempotencyKey: true },
  },
  'GET /v1/accounts': {
    summary: "List the caller's accounts",
    query: accountListQuery,
    response: ok('A page of accounts', page(accountView)),
  },
  'GET /v1/accounts/{id}': {
    summary: 'Read an account and its balance',
    path: idPath,
    query: noParams,
    response: ok('The account', accountView, { etag: true }),
    problems: [404],
  },
  'PATCH /v1/accounts/{id}': {
    summary: 'Rename, re-kind, archive or unarchive an account',
    path: idPath,
    body: accountPatchSchema,
    query: noParams,
    response: ok('The changed account', accountView, { etag: true }),
    problems: [404, 412],
    headers: { ifMatch: true },
  },
  'DELETE /v1/accounts/{id}': {
    summary: 'Delete an account',
    description:
      'An account with transactions must be archived first (else 409); its transactions are then deleted asynchronously.',
    path: idPath,
    query: noParams,
    response: noContent('Deleted'),
    problems: [404, 409],
  },

  'POST /v1/categories': {
    summary: 'Create a category or subcategory',
    body: categoryCreateSchema,
    query: noParams,
    response: { status: 201, description: 'The new category', schema: categoryView, etag: true, location: true },
    problems: [404, 422],
    headers: { idempotencyKey: true },
  },
  'GET /v1/categories': {
    summary: "List the caller's categories",
    query: categoryListQuery,
    response: ok('A page of categories', page(categoryView)),
  },
  'PATCH /v1/categories/{id}': {
    summary: 'Rename, move, archive or unarchive a category',
    path: idPath,
    body: categoryPatchSchema,
    query: noParams,
    response: ok('The changed category', categoryView, { etag: true }),
    problems: [404, 409, 412, 422],
    headers: { ifMatch: true },
  },
  'DELETE /v1/categories/{id}': {
    summary: 'Delete a category without subcategories or transactions',
    path: idPath,
    query: noParams,
    response: noContent('Deleted'),
    problems: [404, 409],
  },

  'GET /v1/payees': {
    summary: 'List the payees remembered from transactions, by name',
    query: payeeListQuery,
    response: ok('A page of payees', page(payeeView)),
  },

  'POST /v1/transactions': {
    summary: 'Record an expense or an income',
    description:
      'Converted to the account and home currencies at the recorded ECB rate; give `accountAmount` for a currency without one. ' +
      'The same `Idempotency-Key` with the same body replays the first response (`Idempotent-Replayed: true`).',
    body: createTransactionBody,
    query: noParams,
    response: { status: 201, description: 'The new transaction', schema: transactionView, etag: true, location: true },
    problems: [404, 409, 422],
    headers: { idempotencyKey: true },
  },
  'GET /v1/transactions': {
    summary: "List the caller's transactions, newest first",
    description:
      '`categoryId` includes its subcategories; `q` matches the payee or the note (case-insensitive); `from` and `to` are inclusive days. ' +
      'A filter naming an account or category the caller does not have is a 404.',
    query: transactionListQuery,
    response: ok('A page of transactions', page(transactionView)),
    problems: [404],
  },
  'GET /v1/transactions/{id}': {
    summary: 'Read a transaction',
    path: idPath,
    query: noParams,
    response: ok('The transaction', transactionView, { etag: true }),
    problems: [404],
  },
  'PATCH /v1/transactions/{id}': {
    summary: 'Change a transaction',
    description:
      'A transfer leg accepts only `note` and `tags`. A `kind` change keeps the category: an expense turned into an ' +
      'income in an expense category becomes a refund.',
    path: idPath,
    body: patchTransactionBody,
    query: noParams,
    response: ok('The changed transaction', transactionView, { etag: true }),
    problems: [404, 409, 412, 422],
    headers: { ifMatch: true },
  },
  'DELETE /v1/transactions/{id}': {
    summary: 'Delete a transaction (both legs of a transfer)',
    path: idPath,
    query: noParams,
    response: noContent('Deleted'),
    problems: [404, 412],
    headers: { ifMatch: true },
  },

  'POST /v1/transfers': {
    summary: 'Move money between two of your accounts',
    description: 'Both legs and both balances in one write; across currencies `toAmount` as given, else converted.',
    body: createTransferBody,
    query: noParams,
    response: {
      status: 201,
      description: 'Both legs',
      schema: z.strictObject({ transferId: z.string(), from: transactionView, to: transactionView }),
      location: true,
    },
    problems: [404, 409, 422],
    headers: { idempotencyKey: true },
  },

  'POST /v1/budgets': {
    summary: 'Create a budget',
    description:
      'Covers categories (with their subcategories) or all spending, monthly, weekly or yearly in your timezone, with a limit in your home currency, alert thresholds, optional rollover and optional enforcement.',
    body: createBudgetBody,
    query: noParams,
    response: { status: 201, description: 'The new budget', schema: budgetView, etag: true, location: true },
    problems: [422],
    headers: { idempotencyKey: true },
  },
  'GET /v1/budgets': {
    summary: "List the caller's budgets",
    query: budgetListQuery,
    response: ok('A page of budgets', page(budgetView)),
  },
  'GET /v1/budgets/{id}': {
    summary: 'Read a budget with its current period: spent, remaining, percent and a pace forecast',
    path: idPath,
    query: noParams,
    response: ok('The budget', budgetWithCurrentView, { etag: true }),
    problems: [404],
  },
  'PATCH /v1/budgets/{id}': {
    summary: 'Change a budget',
    description: 'A change of categories recomputes the current period; past periods keep their history.',
    path: idPath,
    body: patchBudgetBody,
    query: noParams,
    response: ok('The changed budget', budgetView, { etag: true }),
    problems: [404, 412],
    headers: { ifMatch: true },
  },
  'DELETE /v1/budgets/{id}': {
    summary: 'Delete a budget',
    path: idPath,
    query: noParams,
    response: noContent('Deleted'),
    problems: [404, 412],
    headers: { ifMatch: true },
  },
  'GET /v1/budgets/{id}/periods': {
    summary: "A budget's history, period by period",
    path: idPath,
    query: budgetPeriodsQuery,
    response: ok('The periods', z.strictObject({ items: z.array(budgetPeriodView) })),
    problems: [404],
  },
  'POST /v1/goals': {
    summary: 'Create a savings goal',
    description:
      'Funded by an account (saved = its balance) or by contributions (POST …/contributions and transactions tagged `goal:<id>`).',
    body: goalCreateSchema,
    query: noParams,
    response: { status: 201, description: 'The new goal', schema: goalView, etag: true, location: true },
    problems: [422],
    headers: { idempotencyKey: true },
  },
  'GET /v1/goals': {
    summary: "List the caller's goals",
    query: goalListQuery,
    response: ok('A page of goals', page(goalView)),
  },
  'GET /v1/goals/{id}': {
    summary: 'Read a goal: saved, remaining, percent, required monthly saving, on track or behind',
    path: idPath,
    query: noParams,
    response: ok('The goal', goalView, { etag: true }),
    problems: [404],
  },
  'PATCH /v1/goals/{id}': {
    summary: "Change a goal's name, target or deadline",
    path: idPath,
    body: goalPatchSchema,
    query: noParams,
    response: ok('The changed goal', goalView, { etag: true }),
    problems: [404, 412],
    headers: { ifMatch: true },
  },
  'DELETE /v1/goals/{id}': {
    summary: 'Delete a goal',
    path: idPath,
    query: noParams,
    response: noContent('Deleted'),
    problems: [404],
  },
  'POST /v1/goals/{id}/contributions': {
    summary: 'Add money to (or take it from) a contributions goal',
    path: idPath,
    body: contributionCreateSchema,
    query: noParams,
    response: { status: 201, description: 'The contribution', schema: contributionView, location: true },
    problems: [404, 409, 422],
    headers: { idempotencyKey: true },
  },
  'GET /v1/goals/{id}/contributions': {
    summary: "List a goal's contributions, newest first",
    path: idPath,
    query: contributionListQuery,
    response: ok('A page of contributions', page(contributionView)),
    problems: [404],
  },
  'GET /v1/notifications': {
    summary: "List the caller's notifications, newest first",
    description: 'Every email Moneta sent, failed to send or suppressed (preference, hourly cap), with its status.',
    query: notificationListQuery,
    response: ok('A page of notifications', page(notificationView)),
  },
  'GET /v1/currencies': {
    summary: 'List the currencies Moneta accepts',
    query: noParams,
    response: ok(
      'Every supported currency',
      z.strictObject({
        items: z.array(z.strictObject({ code: z.string(), exponent: z.number().int(), name: z.string() })),
      }),
    ),
  },
  'GET /v1/rates': {
    summary: 'ECB reference rates on a day, as cross rates from a base currency',
    query: ratesQuery,
    response: ok(
      'The rates in force on that day',
      z.strictObject({
        base: z.string(),
        requestedDate: z.iso.date(),
        date: z.iso.date().describe('The publication day used'),
        fallback: z.boolean().describe('True when the requested day had no publication'),
        source: z.literal('ECB'),
        rates: z.record(z.string(), z.string().describe('Decimal string: units per 1 unit of base')),
      }),
    ),
    problems: [404],
  },

  'GET /v1/openapi.json': {
    summary: 'This document',
    query: noParams,
    response: ok('The OpenAPI 3.1 document'),
  },
};

export function routeKey(route: { method: string; path: string }): string {
  return `${route.method} ${route.path}`;
}
