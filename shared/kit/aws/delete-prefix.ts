/**
 * Deletes every object of the files bucket under a prefix: ListObjectsV2 page by page (at most
 * 1,000 keys each), then one DeleteObjects per page. Deleting a missing key succeeds, so a second
 * run (a redelivered erasure) simply finds less to delete.
 */
import { DeleteObjectsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { checkKey } from './presign-limits';
import { filesBucketName, s3Client } from './s3-client';

/** Resolves with how many objects were deleted. */
export async function deleteObjectsUnder(prefix: string, bucket = filesBucketName()): Promise<number> {
  // A prefix is a key's beginning: never empty (that would be the whole bucket).
  checkKey(prefix);
  let deleted = 0;
  let token: string | undefined;
  do {
    const page = await s3Client().send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }),
    );
    const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
    if (keys.length > 0) {
      const result = await s3Client().send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }),
      );
      if (result.Errors && result.Errors.length > 0) {
        throw new Error(`${result.Errors.length} objects under the prefix could not be deleted`);
      }
      deleted += keys.length;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return deleted;
}
