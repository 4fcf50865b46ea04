/**
 * The files bucket of the deployment under test, through the presign kit: a grant uploads, a
 * link downloads the same bytes, a file over the grant's size is refused. On the local cloud the
 * outputs name its S3 (S3Endpoint); on AWS the SDK's default endpoint and the caller's own
 * credentials are used, so the same test checks a real bucket.
 */
import { randomUUID } from 'node:crypto';
import { downloadLink } from '../../shared/kit/aws/download-link';
import { s3Client } from '../../shared/kit/aws/s3-client';
import { uploadGrant } from '../../shared/kit/aws/upload-grant';
import { isLocalCloud, stackOutputs } from './support/outputs';

jest.setTimeout(60_000);

const rules = { contentTypes: ['text/csv'], maxBytes: 64 };

async function post(url: string, fields: Record<string, string>, bytes: Uint8Array): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: 'text/csv' }), 'statement.csv');
  return fetch(url, { method: 'POST', body: form });
}

describe('the files bucket', () => {
  beforeAll(() => {
    const outputs = stackOutputs();
    if (!outputs.FilesBucketName) throw new Error('The outputs name no FilesBucketName');
    process.env.FILES_BUCKET = outputs.FilesBucketName;
    process.env.AWS_REGION = outputs.Region;
    if (isLocalCloud()) {
      // The credentials the local cloud gives its functions; its S3 accepts no others.
      process.env.AWS_ENDPOINT_URL_S3 = outputs.S3Endpoint;
      process.env.AWS_ACCESS_KEY_ID = 'local';
      process.env.AWS_SECRET_ACCESS_KEY = 'local';
    }
  });
  afterAll(() => s3Client().destroy());

  it('names the files bucket in its outputs, and on the local cloud the S3 that serves it', () => {
    const outputs = stackOutputs();
    if (isLocalCloud()) {
      expect(outputs.S3Endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(outputs.FilesBucketName).toBe('moneta-files');
    } else {
      // On AWS the SDK's default endpoint is the right one; the name is CloudFormation's.
      expect(outputs.FilesBucketName).toMatch(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);
    }
  });

  it('takes an upload through a grant and gives the same bytes back through a link', async () => {
    const key = `imports/e2e/${randomUUID()}.csv`;
    const bytes = new TextEncoder().encode(`date,amount\n2025-03-01,${randomUUID().slice(0, 8)}\n`);
    const grant = await uploadGrant({ key, contentType: 'text/csv', rules });
    expect((await post(grant.url, grant.fields, bytes)).status).toBe(204);

    const link = await downloadLink({ key, filename: 'statement.csv' });
    const response = await fetch(link.url);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(response.headers.get('content-disposition')).toContain('filename="statement.csv"');
  });

  it('refuses a file larger than the grant allows', async () => {
    const key = `imports/e2e/${randomUUID()}.csv`;
    const grant = await uploadGrant({ key, contentType: 'text/csv', rules });
    const response = await post(grant.url, grant.fields, new Uint8Array(65));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('EntityTooLarge');
    expect((await fetch((await downloadLink({ key })).url)).status).toBe(404);
  });
});
