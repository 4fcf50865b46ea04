/** What a payee write checks against the caller's other data before it writes. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createCategoryStore } from '../categories/public';
import { InvalidInput } from '../kit/errors';

/** A default category must be one of the caller's (another user's id simply does not exist here). */
export function defaultCategoryCheck({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  const categories = createCategoryStore({ db, tableName });
  return async (userId: string, categoryId: string | null | undefined): Promise<void> => {
    if (!categoryId) return;
    const category = await categories.get(userId, categoryId);
    if (!category || category.archived) throw new InvalidInput('defaultCategoryId', 'must be one of your categories');
  };
}
