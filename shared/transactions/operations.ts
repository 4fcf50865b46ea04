/** The ledger routes (transactions, transfers), declared once (shared/kit/http/operation.ts). */
import { idPath } from '../kit/http/fields';
import { defineOperation, idempotencyKeyHeader, ifMatchHeader, noParams } from '../kit/http/operation';
import { moneySchema, pageOf, timestampFields } from '../kit/http/response-schemas';
import * as z from '../kit/schema';
import { conversionView } from '../rates/public';
import { transactionItem, transactionStatuses } from './items';
import { transactionListQuery } from './query-schema';
import { createTransactionBody, createTransferBody, patchTransactionBody, reconcileBody } from './schemas';

/** The documented response shapes, built on first use (documentation and tests only). */
export const transactionViews = z.lazily(() => {
  const money = moneySchema();
  const transaction = z.strictObject({
    id: z.string(),
    kind: transactionItem().shape.kind,
    accountId: z.string(),
    date: z.iso.date(),
    money: money.check(z.describe('As entered.')),
    accountAmount: money.check(z.describe("Signed, in the account's currency: what the balance moved by.")),
    homeAmount: money.check(z.describe("Signed, in the user's home currency at the time of recording.")),
    conversions: z.strictObject({ account: z.nullable(conversionView()), home: z.nullable(conversionView()) }),
    categoryId: z.nullable(z.string()),
    payee: z.nullable(z.string()),
    payeeId: z.nullable(z.string()),
    note: z.nullable(z.string()),
    tags: z.array(z.string()),
    externalId: z.nullable(z.string()),
    transferId: z.nullable(z.string()),
    counterpartAccountId: z.nullable(z.string()),
    status: z
      .enum(transactionStatuses)
      .check(z.describe('pending and cleared count in the balance and budgets; void counts nowhere.')),
    refundOf: z
      .nullable(z.string())
      .check(
        z.describe('The movement this one refunds: an expense refunded by an income, or an income by an expense.'),
      ),
    refundedAmount: money.check(
      z.describe("What this expense's refunds (not void) add up to, in its account currency."),
    ),
    refundIds: z.array(z.string()),
    invoiceId: z.nullable(z.string()).check(z.describe('The invoice this movement pays or refunds.')),
    ...timestampFields(),
  });
  return { transaction };
});
const transactionView = () => transactionViews().transaction;

export const transactionsCreate = defineOperation({
  function: 'transactions-create',
  feature: 'transactions',
  entry: 'functions/api/transactions/create.ts',
  method: 'POST',
  path: '/v1/transactions',
  auth: 'user',
  functionDescription: 'Records an expense or income',
  summary: 'Record an expense or an income',
  description:
    'Converted to the account and home currencies at the recorded ECB rate; give `accountAmount` for a currency without one. Starts `pending` unless `status` says `cleared`. `refundOf` links a refund to the movement it gives back: an income refunding an expense, or an expense refunding an income (422 when that is not your movement, not of the other kind, or the refunds would exceed it). The same `Idempotency-Key` with the same body replays the first response (`Idempotent-Replayed: true`).',
  grants: { table: 'readWrite' },
  request: { body: createTransactionBody, query: noParams, headers: { 'idempotency-key': idempotencyKeyHeader } },
  response: { status: 201, description: 'The new transaction', schema: transactionView, etag: true, location: true },
  problems: [404, 409, 422],
});

export const transactionsList = defineOperation({
  function: 'transactions-list',
  feature: 'transactions',
  entry: 'functions/api/transactions/list.ts',
  method: 'GET',
  path: '/v1/transactions',
  auth: 'user',
  functionDescription: 'Lists transactions with filters, newest first',
  summary: "List the caller's transactions, newest first",
  description:
    '`categoryId` includes its subcategories; `q` matches the payee or the note (case-insensitive); `from` and `to` are inclusive days. A filter naming an account or category the caller does not have is a 404.',
  grants: { table: 'read' },
  request: { query: transactionListQuery },
  response: { status: 200, description: 'A page of transactions', schema: () => pageOf(transactionView()) },
  problems: [404],
});

export const transactionsGet = defineOperation({
  function: 'transactions-get',
  feature: 'transactions',
  entry: 'functions/api/transactions/get.ts',
  method: 'GET',
  path: '/v1/transactions/{id}',
  auth: 'user',
  functionDescription: 'Reads a transaction',
  summary: 'Read a transaction',
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: 'The transaction', schema: transactionView, etag: true },
  problems: [404],
});

export const transactionsUpdate = defineOperation({
  function: 'transactions-update',
  feature: 'transactions',
  entry: 'functions/api/transactions/update.ts',
  method: 'PATCH',
  path: '/v1/transactions/{id}',
  auth: 'user',
  functionDescription: 'Edits a transaction',
  summary: 'Change a transaction',
  description:
    'A transfer leg accepts only `note`, `tags` and `status`. A `kind` change keeps the category: an expense turned into an income in an expense category becomes a refund. `status` moves it between pending, cleared and void, and every total follows. A reconciled transaction refuses every change (409 naming `status`) but `{"status": "cleared", "unreconcile": true}`.',
  grants: { table: 'readWrite' },
  request: { path: idPath, body: patchTransactionBody, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 200, description: 'The changed transaction', schema: transactionView, etag: true },
  problems: [404, 409, 412, 422],
});

export const transactionsDelete = defineOperation({
  function: 'transactions-delete',
  feature: 'transactions',
  entry: 'functions/api/transactions/delete.ts',
  method: 'DELETE',
  path: '/v1/transactions/{id}',
  auth: 'user',
  functionDescription: 'Deletes a transaction (both legs of a transfer)',
  summary: 'Delete a transaction (both legs of a transfer)',
  description: 'A reconciled transaction (un-reconcile it first) and an expense with refunds are refused with 409.',
  grants: { table: 'readWrite' },
  request: { path: idPath, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 204, description: 'Deleted' },
  problems: [404, 409, 412],
});

export const transfersCreate = defineOperation({
  function: 'transfers-create',
  feature: 'transactions',
  entry: 'functions/api/transfers/create.ts',
  method: 'POST',
  path: '/v1/transfers',
  auth: 'user',
  functionDescription: 'Moves money between two accounts',
  summary: 'Move money between two of your accounts',
  description: 'Both legs and both balances in one write; across currencies `toAmount` as given, else converted.',
  grants: { table: 'readWrite' },
  request: { body: createTransferBody, query: noParams, headers: { 'idempotency-key': idempotencyKeyHeader } },
  response: {
    status: 201,
    description: 'Both legs',
    schema: () => z.strictObject({ transferId: z.string(), from: transactionView(), to: transactionView() }),
    location: true,
  },
  problems: [404, 409, 422],
});

export const accountsReconcile = defineOperation({
  function: 'accounts-reconcile',
  feature: 'transactions',
  entry: 'functions/api/accounts/reconcile.ts',
  method: 'POST',
  path: '/v1/accounts/{id}/reconcile',
  auth: 'user',
  functionDescription: 'Reconciles an account against a bank statement',
  summary: 'Reconcile an account against a statement',
  description:
    "When the account's reconciled balance plus its cleared transactions dated up to `statementDate` equal `statementBalance`, those transactions become `reconciled` (locked) and the answer says how many. Otherwise nothing changes: 409 `statement-mismatch` with `difference` (statement − Moneta). At most 500 transactions at once (else 422 naming `statementDate`); a 409 `reconcile-interrupted` (a transaction changed meanwhile) is finished by sending the same statement again.",
  grants: { table: 'readWrite' },
  request: { path: idPath, body: reconcileBody, query: noParams },
  response: {
    status: 200,
    description: 'Reconciled',
    schema: () =>
      z.strictObject({
        reconciled: z.literal(true),
        reconciledCount: z.int().check(z.nonnegative()),
        reconciledBalance: moneySchema(),
        statementDate: z.iso.date(),
      }),
  },
  problems: [404, 409, 422],
});

export const transactionsOperations = [
  transactionsCreate,
  transactionsList,
  transactionsGet,
  transactionsUpdate,
  transactionsDelete,
  transfersCreate,
  accountsReconcile,
] as const;
