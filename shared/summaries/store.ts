/** Reads and writes of the monthly summary fact (./items.ts). */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { UserGone, userExists } from '../kit/dynamodb/exactly-once';
import { transactWrite } from '../kit/dynamodb/transact';
import { MonthlySummaryEntity, type MonthlySummaryItem } from './items';

class SummaryExists extends Error {}

export type SummaryStore = ReturnType<typeof createSummaryStore>;

export function createSummaryStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  return {
    /** Whether the month's summary is written: a rerun skips the user before computing anything. */
    async exists(userId: string, month: string): Promise<boolean> {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: MonthlySummaryEntity.key(userId, month),
          ConsistentRead: true,
          ProjectionExpression: 'pk',
        }),
      );
      return Item !== undefined;
    },

    /**
     * Writes the fact unless the month has one, and only while the profile exists (the index may
     * still list a user whose account was just deleted): 'exists' or 'user-gone' then, nothing written.
     */
    async put(userId: string, fact: MonthlySummaryItem): Promise<'written' | 'exists' | 'user-gone'> {
      try {
        await transactWrite(db, [
          {
            item: {
              Put: {
                TableName: tableName,
                Item: { ...MonthlySummaryEntity.key(userId, fact.month), ...fact },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            onConditionFailed: () => new SummaryExists(),
          },
          userExists(tableName, userId),
        ]);
        return 'written';
      } catch (error) {
        if (error instanceof SummaryExists) return 'exists';
        if (error instanceof UserGone) return 'user-gone';
        throw error;
      }
    },
  };
}
