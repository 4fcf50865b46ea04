/** Reads and writes of payments and of the claims of applied Stripe events. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { userPk } from '../kit/dynamodb/keys';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import { ConflictError } from '../kit/errors';
import * as z from '../kit/schema';
import { PaymentClaimEntity, PaymentEntity, type PaymentItem, paymentItem, StripeEventClaimEntity } from './items';

/** Stripe retries a webhook for up to three days; a claim outlives that. */
const CLAIM_TTL_SECONDS = 7 * 86_400;

/** The payment changed since it was read: read it again and decide again. */
export class PaymentMoved extends ConflictError {
  constructor() {
    super('The payment changed meanwhile.', 'payment-moved');
  }
}

/** Another request started a payment of the invoice meanwhile: read its claim again. */
export class PaymentClaimTaken extends ConflictError {
  constructor() {
    super('Another payment of the invoice was started meanwhile.', 'payment-claim-taken');
  }
}

export function createPaymentStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  const parse = (raw: Record<string, unknown> | undefined) => (raw ? z.parse(paymentItem(), raw) : undefined);

  return {
    async get(userId: string, paymentId: string): Promise<PaymentItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: PaymentEntity.key(userId, paymentId), ConsistentRead: true }),
      );
      return parse(Item);
    },

    async create(userId: string, item: PaymentItem): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...PaymentEntity.key(userId, item.paymentId), ...item },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    /** The payment an invoice is being paid through now (its claim), or undefined. */
    async claimOf(userId: string, invoiceId: string): Promise<string | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: PaymentClaimEntity.key(userId, invoiceId), ConsistentRead: true }),
      );
      return typeof Item?.paymentId === 'string' ? Item.paymentId : undefined;
    },

    /**
     * Writes `item` and makes it its invoice's claim in ONE conditional write: the claim must still
     * be what was read (`seen`: the payment it named, or undefined when there was none) and that
     * payment ended (or gone), else PaymentClaimTaken and nothing is written.
     */
    async createClaimed(userId: string, item: PaymentItem, seen: string | undefined): Promise<void> {
      const claim: GuardedItem = {
        item: {
          Put: {
            TableName: tableName,
            Item: {
              ...PaymentClaimEntity.key(userId, item.invoiceId),
              type: PaymentClaimEntity.type,
              invoiceId: item.invoiceId,
              paymentId: item.paymentId,
              createdAt: item.createdAt,
            },
            ...(seen === undefined
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: 'paymentId = :seen',
                  ExpressionAttributeValues: { ':seen': seen },
                }),
          },
        },
        onConditionFailed: () => new PaymentClaimTaken(),
      };
      const payment: GuardedItem = {
        item: {
          Put: {
            TableName: tableName,
            Item: { ...PaymentEntity.key(userId, item.paymentId), ...item },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      };
      const ended: GuardedItem[] =
        seen === undefined
          ? []
          : [
              {
                item: {
                  ConditionCheck: {
                    TableName: tableName,
                    Key: PaymentEntity.key(userId, seen),
                    ConditionExpression: 'attribute_not_exists(pk) OR #status IN (:succeeded, :canceled, :expired)',
                    ExpressionAttributeNames: { '#status': 'status' },
                    ExpressionAttributeValues: {
                      ':succeeded': 'succeeded',
                      ':canceled': 'canceled',
                      ':expired': 'expired',
                    },
                  },
                },
                onConditionFailed: () => new PaymentClaimTaken(),
              },
            ];
      await transactWrite(db, [claim, payment, ...ended]);
    },

    /** The user's payments of one invoice, oldest first (the user's PAYMENT# items, never a Scan). */
    async listForInvoice(userId: string, invoiceId: string): Promise<PaymentItem[]> {
      const found: PaymentItem[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            FilterExpression: 'invoiceId = :invoiceId',
            ExpressionAttributeValues: {
              ':pk': userPk(userId),
              ':prefix': PaymentEntity.prefix,
              ':invoiceId': invoiceId,
            },
            ...(start && { ExclusiveStartKey: start }),
          }),
        );
        for (const raw of page.Items ?? []) found.push(parse(raw)!);
        start = page.LastEvaluatedKey;
      } while (start);
      return found;
    },

    /** Replaces `old` by `next`, only if nobody changed it since it was read. */
    transitionPut(userId: string, old: PaymentItem, next: PaymentItem): GuardedItem {
      return {
        item: {
          Put: {
            TableName: tableName,
            Item: { ...PaymentEntity.key(userId, next.paymentId), ...next },
            ConditionExpression: '#version = :version',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':version': old.version },
          },
        },
        onConditionFailed: () => new PaymentMoved(),
      };
    },

    /** transitionPut, written alone. */
    async transition(userId: string, old: PaymentItem, next: PaymentItem): Promise<void> {
      await transactWrite(db, [this.transitionPut(userId, old, next)]);
    },

    async hasClaim(userId: string, eventId: string): Promise<boolean> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: StripeEventClaimEntity.key(userId, eventId) }),
      );
      return Item !== undefined;
    },

    async claim(userId: string, eventId: string, now: Date): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...StripeEventClaimEntity.key(userId, eventId),
            type: StripeEventClaimEntity.type,
            eventId,
            createdAt: now.toISOString(),
            expiresAt: Math.floor(now.getTime() / 1000) + CLAIM_TTL_SECONDS,
          },
        }),
      );
    },
  };
}
export type PaymentStore = ReturnType<typeof createPaymentStore>;
