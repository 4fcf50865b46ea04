/** The goal routes, declared once (shared/kit/http/operation.ts). */

import { idPath } from '../kit/http/fields';
import { defineOperation, idempotencyKeyHeader, ifMatchHeader, noParams } from '../kit/http/operation';
import { pageOf } from '../kit/http/response-schemas';
import {
  contributionCreateSchema,
  contributionListQuery,
  goalCreateSchema,
  goalListQuery,
  goalPatchSchema,
} from './schemas';
import { contributionView, goalView } from './views';

export const goalsCreate = defineOperation({
  function: 'goals-create',
  feature: 'goals',
  entry: 'functions/api/goals/create.ts',
  method: 'POST',
  path: '/v1/goals',
  auth: 'user',
  functionDescription: 'Creates a savings goal',
  summary: 'Create a savings goal',
  description:
    'Funded by an account (saved = its balance) or by contributions (POST …/contributions and transactions tagged `goal:<id>`).',
  grants: { table: 'readWrite' },
  request: { body: goalCreateSchema, query: noParams, headers: { 'idempotency-key': idempotencyKeyHeader } },
  response: { status: 201, description: 'The new goal', schema: () => goalView(), etag: true, location: true },
  problems: [422],
});

export const goalsList = defineOperation({
  function: 'goals-list',
  feature: 'goals',
  entry: 'functions/api/goals/list.ts',
  method: 'GET',
  path: '/v1/goals',
  auth: 'user',
  functionDescription: "Lists the caller's savings goals",
  summary: "List the caller's goals",
  grants: { table: 'read' },
  request: { query: goalListQuery },
  response: { status: 200, description: 'A page of goals', schema: () => pageOf(goalView()) },
});

export const goalsGet = defineOperation({
  function: 'goals-get',
  feature: 'goals',
  entry: 'functions/api/goals/get.ts',
  method: 'GET',
  path: '/v1/goals/{id}',
  auth: 'user',
  functionDescription: 'Reads a goal with its progress',
  summary: 'Read a goal: saved, remaining, percent, required monthly saving, on track or behind',
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: 'The goal', schema: () => goalView(), etag: true },
  problems: [404],
});

export const goalsUpdate = defineOperation({
  function: 'goals-update',
  feature: 'goals',
  entry: 'functions/api/goals/update.ts',
  method: 'PATCH',
  path: '/v1/goals/{id}',
  auth: 'user',
  functionDescription: 'Renames a goal or changes its target or deadline',
  summary: "Change a goal's name, target or deadline",
  grants: { table: 'readWrite' },
  request: { path: idPath, body: goalPatchSchema, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 200, description: 'The changed goal', schema: () => goalView(), etag: true },
  problems: [404, 412],
});

export const goalsDelete = defineOperation({
  function: 'goals-delete',
  feature: 'goals',
  entry: 'functions/api/goals/delete.ts',
  method: 'DELETE',
  path: '/v1/goals/{id}',
  auth: 'user',
  functionDescription: 'Deletes a goal',
  summary: 'Delete a goal',
  grants: { table: 'readWrite' },
  request: { path: idPath, query: noParams },
  response: { status: 204, description: 'Deleted' },
  problems: [404],
});

export const goalContributionsCreate = defineOperation({
  function: 'goal-contributions-create',
  feature: 'goals',
  entry: 'functions/api/goals/contributions/create.ts',
  method: 'POST',
  path: '/v1/goals/{id}/contributions',
  auth: 'user',
  functionDescription: 'Adds money to a contributions goal',
  summary: 'Add money to (or take it from) a contributions goal',
  grants: { table: 'readWrite' },
  request: {
    path: idPath,
    body: contributionCreateSchema,
    query: noParams,
    headers: { 'idempotency-key': idempotencyKeyHeader },
  },
  response: { status: 201, description: 'The contribution', schema: () => contributionView() },
  problems: [404, 409, 422],
});

export const goalContributionsList = defineOperation({
  function: 'goal-contributions-list',
  feature: 'goals',
  entry: 'functions/api/goals/contributions/list.ts',
  method: 'GET',
  path: '/v1/goals/{id}/contributions',
  auth: 'user',
  functionDescription: "Lists a goal's contributions",
  summary: "List a goal's contributions, newest first",
  grants: { table: 'read' },
  request: { path: idPath, query: contributionListQuery },
  response: { status: 200, description: 'A page of contributions', schema: () => pageOf(contributionView()) },
  problems: [404],
});

export const goalsOperations = [
  goalsCreate,
  goalsList,
  goalsGet,
  goalsUpdate,
  goalsDelete,
  goalContributionsCreate,
  goalContributionsList,
] as const;
