/**
 * An upload grant: a presigned POST that lets a browser (or curl) put one object at one key, of
 * one declared content type and at most a given size, for a few minutes, straight into the files
 * bucket: the bytes never pass through a Lambda or API Gateway (whose payload limit is 10 MB).
 *
 * A POST rather than a presigned PUT because S3 enforces the POST's policy: `content-length-range`
 * refuses a file over the size (EntityTooLarge) and the `Content-Type` condition refuses another
 * type, before anything is stored. A presigned PUT can only sign a Content-Length header, which a
 * browser cannot be held to in advance.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 *
 * The client sends a multipart/form-data POST to `url` with every field of `fields`, then the
 * file as the last field, named `file`.
 */
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { checkKey, expirySeconds } from './presign-limits';
import { filesBucketName, s3Client } from './s3-client';

/** The largest object one POST may upload (S3's own limit). */
export const MAX_POST_BYTES = 5 * 1024 ** 3;

/** What a kind of upload accepts (a statement import, a receipt …). */
export type UploadRules = {
  /** Media types, lower case (`text/csv`, `application/pdf` …). */
  contentTypes: readonly string[];
  /** Largest accepted file, in bytes. */
  maxBytes: number;
};

export type UploadGrant = {
  /** Where to POST the form. */
  url: string;
  /** The form's fields, in order, before the file. */
  fields: Record<string, string>;
  key: string;
  contentType: string;
  maxBytes: number;
  /** When the grant stops working (ISO 8601). */
  expiresAt: string;
};

export type UploadGrantRequest = {
  key: string;
  /** The type the client declares for its file; it must be one of `rules.contentTypes`. */
  contentType: string;
  rules: UploadRules;
  /** Default 300 s, at most 3600 s. */
  expiresInSeconds?: number;
  /** Default: the function's files bucket (FILES_BUCKET). */
  bucket?: string;
};

export async function uploadGrant(request: UploadGrantRequest): Promise<UploadGrant> {
  const key = checkKey(request.key);
  const seconds = expirySeconds(request.expiresInSeconds);
  const { maxBytes, contentTypes } = request.rules;
  if (!Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > MAX_POST_BYTES) {
    throw new RangeError(`maxBytes must be a whole number of bytes from 1 to ${MAX_POST_BYTES}, not ${maxBytes}`);
  }
  const contentType = request.contentType.trim().toLowerCase();
  if (!contentTypes.includes(contentType)) {
    throw new RangeError(`Content type ${request.contentType} is not one of ${contentTypes.join(', ')}`);
  }
  const expiresAt = new Date(Date.now() + seconds * 1000);
  const { url, fields } = await createPresignedPost(s3Client(), {
    Bucket: request.bucket ?? filesBucketName(),
    Key: key,
    Fields: { 'Content-Type': contentType },
    Conditions: [
      ['content-length-range', 1, maxBytes],
      ['eq', '$Content-Type', contentType],
    ],
    Expires: seconds,
  });
  return { url, fields, key, contentType, maxBytes, expiresAt: expiresAt.toISOString() };
}
