/**
 * Reads and writes of the restatement job (./items.ts, `RESTATE#HOME`) and the reads a chunk makes.
 * The job moves only through writes conditioned on what the writer read: a newer job replaces an
 * older one only (`profileVersion` grows), and a chunk advances the job only from the step it did,
 * so of two deliveries of one chunk one advances and the other learns it is stale.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AccountEntity } from '../accounts/public';
import { advanceJobStep } from '../kit/dynamodb/job-step';
import { userPk } from '../kit/dynamodb/keys';
import { queryAll } from '../kit/dynamodb/prefix-page';
import { transactionIndexPk } from '../transactions/public';
import { RestatementEntity, type RestatementItem, restatementItem } from './items';

/** What one chunk changes on the job (step, version and updatedAt are the store's). */
export type RestatementChanges = Partial<Pick<RestatementItem, 'status' | 'cursor' | 'progress' | 'completedAt'>>;

/** A transaction as the date index lists it: enough to know whether it still needs restating. */
export type ListedTransaction = { transactionId: string; homeCurrency: string };

export type RestatementStore = ReturnType<typeof createRestatementStore>;

export function createRestatementStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  return {
    /** Strongly consistent: a chunk decides on it, and the routes show the latest progress. */
    async get(userId: string): Promise<RestatementItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: RestatementEntity.key(userId), ConsistentRead: true }),
      );
      return Item ? restatementItem().parse(Item) : undefined;
    },

    /**
     * Writes `job` unless the item holds a job of the same or a newer profile version: a duplicate
     * or a late older change starts nothing ('stale').
     */
    async start(userId: string, job: RestatementItem): Promise<'started' | 'stale'> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...RestatementEntity.key(userId), ...job },
            ConditionExpression: 'attribute_not_exists(pk) OR #profileVersion < :profileVersion',
            ExpressionAttributeNames: { '#profileVersion': 'profileVersion' },
            ExpressionAttributeValues: { ':profileVersion': job.profileVersion },
          }),
        );
        return 'started';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 'stale';
        throw error;
      }
    },

    /**
     * Applies one chunk's changes if the job is still `restatementId` at `step`, and moves it to the
     * next step. 'stale': another delivery did this chunk, a newer job replaced it, or the job is
     * gone with its user (the condition never creates the item).
     */
    async advance(
      userId: string,
      at: { restatementId: string; step: number },
      changes: RestatementChanges,
      now: string,
    ): Promise<'advanced' | 'stale'> {
      return advanceJobStep(db, {
        tableName,
        key: RestatementEntity.key(userId),
        step: at.step,
        changes,
        now,
        still: { name: 'restatementId', value: at.restatementId },
      });
    },

    /**
     * Up to `limit` of the user's transactions after `cursor`, oldest first, through the date index
     * (never a Scan): ids and home currencies only. `cursor` null at the end.
     */
    async transactionPage(
      userId: string,
      cursor: string | null,
      limit: number,
    ): Promise<{ items: ListedTransaction[]; cursor: string | null }> {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': 'gsi1pk', '#id': 'transactionId', '#home': 'homeCurrency' },
          ExpressionAttributeValues: { ':pk': transactionIndexPk.byDate(userId) },
          ProjectionExpression: '#id, #home',
          Limit: limit,
          ...(cursor === null ? {} : { ExclusiveStartKey: JSON.parse(cursor) }),
        }),
      );
      return {
        items: (page.Items ?? []).map((item) => ({
          transactionId: String(item.transactionId),
          homeCurrency: String(item.homeCurrency),
        })),
        cursor: page.LastEvaluatedKey ? JSON.stringify(page.LastEvaluatedKey) : null,
      };
    },

    /** How many transactions the user has: the sum of the accounts' counts (no transaction is read). */
    async transactionCount(userId: string): Promise<number> {
      const accounts = await queryAll(db, { tableName, pk: userPk(userId), prefix: AccountEntity.prefix });
      return accounts.reduce((sum, account) => sum + (Number(account.transactionCount) || 0), 0);
    },
  };
}
