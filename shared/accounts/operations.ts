/** The account routes, declared once (shared/kit/http/operation.ts). */
import { idPath } from '../kit/http/fields';
import { defineOperation, idempotencyKeyHeader, ifMatchHeader, noParams } from '../kit/http/operation';
import { moneySchema, pageOf, timestampFields } from '../kit/http/response-schemas';
import * as z from '../kit/schema';
import { accountItem } from './items';
import { accountCreateSchema, accountListQuery, accountPatchSchema } from './schemas';

/** The documented response shape, built on first use (documentation and tests only). */
export const accountView = z.lazily(() =>
  z.strictObject({
    id: z.string(),
    name: z.string(),
    kind: accountItem().shape.kind,
    currency: z.string(),
    balance: moneySchema().check(z.describe('Every transaction but void ones: pending + cleared + reconciled.')),
    clearedBalance: moneySchema().check(z.describe('What the bank shows: cleared + reconciled transactions.')),
    reconciledBalance: moneySchema().check(
      z.describe('The reconciled transactions: what the last reconciliation agreed.'),
    ),
    transactionCount: z.int().check(z.nonnegative()),
    archived: z.boolean(),
    hints: z.strictObject({ lastDigits: z.array(z.string()) }),
    ...timestampFields(),
  }),
);

export const accountsCreate = defineOperation({
  function: 'accounts-create',
  feature: 'accounts',
  entry: 'functions/api/accounts/create.ts',
  method: 'POST',
  path: '/v1/accounts',
  auth: 'user',
  functionDescription: 'Opens an account',
  summary: 'Open an account',
  grants: { table: 'readWrite' },
  request: { body: accountCreateSchema, query: noParams, headers: { 'idempotency-key': idempotencyKeyHeader } },
  response: { status: 201, description: 'The new account', schema: accountView, etag: true, location: true },
  problems: [422],
});

export const accountsList = defineOperation({
  function: 'accounts-list',
  feature: 'accounts',
  entry: 'functions/api/accounts/list.ts',
  method: 'GET',
  path: '/v1/accounts',
  auth: 'user',
  functionDescription: "Lists the caller's accounts",
  summary: "List the caller's accounts",
  grants: { table: 'read' },
  request: { query: accountListQuery },
  response: { status: 200, description: 'A page of accounts', schema: () => pageOf(accountView()) },
});

export const accountsGet = defineOperation({
  function: 'accounts-get',
  feature: 'accounts',
  entry: 'functions/api/accounts/get.ts',
  method: 'GET',
  path: '/v1/accounts/{id}',
  auth: 'user',
  functionDescription: 'Reads an account and its balance',
  summary: 'Read an account and its balance',
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: 'The account', schema: accountView, etag: true },
  problems: [404],
});

export const accountsUpdate = defineOperation({
  function: 'accounts-update',
  feature: 'accounts',
  entry: 'functions/api/accounts/update.ts',
  method: 'PATCH',
  path: '/v1/accounts/{id}',
  auth: 'user',
  functionDescription: 'Renames, re-kinds or archives an account',
  summary: 'Rename, re-kind, archive or unarchive an account',
  grants: { table: 'readWrite' },
  request: { path: idPath, body: accountPatchSchema, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 200, description: 'The changed account', schema: accountView, etag: true },
  problems: [404, 412],
});

export const accountsDelete = defineOperation({
  function: 'accounts-delete',
  feature: 'accounts',
  entry: 'functions/api/accounts/delete.ts',
  method: 'DELETE',
  path: '/v1/accounts/{id}',
  auth: 'user',
  functionDescription: 'Deletes an empty or archived account',
  summary: 'Delete an account',
  description:
    'An account with transactions must be archived first (else 409); its transactions are then deleted asynchronously.',
  grants: { table: 'readWrite' },
  request: { path: idPath, query: noParams },
  response: { status: 204, description: 'Deleted' },
  problems: [404, 409],
});

export const accountsOperations = [accountsCreate, accountsList, accountsGet, accountsUpdate, accountsDelete] as const;
