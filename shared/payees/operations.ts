/** The payee routes, declared once (shared/kit/http/operation.ts). */
import { entityId, idPath } from '../kit/http/fields';
import { defineOperation, idempotencyKeyHeader, ifMatchHeader, noParams } from '../kit/http/operation';
import { pageOf } from '../kit/http/response-schemas';
import * as z from '../kit/schema';
import { payeeCreateBody, payeeListQuery, payeeMergeBody, payeePatchBody } from './schemas';
import { payeeViews } from './views';

const jobPath = z.lazily(() => z.strictObject({ id: entityId(), jobId: entityId() }));

export const payeesCreate = defineOperation({
  function: 'payees-create',
  feature: 'payees',
  entry: 'functions/api/payees/create.ts',
  method: 'POST',
  path: '/v1/payees',
  auth: 'user',
  functionDescription: 'Creates a payee',
  summary: 'Create a payee (merchant, supplier, person, employer or customer)',
  description:
    'Names are unique per user once case, width and spaces are folded: a taken name is a 409 naming `name`. Recording a transaction with a new payee name creates its payee too.',
  grants: { table: 'readWrite' },
  request: { body: payeeCreateBody, query: noParams, headers: { 'idempotency-key': idempotencyKeyHeader } },
  response: { status: 201, description: 'The new payee', schema: () => payeeViews().payee, etag: true, location: true },
  problems: [409, 422],
});

export const payeesList = defineOperation({
  function: 'payees-list',
  feature: 'payees',
  entry: 'functions/api/payees/list.ts',
  method: 'GET',
  path: '/v1/payees',
  auth: 'user',
  functionDescription: "Lists the caller's payees by name",
  summary: 'List payees by name, optionally those whose name starts with `q`',
  description:
    '`q` (or `prefix`) matches however the name was spelled (case, spaces, width); a trailing space ends a word.',
  grants: { table: 'read' },
  request: { query: payeeListQuery },
  response: { status: 200, description: 'A page of payees', schema: () => pageOf(payeeViews().payee) },
});

export const payeesGet = defineOperation({
  function: 'payees-get',
  feature: 'payees',
  entry: 'functions/api/payees/get.ts',
  method: 'GET',
  path: '/v1/payees/{id}',
  auth: 'user',
  functionDescription: 'Reads a payee',
  summary: 'Read a payee',
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: 'The payee', schema: () => payeeViews().payee, etag: true },
  problems: [404],
});

export const payeesUpdate = defineOperation({
  function: 'payees-update',
  feature: 'payees',
  entry: 'functions/api/payees/update.ts',
  method: 'PATCH',
  path: '/v1/payees/{id}',
  auth: 'user',
  functionDescription: 'Changes a payee; a rename is carried to its transactions in the background',
  summary: "Change a payee's name, kind, default category, contact, tax id, IBAN or notes",
  description:
    'A new name is taken at once (409 naming `name` when another payee has it) and given to the payee’s transactions by a background job, returned as `job` (follow GET /v1/payees/{id}/jobs/{jobId}).',
  grants: { table: 'readWrite' },
  request: { path: idPath, body: payeePatchBody, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 200, description: 'The changed payee', schema: () => payeeViews().payeeWithJob, etag: true },
  problems: [404, 409, 412, 422],
});

export const payeesDelete = defineOperation({
  function: 'payees-delete',
  feature: 'payees',
  entry: 'functions/api/payees/delete.ts',
  method: 'DELETE',
  path: '/v1/payees/{id}',
  auth: 'user',
  functionDescription: 'Deletes a payee no transaction references',
  summary: 'Delete a payee that no transaction references',
  description:
    'A payee with transactions is refused (409 `payee-in-use`): merge it into another payee instead, so its transactions keep a payee.',
  grants: { table: 'readWrite' },
  request: { path: idPath, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 204, description: 'Deleted' },
  problems: [404, 409, 412],
});

export const payeesMerge = defineOperation({
  function: 'payees-merge',
  feature: 'payees',
  entry: 'functions/api/payees/merge.ts',
  method: 'POST',
  path: '/v1/payees/{id}/merge',
  auth: 'user',
  limit: 'jobs',
  functionDescription: 'Queues merging a payee into another',
  summary: 'Merge this payee into another (a background job with progress)',
  description:
    'At once: this payee’s name becomes an alias of `intoId` (recordings by it land there) and no new transaction can reference it. Then a job moves each of its transactions to `intoId`, exactly once, and deletes it; PayeesMerged is published. Follow GET /v1/payees/{id}/jobs/{jobId}.',
  grants: { table: 'readWrite' },
  request: { path: idPath, body: payeeMergeBody, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 202, description: 'The queued job', schema: () => payeeViews().job, location: true },
  problems: [404, 409, 412],
});

export const payeesJobGet = defineOperation({
  function: 'payees-job-get',
  feature: 'payees',
  entry: 'functions/api/payees/job-get.ts',
  method: 'GET',
  path: '/v1/payees/{id}/jobs/{jobId}',
  auth: 'user',
  functionDescription: "Reads a payee rename or merge job's progress",
  summary: 'Read a rename or merge job: status (queued, running, done) and transactions changed',
  grants: { table: 'read' },
  request: { path: jobPath, query: noParams },
  response: { status: 200, description: 'The job', schema: () => payeeViews().job },
  problems: [404],
});

export const payeesOperations = [
  payeesCreate,
  payeesList,
  payeesGet,
  payeesUpdate,
  payeesDelete,
  payeesMerge,
  payeesJobGet,
] as const;
