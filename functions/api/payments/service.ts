/**
 * What the payment routes share: the payment store and the applier of Stripe's state, with the
 * transaction recorder *without* the budgets' write-time guards: money Stripe has already moved is
 * recorded, whatever a budget in enforce mode would say.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { CategoryEntity } from '../../../shared/categories/public';
import { createProfileStore } from '../../../shared/identity/public';
import { invoiceLinkCheck } from '../../../shared/invoices/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { createStripeEventApplier } from '../../../shared/payments/apply';
import { createPaymentStore } from '../../../shared/payments/store';
import type { StripeAccess } from '../../../shared/payments/stripe';
import { createTransactionRecorder } from '../../../shared/transactions/public';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
export const payments = createPaymentStore({ db, tableName });
const profiles = createProfileStore({ db, tableName });
/** The default income category invoice payments are recorded in (shared/categories/defaults.ts). */
const INVOICE_INCOME_CATEGORY = 'business';
const recorder = createTransactionRecorder({ db, tableName, invoiceLinks: invoiceLinkCheck({ db, tableName }) });

export function applierFor({ stripe }: StripeAccess) {
  return createStripeEventApplier({
    stripe,
    store: payments,
    recorder,
    profileOf: async (userId) => {
      const profile = await profiles.get(userId);
      return profile && !('deletedAt' in profile && profile.deletedAt) ? profile : undefined;
    },
    incomeCategoryOf: async (userId) => {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: CategoryEntity.key(userId, INVOICE_INCOME_CATEGORY) }),
      );
      return Item && Item.archived !== true ? INVOICE_INCOME_CATEGORY : undefined;
    },
  });
}
