/** What the saved-method routes share: the store, the payee they act for, and the Stripe side. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createProfileStore } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';
import * as z from '../../../shared/kit/schema';
import { createSavedMethods } from '../../../shared/payments/methods';
import { createSavedMethodStore } from '../../../shared/payments/methods-store';
import type { StripeAccess } from '../../../shared/payments/stripe';
import { PayeeEntity, type PayeeItem, payeeItem } from '../../../shared/transactions/public';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
export const savedMethodStore = createSavedMethodStore({ db, tableName });
const profiles = createProfileStore({ db, tableName });

/** The caller's payee, or a 404 (another user's payee id does not exist under the caller's key). */
export async function payeeOf(userId: string, payeeId: string): Promise<PayeeItem> {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: PayeeEntity.key(userId, payeeId), ConsistentRead: true }),
  );
  if (!Item) throw new NotFound('payee');
  return z.parse(payeeItem(), Item);
}

export function savedMethodsFor({ stripe }: StripeAccess) {
  return createSavedMethods({
    stripe,
    store: savedMethodStore,
    isLive: async (userId) => {
      const profile = await profiles.get(userId);
      return profile !== undefined && !('deletedAt' in profile && profile.deletedAt);
    },
  });
}
