/**
 * The private files bucket: what expires when, and which browsers may upload to it. The stack
 * builds the bucket from this (lib/constructs/files.ts) and the local cloud configures its S3 from
 * the same object (lib/local/s3.ts), so the two cannot disagree about a rule.
 */

/**
 * Workbooks written by the export job, and statements sent for import, live under these prefixes
 * and expire on their own; every user prefix sits under one of USER_FILE_ROOTS.
 */
export { EXPORTS_PREFIX, IMPORTS_PREFIX, USER_FILE_ROOTS } from '../../shared/kit/aws/files-layout';

/** The bucket the local cloud creates; on AWS CloudFormation names it. */
export const LOCAL_FILES_BUCKET = 'moneta-files';

export const filesBucket = {
  /** An export is downloaded within minutes; a week leaves room for a second download. */
  exportsExpireAfterDays: 7,
  /**
   * A statement is read once, when its import runs (the report lives in the table, and undo reads
   * only that): a week leaves room for an import that waits on its upload or retries.
   */
  importsExpireAfterDays: 7,
  /** A browser that gave up half-way leaves parts that are billed until aborted. */
  abortIncompleteUploadsAfterDays: 1,
  /**
   * Browsers upload with a presigned POST (a multipart form) and may fetch a download link.
   * Origins come from the deployment's `corsOrigins` setting (lib/context.ts).
   */
  cors: {
    allowedMethods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['*'],
    exposedHeaders: ['ETag', 'Location'],
    maxAgeSeconds: 3000,
  },
} as const;
