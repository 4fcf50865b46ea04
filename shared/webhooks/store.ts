/** Reads and writes of webhooks and their deliveries, all in the owner's partition. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { userExists } from '../kit/dynamodb/exactly-once';
import { userPk } from '../kit/dynamodb/keys';
import { queryAll, queryPrefixPage } from '../kit/dynamodb/prefix-page';
import { transactWrite } from '../kit/dynamodb/transact';
import { conditionalDelete, type VersionedUpdateOptions, versionedUpdate } from '../kit/dynamodb/versioned-update';
import {
  type SigningSecret,
  WebhookDeliveryEntity,
  type WebhookDeliveryItem,
  WebhookDisabledEntity,
  type WebhookDisabledItem,
  WebhookEntity,
  type WebhookItem,
  webhookDeliveryItem,
  webhookItem,
} from './items';
import type { AttemptResult } from './send';

/** How long the delivery log keeps an entry (DynamoDB TTL). */
export const DELIVERY_RETENTION_DAYS = 30;

export type WebhookStore = ReturnType<typeof createWebhookStore>;

export function createWebhookStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  const parseWebhook = (item: unknown) => webhookItem().parse(item);
  const parseDelivery = (item: unknown) => webhookDeliveryItem().parse(item);

  async function getItem(key: { pk: string; sk: string }) {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    return Item;
  }

  return {
    async create(userId: string, webhook: WebhookItem): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...WebhookEntity.key(userId, webhook.webhookId), ...webhook },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async get(userId: string, webhookId: string): Promise<WebhookItem | undefined> {
      const item = await getItem(WebhookEntity.key(userId, webhookId));
      return item ? parseWebhook(item) : undefined;
    },

    async page(userId: string, limit: number, after?: string) {
      const page = await queryPrefixPage(db, {
        tableName,
        pk: userPk(userId),
        prefix: WebhookEntity.prefix,
        limit,
        consistent: true,
        ...(after === undefined ? {} : { after }),
      });
      return { items: page.items.map(parseWebhook), ...(page.last ? { last: page.last } : {}) };
    },

    /** Every webhook of a user (a few at most: creation caps them). */
    async all(userId: string): Promise<WebhookItem[]> {
      const items = await queryAll(db, { tableName, pk: userPk(userId), prefix: WebhookEntity.prefix });
      return items.map(parseWebhook);
    },

    async count(userId: string): Promise<number> {
      return (await queryAll(db, { tableName, pk: userPk(userId), prefix: WebhookEntity.prefix, consistent: true }))
        .length;
    },

    /** A PATCH under If-Match; re-enabling clears the failure run. */
    update(userId: string, webhookId: string, fields: Record<string, unknown>, options: VersionedUpdateOptions) {
      return versionedUpdate(
        db,
        { tableName, key: WebhookEntity.key(userId, webhookId), fields, parse: parseWebhook },
        options,
      );
    },

    rotate(userId: string, webhookId: string, secrets: SigningSecret[], options: VersionedUpdateOptions) {
      return versionedUpdate(
        db,
        { tableName, key: WebhookEntity.key(userId, webhookId), fields: { secrets }, parse: parseWebhook },
        options,
      );
    },

    /**
     * Deletes the webhook. Its deliveries stay behind unread until their TTL: every route looks the
     * webhook up first, and erasing the user removes them with the partition.
     */
    async delete(userId: string, webhookId: string): Promise<'deleted' | 'not-found'> {
      const outcome = await conditionalDelete(db, { tableName, key: WebhookEntity.key(userId, webhookId) });
      return outcome.status === 'deleted' ? 'deleted' : 'not-found';
    },

    /**
     * Counts an attempt's outcome on the webhook: a success ends the run of failures; a failed
     * attempt starts the run's clock (`failingSince`) if it is not running; a delivery that failed
     * for good also counts one more failed delivery. Returns the webhook as it now is (undefined
     * when it was deleted meanwhile).
     */
    async recordOutcome(
      userId: string,
      webhookId: string,
      outcome: 'succeeded' | 'attempt-failed' | 'delivery-failed',
      now: string,
    ): Promise<WebhookItem | undefined> {
      const key = WebhookEntity.key(userId, webhookId);
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key,
            ...(outcome === 'succeeded'
              ? {
                  UpdateExpression: 'SET #failures = :zero, #since = :null',
                  ExpressionAttributeNames: { '#failures': 'consecutiveFailures', '#since': 'failingSince' },
                  ExpressionAttributeValues: { ':zero': 0, ':null': null },
                }
              : {
                  ExpressionAttributeNames: { '#failures': 'consecutiveFailures' },
                  ...(outcome === 'delivery-failed'
                    ? { UpdateExpression: 'ADD #failures :one', ExpressionAttributeValues: { ':one': 1 } }
                    : {
                        UpdateExpression: 'SET #failures = if_not_exists(#failures, :zero)',
                        ExpressionAttributeValues: { ':zero': 0 },
                      }),
                }),
            ConditionExpression: 'attribute_exists(pk)',
            ReturnValues: 'ALL_NEW',
          }),
        );
        const webhook = parseWebhook(Attributes);
        if (outcome === 'succeeded' || webhook.failingSince) return webhook;
        // The first failure of a run starts its clock. A run that is over holds null (which
        // if_not_exists would keep), so the clock is set under a condition: a concurrent first
        // failure that set it first wins, and either instant starts the run.
        try {
          const { Attributes: started } = await db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: key,
              UpdateExpression: 'SET #since = :now',
              ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#since) OR #since = :null)',
              ExpressionAttributeNames: { '#since': 'failingSince' },
              ExpressionAttributeValues: { ':now': now, ':null': null },
              ReturnValues: 'ALL_NEW',
            }),
          );
          return parseWebhook(started);
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
          const current = await getItem(key);
          return current ? parseWebhook(current) : undefined;
        }
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return undefined;
        throw error;
      }
    },

    /**
     * Disables a webhook that is still enabled, and writes the fact that says so (published as
     * WebhookDisabled, which the notifier emails), in one transaction: true only for the call that
     * did it, so the owner hears of one disabling once. Never written for an erased user.
     */
    async disableFailing(userId: string, webhook: WebhookItem, now: string): Promise<boolean> {
      const fact: WebhookDisabledItem = {
        type: WebhookDisabledEntity.type,
        factId: `${webhook.webhookId}#${now}`,
        webhookId: webhook.webhookId,
        url: webhook.url,
        description: webhook.description,
        consecutiveFailures: webhook.consecutiveFailures,
        failingSince: webhook.failingSince ?? null,
        disabledAt: now,
        createdAt: now,
        version: 1,
      };
      let refused = false;
      try {
        await transactWrite(db, [
          {
            item: {
              Update: {
                TableName: tableName,
                Key: WebhookEntity.key(userId, webhook.webhookId),
                UpdateExpression:
                  'SET #status = :disabled, #reason = :failing, #disabledAt = :now, #updatedAt = :now ADD #version :one',
                ConditionExpression: 'attribute_exists(pk) AND #status = :enabled',
                ExpressionAttributeNames: {
                  '#status': 'status',
                  '#reason': 'disabledReason',
                  '#disabledAt': 'disabledAt',
                  '#updatedAt': 'updatedAt',
                  '#version': 'version',
                },
                ExpressionAttributeValues: {
                  ':disabled': 'disabled',
                  ':enabled': 'enabled',
                  ':failing': 'failing',
                  ':now': now,
                  ':one': 1,
                },
              },
            },
            onConditionFailed: () => {
              refused = true;
              return new Error('webhook no longer enabled');
            },
          },
          {
            item: {
              Put: {
                TableName: tableName,
                Item: { ...WebhookDisabledEntity.key(userId, webhook.webhookId, now), ...fact },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          },
          userExists(tableName, userId),
        ]);
        return true;
      } catch (error) {
        if (refused) return false;
        throw error;
      }
    },

    async getDelivery(userId: string, webhookId: string, deliveryId: string): Promise<WebhookDeliveryItem | undefined> {
      const item = await getItem(WebhookDeliveryEntity.key(userId, webhookId, deliveryId));
      return item ? parseDelivery(item) : undefined;
    },

    /**
     * The delivery of one event to one webhook, written once: a redelivered event finds the one
     * already there (and its status). Never written into an erased user's partition.
     */
    async deliveryFor(userId: string, delivery: WebhookDeliveryItem): Promise<WebhookDeliveryItem> {
      const key = WebhookDeliveryEntity.key(userId, delivery.webhookId, delivery.deliveryId);
      const existing = await getItem(key);
      if (existing) return parseDelivery(existing);
      let lost = false;
      try {
        await transactWrite(db, [
          {
            item: {
              Put: {
                TableName: tableName,
                Item: { ...key, ...delivery },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            onConditionFailed: () => {
              lost = true;
              return new Error('delivery written concurrently');
            },
          },
          userExists(tableName, userId),
        ]);
        return delivery;
      } catch (error) {
        if (!lost) throw error;
        // A duplicate of the event wrote it first: go on from what it wrote.
        return parseDelivery(await getItem(key));
      }
    },

    /**
     * Records one attempt; `status` is the status it leaves the delivery in. Returns the delivery
     * as it now is and the status it had just before (so only the attempt that moved it from
     * pending to failed counts a failed delivery).
     */
    async recordAttempt(
      userId: string,
      delivery: WebhookDeliveryItem,
      result: AttemptResult,
      status: WebhookDeliveryItem['status'],
      now: string,
    ): Promise<{ delivery: WebhookDeliveryItem; before: WebhookDeliveryItem['status'] } | undefined> {
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: WebhookDeliveryEntity.key(userId, delivery.webhookId, delivery.deliveryId),
            UpdateExpression:
              'SET #status = :status, #code = :code, #error = :error, #last = :now, #delivered = :delivered ADD #attempts :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: {
              '#status': 'status',
              '#code': 'lastResponseCode',
              '#error': 'lastError',
              '#last': 'lastAttemptAt',
              '#delivered': 'deliveredAt',
              '#attempts': 'attempts',
            },
            ExpressionAttributeValues: {
              ':status': status,
              ':code': result.statusCode,
              ':error': result.ok ? null : result.error,
              ':now': now,
              ':delivered': result.ok ? now : delivery.deliveredAt,
              ':one': 1,
            },
            ReturnValues: 'ALL_OLD',
          }),
        );
        const before = parseDelivery(Attributes);
        return {
          before: before.status,
          delivery: parseDelivery({
            ...before,
            status,
            lastResponseCode: result.statusCode,
            lastError: result.ok ? null : result.error,
            lastAttemptAt: now,
            deliveredAt: result.ok ? now : delivery.deliveredAt,
            attempts: before.attempts + 1,
          }),
        };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return undefined;
        throw error;
      }
    },

    /** The log of one webhook, newest first. */
    async deliveries(userId: string, webhookId: string, limit: number, after?: string) {
      const page = await queryPrefixPage(db, {
        tableName,
        pk: userPk(userId),
        prefix: `${WebhookDeliveryEntity.prefix}${webhookId}#`,
        limit,
        consistent: true,
        newestFirst: true,
        ...(after === undefined ? {} : { after }),
      });
      return { items: page.items.map(parseDelivery), ...(page.last ? { last: page.last } : {}) };
    },
  };
}
