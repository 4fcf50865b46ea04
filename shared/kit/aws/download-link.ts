/**
 * A download link: a presigned GET of one object, valid for a few minutes, optionally telling the
 * browser to save it under a file name (S3 answers with the `Content-Disposition` that the signed
 * `response-content-disposition` parameter asks for). Changing the key, the file name or the
 * expiry in the URL breaks its signature.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/ShareObjectPreSignedURL.html
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { checkKey, expirySeconds } from './presign-limits';
import { filesBucketName, s3Client } from './s3-client';

export type DownloadLinkRequest = {
  key: string;
  /** Saved as this name (`attachment`); none: the browser decides (it may show the file inline). */
  filename?: string;
  /** Default 300 s, at most 3600 s. */
  expiresInSeconds?: number;
  /** Default: the function's files bucket (FILES_BUCKET). */
  bucket?: string;
};

export type DownloadLink = { url: string; expiresAt: string };

export async function downloadLink(request: DownloadLinkRequest): Promise<DownloadLink> {
  const key = checkKey(request.key);
  const seconds = expirySeconds(request.expiresInSeconds);
  const expiresAt = new Date(Date.now() + seconds * 1000);
  const url = await getSignedUrl(
    s3Client(),
    new GetObjectCommand({
      Bucket: request.bucket ?? filesBucketName(),
      Key: key,
      ...(request.filename === undefined ? {} : { ResponseContentDisposition: attachment(request.filename) }),
    }),
    { expiresIn: seconds },
  );
  return { url, expiresAt: expiresAt.toISOString() };
}

/**
 * `attachment` with the name twice (RFC 6266): `filename` in plain ASCII for old clients, and
 * `filename*` in UTF-8 (RFC 8187) for the rest, so "Relevé 2025.xlsx" survives.
 */
export function attachment(filename: string): string {
  const name = filename.replace(/[\\/\r\n\t"]/g, '_').trim() || 'download';
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
