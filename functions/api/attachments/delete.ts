/**
 * DELETE /v1/attachments/{id}: the file first, then the attachment and its link. Deleting a
 * missing object succeeds, so when the second step fails a retry finds the attachment and
 * finishes; the other order could leave a file no item points to.
 */
import { bucketAttachmentFiles } from '../../../shared/attachments/files';
import { attachmentsDelete } from '../../../shared/attachments/operations';
import { createAttachmentStore } from '../../../shared/attachments/store';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';

const attachments = createAttachmentStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });
const files = bucketAttachmentFiles();

export const handler = userRoute(attachmentsDelete, async ({ userId, path }) => {
  const attachment = await attachments.get(userId, path.id);
  if (!attachment) throw new NotFound('attachment');
  await files.delete(attachment.fileKey);
  await attachments.delete(userId, attachment);
  return { status: 204 };
});
