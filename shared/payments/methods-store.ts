/** Reads and writes of payers' Stripe customers and saved payment methods. */
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { userPk } from '../kit/dynamodb/keys';
import { queryAll } from '../kit/dynamodb/prefix-page';
import * as z from '../kit/schema';
import {
  SavedMethodEntity,
  type SavedMethodItem,
  StripePayerEntity,
  type StripePayerItem,
  savedMethodItem,
  stripePayerItem,
} from './methods-items';

const isConditionFailure = (error: unknown) =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

export function createSavedMethodStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  return {
    async payer(userId: string, payeeId: string): Promise<StripePayerItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: StripePayerEntity.key(userId, payeeId), ConsistentRead: true }),
      );
      return Item ? z.parse(stripePayerItem(), Item) : undefined;
    },

    /** Keeps the first customer written for the payee; returns the one kept. */
    async keepPayer(userId: string, item: StripePayerItem): Promise<StripePayerItem> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...StripePayerEntity.key(userId, item.payeeId), ...item },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return item;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return (await this.payer(userId, item.payeeId))!;
      }
    },

    async method(userId: string, payeeId: string, methodId: string): Promise<SavedMethodItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: SavedMethodEntity.key(userId, payeeId, methodId),
          ConsistentRead: true,
        }),
      );
      return Item ? z.parse(savedMethodItem(), Item) : undefined;
    },

    /** Records a saved method once: false when it was recorded already. */
    async record(userId: string, item: SavedMethodItem): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...SavedMethodEntity.key(userId, item.payeeId, item.methodId), ...item },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** The payee's saved methods, oldest first (one Query of the user's partition, never a Scan). */
    async list(userId: string, payeeId: string): Promise<SavedMethodItem[]> {
      const items = await queryAll(db, {
        tableName,
        pk: userPk(userId),
        prefix: `${SavedMethodEntity.prefix}${payeeId}#`,
        consistent: true,
      });
      return items
        .map((raw) => z.parse(savedMethodItem(), raw))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.methodId.localeCompare(b.methodId));
    },

    async forget(userId: string, payeeId: string, methodId: string): Promise<void> {
      await db.send(new DeleteCommand({ TableName: tableName, Key: SavedMethodEntity.key(userId, payeeId, methodId) }));
    },
  };
}
export type SavedMethodStore = ReturnType<typeof createSavedMethodStore>;
