/**
 * POST /v1/attachments: links a new file to one of the caller's transactions (or invoices) and
 * answers it `pending` with an upload grant: a presigned POST whose policy holds the upload to the
 * declared content type and at most the declared size (itself at most 10 MB), for 5 minutes. A
 * type or size the bucket would refuse is a 422 naming the field before anything is signed or
 * written; an owner that is not the caller's is a 422 naming transactionId or invoiceId. The
 * attachment and its link are written only while the owner exists (one TransactWriteItems), with
 * the Idempotency-Key record when one is given: a retry answers the first response.
 */
import { attachmentKey } from '../../../shared/attachments/files';
import type { AttachmentItem } from '../../../shared/attachments/items';
import { attachmentsCreate } from '../../../shared/attachments/operations';
import { ownerExists } from '../../../shared/attachments/owners';
import { ATTACHMENT_CONTENT_TYPES, checkFile, ownerOf, UnusableField } from '../../../shared/attachments/schemas';
import { createAttachmentStore } from '../../../shared/attachments/store';
import { toAttachmentView } from '../../../shared/attachments/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { uploadGrant } from '../../../shared/kit/aws/upload-grant';
import { requireEnv } from '../../../shared/kit/config';
import { newEntityId } from '../../../shared/kit/http/fields';
import { idempotency, idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';
import { logger } from '../../../shared/kit/observability';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const attachments = createAttachmentStore({ db, tableName });

/** A grant is used at once, by the client that asked for it. */
const UPLOAD_SECONDS = 300;

export const handler = userRoute(attachmentsCreate, async ({ userId, body, headers }) => {
  const contentType = checkFile(body);
  const scope = { tableName, userId, operation: 'create-attachment', key: idempotencyKeyFrom(headers), request: body };
  // A retry is answered before the owner is looked at again: it may be gone since.
  const keyed = await idempotency(db, scope);
  if (keyed.earlier) return keyed.earlier;
  const owner = ownerOf(body);
  const ownerField = owner.kind === 'transaction' ? 'transactionId' : 'invoiceId';
  const unknownOwner = () => new UnusableField(ownerField, `is not one of your ${owner.kind}s`);
  const ownerCheck = ownerExists(tableName, userId, owner, unknownOwner);
  if (!ownerCheck) throw unknownOwner();

  const now = new Date();
  const attachmentId = newEntityId(now.getTime());
  const fileKey = attachmentKey(userId, attachmentId);
  const grant = await uploadGrant({
    key: fileKey,
    contentType,
    rules: { contentTypes: ATTACHMENT_CONTENT_TYPES, maxBytes: body.size },
    expiresInSeconds: UPLOAD_SECONDS,
  });
  const item: AttachmentItem = {
    type: 'ATTACHMENT',
    attachmentId,
    ownerKind: owner.kind,
    ownerId: owner.id,
    fileName: body.fileName,
    contentType,
    size: body.size,
    fileKey,
    status: 'pending',
    createdAt: now.toISOString(),
    uploadedAt: null,
    version: 1,
  };
  const response = {
    status: 201,
    body: toAttachmentView(item, undefined, grant),
    headers: { location: `/v1/attachments/${attachmentId}` },
  };
  const answer = await keyed.create(response, (record) =>
    attachments.create(userId, item, ownerCheck, record ? [record] : []),
  );
  // Ids and sizes only: a file name can say who or what was paid.
  logger.info('Attachment granted', { attachmentId, ownerKind: owner.kind, contentType, maxBytes: body.size });
  return answer;
});
