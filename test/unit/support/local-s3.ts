/**
 * The local cloud's S3 (s3rver behind the front that checks signatures and POST policies,
 * lib/local/s3.ts) on a free port, with one bucket, pointed at through the standard
 * AWS_ENDPOINT_URL_S3 variable and FILES_BUCKET, as the local cloud gives them to a function.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { startLocalS3 } from '../../../lib/local/s3';
import { freePort } from '../local/support-l1/free-port';

export const BUCKET = 'moneta-files-test';
export const TEST_ORIGIN = 'https://app.moneta.example';

export async function startTestS3() {
  const credentials = {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test',
  };
  const service = await startLocalS3({
    port: await freePort(),
    buckets: [BUCKET],
    credentials: [credentials],
    cors: {
      allowedOrigins: [TEST_ORIGIN],
      allowedMethods: ['GET', 'HEAD', 'POST'],
      allowedHeaders: ['*'],
      exposedHeaders: ['ETag'],
      maxAgeSeconds: 300,
    },
  });
  // Before the kit's client is built: it reads the endpoint from the environment once.
  process.env.AWS_ENDPOINT_URL_S3 = service.url;
  process.env.FILES_BUCKET = BUCKET;
  const client = new S3Client({ endpoint: service.url, region: process.env.AWS_REGION, credentials });
  return {
    url: service.url,
    client,
    stop: async () => {
      client.destroy();
      await service.stop();
    },
  };
}

/** Posts a file the way a browser form does: the grant's fields, then the file last. */
export async function postForm(
  url: string,
  fields: Record<string, string>,
  file: { bytes: Uint8Array; type?: string; name?: string },
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name ?? 'upload');
  return fetch(url, { method: 'POST', body: form });
}
