/**
 * The attachment routes and the attachment cleaner against a real DynamoDB Local and the local
 * cloud's S3 (signatures and POST policies checked as S3 checks them): what a client sees, what the
 * bucket takes, and that nothing of one user is reachable by another.
 */
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEvent } from 'aws-lambda';
import { ProfileEntity } from '../../../shared/identity/profile';
import { s3Client } from '../../../shared/kit/aws/s3-client';
import type { HttpApiEvent, HttpApiResult } from '../../../shared/kit/http/api-handler';
import { TransactionEntity, type TransactionItem } from '../../../shared/transactions/items';
import { eventBridgeEvent, lambdaContext as eventContext, userDeleted } from '../support/eventbridge-event';
import { type HttpEventInput, httpEvent, lambdaContext, parseResponse } from '../support/http-event';
import { type LocalDynamoDb, startLocalDynamoDb, TABLE } from '../support/local-dynamodb';
import { postForm, startTestS3 } from '../support/local-s3';
import { profileItem } from '../support/stream-records';
import { transactionFixture } from '../transactions/support/ledger-fixtures';

jest.setTimeout(60_000);

type Handler = (event: HttpApiEvent, context: ReturnType<typeof lambdaContext>) => Promise<HttpApiResult>;
type Consumer = (event: EventBridgeEvent<string, unknown>, context: ReturnType<typeof eventContext>) => Promise<void>;

let table: LocalDynamoDb;
let s3: Awaited<ReturnType<typeof startTestS3>>;
let routes: Record<'create' | 'list' | 'get' | 'remove', Handler>;
let cleaner: Consumer;
let eraser: Consumer;

beforeAll(async () => {
  // Both before any handler module loads: their clients read the endpoints at init.
  table = await startLocalDynamoDb();
  s3 = await startTestS3();
  routes = {
    create: (await import('../../../functions/api/attachments/create')).handler as Handler,
    list: (await import('../../../functions/api/attachments/list')).handler as Handler,
    get: (await import('../../../functions/api/attachments/get')).handler as Handler,
    remove: (await import('../../../functions/api/attachments/delete')).handler as Handler,
  };
  cleaner = (await import('../../../functions/events/attachment-cleaner')).handler as Consumer;
  eraser = (await import('../../../functions/events/user-data-eraser')).handler as Consumer;
}, 90_000);
afterAll(async () => {
  s3Client().destroy();
  await s3?.stop();
  await table?.stop();
});

let sequence = 0;
async function newUser(): Promise<{ userId: string; transaction: TransactionItem }> {
  const userId = `attach-user-${++sequence}`;
  await table.put(profileItem({ userId }));
  const transaction = transactionFixture({
    transactionId: `01KE00000000000000000000${String(sequence).padStart(2, '0')}`,
  });
  await table.put({ ...TransactionEntity.key(userId, transaction.transactionId), ...transaction });
  return { userId, transaction };
}

const call = async (route: keyof typeof routes, sub: string, input: HttpEventInput) =>
  parseResponse(await routes[route](httpEvent({ ...input, claims: { sub } }), lambdaContext()));
const create = (sub: string, body: unknown, headers: Record<string, string> = {}) =>
  call('create', sub, { method: 'POST', path: '/v1/attachments', body, headers });
const get = (sub: string, id: string) =>
  call('get', sub, { method: 'GET', path: `/v1/attachments/${id}`, pathParameters: { id } });
const list = (sub: string, query: Record<string, string>) =>
  call('list', sub, { method: 'GET', path: '/v1/attachments', queryStringParameters: query });
const remove = (sub: string, id: string) =>
  call('remove', sub, { method: 'DELETE', path: `/v1/attachments/${id}`, pathParameters: { id } });

const receipt = new TextEncoder().encode('%PDF-1.7 a receipt for 12.50 EUR\n%%EOF\n');
const pdfBody = (transactionId: string, overrides: Record<string, unknown> = {}) => ({
  fileName: 'Reçu café "Marché".pdf',
  contentType: 'application/pdf',
  size: receipt.byteLength,
  transactionId,
  ...overrides,
});

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((error) => error.field);
const s3Code = async (response: Response) => /<Code>([^<]+)<\/Code>/.exec(await response.text())?.[1];

/** An attachment with its file uploaded through its grant. */
async function uploaded(userId: string, transactionId: string) {
  const created = await create(userId, pdfBody(transactionId));
  expect(created.status).toBe(201);
  const { upload } = created.body;
  expect((await postForm(upload.url, upload.fields, { bytes: receipt, type: 'application/pdf' })).status).toBe(204);
  return created.body as { id: string; upload: { url: string; fields: Record<string, string> } };
}

const partition = (userId: string) => table.partition(userId);
const attachmentItems = async (userId: string) =>
  (await partition(userId)).filter((item) => /^ATTACH(OF)?#/.test(String(item.sk)));

describe('POST /v1/attachments', () => {
  test('answers a pending attachment with a grant; after the upload GET shows it uploaded with a working link', async () => {
    const { userId, transaction } = await newUser();
    const created = await create(userId, pdfBody(transaction.transactionId));
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/v1/attachments/${created.body.id}`);
    expect(created.body).toMatchObject({
      transactionId: transaction.transactionId,
      invoiceId: null,
      fileName: 'Reçu café "Marché".pdf',
      contentType: 'application/pdf',
      size: receipt.byteLength,
      status: 'pending',
      download: null,
      upload: { contentType: 'application/pdf', maxBytes: receipt.byteLength },
    });
    // The key is ids only, under the user's prefix: the file name never reaches it.
    expect(created.body.upload.fields.key).toBe(`attachments/${userId}/${created.body.id}`);

    const before = await get(userId, created.body.id);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ status: 'pending', download: null });

    const { upload } = created.body;
    expect((await postForm(upload.url, upload.fields, { bytes: receipt, type: 'application/pdf' })).status).toBe(204);

    const after = await get(userId, created.body.id);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'uploaded', size: receipt.byteLength });
    expect(after.body.uploadedAt).toEqual(expect.any(String));
    const download = await fetch(after.body.download.url);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(receipt);
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''Re%C3%A7u%20caf%C3%A9");
    // Five minutes, not more.
    const lifetime = Date.parse(after.body.download.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(300_000);
  });

  test('a retry with its Idempotency-Key answers the first attachment and links nothing more', async () => {
    const { userId, transaction } = await newUser();
    const headers = { 'idempotency-key': 'receipt-1' };
    const first = await create(userId, pdfBody(transaction.transactionId), headers);
    const retry = await create(userId, pdfBody(transaction.transactionId), headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    const listed = await list(userId, { transactionId: transaction.transactionId });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([first.body.id]);
  });

  test.each([
    ['a content type the bucket does not take', { contentType: 'text/html' }, 'contentType'],
    ['a file over 10 MB', { size: 10 * 1024 * 1024 + 1 }, 'size'],
    ['a transaction that does not exist', { transactionId: 'no-such-transaction' }, 'transactionId'],
    ['an invoice (none can be linked yet)', { transactionId: undefined, invoiceId: 'INV1' }, 'invoiceId'],
  ])('refuses %s with 422 naming the field, and writes nothing', async (_case, overrides, field) => {
    const { userId, transaction } = await newUser();
    const response = await create(userId, pdfBody(transaction.transactionId, overrides));
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(fieldsOf(response.body)).toEqual([field]);
    expect(await attachmentItems(userId)).toEqual([]);
  });

  test('accepts JPEG, PNG and HEIC, in any case, and 10 MB exactly', async () => {
    const { userId, transaction } = await newUser();
    for (const contentType of ['image/jpeg', 'IMAGE/PNG', 'image/heic']) {
      const response = await create(
        userId,
        pdfBody(transaction.transactionId, { contentType, size: 10 * 1024 * 1024 }),
      );
      expect(response.status).toBe(201);
      expect(response.body.contentType).toBe(contentType.toLowerCase());
    }
  });

  test.each([
    ['no owner', { transactionId: undefined }],
    ['two owners', { invoiceId: 'INV1' }],
    ['a size of 0', { size: 0 }],
    ['an empty file name', { fileName: '  ' }],
    ['a file name with a line break', { fileName: 'a\r\nb.pdf' }],
  ])('refuses %s with 400 naming the field', async (_case, overrides) => {
    const { userId, transaction } = await newUser();
    const response = await create(userId, pdfBody(transaction.transactionId, overrides));
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body).length).toBeGreaterThan(0);
    expect(await attachmentItems(userId)).toEqual([]);
  });

  test('the upload policy refuses a larger file than declared, and another content type', async () => {
    const { userId, transaction } = await newUser();
    const created = await create(userId, pdfBody(transaction.transactionId, { size: 16 }));
    const { upload } = created.body;
    const tooLarge = await postForm(upload.url, upload.fields, { bytes: new Uint8Array(17), type: 'application/pdf' });
    expect(tooLarge.status).toBe(400);
    expect(await s3Code(tooLarge)).toBe('EntityTooLarge');

    const otherType = await postForm(
      upload.url,
      { ...upload.fields, 'Content-Type': 'text/html' },
      { bytes: new Uint8Array(8), type: 'text/html' },
    );
    expect(otherType.status).toBe(403);
    expect(await s3Code(otherType)).toBe('AccessDenied');
    // Nothing was stored: the attachment is still pending.
    expect((await get(userId, created.body.id)).body).toMatchObject({ status: 'pending', download: null });
  });
});

describe('another user', () => {
  test('cannot read, list, link to, delete, or download through a link path of, the attachment', async () => {
    const owner = await newUser();
    const other = await newUser();
    const attachment = await uploaded(owner.userId, owner.transaction.transactionId);

    expect((await get(other.userId, attachment.id)).status).toBe(404);
    expect((await remove(other.userId, attachment.id)).status).toBe(404);
    const listed = await list(other.userId, { transactionId: owner.transaction.transactionId });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([]);
    const linked = await create(other.userId, pdfBody(owner.transaction.transactionId));
    expect(linked.status).toBe(422);
    expect(fieldsOf(linked.body)).toEqual(['transactionId']);

    // The other user's own link, its path pointed at the owner's file: the signature no longer holds.
    const own = await uploaded(other.userId, other.transaction.transactionId);
    const link = new URL((await get(other.userId, own.id)).body.download.url);
    link.pathname = link.pathname.replace(
      `attachments/${other.userId}/${own.id}`,
      `attachments/${owner.userId}/${attachment.id}`,
    );
    const stolen = await fetch(link);
    expect(stolen.status).toBe(403);
    expect(await s3Code(stolen)).toBe('SignatureDoesNotMatch');

    // And the owner still has it.
    expect((await get(owner.userId, attachment.id)).body.status).toBe('uploaded');
  });
});

describe('GET /v1/attachments', () => {
  test("lists one transaction's attachments, oldest first, a page at a time", async () => {
    const { userId, transaction } = await newUser();
    const second = transactionFixture({ transactionId: `01KE000000000000000000ZZ${sequence}` });
    await table.put({ ...TransactionEntity.key(userId, second.transactionId), ...second });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await create(userId, pdfBody(transaction.transactionId))).body.id);
    await create(userId, pdfBody(second.transactionId));

    const first = await list(userId, { transactionId: transaction.transactionId, limit: '2' });
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual(ids.slice(0, 2));
    expect(first.body.items[0]).toMatchObject({ status: 'pending', download: null });
    const rest = await list(userId, { transactionId: transaction.transactionId, cursor: first.body.nextCursor });
    expect(rest.body.items.map((item: { id: string }) => item.id)).toEqual(ids.slice(2));
    expect(rest.body.nextCursor).toBeNull();
  });

  test('needs exactly one owner: 400 naming transactionId', async () => {
    const { userId } = await newUser();
    const response = await list(userId, {});
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['transactionId']);
  });
});

describe('DELETE /v1/attachments/{id}', () => {
  test('deletes the file and the attachment: the link stops working, GET and the list forget it', async () => {
    const { userId, transaction } = await newUser();
    const attachment = await uploaded(userId, transaction.transactionId);
    const link = (await get(userId, attachment.id)).body.download.url;
    expect((await remove(userId, attachment.id)).status).toBe(204);
    expect((await fetch(link)).status).toBe(404);
    expect((await get(userId, attachment.id)).status).toBe(404);
    expect((await list(userId, { transactionId: transaction.transactionId })).body.items).toEqual([]);
    expect(await attachmentItems(userId)).toEqual([]);
    expect((await remove(userId, attachment.id)).status).toBe(404);
  });
});

describe('the attachment cleaner', () => {
  const deletedEvent = (userId: string, transaction: TransactionItem, sourceEventId: string) =>
    eventBridgeEvent('TransactionDeleted', {
      sourceEventId,
      userId,
      id: transaction.transactionId,
      version: transaction.version,
      occurredAt: '2026-03-01T10:00:00.000Z',
      previous: transaction,
    });

  test("a deleted transaction's attachments and files go, once, whatever is delivered again", async () => {
    const { userId, transaction } = await newUser();
    const kept = await newUser();
    const first = await uploaded(userId, transaction.transactionId);
    const second = await uploaded(userId, transaction.transactionId);
    const keptAttachment = await uploaded(kept.userId, kept.transaction.transactionId);
    const links = [first, second].map(async (a) => (await get(userId, a.id)).body.download.url as string);
    const urls = await Promise.all(links);
    await table.db.send(
      // The transaction goes first, as its deletion (and so the event) says.
      new DeleteCommand({
        TableName: TABLE,
        Key: TransactionEntity.key(userId, transaction.transactionId),
      }),
    );

    const event = deletedEvent(userId, transaction, 'stream-del-1');
    await cleaner(event, eventContext('attachment-cleaner'));
    for (const url of urls) expect((await fetch(url)).status).toBe(404);
    expect((await get(userId, first.id)).status).toBe(404);
    expect((await get(userId, second.id)).status).toBe(404);
    expect(await attachmentItems(userId)).toEqual([]);

    // Redelivered (the same event, and once more much later): nothing left to do, nothing fails.
    await cleaner(event, eventContext('attachment-cleaner'));
    await cleaner(deletedEvent(userId, transaction, 'stream-del-1'), eventContext('attachment-cleaner'));

    expect(await attachmentItems(userId)).toEqual([]);
    // Another user's attachment, even under the same transaction id, is not touched.
    expect((await get(kept.userId, keptAttachment.id)).body.status).toBe('uploaded');
    // And the deleted transaction takes no new attachment.
    const late = await create(userId, pdfBody(transaction.transactionId));
    expect(late.status).toBe(422);
  });
});

describe('account deletion', () => {
  test("erases the user's attachment files with their items", async () => {
    const { userId, transaction } = await newUser();
    const attachment = await uploaded(userId, transaction.transactionId);
    const link = (await get(userId, attachment.id)).body.download.url as string;
    expect((await fetch(link)).status).toBe(200);
    const profile = await table.db.send(
      new GetCommand({ TableName: TABLE, Key: ProfileEntity.key(userId), ConsistentRead: true }),
    );
    await table.db.send(new DeleteCommand({ TableName: TABLE, Key: ProfileEntity.key(userId) }));
    await eraser(
      eventBridgeEvent('UserDeleted', userDeleted({ ...profile.Item, userId })),
      eventContext('user-data-eraser'),
    );
    expect((await fetch(link)).status).toBe(404);
    expect(await partition(userId)).toEqual([]);
  });
});
