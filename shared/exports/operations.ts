/** The export routes, declared once (shared/kit/http/operation.ts). */

import { idPath } from '../kit/http/fields';
import { defineOperation, idempotencyKeyHeader, noParams } from '../kit/http/operation';
import { pageOf } from '../kit/http/response-schemas';
import { exportCreateSchema, exportListQuery } from './schemas';
import { downloadView, exportView } from './views';

export const exportsCreate = defineOperation({
  function: 'exports-create',
  feature: 'exports',
  entry: 'functions/api/exports/create.ts',
  method: 'POST',
  path: '/v1/exports',
  auth: 'user',
  limit: 'jobs',
  functionDescription: 'Queues an export of transactions as Excel or CSV',
  summary: 'Export transactions of a date range as an Excel workbook or a CSV file',
  description:
    'The file is written in the background (follow GET /v1/exports/{id}); when it is ready an email links to its download. At most 100,000 transactions; files are kept 7 days.',
  grants: { table: 'readWrite' },
  request: { body: exportCreateSchema, query: noParams, headers: { 'idempotency-key': idempotencyKeyHeader } },
  response: { status: 202, description: 'The queued export', schema: () => exportView(), location: true },
  problems: [{ status: 422, description: 'accountIds or categoryIds names an id you do not have' }],
});

export const exportsList = defineOperation({
  function: 'exports-list',
  feature: 'exports',
  entry: 'functions/api/exports/list.ts',
  method: 'GET',
  path: '/v1/exports',
  auth: 'user',
  functionDescription: "Lists the caller's exports",
  summary: "List the caller's exports, newest first",
  grants: { table: 'read' },
  request: { query: exportListQuery },
  response: { status: 200, description: 'A page of exports', schema: () => pageOf(exportView()) },
});

export const exportsGet = defineOperation({
  function: 'exports-get',
  feature: 'exports',
  entry: 'functions/api/exports/get.ts',
  method: 'GET',
  path: '/v1/exports/{id}',
  auth: 'user',
  functionDescription: "Reads an export's status and progress",
  summary: 'Read an export: its status (queued, running, ready, failed) and progress',
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: 'The export', schema: () => exportView() },
  problems: [404],
});

export const exportsDownload = defineOperation({
  function: 'exports-download',
  feature: 'exports',
  entry: 'functions/api/exports/download.ts',
  method: 'GET',
  path: '/v1/exports/{id}/download',
  auth: 'user',
  functionDescription: "Signs a short-lived download link to a ready export's file",
  summary: 'Download a ready export: a redirect to a presigned link valid 5 minutes',
  description:
    'Answers 303 with the link in Location and in the body. Links are minted per request: the email links here, never to the file itself.',
  grants: { table: 'read', files: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 303, description: 'The file is at Location', schema: () => downloadView(), location: true },
  problems: [404, { status: 409, description: 'The export is not ready (queued, running or failed)' }],
});

export const exportsOperations = [exportsCreate, exportsList, exportsGet, exportsDownload] as const;
