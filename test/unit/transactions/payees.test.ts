import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { handler } from '../../../functions/api/payees/list';
import { encodeCursor } from '../../../shared/kit/http/cursor';
import { normalizePayee, upsertPayeeItem } from '../../../shared/transactions/payee-store';
import { call, fieldsOf } from '../support/api';
import { givenProfiles, handlerCalls } from '../support/signed-up';

const db = mockClient(DynamoDBDocumentClient);

describe('normalizePayee', () => {
  test.each([
    ['  ACME   Corp ', 'acme corp'],
    ['Acme\tCorp\n', 'acme corp'],
    ['ＡＣＭＥ Corp', 'acme corp'], // full-width letters (NFKC)
    ['Café', 'café'],
    ['Cafe\u0301', 'café'], // combining accent composes to the same key
  ])('%j → %j', (name, normalized) => {
    expect(normalizePayee(name)).toBe(normalized);
  });

  test('is idempotent and blind to case and surrounding or repeated spaces', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const name = `${a} ${b}`;
        const once = normalizePayee(name);
        expect(normalizePayee(once)).toBe(once);
        expect(normalizePayee(`  ${name.toUpperCase()}  `)).toBe(normalizePayee(name.toUpperCase()));
        expect(once).not.toMatch(/^\s|\s$|\s\s/);
      }),
    );
  });
});

describe('upsertPayeeItem', () => {
  test('remembers the payee under its normalized name, counts the use, keeps the first spelling', () => {
    const guarded = upsertPayeeItem('user-1', '  ACME   Corp ', new Date('2026-03-01T10:00:00.000Z'));

    expect(guarded.item.Update).toEqual({
      TableName: 'moneta-test',
      Key: { pk: 'USER#user-1', sk: 'PAYEE#acme corp' },
      UpdateExpression:
        'ADD #transactionCount :one SET #name = if_not_exists(#name, :name), #lastUsedAt = :now, #type = :type',
      ExpressionAttributeNames: {
        '#transactionCount': 'transactionCount',
        '#name': 'name',
        '#lastUsedAt': 'lastUsedAt',
        '#type': 'type',
      },
      ExpressionAttributeValues: {
        ':one': 1,
        ':name': 'ACME Corp',
        ':now': '2026-03-01T10:00:00.000Z',
        ':type': 'PAYEE',
      },
    });
    // Unconditional: remembering a payee can never cancel the transaction it rides in.
    expect(guarded.item.Update?.ConditionExpression).toBeUndefined();
    expect(guarded.onConditionFailed).toBeUndefined();
  });
});

describe('GET /v1/payees', () => {
  const payee = (userId: string, name: string, transactionCount = 1) => ({
    pk: `USER#${userId}`,
    sk: `PAYEE#${normalizePayee(name)}`,
    type: 'PAYEE',
    name,
    transactionCount,
    lastUsedAt: '2026-02-01T10:00:00.000Z',
  });
  const table = [
    payee('user-1', 'Acme Corp', 3),
    payee('user-1', 'Acme Bakery'),
    payee('user-1', 'Bolt'),
    payee('user-1', 'Zed Store'),
    payee('user-2', 'Acme Secret'),
  ];
  beforeEach(() => {
    db.reset();
    givenProfiles(db, 'user-1', 'user-2');
    db.on(QueryCommand).callsFake((input: QueryCommandInput) => {
      const values = input.ExpressionAttributeValues ?? {};
      const start = (input.ExclusiveStartKey as { sk: string } | undefined)?.sk ?? '';
      const all = table
        .filter((p) => p.pk === values[':pk'] && p.sk.startsWith(values[':prefix']) && p.sk > start)
        .sort((a, b) => a.sk.localeCompare(b.sk));
      const read = all.slice(0, input.Limit);
      const last = read.at(-1);
      return {
        Items: read,
        ...(all.length > read.length && last ? { LastEvaluatedKey: { pk: last.pk, sk: last.sk } } : {}),
      };
    });
  });
  const list = (query: Record<string, string> = {}, sub = 'user-1') =>
    call(handler, { path: '/v1/payees', queryStringParameters: query, claims: { sub } });

  test('finds the caller payees by prefix, however the prefix is typed', async () => {
    const response = await list({ prefix: '  ACME ' });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [
        { name: 'Acme Bakery', transactionCount: 1, lastUsedAt: '2026-02-01T10:00:00.000Z' },
        { name: 'Acme Corp', transactionCount: 3, lastUsedAt: '2026-02-01T10:00:00.000Z' },
      ],
      nextCursor: null,
    });
    expect(db.commandCalls(QueryCommand)[0]?.args[0].input.ExpressionAttributeValues).toEqual({
      ':pk': 'USER#user-1',
      ':prefix': 'PAYEE#acme ',
    });
  });

  test('without a prefix lists every payee, page by page', async () => {
    const first = await list({ limit: '3' });
    const second = await list({ limit: '3', cursor: first.body.nextCursor });

    expect(first.body.items.map((p: { name: string }) => p.name)).toEqual(['Acme Bakery', 'Acme Corp', 'Bolt']);
    expect(second.body.items.map((p: { name: string }) => p.name)).toEqual(['Zed Store']);
    expect(second.body.nextCursor).toBeNull();
  });

  test('a cursor from a list with another prefix is refused with 400 naming cursor', async () => {
    const response = await list({ prefix: 'zed', cursor: encodeCursor('user-1', 'PAYEE#acme corp') });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['cursor']);
    expect(handlerCalls(db)).toHaveLength(0);
  });

  test("another user's cursor is refused with 400 naming cursor", async () => {
    const response = await list({ cursor: encodeCursor('user-2', 'PAYEE#acme secret') });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['cursor']);
  });

  test.each([
    [{ prefix: 'x'.repeat(101) }, 'prefix'],
    [{ limit: '500' }, 'limit'],
    [{ q: 'acme' }, 'q'],
  ])('refuses %j with 400 naming %s', async (query, field) => {
    const response = await list(query);

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toContain(field);
  });
});
