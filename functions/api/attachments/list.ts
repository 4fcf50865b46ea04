/**
 * GET /v1/attachments?transactionId=|invoiceId=: one owner's attachments, oldest first, a page at a
 * time: a strongly consistent Query of the owner's links in the caller's partition (another user's
 * owner id simply has none), then their attachments. No download links: GET one to make its link.
 */
import { attachmentsList } from '../../../shared/attachments/operations';
import { ownerOf } from '../../../shared/attachments/schemas';
import { createAttachmentStore } from '../../../shared/attachments/store';
import { toAttachmentView } from '../../../shared/attachments/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { continueAfter, pageBody } from '../../../shared/kit/http/cursor';

const attachments = createAttachmentStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(attachmentsList, async ({ userId, query }) => {
  const page = await attachments.listByOwner(userId, ownerOf(query), {
    limit: query.limit,
    ...continueAfter(userId, query.cursor),
  });
  return { status: 200, body: pageBody(userId, page, (item) => toAttachmentView(item)) };
});
