/**
 * Attachments as a user drives them over HTTP: a receipt uploaded straight to the files bucket with
 * the presigned POST of POST /v1/attachments, read back through GET's short-lived link by its owner
 * only, refused by the bucket when it is not what was declared, and gone with its transaction and
 * with the account.
 */
import { api } from './support/api-client';
import { createAccount, createTransaction, expectOk, type LedgerUser, ledgerUser } from './support/ledger';
import { eventually, sleep } from './support/poll';

jest.setTimeout(120_000);

type Grant = { url: string; fields: Record<string, string>; contentType: string; maxBytes: number; expiresAt: string };
type AttachmentView = {
  id: string;
  transactionId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  status: 'pending' | 'uploaded';
  download: { url: string; expiresAt: string } | null;
  upload?: Grant;
};

const receipt = new TextEncoder().encode('%PDF-1.7\n% a receipt: coffee 3.80 EUR\n%%EOF\n');

async function post(grant: Grant, bytes: Uint8Array, fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...grant.fields, ...fields })) form.append(name, value);
  form.append('file', new Blob([bytes], { type: fields['Content-Type'] ?? grant.contentType }), 'receipt.pdf');
  return fetch(grant.url, { method: 'POST', body: form });
}

const s3Code = async (response: Response) => /<Code>([^<]+)<\/Code>/.exec(await response.text())?.[1];

async function expense(user: LedgerUser) {
  const account = await createAccount(user, { currency: 'EUR' });
  return createTransaction(user, { accountId: account.id, money: { amount: 380, currency: 'EUR' }, payee: 'Café' });
}

async function attach(user: LedgerUser, transactionId: string, size = receipt.byteLength): Promise<AttachmentView> {
  const body = { fileName: 'Café receipt.pdf', contentType: 'application/pdf', size, transactionId };
  return expectOk(await api.post('/v1/attachments', body, { token: user.token }), 201, 'attach').json;
}

const read = (user: LedgerUser, id: string) => api.get(`/v1/attachments/${id}`, { token: user.token });

describe('a receipt attached to a transaction', () => {
  let owner: LedgerUser;
  let other: LedgerUser;
  beforeAll(async () => {
    [owner, other] = await Promise.all([ledgerUser(), ledgerUser()]);
  });

  test('is uploaded with the presigned POST, read by its owner through the link, and by nobody else', async () => {
    const transaction = await expense(owner);
    const created = await attach(owner, transaction.id);
    expect(created).toMatchObject({ status: 'pending', transactionId: transaction.id, download: null });
    expect((await post(created.upload!, receipt)).status).toBe(204);

    const seen = expectOk(await read(owner, created.id), 200, 'read').json as AttachmentView;
    expect(seen).toMatchObject({ status: 'uploaded', size: receipt.byteLength, fileName: 'Café receipt.pdf' });
    const download = await fetch(seen.download!.url);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(receipt);
    expect(download.headers.get('content-disposition')).toContain('attachment;');

    const listed = expectOk(
      await api.get(`/v1/attachments?transactionId=${transaction.id}`, { token: owner.token }),
      200,
      'list',
    ).json;
    expect(listed.items.map((item: AttachmentView) => item.id)).toEqual([created.id]);

    // Another user: not found, not listed, not linkable, not deletable.
    expect((await read(other, created.id)).status).toBe(404);
    expect((await api.delete(`/v1/attachments/${created.id}`, { token: other.token })).status).toBe(404);
    const foreignList = await api.get(`/v1/attachments?transactionId=${transaction.id}`, { token: other.token });
    expect(foreignList.json.items).toEqual([]);
    const foreignLink = await api.post(
      '/v1/attachments',
      { fileName: 'x.pdf', contentType: 'application/pdf', size: 10, transactionId: transaction.id },
      { token: other.token },
    );
    expect(foreignLink.status).toBe(422);
    // Nor can their own link be pointed at the owner's file: the signature covers the key.
    const theirs = await attach(other, (await expense(other)).id);
    expect((await post(theirs.upload!, receipt)).status).toBe(204);
    const theirLink = new URL(
      (expectOk(await read(other, theirs.id), 200, 'read theirs').json as AttachmentView).download!.url,
    );
    theirLink.pathname = theirLink.pathname.replace(
      `attachments/${other.userId}/${theirs.id}`,
      `attachments/${owner.userId}/${created.id}`,
    );
    const stolen = await fetch(theirLink);
    expect(stolen.status).toBe(403);
    expect(await s3Code(stolen)).toBe('SignatureDoesNotMatch');
  });

  test('another type or a larger file than declared is refused by the bucket, and by the API up front', async () => {
    const transaction = await expense(owner);
    const created = await attach(owner, transaction.id, 32);
    const tooLarge = await post(created.upload!, new Uint8Array(33));
    expect(tooLarge.status).toBe(400);
    expect(await s3Code(tooLarge)).toBe('EntityTooLarge');
    const otherType = await post(created.upload!, new Uint8Array(8), { 'Content-Type': 'text/html' });
    expect(otherType.status).toBe(403);
    expect((expectOk(await read(owner, created.id), 200, 'read').json as AttachmentView).status).toBe('pending');

    for (const [body, field] of [
      [{ contentType: 'application/zip', size: 10 }, 'contentType'],
      [{ contentType: 'image/png', size: 10 * 1024 * 1024 + 1 }, 'size'],
    ] as const) {
      const refused = await api.post(
        '/v1/attachments',
        { fileName: 'f', transactionId: transaction.id, ...body },
        { token: owner.token },
      );
      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(refused.json.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    }
  });

  test('disappears with its transaction: the link stops working and GET is 404', async () => {
    const transaction = await expense(owner);
    const created = await attach(owner, transaction.id);
    expect((await post(created.upload!, receipt)).status).toBe(204);
    const link = (expectOk(await read(owner, created.id), 200, 'read').json as AttachmentView).download!.url;
    expect((await fetch(link)).status).toBe(200);

    expectOk(await api.delete(`/v1/transactions/${transaction.id}`, { token: owner.token }), 204, 'delete transaction');
    await eventually('the attachment to go with its transaction', async () =>
      (await read(owner, created.id)).status === 404 ? true : undefined,
    );
    const gone = await fetch(link);
    expect(gone.status).toBe(404);
    expect(await s3Code(gone)).toBe('NoSuchKey');
  });

  test('disappears with the account', async () => {
    const leaving = await ledgerUser();
    const created = await attach(leaving, (await expense(leaving)).id);
    expect((await post(created.upload!, receipt)).status).toBe(204);
    const link = (expectOk(await read(leaving, created.id), 200, 'read').json as AttachmentView).download!.url;
    expectOk(
      await api.delete('/v1/me', { token: leaving.token, body: { password: leaving.password } }),
      202,
      'delete account',
    );
    // The eraser deletes files after the items, once a pass that started after the window for
    // requests already admitted (15 s) finds the partition empty: poll past that window.
    const deadline = Date.now() + 60_000;
    while ((await fetch(link)).status !== 404) {
      if (Date.now() > deadline) throw new Error('The file was still there a minute after the account was deleted');
      await sleep(500);
    }
  });
});
