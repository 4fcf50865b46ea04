import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { advanceJobStep } from '../kit/dynamodb/job-step';
import { userPk } from '../kit/dynamodb/keys';
import { queryPrefixPage } from '../kit/dynamodb/prefix-page';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import { ExportEntity, type ExportItem, exportItem } from './items';
import type { ExportCreate } from './schemas';

export function newExportItem(input: ExportCreate, exportId: string, now: string): ExportItem {
  return {
    type: ExportEntity.type,
    exportId,
    format: input.format,
    from: input.from,
    to: input.to,
    accountIds: input.accountIds ?? null,
    categoryIds: input.categoryIds ?? null,
    kind: input.kind ?? null,
    status: 'queued',
    step: 0,
    cursor: null,
    readDone: false,
    parts: [],
    rowsWritten: 0,
    totalRows: null,
    fileKey: null,
    fileSize: null,
    failure: null,
    createdAt: now,
    updatedAt: now,
    completedAt: null,
    version: 1,
  };
}

/** What one step changes on the job (step, version and updatedAt are the store's). */
export type StepChanges = Partial<
  Pick<
    ExportItem,
    | 'status'
    | 'cursor'
    | 'readDone'
    | 'parts'
    | 'rowsWritten'
    | 'totalRows'
    | 'fileKey'
    | 'fileSize'
    | 'failure'
    | 'completedAt'
  >
>;

export type ExportStore = ReturnType<typeof createExportStore>;

export function createExportStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  return {
    /** Writes a new job with `extra` items (the Idempotency-Key record) in one transaction. */
    async create(userId: string, item: ExportItem, extra: GuardedItem[] = []): Promise<void> {
      await transactWrite(db, [
        {
          item: {
            Put: {
              TableName: tableName,
              Item: { ...ExportEntity.key(userId, item.exportId), ...item },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
        ...extra,
      ]);
    },

    /** Strongly consistent: the exporter decides on it, and a GET shows the latest progress. */
    async get(userId: string, exportId: string): Promise<ExportItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: ExportEntity.key(userId, exportId), ConsistentRead: true }),
      );
      return Item ? exportItem().parse(Item) : undefined;
    },

    /** A page of the user's exports, newest first (ids are ULIDs). */
    async list(userId: string, options: { limit: number; after?: string }) {
      const page = await queryPrefixPage(db, {
        tableName,
        pk: userPk(userId),
        prefix: ExportEntity.prefix,
        limit: options.limit,
        ...(options.after !== undefined ? { after: options.after } : {}),
        consistent: true,
        newestFirst: true,
      });
      return { items: page.items.map((item) => exportItem().parse(item)), last: page.last };
    },

    /**
     * Applies one step's changes if the job is still at `step`, and moves it to the next one.
     * 'stale': another delivery did this step already (or the job is gone with its user).
     */
    async advance(
      userId: string,
      exportId: string,
      step: number,
      changes: StepChanges,
      now: string,
    ): Promise<'advanced' | 'stale'> {
      return advanceJobStep(db, { tableName, key: ExportEntity.key(userId, exportId), step, changes, now });
    },
  };
}
