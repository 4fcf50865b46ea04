/**
 * A real DynamoDB Local (in memory) with the Moneta table, and ledger items written straight into
 * it with the keys module, as the write path stores them. The handlers under test reach it through
 * the standard AWS_ENDPOINT_URL_DYNAMODB variable, exactly as they reach DynamoDB in AWS.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { AccountEntity, type AccountItem } from '../../../../../shared/accounts/items';
import { CategoryEntity, type CategoryItem } from '../../../../../shared/categories/items';
import type { TransactionItem } from '../../../../../shared/transactions/items';
import { TransactionEntity, transactionIndexKeys, transactionSortKey } from '../../../../../shared/transactions/items';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../../support/local-dynamodb';
import { profileItem } from '../../../support/stream-records';

export type LocalTable = LocalDynamoDb & { doc: DynamoDBDocumentClient };

/** Starts DynamoDB Local, creates the table named by TABLE_NAME and points the SDK at it. */
export async function startLedgerTable(): Promise<LocalTable> {
  const table = await startLocalDynamoDb();
  return { ...table, doc: table.db };
}

export async function stopLedgerTable(table: LocalTable | undefined): Promise<void> {
  await table?.stop();
}

/** BatchWriteItem in groups of 25, retrying what DynamoDB leaves unprocessed. */
export function putAll(table: LocalTable, items: Record<string, unknown>[]): Promise<void> {
  return table.putAll(items);
}

const stamp = '2026-01-01T00:00:00.000Z';

/** A signed-up user's profile: every authenticated route reads it first (a deleted account has none). */
export function profileRecord(userId: string) {
  return profileItem({ userId, homeCurrency: 'EUR', timezone: 'UTC' });
}

export function accountRecord(userId: string, accountId: string, currency = 'EUR') {
  const item: AccountItem = {
    type: 'ACCOUNT',
    accountId,
    name: `Account ${accountId}`,
    kind: 'checking',
    currency,
    balance: 0,
    transactionCount: 0,
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
  };
  return { ...AccountEntity.key(userId, accountId), ...item };
}

export function categoryRecord(userId: string, categoryId: string, parentId: string | null = null) {
  const item: CategoryItem = {
    type: 'CATEGORY',
    categoryId,
    name: categoryId,
    kind: 'expense',
    parentId,
    transactionCount: 0,
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
  };
  return { ...CategoryEntity.key(userId, categoryId), ...item };
}

export type SeededTransaction = TransactionItem & { userId: string; sortKey: string };

export function transactionRecord(userId: string, fields: Partial<TransactionItem> & { date: string }) {
  const amount = fields.amount ?? 1234;
  const kind = fields.kind ?? 'expense';
  const signed = kind === 'income' ? amount : -amount;
  const item: TransactionItem = {
    type: 'TRANSACTION',
    transactionId: fields.transactionId ?? ulid(),
    kind,
    accountId: 'acc-1',
    amount,
    currency: 'EUR',
    accountAmount: signed,
    accountCurrency: 'EUR',
    homeAmount: signed,
    homeCurrency: 'EUR',
    accountConversion: null,
    homeConversion: null,
    categoryId: null,
    payee: null,
    note: null,
    tags: [],
    externalId: null,
    transferId: null,
    counterpartAccountId: null,
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
    ...fields,
  };
  return {
    record: { ...TransactionEntity.key(userId, item.transactionId), ...transactionIndexKeys(userId, item), ...item },
    seeded: { ...item, userId, sortKey: transactionSortKey(item.date, item.transactionId) } as SeededTransaction,
  };
}

/** A small deterministic PRNG (mulberry32), so a failing run can be reproduced. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Newest first, as the API orders them: date descending, then id descending. */
export function newestFirst(transactions: SeededTransaction[]): string[] {
  return [...transactions]
    .sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0))
    .map((t) => t.transactionId);
}
