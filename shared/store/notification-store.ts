/**
 * The notification log: one item per fact a user is told about (`NOTIFY#<factId>`), used first
 * as a claim (so two deliveries of the same fact cannot both send) and then as the record of what
 * was sent. Kept for good (no TTL): it is the proof that the fact was reported, and a fact must
 * never be reported twice.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ItemType } from './item-types';
import { keys } from './keys';
import { tableDefinition } from './table-definition';

export type NotificationStatus = 'sending' | 'sent' | 'failed' | 'suppressed';

/** The item as stored (besides its keys and `type`). */
export type NotificationItem = {
  kind: string;
  factId: string;
  status: NotificationStatus;
  /** Claims made so far; also the token that lets only the current claim record the outcome. */
  attempts: number;
  claimedAt: string;
  createdAt: string;
  updatedAt: string;
  sentAt?: string;
  sesMessageId?: string;
  lastErrorCode?: string;
};

export type NotificationRef = { userId: string; factId: string };
/** A successful claim; `attempt` identifies it when recording the outcome. */
export type Claim = NotificationRef & { attempt: number };

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}

export class NotificationStore {
  constructor(
    private readonly client: Pick<DynamoDBDocumentClient, 'send'>,
    private readonly tableName: string,
  ) {}

  /**
   * Claims the right to send. Succeeds when nobody has, when the last attempt failed, or when an
   * attempt has held the claim since before `staleBefore` (it crashed). Resolves `undefined` when
   * the fact is already sent or another attempt is sending it right now.
   */
  async claim(ref: NotificationRef, kind: string, now: Date, staleBefore: Date): Promise<Claim | undefined> {
    try {
      const response = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.notification(ref.userId, ref.factId),
          UpdateExpression:
            'SET #type = :type, #kind = :kind, #factId = :factId, #status = :sending, #claimedAt = :now, ' +
            '#updatedAt = :now, #createdAt = if_not_exists(#createdAt, :now) ADD #attempts :one',
          ConditionExpression:
            'attribute_not_exists(#pk) OR #status = :failed OR (#status = :sending AND #claimedAt < :staleBefore)',
          ExpressionAttributeNames: {
            '#pk': tableDefinition.partitionKey,
            '#type': tableDefinition.typeAttribute,
            '#kind': 'kind',
            '#factId': 'factId',
            '#status': 'status',
            '#claimedAt': 'claimedAt',
            '#updatedAt': 'updatedAt',
            '#createdAt': 'createdAt',
            '#attempts': 'attempts',
          },
          ExpressionAttributeValues: {
            ':type': ItemType.Notification,
            ':kind': kind,
            ':factId': ref.factId,
            ':sending': 'sending' satisfies NotificationStatus,
            ':failed': 'failed' satisfies NotificationStatus,
            ':now': now.toISOString(),
            ':staleBefore': staleBefore.toISOString(),
            ':one': 1,
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return { ...ref, attempt: Number(response.Attributes?.attempts) };
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** Records the accepted send. False when the claim is no longer ours (or the item is gone). */
  markSent(claim: Claim, sesMessageId: string, at: Date): Promise<boolean> {
    return this.#recordOutcome(
      claim,
      'SET #status = :status, #sesMessageId = :messageId, #sentAt = :at, #updatedAt = :at',
      {
        names: { '#sesMessageId': 'sesMessageId', '#sentAt': 'sentAt' },
        values: { ':status': 'sent' satisfies NotificationStatus, ':messageId': sesMessageId, ':at': at.toISOString() },
      },
    );
  }

  /** Releases the claim for a retry, remembering why the send failed (an SES error name). */
  markFailed(claim: Claim, errorCode: string, at: Date): Promise<boolean> {
    return this.#recordOutcome(claim, 'SET #status = :status, #lastErrorCode = :code, #updatedAt = :at', {
      names: { '#lastErrorCode': 'lastErrorCode' },
      values: { ':status': 'failed' satisfies NotificationStatus, ':code': errorCode, ':at': at.toISOString() },
    });
  }

  // Only the attempt that holds the claim may record the outcome; the condition also keeps an
  // outcome from re-creating the item after the user's partition was erased.
  async #recordOutcome(
    claim: Claim,
    updateExpression: string,
    extra: { names: Record<string, string>; values: Record<string, unknown> },
  ): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.notification(claim.userId, claim.factId),
          UpdateExpression: updateExpression,
          ConditionExpression: '#attempts = :attempt',
          ExpressionAttributeNames: {
            '#status': 'status',
            '#updatedAt': 'updatedAt',
            '#attempts': 'attempts',
            ...extra.names,
          },
          ExpressionAttributeValues: { ':attempt': claim.attempt, ...extra.values },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
