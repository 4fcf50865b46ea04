/** Moves a merged payee's invoices to the payee it became (shared/invoices/payee-merge.ts). */
import { eventConsumer } from '../../shared/app/consumer';
import { invoicePayeeMover } from '../../shared/invoices/consumers';
import { movePayeeReferences } from '../../shared/invoices/payee-merge';
import { documentClient } from '../../shared/kit/aws/document-client';
import { requireEnv } from '../../shared/kit/config';
import { logger } from '../../shared/kit/observability';

/** The events its declaration (and so its rule) routes here. */
export const acceptedDetailTypes = invoicePayeeMover.events;

const deps = { db: documentClient(), tableName: requireEnv('TABLE_NAME') };

export const handler = eventConsumer(invoicePayeeMover, async ({ detail }) => {
  const { fromId, intoId, completedAt } = detail.data;
  const moved = await movePayeeReferences(deps, detail.userId, { fromId, intoId, at: completedAt });
  logger.info('Invoices moved to the merged payee', { userId: detail.userId, invoicesMoved: moved });
});
