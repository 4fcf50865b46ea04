/**
 * One page of the items of a user's partition whose sort key starts with a prefix (accounts,
 * categories, payees), in sort-key order. A page continues after the last sort key it returned,
 * so the position a cursor carries is just that sort key.
 *
 * A FilterExpression drops items after DynamoDB has read them, so a filtered page can come back
 * short; we read on until the page is full, but at most MAX_QUERIES times per request, then
 * return what we have with the position to continue from.
 */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidInput } from '../errors';
import { tableDefinition } from './table-definition';

const MAX_QUERIES = 10;

type QueryInput = ConstructorParameters<typeof QueryCommand>[0];

type PrefixQuery = {
  tableName: string;
  pk: string;
  /** Sort-key prefix, e.g. `ACCOUNT#` or `PAYEE#ac`. */
  prefix: string;
  filter?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };
  /** Strongly consistent reads: a list right after a create must show it. */
  consistent?: boolean;
  /** Descending sort-key order (most recent ULID first). */
  newestFirst?: boolean;
};

type PrefixPageRequest = PrefixQuery & {
  limit: number;
  /** The sort key to continue after (from a cursor). */
  after?: string;
};

type PrefixPage = {
  items: Record<string, unknown>[];
  /** The sort key to continue after, when there may be more. */
  last?: string;
};

/** The Query of the items of a partition whose sort key starts with a prefix. */
function prefixQuery(request: PrefixQuery): QueryInput {
  const { tableName, pk, prefix, filter, consistent, newestFirst } = request;
  return {
    TableName: tableName,
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
    ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey, '#sk': tableDefinition.sortKey, ...filter?.names },
    ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix, ...filter?.values },
    ...(filter ? { FilterExpression: filter.expression } : {}),
    ...(consistent ? { ConsistentRead: true } : {}),
    ...(newestFirst ? { ScanIndexForward: false } : {}),
  };
}

/** Every page of a Query, one after another, following LastEvaluatedKey to the end. */
export async function* queryPages(
  db: Pick<DynamoDBDocumentClient, 'send'>,
  input: QueryInput,
): AsyncGenerator<Record<string, unknown>[]> {
  let start = input.ExclusiveStartKey;
  do {
    const page = await db.send(new QueryCommand({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) }));
    yield page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

/** Every item under a sort-key prefix (for the few-per-user lists: budgets, categories, goals). */
export async function queryAll(db: DynamoDBDocumentClient, request: PrefixQuery): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of queryPages(db, prefixQuery(request))) items.push(...page);
  return items;
}

export async function queryPrefixPage(db: DynamoDBDocumentClient, request: PrefixPageRequest): Promise<PrefixPage> {
  const { pk, prefix, limit, after } = request;
  // A position outside the prefix (a cursor of another list) would make DynamoDB refuse the query.
  if (after !== undefined && !after.startsWith(prefix)) {
    throw new InvalidInput('cursor', 'is not a valid cursor', 'query');
  }
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined =
    after === undefined ? undefined : { [tableDefinition.partitionKey]: pk, [tableDefinition.sortKey]: after };

  for (let queries = 0; queries < MAX_QUERIES; queries++) {
    const page = await db.send(
      new QueryCommand({
        ...prefixQuery(request),
        // Never read more than the page still needs: then the last item read is the last returned.
        Limit: limit - items.length,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
    if (!start || items.length >= limit) break;
  }
  const last = start?.[tableDefinition.sortKey];
  return { items, ...(typeof last === 'string' ? { last } : {}) };
}

/** The filter of list routes that show archived items only when asked (`includeArchived`). */
export function archivedFilter(includeArchived: boolean): Pick<PrefixPageRequest, 'filter'> {
  return includeArchived
    ? {}
    : { filter: { expression: '#archived = :false', names: { '#archived': 'archived' }, values: { ':false': false } } };
}

/**
 * One page of a gsi1 partition, newest first (the sort key orders by time); `before` is the sort
 * value the previous page ended at, and `last` the one to continue below.
 */
export async function newestFirstPage<T>(
  db: DynamoDBDocumentClient,
  request: { tableName: string; pk: string; limit: number; before?: string | undefined },
  parse: (item: Record<string, unknown>) => T,
): Promise<{ items: T[]; last?: string }> {
  const { tableName, pk, limit, before } = request;
  const page = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: before === undefined ? '#gpk = :gpk' : '#gpk = :gpk AND #gsk < :before',
      ExpressionAttributeNames: { '#gpk': 'gsi1pk', ...(before === undefined ? {} : { '#gsk': 'gsi1sk' }) },
      ExpressionAttributeValues: { ':gpk': pk, ...(before === undefined ? {} : { ':before': before }) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  const items = (page.Items ?? []).map(parse);
  const last = page.LastEvaluatedKey?.gsi1sk;
  return { items, ...(typeof last === 'string' ? { last } : {}) };
}
