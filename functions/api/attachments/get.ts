/**
 * GET /v1/attachments/{id}: one of the caller's attachments. While it is `pending` the bucket is
 * asked whether the file has arrived (HeadObject); the first read that finds it marks it
 * `uploaded` with its stored size. An uploaded attachment comes with a download link: a presigned
 * GET of its key for 5 minutes that saves it under its file name. The key is read from the item
 * in the caller's partition, so no request can make it sign another user's file.
 */
import { bucketAttachmentFiles } from '../../../shared/attachments/files';
import { attachmentsGet } from '../../../shared/attachments/operations';
import { AttachmentGone, createAttachmentStore } from '../../../shared/attachments/store';
import { toAttachmentView } from '../../../shared/attachments/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { downloadLink } from '../../../shared/kit/aws/download-link';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';

const attachments = createAttachmentStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });
const files = bucketAttachmentFiles();

/** Long enough to start a download, short enough that a leaked link is soon worthless. */
const DOWNLOAD_SECONDS = 300;

export const handler = userRoute(attachmentsGet, async ({ userId, path }) => {
  let attachment = await attachments.get(userId, path.id);
  if (!attachment) throw new NotFound('attachment');
  if (attachment.status === 'pending') {
    const stored = await files.head(attachment.fileKey);
    if (stored) {
      try {
        attachment = await attachments.markUploaded(
          userId,
          attachment.attachmentId,
          stored.size,
          new Date().toISOString(),
        );
      } catch (error) {
        if (error instanceof AttachmentGone) throw new NotFound('attachment');
        throw error;
      }
    }
  }
  const download =
    attachment.status === 'uploaded'
      ? await downloadLink({
          key: attachment.fileKey,
          filename: attachment.fileName,
          expiresInSeconds: DOWNLOAD_SECONDS,
        })
      : undefined;
  return { status: 200, body: toAttachmentView(attachment, download) };
});
