/**
 * Pieces the account and category handler tests share: stored items as DynamoDB holds them, and
 * the errors DynamoDB answers with when a condition fails.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AccountItem } from '../../../shared/accounts/items';
import type { CategoryItem } from '../../../shared/categories/items';

export const NOW = '2026-03-01T10:00:00.000Z';

export function storedAccount(userId: string, overrides: Partial<AccountItem> = {}) {
  const accountId = overrides.accountId ?? '01JNM0000000000000000000AA';
  return {
    pk: `USER#${userId}`,
    sk: `ACCOUNT#${accountId}`,
    type: 'ACCOUNT' as const,
    accountId,
    name: 'Main account',
    kind: 'checking' as const,
    currency: 'EUR',
    balance: 123_45,
    transactionCount: 2,
    archived: false,
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-02-01T09:00:00.000Z',
    version: 3,
    ...overrides,
  };
}

export function storedCategory(userId: string, overrides: Partial<CategoryItem> & { categoryId: string }) {
  return {
    pk: `USER#${userId}`,
    sk: `CATEGORY#${overrides.categoryId}`,
    type: 'CATEGORY' as const,
    name: overrides.categoryId,
    kind: 'expense' as const,
    parentId: null,
    transactionCount: 0,
    archived: false,
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** What DynamoDB throws when a single-item condition fails; with ALL_OLD, the item if there was one. */
export const conditionFailed = (existing?: Record<string, unknown>) =>
  new ConditionalCheckFailedException({
    message: 'The conditional request failed',
    $metadata: {},
    ...(existing ? { Item: marshall(existing) } : {}),
  });

/** What DynamoDB throws when a transaction is cancelled: one reason per item, in request order. */
export const cancelled = (reasons: ({ Code: string; Item?: Record<string, unknown> } | 'None')[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: reasons.map((reason) =>
      reason === 'None'
        ? { Code: 'None' }
        : { Code: reason.Code, ...(reason.Item ? { Item: marshall(reason.Item) } : {}) },
    ),
  });
