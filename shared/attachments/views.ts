/**
 * What the attachment routes return: the attachment, its owner as `transactionId` or `invoiceId`,
 * a download link once the file is there, and on creation the upload grant. The zod schemas
 * describe the same shapes for the OpenAPI contract.
 */
import type { DownloadLink } from '../kit/aws/download-link';
import type { UploadGrant } from '../kit/aws/upload-grant';
import * as z from '../kit/schema';
import { type AttachmentItem, attachmentStatuses } from './items';

export function toAttachmentView(item: AttachmentItem, download?: DownloadLink, upload?: UploadGrant) {
  return {
    id: item.attachmentId,
    transactionId: item.ownerKind === 'transaction' ? item.ownerId : null,
    invoiceId: item.ownerKind === 'invoice' ? item.ownerId : null,
    fileName: item.fileName,
    contentType: item.contentType,
    size: item.size,
    status: item.status,
    createdAt: item.createdAt,
    uploadedAt: item.uploadedAt,
    download: download ? { url: download.url, expiresAt: download.expiresAt } : null,
    ...(upload
      ? {
          upload: {
            url: upload.url,
            fields: upload.fields,
            contentType: upload.contentType,
            maxBytes: upload.maxBytes,
            expiresAt: upload.expiresAt,
          },
        }
      : {}),
  };
}

const baseView = () => ({
  id: z.string(),
  transactionId: z.nullable(z.string()),
  invoiceId: z.nullable(z.string()),
  fileName: z.string(),
  contentType: z.string(),
  size: z.int().check(z.describe('Bytes: as declared until the file is uploaded, then as stored.')),
  status: z.enum(attachmentStatuses),
  createdAt: z.string(),
  uploadedAt: z.nullable(z.string()),
  download: z
    .nullable(z.strictObject({ url: z.string(), expiresAt: z.string() }))
    .check(
      z.describe(
        'A link that downloads the file for 5 minutes (GET, no credentials; saved under fileName); null until the file is uploaded and in lists.',
      ),
    ),
});

export const attachmentView = z.lazily(() => z.strictObject(baseView()));

export const createdAttachmentView = z.lazily(() =>
  z.strictObject({
    ...baseView(),
    upload: z
      .strictObject({
        url: z.string(),
        fields: z.record(z.string(), z.string()),
        contentType: z.string(),
        maxBytes: z.int(),
        expiresAt: z.string(),
      })
      .check(
        z.describe(
          'POST a multipart form to `url` with every field of `fields`, then the file last as `file`, before `expiresAt`. S3 refuses another content type or a file larger than `maxBytes`.',
        ),
      ),
  }),
);
