/** The import routes, declared once (shared/kit/http/operation.ts). */

import { idPath } from '../kit/http/fields';
import { defineOperation, idempotencyKeyHeader, noParams } from '../kit/http/operation';
import { pageOf } from '../kit/http/response-schemas';
import {
  importCreateSchema,
  importListQuery,
  importReviewBody,
  importRowPath,
  importRowsQuery,
  importStartBody,
} from './schemas';
import { importRowView, importView } from './views';

export const importsCreate = defineOperation({
  function: 'imports-create',
  feature: 'imports',
  entry: 'functions/api/imports/create.ts',
  method: 'POST',
  path: '/v1/imports',
  auth: 'user',
  limit: 'jobs',
  functionDescription: 'Starts a statement import into one account, inline or through an upload grant',
  summary: 'Import a bank statement (CSV, OFX/QFX, QIF, CAMT.053) into one account',
  description:
    'With `content` (at most 1 MB) the import is queued at once. Without it the answer holds an upload grant: POST the file (at most 10 MB) as a multipart form to `upload.url` with every field of `upload.fields` and the file last as `file`, then POST /v1/imports/{id}/start. Follow GET /v1/imports/{id}. Each row is recorded once: rows the ledger already holds are reported as duplicates.',
  grants: { table: 'readWrite', files: 'write' },
  request: { body: importCreateSchema, query: noParams, headers: { 'idempotency-key': idempotencyKeyHeader } },
  response: {
    status: 202,
    description: 'The import, queued (inline content) or awaiting its upload',
    schema: () => importView(),
    location: true,
  },
  problems: [
    { status: 404, description: 'The account does not exist' },
    {
      status: 422,
      description:
        'The mapping or preset cannot be used (a CSV needs one; a mapping needs an amount or debit and credit columns), the content type is not one of the format, or the inline content is not in the format',
    },
  ],
});

export const importsStart = defineOperation({
  function: 'imports-start',
  feature: 'imports',
  entry: 'functions/api/imports/start.ts',
  method: 'POST',
  path: '/v1/imports/{id}/start',
  auth: 'user',
  limit: 'jobs',
  functionDescription: 'Queues an import once its statement has been uploaded',
  summary: 'Start an import whose file has been uploaded through its grant',
  description: 'Starting an import that is already queued, running or finished answers it as it is.',
  grants: { table: 'readWrite', files: 'read' },
  request: { body: importStartBody, path: idPath, query: noParams },
  response: { status: 202, description: 'The import', schema: () => importView() },
  problems: [404, { status: 409, description: 'The file has not been uploaded yet' }],
});

export const importsList = defineOperation({
  function: 'imports-list',
  feature: 'imports',
  entry: 'functions/api/imports/list.ts',
  method: 'GET',
  path: '/v1/imports',
  auth: 'user',
  functionDescription: "Lists the caller's imports",
  summary: "List the caller's imports, newest first",
  grants: { table: 'read' },
  request: { query: importListQuery },
  response: { status: 200, description: 'A page of imports', schema: () => pageOf(importView()) },
});

export const importsGet = defineOperation({
  function: 'imports-get',
  feature: 'imports',
  entry: 'functions/api/imports/get.ts',
  method: 'GET',
  path: '/v1/imports/{id}',
  auth: 'user',
  functionDescription: "Reads an import's status, counts and progress",
  summary: 'Read an import: its status, counts (created, duplicates, needs review, failed) and progress',
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: 'The import', schema: () => importView() },
  problems: [404],
});

export const importsRows = defineOperation({
  function: 'imports-rows',
  feature: 'imports',
  entry: 'functions/api/imports/rows.ts',
  method: 'GET',
  path: '/v1/imports/{id}/rows',
  auth: 'user',
  functionDescription: "Pages through an import's per-row report",
  summary: "Read an import's per-row report in file order, of one status when asked",
  grants: { table: 'read' },
  request: { path: idPath, query: importRowsQuery },
  response: { status: 200, description: 'A page of report rows', schema: () => pageOf(importRowView()) },
  problems: [404],
});

export const importsReview = defineOperation({
  function: 'imports-review',
  feature: 'imports',
  entry: 'functions/api/imports/review.ts',
  method: 'POST',
  path: '/v1/imports/{id}/rows/{index}/review',
  auth: 'user',
  functionDescription: 'Decides a report row that needs review: records it after all, or confirms the duplicate',
  summary: 'Decide a row that needs review: record it, or confirm it duplicates the transaction it resembles',
  description:
    "A row needs review when it resembles a transaction already recorded (same account and amount, a close date) without an id of its own to tell. `record` records it as the import would have (rules applied, `cleared`); `duplicate` records nothing. The import's counts follow. Asking again with the same decision answers the row as decided.",
  grants: { table: 'readWrite' },
  request: { path: importRowPath, body: importReviewBody, query: noParams },
  response: { status: 200, description: 'The row, decided', schema: () => importRowView() },
  problems: [
    404,
    {
      status: 409,
      description:
        'The row does not need review (or was decided otherwise), the import is still running or was undone, its line is now recorded, or a budget in enforce mode refuses it',
    },
  ],
});

export const importsUndo = defineOperation({
  function: 'imports-undo',
  feature: 'imports',
  entry: 'functions/api/imports/undo.ts',
  method: 'DELETE',
  path: '/v1/imports/{id}',
  auth: 'user',
  limit: 'jobs',
  functionDescription: 'Undoes an import: removes the transactions it created that are unchanged since',
  summary: 'Undo an import: remove the transactions it created, unless edited since',
  description:
    'Runs in the background (follow GET /v1/imports/{id} until `undone`); balances and budgets follow each removal. Transactions edited since the import are kept and marked `kept-edited` in the report. Asking again answers the import as it is.',
  grants: { table: 'readWrite' },
  request: { path: idPath, query: noParams },
  response: { status: 202, description: 'The import, undoing', schema: () => importView() },
  problems: [404, { status: 409, description: 'The import is still running' }],
});

export const importsOperations = [
  importsCreate,
  importsStart,
  importsList,
  importsGet,
  importsRows,
  importsReview,
  importsUndo,
] as const;
