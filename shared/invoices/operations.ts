/** The invoice routes, declared once (shared/kit/http/operation.ts). */

import { idPath } from '../kit/http/fields';
import { defineOperation, idempotencyKeyHeader, ifMatchHeader, noParams } from '../kit/http/operation';
import { pageOf } from '../kit/http/response-schemas';
import { invoiceActionBody, invoiceCreateSchema, invoiceListQuery, invoicePatchSchema } from './schemas';
import { invoiceDetailView, invoiceView } from './views';

export const invoicesCreate = defineOperation({
  function: 'invoices-create',
  feature: 'invoices',
  entry: 'functions/api/invoices/create.ts',
  method: 'POST',
  path: '/v1/invoices',
  auth: 'user',
  functionDescription: 'Creates a draft invoice',
  summary: 'Create an invoice (a draft), received from a supplier or issued to a customer',
  description:
    'Line net = quantity × unitPrice and line tax = net × taxRate / 100, each rounded half-even to minor units; ' +
    'the invoice totals are the sums of its lines. The number is unique per direction (409).',
  grants: { table: 'readWrite' },
  request: { body: invoiceCreateSchema, query: noParams, headers: { 'idempotency-key': idempotencyKeyHeader } },
  response: { status: 201, description: 'The new invoice', schema: () => invoiceView(), etag: true, location: true },
  problems: [409, 422],
});

export const invoicesList = defineOperation({
  function: 'invoices-list',
  feature: 'invoices',
  entry: 'functions/api/invoices/list.ts',
  method: 'GET',
  path: '/v1/invoices',
  auth: 'user',
  functionDescription: "Lists the caller's invoices",
  summary: "List the caller's invoices, newest first, optionally by direction and status",
  grants: { table: 'read' },
  request: { query: invoiceListQuery },
  response: { status: 200, description: 'A page of invoices', schema: () => pageOf(invoiceView()) },
});

export const invoicesGet = defineOperation({
  function: 'invoices-get',
  feature: 'invoices',
  entry: 'functions/api/invoices/get.ts',
  method: 'GET',
  path: '/v1/invoices/{id}',
  auth: 'user',
  functionDescription: 'Reads an invoice with its linked movements',
  summary: 'Read an invoice: totals, status, paid and open amounts, and the movements linked to it',
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: 'The invoice', schema: () => invoiceDetailView(), etag: true },
  problems: [404],
});

export const invoicesUpdate = defineOperation({
  function: 'invoices-update',
  feature: 'invoices',
  entry: 'functions/api/invoices/update.ts',
  method: 'PATCH',
  path: '/v1/invoices/{id}',
  auth: 'user',
  functionDescription: 'Changes an invoice',
  summary: 'Change an invoice: anything while draft; notes, due date and payee once issued',
  grants: { table: 'readWrite' },
  request: { path: idPath, body: invoicePatchSchema, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 200, description: 'The changed invoice', schema: () => invoiceView(), etag: true },
  problems: [404, 409, 412, 422],
});

export const invoicesIssue = defineOperation({
  function: 'invoices-issue',
  feature: 'invoices',
  entry: 'functions/api/invoices/issue.ts',
  method: 'POST',
  path: '/v1/invoices/{id}/issue',
  auth: 'user',
  functionDescription: 'Issues a draft invoice',
  summary: 'Issue a draft: its lines and number are fixed from now on, and movements can pay it',
  grants: { table: 'readWrite' },
  request: { path: idPath, body: invoiceActionBody, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 200, description: 'The issued invoice', schema: () => invoiceView(), etag: true },
  problems: [404, 409, 412],
});

export const invoicesVoid = defineOperation({
  function: 'invoices-void',
  feature: 'invoices',
  entry: 'functions/api/invoices/void.ts',
  method: 'POST',
  path: '/v1/invoices/{id}/void',
  auth: 'user',
  functionDescription: 'Voids an invoice',
  summary: 'Void a draft or an issued invoice that nothing pays (the record stays)',
  grants: { table: 'readWrite' },
  request: { path: idPath, body: invoiceActionBody, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 200, description: 'The void invoice', schema: () => invoiceView(), etag: true },
  problems: [404, 409, 412],
});

export const invoicesDelete = defineOperation({
  function: 'invoices-delete',
  feature: 'invoices',
  entry: 'functions/api/invoices/delete.ts',
  method: 'DELETE',
  path: '/v1/invoices/{id}',
  auth: 'user',
  functionDescription: 'Deletes a draft or void invoice',
  summary: 'Delete a draft or a void invoice (an issued one is voided first: 409)',
  grants: { table: 'readWrite' },
  request: { path: idPath, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 204, description: 'Deleted' },
  problems: [404, 409, 412],
});

export const invoicesOperations = [
  invoicesCreate,
  invoicesList,
  invoicesGet,
  invoicesUpdate,
  invoicesIssue,
  invoicesVoid,
  invoicesDelete,
] as const;
