/**
 * Where an attachment's file lives in the private files bucket: `attachments/<userId>/<attachmentId>`.
 * The key holds ids only (the client's file name is kept in the item and sent back as the
 * download's Content-Disposition), so no name can steer a key, and erasing a user deletes the
 * `attachments/<userId>/` prefix (shared/kit/aws/files-layout.ts).
 */
import { DeleteObjectCommand, HeadObjectCommand, NotFound } from '@aws-sdk/client-s3';
import { ATTACHMENTS_PREFIX } from '../kit/aws/files-layout';
import { filesBucketName, s3Client } from '../kit/aws/s3-client';

export const attachmentKey = (userId: string, attachmentId: string) => `${ATTACHMENTS_PREFIX}${userId}/${attachmentId}`;

export type StoredFile = { size: number; contentType: string | undefined };

export type AttachmentFiles = {
  /** The object's size and type, or undefined while there is none. */
  head(key: string): Promise<StoredFile | undefined>;
  /** Deleting a missing object succeeds (S3 answers 204), so a repeated delete is harmless. */
  delete(key: string): Promise<void>;
};

const missing = (error: unknown) =>
  error instanceof NotFound ||
  (error as { name?: string })?.name === 'NotFound' ||
  (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404;

/** The function's files bucket (FILES_BUCKET) through the shared S3 client. */
export function bucketAttachmentFiles(): AttachmentFiles {
  return {
    async head(key) {
      try {
        const head = await s3Client().send(new HeadObjectCommand({ Bucket: filesBucketName(), Key: key }));
        return { size: head.ContentLength ?? 0, contentType: head.ContentType };
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async delete(key) {
      await s3Client().send(new DeleteObjectCommand({ Bucket: filesBucketName(), Key: key }));
    },
  };
}
