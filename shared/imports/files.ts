/**
 * Where an import's objects live in the private files bucket, all under `imports/<userId>/`, so
 * erasing a user deletes one prefix and the bucket's rule on `imports/` expires them:
 *
 *   imports/<userId>/<importId>/statement   the file, as uploaded or sent inline
 *   imports/<userId>/<importId>/rows.json   its rows as parsed, with their externalIds
 */
import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand } from '@aws-sdk/client-s3';
import { IMPORTS_PREFIX } from '../kit/aws/files-layout';
import { filesBucketName, s3Client } from '../kit/aws/s3-client';

export const userImportsPrefix = (userId: string) => `${IMPORTS_PREFIX}${userId}/`;
export const statementKey = (userId: string, importId: string) => `${userImportsPrefix(userId)}${importId}/statement`;
export const parsedRowsKey = (userId: string, importId: string) => `${userImportsPrefix(userId)}${importId}/rows.json`;

export type ImportFiles = {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** undefined when there is no such object. */
  get(key: string): Promise<Buffer | undefined>;
  /** The object's size, or undefined when there is none. */
  size(key: string): Promise<number | undefined>;
};

const missing = (error: unknown) =>
  error instanceof NoSuchKey || error instanceof NotFound || (error as { name?: string })?.name === 'NotFound';

/** The function's files bucket (FILES_BUCKET) through the shared S3 client. */
export function bucketImportFiles(): ImportFiles {
  return {
    async put(key, body, contentType) {
      await s3Client().send(
        new PutObjectCommand({ Bucket: filesBucketName(), Key: key, Body: body, ContentType: contentType }),
      );
    },
    async get(key) {
      try {
        const response = await s3Client().send(new GetObjectCommand({ Bucket: filesBucketName(), Key: key }));
        return Buffer.from(await response.Body!.transformToByteArray());
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async size(key) {
      try {
        const head = await s3Client().send(new HeadObjectCommand({ Bucket: filesBucketName(), Key: key }));
        return head.ContentLength ?? 0;
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
  };
}
