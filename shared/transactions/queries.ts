/**
 * The transaction read path: one transaction by id, and pages of a user's transactions newest
 * first, through the index that fits the filter (gsi1 by date, gsi2 by account, gsi3 by category).
 *
 * DynamoDB applies `Limit` before a FilterExpression, so a filtered page may come back short or
 * empty while more matches lie further down. `list` therefore keeps reading until the page is full
 * or the range is exhausted, bounded by a read budget; when the budget runs out it returns what it
 * has and a position that has been fully examined, so the next page never skips or repeats an item.
 * Every key condition starts from the caller's verified `sub`: a position (cursor) can only move
 * within the caller's own data.
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AccountEntity } from '../accounts/public';
import { createCategoryStore } from '../categories/public';
import { type IndexName, tableDefinition } from '../kit/dynamodb/table-definition';
import { TransactionEntity, type TransactionItem, transactionIndexPk, transactionItem } from './items';
import type { TransactionFilter } from './query-schema';

/** Queries one request may make for a page (category lookups and existence checks not counted). */
const MAX_READS_PER_REQUEST = 10;
/**
 * Items asked for per read when filters may drop some: larger reads mean fewer round trips for
 * sparse matches, and the RCU cost is the same per item examined whatever the page size.
 */
const FILTERED_READ_SIZE = 200;
/** Sorts after every `<date>#<id>` of the same day: makes `to` inclusive. */
const END_OF_DAY = '#\uffff';

type ListPage = { limit: number; after?: string };
type ListOutcome =
  | {
      status: 'ok';
      items: TransactionItem[];
      /** The position to continue after (the next page has only older items); undefined at the end. */
      after?: string;
    }
  | { status: 'unknown-account' }
  | { status: 'unknown-category' };

type Entry = { sk: string; item: TransactionItem };
type Source = {
  index: IndexName;
  pk: string;
  /** Read but not yet returned, newest first. */
  buffer: Entry[];
  /** Sort key of the last item examined; null before the first read. Everything above it has been read. */
  frontier: string | null;
  startKey?: Record<string, unknown>;
  exhausted: boolean;
};
type SortKeyRange = { lower?: string; upper?: { value: string; inclusive: boolean } };

function indexAttributes(index: IndexName) {
  const gsi = tableDefinition.globalSecondaryIndexes.find((candidate) => candidate.indexName === index);
  if (!gsi) throw new Error(`Unknown index ${index}`);
  return { pk: gsi.partitionKey, sk: gsi.sortKey };
}

/** The sort-key range to read: [from, to] narrowed to below the cursor's position. */
function sortKeyRange(filter: TransactionFilter, after: string | undefined): SortKeyRange | 'empty' {
  let upper = filter.to ? { value: `${filter.to}${END_OF_DAY}`, inclusive: true } : undefined;
  if (after !== undefined && (!upper || after <= upper.value)) upper = { value: after, inclusive: false };
  const lower = filter.from;
  if (lower !== undefined && upper && (upper.value < lower || (upper.value === lower && !upper.inclusive))) {
    return 'empty';
  }
  return { ...(lower !== undefined ? { lower } : {}), ...(upper ? { upper } : {}) };
}

function keyCondition(range: SortKeyRange): { expression: string; values: Record<string, string> } {
  const { lower, upper } = range;
  // One condition per sort key is all DynamoDB allows: an exclusive upper bound with a lower bound
  // becomes BETWEEN (inclusive), and the one item sitting on the bound is dropped in code.
  if (lower !== undefined && upper) {
    return { expression: ' AND #sk BETWEEN :lower AND :upper', values: { ':lower': lower, ':upper': upper.value } };
  }
  if (upper)
    return { expression: ` AND #sk ${upper.inclusive ? '<=' : '<'} :upper`, values: { ':upper': upper.value } };
  if (lower !== undefined) return { expression: ' AND #sk >= :lower', values: { ':lower': lower } };
  return { expression: '', values: {} };
}

/** Filters DynamoDB can apply server-side (they still cost the read of every item examined). */
function filterExpression(filter: TransactionFilter, index: IndexName) {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (filter.kind) {
    clauses.push('#kind = :kind');
    names['#kind'] = 'kind';
    values[':kind'] = filter.kind;
  }
  if (filter.tag) {
    clauses.push('contains(#tags, :tag)');
    names['#tags'] = 'tags';
    values[':tag'] = filter.tag;
  }
  if (filter.accountId && index !== 'gsi2') {
    clauses.push('#accountId = :accountId');
    names['#accountId'] = 'accountId';
    values[':accountId'] = filter.accountId;
  }
  return { clauses, names, values };
}

/**
 * `q` is a case-insensitive substring of the payee or the note. Stored items keep these as
 * written, so the comparison happens here on lower-cased copies rather than in a FilterExpression.
 */
function matchesText(item: TransactionItem, q: string | undefined): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  return [item.payee, item.note].some((text) => text?.toLowerCase().includes(needle));
}

export function createTransactionQueries({
  db,
  tableName,
  maxReadsPerRequest = MAX_READS_PER_REQUEST,
}: {
  db: DynamoDBDocumentClient;
  tableName: string;
  maxReadsPerRequest?: number;
}) {
  const categories = createCategoryStore({ db, tableName });

  /** The category and its subcategories, or undefined when the user has no such category. One Query. */
  async function categoryFamily(userId: string, categoryId: string): Promise<string[] | undefined> {
    const all = await categories.listAll(userId);
    if (!all.some((category) => category.categoryId === categoryId)) return undefined;
    return [
      categoryId,
      ...all.filter((category) => category.parentId === categoryId).map((category) => category.categoryId),
    ];
  }

  async function accountExists(userId: string, accountId: string): Promise<boolean> {
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: AccountEntity.key(userId, accountId),
        ProjectionExpression: '#pk',
        ExpressionAttributeNames: { '#pk': tableDefinition.partitionKey },
        ConsistentRead: true,
      }),
    );
    return Item !== undefined;
  }

  /** Reads the next page of one source into its buffer, keeping only what passes every filter. */
  async function read(source: Source, filter: TransactionFilter, range: SortKeyRange, size: number): Promise<void> {
    const attributes = indexAttributes(source.index);
    const condition = keyCondition(range);
    const filters = filterExpression(filter, source.index);
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: source.index,
        KeyConditionExpression: `#pk = :pk${condition.expression}`,
        ...(filters.clauses.length > 0 ? { FilterExpression: filters.clauses.join(' AND ') } : {}),
        // DynamoDB refuses a name the expressions do not use: #sk only when the range bounds it.
        ExpressionAttributeNames: {
          '#pk': attributes.pk,
          ...(condition.expression ? { '#sk': attributes.sk } : {}),
          ...filters.names,
        },
        ExpressionAttributeValues: { ':pk': source.pk, ...condition.values, ...filters.values },
        ScanIndexForward: false,
        Limit: size,
        ExclusiveStartKey: source.startKey,
      }),
    );
    const excluded = range.upper && !range.upper.inclusive ? range.upper.value : undefined;
    for (const raw of page.Items ?? []) {
      const sk = raw[attributes.sk] as string;
      if (sk === excluded) continue;
      const item = transactionItem().parse(raw);
      if (matchesText(item, filter.q)) source.buffer.push({ sk, item });
    }
    source.startKey = page.LastEvaluatedKey;
    if (page.LastEvaluatedKey) source.frontier = page.LastEvaluatedKey[attributes.sk] as string;
    else source.exhausted = true;
  }

  /**
   * Merges the sources newest first. An item may be returned once every source has read past it:
   * the "threshold" is the highest frontier among sources that still have unread items.
   */
  async function merge(sources: Source[], filter: TransactionFilter, range: SortKeyRange, page: ListPage) {
    const items: TransactionItem[] = [];
    let lastReturned: string | undefined;
    const filtered = Boolean(filter.kind || filter.tag || filter.q || (filter.accountId && filter.categoryId));
    // Every source must be read at least once for the merge to move (a category may have many children).
    const budget = Math.max(maxReadsPerRequest, sources.length);
    let reads = 0;

    for (;;) {
      const pending = sources.filter((source) => !source.exhausted);
      // null (never read) sorts above everything: nothing can be returned before each source answered.
      const threshold = pending.some((source) => source.frontier === null)
        ? null
        : pending.reduce<string | undefined>(
            (max, source) => (max === undefined || source.frontier! > max ? source.frontier! : max),
            undefined,
          );

      while (items.length < page.limit && threshold !== null) {
        const next = sources
          .filter((source) => source.buffer.length > 0)
          .reduce<Source | undefined>(
            (best, source) => (!best || source.buffer[0]!.sk > best.buffer[0]!.sk ? source : best),
            undefined,
          );
        if (!next || (threshold !== undefined && next.buffer[0]!.sk < threshold)) break;
        const entry = next.buffer.shift()!;
        items.push(entry.item);
        lastReturned = entry.sk;
      }

      const unread = sources.some((source) => source.buffer.length > 0 || !source.exhausted);
      if (items.length >= page.limit) return { items, after: unread ? lastReturned : undefined };
      if (!unread) return { items, after: undefined };
      if (reads >= budget) {
        // Everything at or above the threshold has been examined and returned: continue below it.
        return { items, after: threshold ?? lastReturned };
      }

      const behind = pending.reduce((max, source) =>
        max.frontier === null || (source.frontier !== null && max.frontier >= source.frontier) ? max : source,
      );
      const remaining = page.limit - items.length;
      await read(behind, filter, range, filtered ? Math.max(remaining + 1, FILTERED_READ_SIZE) : remaining + 1);
      reads++;
    }
  }

  return {
    /** One transaction of the caller; strongly consistent, so it follows a write at once. */
    async get(userId: string, transactionId: string): Promise<TransactionItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: TransactionEntity.key(userId, transactionId),
          ConsistentRead: true,
        }),
      );
      return Item ? transactionItem().parse(Item) : undefined;
    },

    /**
     * A page of the caller's transactions matching `filter`, newest first (date, then id, both
     * descending), continuing after `page.after`. Index reads are eventually consistent.
     */
    async list(userId: string, filter: TransactionFilter, page: ListPage): Promise<ListOutcome> {
      if (filter.accountId && !(await accountExists(userId, filter.accountId))) return { status: 'unknown-account' };

      let sources: Source[];
      if (filter.categoryId) {
        const family = await categoryFamily(userId, filter.categoryId);
        if (!family) return { status: 'unknown-category' };
        sources = family.map((categoryId) => newSource('gsi3', transactionIndexPk.byCategory(userId, categoryId)));
      } else if (filter.accountId) {
        sources = [newSource('gsi2', transactionIndexPk.byAccount(userId, filter.accountId))];
      } else {
        sources = [newSource('gsi1', transactionIndexPk.byDate(userId))];
      }

      const range = sortKeyRange(filter, page.after);
      if (range === 'empty') return { status: 'ok', items: [] };
      return { status: 'ok', ...(await merge(sources, filter, range, page)) };
    },
  };
}

function newSource(index: IndexName, pk: string): Source {
  return { index, pk, buffer: [], frontier: null, exhausted: false };
}
