/**
 * The presign kit against the local cloud's S3 (a real s3rver behind the front that checks what
 * S3 checks): what a user holding an upload grant or a download link can do, and what is refused.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { attachment, downloadLink } from '../../../../shared/kit/aws/download-link';
import { s3Client } from '../../../../shared/kit/aws/s3-client';
import { type UploadRules, uploadGrant } from '../../../../shared/kit/aws/upload-grant';
import { BUCKET, postForm, startTestS3, TEST_ORIGIN } from '../../support/local-s3';

jest.setTimeout(30_000);

const statements: UploadRules = { contentTypes: ['text/csv', 'application/pdf'], maxBytes: 1024 };
const csv = new TextEncoder().encode('date,amount\n2025-01-02,-12.50\n');

let s3: Awaited<ReturnType<typeof startTestS3>>;
let sequence = 0;
const newKey = (prefix = 'imports') => `${prefix}/user-1/${Date.now()}-${++sequence}.csv`;

beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  s3Client().destroy();
  await s3?.stop();
});

const errorCode = async (response: Response) => /<Code>([^<]+)<\/Code>/.exec(await response.text())?.[1];
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe('an upload grant', () => {
  it('lets the holder upload the file, and a download link gives back the same bytes under the asked name', async () => {
    const key = newKey();
    const grant = await uploadGrant({ key, contentType: 'text/csv', rules: statements });
    expect(grant.url).toBe(`${s3.url}/${BUCKET}`);
    const uploaded = await postForm(grant.url, grant.fields, { bytes: csv, type: 'text/csv' });
    expect(uploaded.status).toBe(204);

    const link = await downloadLink({ key, filename: 'Relevé janvier.csv' });
    const downloaded = await fetch(link.url);
    expect(downloaded.status).toBe(200);
    expect(await bytesOf(downloaded)).toEqual(csv);
    expect(downloaded.headers.get('content-type')).toBe('text/csv');
    expect(downloaded.headers.get('content-disposition')).toBe(attachment('Relevé janvier.csv'));
  });

  it('refuses a file larger than the grant allows, and stores nothing', async () => {
    const key = newKey();
    const grant = await uploadGrant({ key, contentType: 'text/csv', rules: statements });
    const response = await postForm(grant.url, grant.fields, { bytes: new Uint8Array(1025), type: 'text/csv' });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('EntityTooLarge');
    expect((await fetch((await downloadLink({ key })).url)).status).toBe(404);
  });

  it('takes a file of exactly the largest size', async () => {
    const key = newKey();
    const grant = await uploadGrant({ key, contentType: 'text/csv', rules: statements });
    expect((await postForm(grant.url, grant.fields, { bytes: new Uint8Array(1024).fill(65) })).status).toBe(204);
  });

  it('refuses an upload that declares another content type than the one granted', async () => {
    const key = newKey();
    const grant = await uploadGrant({ key, contentType: 'text/csv', rules: statements });
    const response = await postForm(
      grant.url,
      { ...grant.fields, 'Content-Type': 'text/html' },
      { bytes: csv, type: 'text/html' },
    );
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('AccessDenied');
    expect((await fetch((await downloadLink({ key })).url)).status).toBe(404);
  });

  it('refuses an upload to another key than the one granted', async () => {
    const grant = await uploadGrant({ key: newKey(), contentType: 'text/csv', rules: statements });
    const elsewhere = newKey('exports');
    const response = await postForm(grant.url, { ...grant.fields, key: elsewhere }, { bytes: csv });
    expect(response.status).toBe(403);
    expect((await fetch((await downloadLink({ key: elsewhere })).url)).status).toBe(404);
  });

  it('refuses a grant whose policy was edited (its signature no longer matches)', async () => {
    const grant = await uploadGrant({ key: newKey(), contentType: 'text/csv', rules: statements });
    const policy = JSON.parse(Buffer.from(grant.fields.Policy ?? '', 'base64').toString('utf8'));
    policy.conditions[0] = ['content-length-range', 1, 10 * 1024 * 1024];
    const forged = Buffer.from(JSON.stringify(policy)).toString('base64');
    const response = await postForm(grant.url, { ...grant.fields, Policy: forged }, { bytes: csv });
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('SignatureDoesNotMatch');
  });

  it('refuses an upload once the grant has expired', async () => {
    const key = newKey();
    const grant = await uploadGrant({ key, contentType: 'text/csv', rules: statements, expiresInSeconds: 1 });
    // The policy's expiration has whole seconds: wait until it is certainly past.
    await new Promise((resolve) => setTimeout(resolve, Date.parse(grant.expiresAt) - Date.now() + 1_100));
    const response = await postForm(grant.url, grant.fields, { bytes: csv, type: 'text/csv' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Policy expired');
    expect((await fetch((await downloadLink({ key })).url)).status).toBe(404);
  });

  it('is answered to a browser from an allowed origin (CORS preflight of the POST)', async () => {
    const grant = await uploadGrant({ key: newKey(), contentType: 'text/csv', rules: statements });
    const preflight = await fetch(grant.url, {
      method: 'OPTIONS',
      headers: { origin: TEST_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
    const stranger = await fetch(grant.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(stranger.status).toBe(403);
  });

  it('is only made for an allowed content type, a sane size and a short life', async () => {
    await expect(uploadGrant({ key: newKey(), contentType: 'text/html', rules: statements })).rejects.toThrow(
      /not one of text\/csv, application\/pdf/,
    );
    await expect(
      uploadGrant({ key: newKey(), contentType: 'text/csv', rules: statements, expiresInSeconds: 86_400 }),
    ).rejects.toThrow(RangeError);
    await expect(
      uploadGrant({ key: newKey(), contentType: 'text/csv', rules: { ...statements, maxBytes: 0 } }),
    ).rejects.toThrow(RangeError);
    await expect(uploadGrant({ key: '../x', contentType: 'text/csv', rules: statements })).rejects.toThrow(RangeError);
  });
});

describe('a download link', () => {
  const put = (key: string, body: string) =>
    s3.client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: Buffer.from(body), ContentType: 'text/plain' }),
    );

  it("gives the object a function wrote (an export's workbook) and nothing else", async () => {
    const mine = newKey('exports');
    const other = newKey('exports');
    await put(mine, 'mine');
    await put(other, 'someone else');
    const link = await downloadLink({ key: mine });
    const response = await fetch(link.url);
    expect(await response.text()).toBe('mine');
    expect(response.headers.get('content-disposition')).toBeNull();
  });

  it('for another key does not give this one: editing the key in the URL breaks its signature', async () => {
    const mine = newKey('exports');
    const theirs = newKey('exports');
    await put(mine, 'mine');
    await put(theirs, 'theirs');
    const link = new URL((await downloadLink({ key: mine })).url);
    link.pathname = `/${BUCKET}/${theirs}`;
    const response = await fetch(link);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('SignatureDoesNotMatch');
    expect(await (await fetch((await downloadLink({ key: theirs })).url)).text()).toBe('theirs');
  });

  it('refuses a link whose expiry or file name was edited', async () => {
    const key = newKey('exports');
    await put(key, 'x');
    const longer = new URL((await downloadLink({ key, expiresInSeconds: 60 })).url);
    longer.searchParams.set('X-Amz-Expires', '604800');
    expect((await fetch(longer)).status).toBe(403);
    const renamed = new URL((await downloadLink({ key, filename: 'a.csv' })).url);
    renamed.searchParams.set('response-content-disposition', 'inline');
    expect((await fetch(renamed)).status).toBe(403);
  });

  it('stops working once expired', async () => {
    const key = newKey('exports');
    await put(key, 'x');
    const link = await downloadLink({ key, expiresInSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, Date.parse(link.expiresAt) - Date.now() + 1_100));
    const response = await fetch(link.url);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Request has expired');
  });

  it('is needed at all: the bucket is private, an unsigned request is refused', async () => {
    const key = newKey('exports');
    await put(key, 'private');
    const response = await fetch(`${s3.url}/${BUCKET}/${key}`);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('AccessDenied');
  });

  it('signed with an unknown key is refused', async () => {
    const key = newKey('exports');
    await put(key, 'x');
    const link = new URL((await downloadLink({ key })).url);
    link.searchParams.set(
      'X-Amz-Credential',
      (link.searchParams.get('X-Amz-Credential') ?? '').replace(/^[^/]+/, 'AKIAOTHER'),
    );
    const response = await fetch(link);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('InvalidAccessKeyId');
  });

  it('reads back through the SDK too (header-signed requests are verified, not waved through)', async () => {
    const key = newKey('exports');
    await put(key, 'via sdk');
    const got = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(await got.Body?.transformToString()).toBe('via sdk');
  });
});

describe('attachment names', () => {
  it('keeps a plain ASCII name and a UTF-8 one, and cannot be broken out of', () => {
    expect(attachment('export 2025.xlsx')).toBe(
      `attachment; filename="export 2025.xlsx"; filename*=UTF-8''export%202025.xlsx`,
    );
    expect(attachment('Relevé.csv')).toBe(`attachment; filename="Releve.csv"; filename*=UTF-8''Relev%C3%A9.csv`);
    expect(attachment('a"; evil=1\r\n.csv')).toBe(
      `attachment; filename="a_; evil=1__.csv"; filename*=UTF-8''a_%3B%20evil%3D1__.csv`,
    );
  });
});
