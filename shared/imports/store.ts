/**
 * Reads and writes of import jobs and their report. The job is written like an export's (one
 * conditional step at a time, ../kit/dynamodb/job-step.ts); report items are written once each
 * (attribute_not_exists), a created row's in the same TransactWriteItems as its transaction.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { advanceJobStep } from '../kit/dynamodb/job-step';
import { userPk } from '../kit/dynamodb/keys';
import { queryPages, queryPrefixPage } from '../kit/dynamodb/prefix-page';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import { ExternalIdEntity, transactionIndexPk } from '../transactions/public';
import type { Candidate } from './dedupe';
import {
  ImportEntity,
  type ImportItem,
  ImportRowEntity,
  type ImportRowItem,
  importItem,
  importRowItem,
  importRowSortPart,
  importRowsPrefix,
  type UndoOutcome,
} from './items';

/** The report item of a row already exists: another delivery of the chunk reported it. */
export class RowAlreadyReported extends Error {}

/** The row no longer needs review: a concurrent decision was written first. */
export class RowAlreadyReviewed extends Error {}

/** The job is not finished (or was undone): its counts are not the review's to move. */
export class ImportNotReviewable extends Error {}

/** A reviewed row's new state: recorded (with its transaction) or confirmed a duplicate. */
export type RowReview = { decision: 'record'; transactionId: string; fingerprint: string } | { decision: 'duplicate' };

/** What one step changes on the job (step, version and updatedAt are the store's). */
export type ImportStepChanges = Partial<
  Pick<ImportItem, 'status' | 'total' | 'processed' | 'counts' | 'undoCursor' | 'undo' | 'failure' | 'completedAt'>
>;

export type ImportStore = ReturnType<typeof createImportStore>;

export function createImportStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  const rowKey = (userId: string, importId: string, index: number) => ImportRowEntity.key(userId, importId, index);

  return {
    /** Writes a new job with `extra` items (the Idempotency-Key record) in one transaction. */
    async create(userId: string, item: ImportItem, extra: GuardedItem[] = []): Promise<void> {
      await transactWrite(db, [
        {
          item: {
            Put: {
              TableName: tableName,
              Item: { ...ImportEntity.key(userId, item.importId), ...item },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
        ...extra,
      ]);
    },

    /** Strongly consistent: the importer decides on it, and a GET shows the latest progress. */
    async get(userId: string, importId: string): Promise<ImportItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: ImportEntity.key(userId, importId), ConsistentRead: true }),
      );
      return Item ? importItem().parse(Item) : undefined;
    },

    /** A page of the user's imports, newest first (ids are ULIDs). */
    async list(userId: string, options: { limit: number; after?: string }) {
      const page = await queryPrefixPage(db, {
        tableName,
        pk: userPk(userId),
        prefix: ImportEntity.prefix,
        limit: options.limit,
        ...(options.after !== undefined ? { after: options.after } : {}),
        consistent: true,
        newestFirst: true,
      });
      return { items: page.items.map((item) => importItem().parse(item)), last: page.last };
    },

    /** A page of an import's report in file order, of one status when asked. */
    async rows(userId: string, importId: string, options: { limit: number; after?: string; status?: string }) {
      const page = await queryPrefixPage(db, {
        tableName,
        pk: userPk(userId),
        prefix: importRowsPrefix(importId),
        limit: options.limit,
        ...(options.after !== undefined ? { after: options.after } : {}),
        ...(options.status
          ? {
              filter: {
                expression: '#status = :status',
                names: { '#status': 'status' },
                values: { ':status': options.status },
              },
            }
          : {}),
        consistent: true,
      });
      return { items: page.items.map((item) => importRowItem().parse(item)), last: page.last };
    },

    /** The report items of entries `from` (included) to `to` (excluded), strongly consistent. */
    async rowsBetween(userId: string, importId: string, from: number, to: number): Promise<ImportRowItem[]> {
      if (to <= from) return [];
      const rows: ImportRowItem[] = [];
      for await (const page of queryPages(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': userPk(userId),
          ':from': rowKey(userId, importId, from).sk,
          ':to': rowKey(userId, importId, to - 1).sk,
        },
        ConsistentRead: true,
      })) {
        rows.push(...page.map((item) => importRowItem().parse(item)));
      }
      return rows;
    },

    /** Up to `limit` report items after the sort key `after` (from the first when null). */
    async rowsAfter(userId: string, importId: string, after: string | null, limit: number) {
      const { Items, LastEvaluatedKey } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': userPk(userId), ':prefix': importRowsPrefix(importId) },
          ConsistentRead: true,
          Limit: limit,
          ...(after ? { ExclusiveStartKey: { pk: userPk(userId), sk: after } } : {}),
        }),
      );
      const rows = (Items ?? []).map((item) => importRowItem().parse(item));
      return { rows, more: LastEvaluatedKey !== undefined };
    },

    /** One report item, strongly consistent (a review reads the row it decides). */
    async row(userId: string, importId: string, index: number): Promise<ImportRowItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: rowKey(userId, importId, index), ConsistentRead: true }),
      );
      return Item ? importRowItem().parse(Item) : undefined;
    },

    /**
     * A decision on a row that needs review, as two writes for one transaction: the row (only while
     * it still needs review) and the job's counts (one fewer to review, one more created or
     * duplicate; only once the job is finished, so the report step's own tally never sees it).
     */
    reviewWrites,

    /** Writes a decision that records nothing (a confirmed duplicate). */
    async review(userId: string, row: ImportRowItem, review: RowReview, now: string): Promise<void> {
      await transactWrite(db, reviewWrites(userId, row, review, now));
    },

    /** The report item of a row, to write in the same transaction as the row's transaction. */
    rowPut(userId: string, row: ImportRowItem): GuardedItem {
      return {
        item: {
          Put: {
            TableName: tableName,
            Item: { ...rowKey(userId, row.importId, row.index), ...row },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => new RowAlreadyReported(),
      };
    },

    /** Writes a report item unless the row is reported already; 'exists' then. */
    async putRow(userId: string, row: ImportRowItem): Promise<'written' | 'exists'> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...rowKey(userId, row.importId, row.index), ...row },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return 'written';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 'exists';
        throw error;
      }
    },

    /** Sets what undo did with a created row, unless it is set already; written alone. */
    async setUndo(userId: string, row: ImportRowItem, outcome: UndoOutcome): Promise<'written' | 'exists'> {
      try {
        await db.send(new UpdateCommand(undoUpdate(userId, row, outcome)));
        return 'written';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 'exists';
        throw error;
      }
    },

    /** The same, in the transaction that deletes the row's transaction. */
    undoWrite(userId: string, row: ImportRowItem, outcome: UndoOutcome): GuardedItem {
      return { item: { Update: undoUpdate(userId, row, outcome) }, onConditionFailed: () => new RowAlreadyReported() };
    },

    /** The transactionIds claiming each of `externalIds` (absent: unclaimed), strongly consistent. */
    async claims(userId: string, externalIds: readonly string[]): Promise<Map<string, string>> {
      const found = new Map<string, string>();
      const unique = [...new Set(externalIds)];
      for (let i = 0; i < unique.length; i += 100) {
        let keys: Record<string, unknown>[] = unique.slice(i, i + 100).map((id) => ExternalIdEntity.key(userId, id));
        while (keys.length > 0) {
          const response = await db.send(
            new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }),
          );
          for (const item of response.Responses?.[tableName] ?? []) {
            const externalId = String(item.sk).slice(ExternalIdEntity.prefix.length);
            found.set(externalId, String(item.transactionId));
          }
          keys = (response.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
        }
      }
      return found;
    },

    /** The account's transactions dated `from` to `to` (both included), by the account index. */
    async accountTransactions(userId: string, accountId: string, from: string, to: string): Promise<Candidate[]> {
      const candidates: Candidate[] = [];
      for await (const page of queryPages(db, {
        TableName: tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': transactionIndexPk.byAccount(userId, accountId),
          ':from': `${from}#`,
          ':to': `${to}#~`,
        },
      })) {
        for (const item of page) {
          candidates.push({
            transactionId: String(item.transactionId),
            kind: item.kind as Candidate['kind'],
            date: String(item.date),
            amount: Number(item.amount),
            currency: String(item.currency),
            payee: typeof item.payee === 'string' ? item.payee : null,
            externalId: typeof item.externalId === 'string' ? item.externalId : null,
          });
        }
      }
      return candidates;
    },

    /**
     * Applies one step's changes if the job is still at `step`, and moves it to the next one.
     * 'stale': another delivery did this step already (or the job is gone with its user).
     */
    async advance(userId: string, importId: string, step: number, changes: ImportStepChanges, now: string) {
      return advanceJobStep(db, { tableName, key: ImportEntity.key(userId, importId), step, changes, now });
    },

    /**
     * Moves a job from one status to another (the upload arrived; undo asked), as a new step so
     * that an event of the old status finds the job moved on. 'moved': it was not in `from`.
     */
    async transition(
      userId: string,
      importId: string,
      from: readonly ImportItem['status'][],
      changes: ImportStepChanges,
      now: string,
    ): Promise<'done' | 'moved'> {
      const fields = Object.entries({ ...changes, updatedAt: now });
      const names: Record<string, string> = { '#step': 'step', '#version': 'version', '#status': 'status' };
      const values: Record<string, unknown> = { ':one': 1 };
      const sets = ['#step = #step + :one', '#version = #version + :one'];
      fields.forEach(([name, value], index) => {
        names[`#f${index}`] = name;
        values[`:f${index}`] = value;
        sets.push(`#f${index} = :f${index}`);
      });
      from.forEach((status, index) => {
        values[`:from${index}`] = status;
      });
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: ImportEntity.key(userId, importId),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: `#status IN (${from.map((_, index) => `:from${index}`).join(', ')})`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
        return 'done';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 'moved';
        throw error;
      }
    },
  };

  function reviewWrites(userId: string, row: ImportRowItem, review: RowReview, now: string): GuardedItem[] {
    const recorded = review.decision === 'record';
    return [
      {
        item: {
          Update: {
            TableName: tableName,
            Key: rowKey(userId, row.importId, row.index),
            UpdateExpression:
              'SET #status = :status, #txn = :txn, #fingerprint = :fingerprint, #review = :review, #candidate = :candidate, #at = :now',
            ConditionExpression: '#status = :needsReview',
            ExpressionAttributeNames: {
              '#status': 'status',
              '#txn': 'transactionId',
              '#fingerprint': 'fingerprint',
              '#review': 'review',
              '#candidate': 'candidateId',
              '#at': 'reviewedAt',
            },
            ExpressionAttributeValues: {
              ':status': recorded ? 'created' : 'duplicate',
              ':txn': recorded ? review.transactionId : row.transactionId,
              ':fingerprint': recorded ? review.fingerprint : null,
              ':review': review.decision,
              ':candidate': row.transactionId,
              ':now': now,
              ':needsReview': 'needs-review',
            },
          },
        },
        onConditionFailed: () => new RowAlreadyReviewed(),
      },
      {
        item: {
          Update: {
            TableName: tableName,
            Key: ImportEntity.key(userId, row.importId),
            UpdateExpression:
              'SET #counts.#review = #counts.#review - :one, #counts.#to = #counts.#to + :one, #version = #version + :one, #updated = :now',
            ConditionExpression: '#status IN (:completed, :failed)',
            ExpressionAttributeNames: {
              '#counts': 'counts',
              '#review': 'needsReview',
              '#to': recorded ? 'created' : 'duplicates',
              '#version': 'version',
              '#updated': 'updatedAt',
              '#status': 'status',
            },
            ExpressionAttributeValues: { ':one': 1, ':now': now, ':completed': 'completed', ':failed': 'failed' },
          },
        },
        onConditionFailed: () => new ImportNotReviewable(),
      },
    ];
  }

  function undoUpdate(userId: string, row: ImportRowItem, outcome: UndoOutcome) {
    return {
      TableName: tableName,
      Key: rowKey(userId, row.importId, row.index),
      UpdateExpression: 'SET #undo = :undo',
      ConditionExpression: 'attribute_exists(pk) AND #undo = :null',
      ExpressionAttributeNames: { '#undo': 'undo' },
      ExpressionAttributeValues: { ':undo': outcome, ':null': null },
    };
  }
}

export { importRowSortPart };
