/**
 * Where an export's objects live in the private files bucket, all under `exports/<userId>/`, so
 * the bucket's 7-day rule on `exports/` expires them and erasing a user deletes one prefix:
 *
 *   exports/<userId>/<exportId>.<xlsx|csv>           the file
 *   exports/<userId>/<exportId>/part-<step>-<n>.json  the rows one chunk read
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { EXPORTS_PREFIX } from '../kit/aws/files-layout';
import { filesBucketName, s3Client } from '../kit/aws/s3-client';
import type { ExportFormat } from './items';

export const userExportsPrefix = (userId: string) => `${EXPORTS_PREFIX}${userId}/`;
export const exportFileKey = (userId: string, exportId: string, format: ExportFormat) =>
  `${userExportsPrefix(userId)}${exportId}.${format}`;
export const exportPartKey = (userId: string, exportId: string, step: number, nonce: string) =>
  `${userExportsPrefix(userId)}${exportId}/part-${String(step).padStart(5, '0')}-${nonce}.json`;

export type ExportFiles = {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
};

/** The function's files bucket (FILES_BUCKET) through the shared S3 client. */
export function bucketFiles(): ExportFiles {
  return {
    async put(key, body, contentType) {
      await s3Client().send(
        new PutObjectCommand({ Bucket: filesBucketName(), Key: key, Body: body, ContentType: contentType }),
      );
    },
    async get(key) {
      const response = await s3Client().send(new GetObjectCommand({ Bucket: filesBucketName(), Key: key }));
      return Buffer.from(await response.Body!.transformToByteArray());
    },
  };
}
