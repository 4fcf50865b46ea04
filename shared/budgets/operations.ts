/** The budget routes, declared once (shared/kit/http/operation.ts). */
import { idPath } from '../kit/http/fields';
import { defineOperation, idempotencyKeyHeader, ifMatchHeader, noParams } from '../kit/http/operation';
import { moneySchema, pageOf, timestampFields } from '../kit/http/response-schemas';
import * as z from '../kit/schema';
import { budgetListQuery, budgetPeriodsQuery, createBudgetBody, patchBudgetBody } from './schemas';

/** The documented response shapes, built on first use (documentation and tests only). */
export const budgetViews = z.lazily(() => {
  const money = moneySchema();
  const budget = z.strictObject({
    id: z.string(),
    name: z.string(),
    categoryIds: z.nullable(z.array(z.string())).check(z.describe('null: all spending')),
    period: z.enum(['monthly', 'weekly', 'yearly']),
    limit: money,
    thresholds: z.array(z.int()),
    rollover: z.boolean(),
    enforce: z.boolean(),
    startDate: z.string(),
    ...timestampFields(),
  });
  const period = z.strictObject({
    periodId: z.string().check(z.describe('2026-04 (monthly), 2026-W15 (weekly), 2026 (yearly)')),
    start: z.string(),
    end: z.string(),
    limit: money,
    rolloverIn: money,
    effectiveLimit: money,
    spent: money.check(
      z.describe('Net of refunds (incomes in covered expense categories); negative when they exceed the spending'),
    ),
    remaining: money,
    percent: z.number().check(z.describe('Spent as a percentage of the effective limit, one decimal')),
  });
  const withCurrent = z.extend(budget, {
    current: z.extend(period, {
      forecast: z.strictObject({
        projectedSpent: money.check(z.describe('Spent so far projected linearly to the end of the period')),
        projectedPercent: z.number(),
        onPace: z.boolean(),
      }),
    }),
  });
  return { budget, period, withCurrent };
});

export const budgetsCreate = defineOperation({
  function: 'budgets-create',
  feature: 'budgets',
  entry: 'functions/api/budgets/create.ts',
  method: 'POST',
  path: '/v1/budgets',
  auth: 'user',
  functionDescription: 'Creates a budget',
  summary: 'Create a budget',
  description:
    'Covers categories (with their subcategories) or all spending, monthly, weekly or yearly in your timezone, with a limit in your home currency, alert thresholds, optional rollover and optional enforcement.',
  grants: { table: 'readWrite' },
  request: { body: createBudgetBody, query: noParams, headers: { 'idempotency-key': idempotencyKeyHeader } },
  response: {
    status: 201,
    description: 'The new budget',
    schema: () => budgetViews().budget,
    etag: true,
    location: true,
  },
  problems: [422],
});

export const budgetsList = defineOperation({
  function: 'budgets-list',
  feature: 'budgets',
  entry: 'functions/api/budgets/list.ts',
  method: 'GET',
  path: '/v1/budgets',
  auth: 'user',
  functionDescription: "Lists the caller's budgets",
  summary: "List the caller's budgets",
  grants: { table: 'read' },
  request: { query: budgetListQuery },
  response: { status: 200, description: 'A page of budgets', schema: () => pageOf(budgetViews().budget) },
});

export const budgetsGet = defineOperation({
  function: 'budgets-get',
  feature: 'budgets',
  entry: 'functions/api/budgets/get.ts',
  method: 'GET',
  path: '/v1/budgets/{id}',
  auth: 'user',
  functionDescription: 'Reads a budget with its current period and forecast',
  summary: 'Read a budget with its current period: spent, remaining, percent and a pace forecast',
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: 'The budget', schema: () => budgetViews().withCurrent, etag: true },
  problems: [404],
});

export const budgetsUpdate = defineOperation({
  function: 'budgets-update',
  feature: 'budgets',
  entry: 'functions/api/budgets/update.ts',
  method: 'PATCH',
  path: '/v1/budgets/{id}',
  auth: 'user',
  functionDescription: 'Changes a budget',
  summary: 'Change a budget',
  description: 'A change of categories recomputes the current period; past periods keep their history.',
  grants: { table: 'readWrite' },
  request: { path: idPath, body: patchBudgetBody, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 200, description: 'The changed budget', schema: () => budgetViews().budget, etag: true },
  problems: [404, 412],
});

export const budgetsDelete = defineOperation({
  function: 'budgets-delete',
  feature: 'budgets',
  entry: 'functions/api/budgets/delete.ts',
  method: 'DELETE',
  path: '/v1/budgets/{id}',
  auth: 'user',
  functionDescription: 'Deletes a budget',
  summary: 'Delete a budget',
  grants: { table: 'readWrite' },
  request: { path: idPath, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 204, description: 'Deleted' },
  problems: [404, 412],
});

export const budgetsPeriods = defineOperation({
  function: 'budgets-periods',
  feature: 'budgets',
  entry: 'functions/api/budgets/periods.ts',
  method: 'GET',
  path: '/v1/budgets/{id}/periods',
  auth: 'user',
  functionDescription: "A budget's history, period by period",
  summary: "A budget's history, period by period",
  grants: { table: 'read' },
  request: { path: idPath, query: budgetPeriodsQuery },
  response: {
    status: 200,
    description: 'The periods',
    schema: () => z.strictObject({ items: z.array(budgetViews().period) }),
  },
  problems: [404],
});

export const budgetsOperations = [
  budgetsCreate,
  budgetsList,
  budgetsGet,
  budgetsUpdate,
  budgetsDelete,
  budgetsPeriods,
] as const;
