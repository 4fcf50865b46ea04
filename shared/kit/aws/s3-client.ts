/**
 * The S3 client, created once per execution environment (module scope), like the other SDK
 * clients (./clients.ts). A module of its own so only the functions that touch files bundle it.
 *
 * Addressing: the client keeps the SDK's default, virtual-hosted URLs
 * (`https://<bucket>.s3.<region>.amazonaws.com/<key>`), which is what AWS recommends and what
 * works for every bucket on AWS. No `forcePathStyle` and no local branch: when the endpoint comes
 * from AWS_ENDPOINT_URL_S3 and its host is an IP address, as the local cloud's
 * `http://127.0.0.1:<port>` is, the SDK's own S3 endpoint rules switch to path-style URLs
 * (`http://127.0.0.1:<port>/<bucket>/<key>`), the only style that works without wildcard DNS
 * (docs/architecture.md, "Files"). LocalStack's `localhost.localstack.cloud` resolves every
 * subdomain, so virtual-hosted URLs work there too.
 */
import { S3Client } from '@aws-sdk/client-s3';

let s3: S3Client | undefined;

/** Built on first use, then reused across invocations. */
export function s3Client(): S3Client {
  s3 ??= new S3Client({});
  return s3;
}

/** The files bucket the function was granted (lib/catalog/functions.ts `files`). */
export function filesBucketName(): string {
  const name = process.env.FILES_BUCKET;
  if (!name) throw new Error('FILES_BUCKET is not set: declare a `files` grant for this function');
  return name;
}
