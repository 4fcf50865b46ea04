/**
 * What an export reads: the caller's transactions of the range, newest first, through the date
 * index (gsi1: `USER#<sub>#TXN`, sort key `<date>#<id>`), the same order GET /v1/transactions
 * lists them in. Never a Scan. Account, category and kind filters are a FilterExpression; a
 * category stands for itself and its subcategories. A chunk resumes from the exact
 * LastEvaluatedKey the previous one stopped at, so no transaction is read twice or skipped.
 */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AccountEntity, accountItem } from '../accounts/public';
import { createCategoryStore } from '../categories/public';
import { userPk } from '../kit/dynamodb/keys';
import { queryAll } from '../kit/dynamodb/prefix-page';
import { transactionIndexPk, transactionItem } from '../transactions/public';
import type { ExportItem } from './items';
import { type Names, namesOf, type StoredRow, storedRowOf } from './rows';

/** Sorts after every `<date>#<id>` of the same day: makes `to` inclusive. */
const END_OF_DAY = '#\uffff';
/** Items examined per Query. */
const PAGE_SIZE = 500;

export type Chunk = { rows: StoredRow[]; cursor: string | null; done: boolean };
export type ExportFilter = Pick<ExportItem, 'from' | 'to' | 'accountIds' | 'kind'> & { categoryIds: string[] | null };

export type ExportSource = ReturnType<typeof createExportSource>;

export function createExportSource({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  const categories = createCategoryStore({ db, tableName });

  async function accounts(userId: string) {
    const items = await queryAll(db, { tableName, pk: userPk(userId), prefix: AccountEntity.prefix, consistent: true });
    return items.map((item) => accountItem().parse(item));
  }

  return {
    /** The ids among `accountIds` the caller has no account for. */
    async unknownAccounts(userId: string, accountIds: readonly string[]): Promise<string[]> {
      const known = new Set((await accounts(userId)).map((account) => account.accountId));
      return accountIds.filter((id) => !known.has(id));
    },

    /** The categories named and their subcategories, or the ids the caller has no category for. */
    async categoryFamilies(
      userId: string,
      categoryIds: readonly string[],
    ): Promise<{ ids: string[]; unknown: string[] }> {
      const all = await categories.listAll(userId);
      const known = new Set(all.map((category) => category.categoryId));
      const unknown = categoryIds.filter((id) => !known.has(id));
      const ids = new Set(categoryIds);
      for (const category of all) if (category.parentId && ids.has(category.parentId)) ids.add(category.categoryId);
      return { ids: [...ids], unknown };
    },

    /** Names to print: every account and category path of the caller (two Queries). */
    async names(userId: string): Promise<Names> {
      return namesOf(await accounts(userId), await categories.listAll(userId));
    },

    /**
     * Up to about `maxRows` rows after `cursor`: whole Query pages are kept (a page is never cut,
     * so its LastEvaluatedKey is exactly where the next chunk starts), at most `maxQueries` of them.
     */
    async readChunk(
      userId: string,
      filter: ExportFilter,
      cursor: string | null,
      options: { maxRows: number; maxQueries: number },
    ): Promise<Chunk> {
      const names: Record<string, string> = { '#pk': 'gsi1pk', '#sk': 'gsi1sk' };
      const values: Record<string, unknown> = {
        ':pk': transactionIndexPk.byDate(userId),
        ':from': filter.from,
        ':to': `${filter.to}${END_OF_DAY}`,
      };
      const clauses: string[] = [];
      const inList = (attribute: string, ids: readonly string[]) => {
        names[`#${attribute}`] = attribute;
        const placeholders = ids.map((id, index) => {
          values[`:${attribute}${index}`] = id;
          return `:${attribute}${index}`;
        });
        clauses.push(`#${attribute} IN (${placeholders.join(', ')})`);
      };
      if (filter.accountIds) inList('accountId', filter.accountIds);
      if (filter.categoryIds) inList('categoryId', filter.categoryIds);
      if (filter.kind) {
        names['#kind'] = 'kind';
        values[':kind'] = filter.kind;
        clauses.push('#kind = :kind');
      }

      const rows: StoredRow[] = [];
      let start: Record<string, unknown> | undefined = cursor === null ? undefined : JSON.parse(cursor);
      for (let queries = 0; queries < options.maxQueries && rows.length < options.maxRows; queries++) {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
            ...(clauses.length > 0 ? { FilterExpression: clauses.join(' AND ') } : {}),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ScanIndexForward: false,
            Limit: Math.min(PAGE_SIZE, options.maxRows - rows.length),
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of page.Items ?? []) rows.push(storedRowOf(transactionItem().parse(item)));
        start = page.LastEvaluatedKey;
        if (!start) return { rows, cursor: null, done: true };
      }
      return { rows, cursor: start ? JSON.stringify(start) : null, done: !start };
    },
  };
}
