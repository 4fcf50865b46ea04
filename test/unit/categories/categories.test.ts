import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  type GetCommandInput,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler as createCategory } from '../../../functions/api/categories/create';
import { handler as deleteCategory } from '../../../functions/api/categories/delete';
import { handler as listCategories } from '../../../functions/api/categories/list';
import { handler as updateCategory } from '../../../functions/api/categories/update';
import { cancelled, conditionFailed, NOW, storedCategory } from '../accounts/support';
import { call, describeBodyContract, fieldsOf } from '../support/api';
import { givenProfiles } from '../support/signed-up';

const db = mockClient(DynamoDBDocumentClient);

/** The categories in the table; Get and Query answer from it, per partition. */
let table: ReturnType<typeof storedCategory>[] = [];
beforeEach(() => {
  db.reset();
  jest.useFakeTimers({ now: new Date(NOW), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout'] });
  table = [
    storedCategory('user-1', { categoryId: 'food' }),
    storedCategory('user-1', { categoryId: 'groceries', parentId: 'food' }),
    storedCategory('user-1', { categoryId: 'transport' }),
    storedCategory('user-1', { categoryId: 'old-hobby', archived: true }),
    storedCategory('user-1', { categoryId: 'salary', kind: 'income' }),
    storedCategory('user-2', { categoryId: 'secret' }),
  ];
  db.on(GetCommand).callsFake((input: GetCommandInput) => ({
    Item: table.find((c) => c.pk === input.Key?.pk && c.sk === input.Key?.sk),
  }));
  db.on(QueryCommand).callsFake((input: QueryCommandInput) => {
    const start = (input.ExclusiveStartKey as { sk: string } | undefined)?.sk ?? '';
    const all = table
      .filter((c) => c.pk === input.ExpressionAttributeValues?.[':pk'] && c.sk > start)
      .sort((a, b) => a.sk.localeCompare(b.sk));
    const read = input.Limit ? all.slice(0, input.Limit) : all;
    const last = read.at(-1);
    return {
      Items: input.FilterExpression ? read.filter((c) => !c.archived) : read,
      ...(all.length > read.length && last ? { LastEvaluatedKey: { pk: last.pk, sk: last.sk } } : {}),
    };
  });
  // After the catch-all GetCommand above: the last matching mock answers, so profile reads land here.
  givenProfiles(db, 'user-1', 'user-2');
});
afterEach(() => jest.useRealTimers());

const create = (body: unknown, sub = 'user-1', headers: Record<string, string> = {}) =>
  call(createCategory, { method: 'POST', path: '/v1/categories', body, headers, claims: { sub } });
const patch = (id: string, body: unknown, headers: Record<string, string> = {}, sub = 'user-1') =>
  call(updateCategory, {
    method: 'PATCH',
    path: `/v1/categories/${id}`,
    pathParameters: { id },
    body,
    headers,
    claims: { sub },
  });
const remove = (id: string, sub = 'user-1') =>
  call(deleteCategory, { method: 'DELETE', path: `/v1/categories/${id}`, pathParameters: { id }, claims: { sub } });
const list = (query: Record<string, string> = {}) =>
  call(listCategories, { path: '/v1/categories', queryStringParameters: query, claims: { sub: 'user-1' } });
const transactItems = () => db.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems ?? []);

describe('POST /v1/categories', () => {
  test('creates a top-level category with a new id: one conditional Put, no parent check', async () => {
    db.on(TransactWriteCommand).resolves({});

    const response = await create({ name: 'Pets', kind: 'expense' });

    expect(response.status).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.body).toMatchObject({ name: 'Pets', kind: 'expense', parentId: null, transactionCount: 0 });
    expect(response.headers.location).toBe(`/v1/categories/${response.body.id}`);
    expect(transactItems()).toEqual([
      [
        {
          Put: expect.objectContaining({
            Item: expect.objectContaining({ pk: 'USER#user-1', sk: `CATEGORY#${response.body.id}`, parentId: null }),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        },
      ],
    ]);
  });

  test('creates a subcategory and re-checks the parent inside the same transaction', async () => {
    db.on(TransactWriteCommand).resolves({});

    const response = await create({ name: 'Coffee', kind: 'expense', parentId: 'food' });

    expect(response.status).toBe(201);
    expect(response.body.parentId).toBe('food');
    const [items] = transactItems();
    expect(items?.[1]?.ConditionCheck).toMatchObject({
      Key: { pk: 'USER#user-1', sk: 'CATEGORY#food' },
      ConditionExpression:
        'attribute_exists(#pk) AND attribute_type(#parentId, :null) AND #kind = :kind AND #archived = :false',
      ExpressionAttributeValues: { ':null': 'NULL', ':kind': 'expense', ':false': false },
    });
  });

  test.each([
    ['missing', { parentId: 'nope' }, 'is not an existing category'],
    ['a subcategory', { parentId: 'groceries' }, 'must be a top-level category (there is one level of subcategories)'],
    ['of the other kind', { parentId: 'salary' }, 'must be a category of the same kind (expense)'],
    ['archived', { parentId: 'old-hobby' }, 'is archived'],
    ["another user's", { parentId: 'secret' }, 'is not an existing category'],
  ])('a parent that is %s is refused with 400 naming parentId, writing nothing', async (_, extra, message) => {
    const response = await create({ name: 'Coffee', kind: 'expense', ...extra });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ in: 'body', field: 'parentId', message }]);
    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  test('a parent changed by someone else between the check and the write answers 400, not 500', async () => {
    db.on(TransactWriteCommand).rejects(cancelled(['None', { Code: 'ConditionalCheckFailed' }]));

    const response = await create({ name: 'Coffee', kind: 'expense', parentId: 'food' });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['parentId']);
  });

  test('an Idempotency-Key rides in the same transaction (operation create-category)', async () => {
    db.on(TransactWriteCommand).resolves({});

    await create({ name: 'Pets', kind: 'expense' }, 'user-1', { 'Idempotency-Key': 'k-1' });

    const [items] = transactItems();
    expect(items?.[1]?.Put?.Item).toMatchObject({ sk: 'IDEMPOTENCY#create-category#k-1' });
  });

  test.each([
    [{ name: 'Pets', kind: 'transfer' }, 'kind'],
    [{ name: '', kind: 'expense' }, 'name'],
    [{ name: 'Pets', kind: 'expense', parentId: 'a#b' }, 'parentId'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const response = await create(body);

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toContain(field);
    expect(db.calls()).toHaveLength(0);
  });

  describeBodyContract({
    handler: () => createCategory,
    method: 'POST',
    path: '/v1/categories',
    validBody: { name: 'Pets', kind: 'expense' },
    requiredFields: ['name', 'kind'],
    claims: { sub: 'user-1' },
    sdkCalls: () => db.calls().length,
  });
});

describe('GET /v1/categories', () => {
  test('lists both levels of the active categories of the caller only', async () => {
    const response = await list();

    expect(response.status).toBe(200);
    expect(response.body.items.map((c: { id: string; parentId: string | null }) => [c.id, c.parentId])).toEqual([
      ['food', null],
      ['groceries', 'food'],
      ['salary', null],
      ['transport', null],
    ]);
    expect(response.body.nextCursor).toBeNull();
  });

  test('includeArchived=true adds the archived ones', async () => {
    const response = await list({ includeArchived: 'true' });

    expect(response.body.items.map((c: { id: string }) => c.id)).toContain('old-hobby');
  });
});

describe('PATCH /v1/categories/{id}', () => {
  test('renaming or archiving is one conditional UpdateItem', async () => {
    db.on(UpdateCommand).resolves({
      Attributes: storedCategory('user-1', { categoryId: 'transport', name: 'Commute', version: 2 }),
    });

    const response = await patch('transport', { name: 'Commute' }, { 'If-Match': '"1"' });

    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    expect(response.body).toMatchObject({ id: 'transport', name: 'Commute' });
    expect(db.commandCalls(UpdateCommand)[0]?.args[0].input).toMatchObject({
      Key: { pk: 'USER#user-1', sk: 'CATEGORY#transport' },
      ConditionExpression: 'attribute_exists(#pk) AND #version IN (:expected0)',
    });
  });

  test('moving a subcategory to the top level (parentId null) needs no parent check', async () => {
    db.on(UpdateCommand).resolves({ Attributes: storedCategory('user-1', { categoryId: 'groceries', version: 2 }) });

    const response = await patch('groceries', { parentId: null });

    expect(response.status).toBe(200);
    expect(db.commandCalls(UpdateCommand)[0]?.args[0].input.ExpressionAttributeValues).toMatchObject({
      ':parentId': null,
    });
  });

  test('moving under another top-level category of the same kind: update and parent check in one transaction', async () => {
    db.on(TransactWriteCommand).resolves({});

    const response = await patch('transport', { parentId: 'food' });

    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    expect(response.body).toMatchObject({ id: 'transport', parentId: 'food', version: 2, updatedAt: NOW });
    const [items] = transactItems();
    expect(items?.[0]?.Update).toMatchObject({
      Key: { pk: 'USER#user-1', sk: 'CATEGORY#transport' },
      // Conditional on the version read, so the checks made on it still hold.
      ConditionExpression: 'attribute_exists(#pk) AND #version IN (:expected0)',
      ExpressionAttributeValues: expect.objectContaining({ ':expected0': 1, ':parentId': 'food' }),
    });
    expect(items?.[1]?.ConditionCheck?.Key).toEqual({ pk: 'USER#user-1', sk: 'CATEGORY#food' });
  });

  test.each([
    [
      'a category that has subcategories',
      'food',
      { parentId: 'transport' },
      'cannot be set on a category that has subcategories (one level only)',
    ],
    ['itself', 'transport', { parentId: 'transport' }, 'must not be the category itself'],
    [
      'a parent of the other kind',
      'transport',
      { parentId: 'salary' },
      'must be a category of the same kind (expense)',
    ],
    [
      'under a subcategory',
      'transport',
      { parentId: 'groceries' },
      'must be a top-level category (there is one level of subcategories)',
    ],
    ["under another user's category", 'transport', { parentId: 'secret' }, 'is not an existing category'],
  ])('moving %s is refused with 400 naming parentId', async (_, id, body, message) => {
    const response = await patch(id, body);

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ in: 'body', field: 'parentId', message }]);
    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  test('a stale If-Match on a move answers 412 before writing', async () => {
    const response = await patch('transport', { parentId: 'food' }, { 'If-Match': '"7"' });

    expect(response.status).toBe(412);
    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  test('a change by someone else between read and write answers 412', async () => {
    db.on(TransactWriteCommand).rejects(
      cancelled([
        { Code: 'ConditionalCheckFailed', Item: storedCategory('user-1', { categoryId: 'transport', version: 2 }) },
        'None',
      ]),
    );

    const response = await patch('transport', { parentId: 'food' });

    expect(response.status).toBe(412);
  });

  test("another user's category answers 404, whatever the change", async () => {
    db.on(UpdateCommand).rejects(conditionFailed());

    expect((await patch('secret', { name: 'Mine' })).status).toBe(404);
    expect((await patch('secret', { parentId: 'food' })).status).toBe(404);
    expect(db.commandCalls(UpdateCommand)[0]?.args[0].input.Key).toEqual({ pk: 'USER#user-1', sk: 'CATEGORY#secret' });
    expect(db.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  test.each([
    [{ kind: 'income' }, 'kind'],
    [{ transactionCount: 0 }, 'transactionCount'],
    [{}, '(root)'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const response = await patch('transport', body);

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toContain(field);
    expect(db.calls()).toHaveLength(0);
  });
});

describe('DELETE /v1/categories/{id}', () => {
  test('deletes a category without subcategories, conditional on it having no transactions', async () => {
    db.on(DeleteCommand).resolves({});

    const response = await remove('transport');

    expect(response.status).toBe(204);
    expect(db.commandCalls(DeleteCommand)[0]?.args[0].input).toMatchObject({
      Key: { pk: 'USER#user-1', sk: 'CATEGORY#transport' },
      ConditionExpression: 'attribute_exists(#pk) AND #transactionCount = :zero',
    });
  });

  test('a category with subcategories is refused with 409 and nothing is deleted', async () => {
    const response = await remove('food');

    expect(response.status).toBe(409);
    expect(response.body.type).toBe('urn:moneta:problem:category-has-subcategories');
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
  });

  test('a category with transactions is refused with 409 suggesting to archive it', async () => {
    db.on(DeleteCommand).rejects(
      conditionFailed(storedCategory('user-1', { categoryId: 'transport', transactionCount: 4 })),
    );

    const response = await remove('transport');

    expect(response.status).toBe(409);
    expect(response.body.type).toBe('urn:moneta:problem:category-has-transactions');
    expect(response.body.detail).toMatch(/archive/i);
  });

  test("another user's category answers 404 and nothing is deleted", async () => {
    const response = await remove('secret');

    expect(response.status).toBe(404);
    expect(db.commandCalls(DeleteCommand)).toHaveLength(0);
  });
});
