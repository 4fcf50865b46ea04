/**
 * The notification log: one item per fact a user is told about (`NOTIFY#<factId>`), used first
 * as a claim (so two deliveries of the same fact cannot both send) and then as the record of what
 * happened to it. Kept for good (no TTL): it is the proof that the fact was reported, and a fact
 * must never be reported twice.
 *
 * Every write that can create an item in the user's partition runs in one TransactWriteItems with
 * a ConditionCheck that the PROFILE still exists, so a notification arriving after the account was
 * erased leaves nothing behind. The claim also counts the email against the user's hourly cap
 * (`NOTIFYCAP#<hour>`) in that same transaction: a claim over the cap is no claim at all.
 *
 * Index keys put the log on gsi1 (`USER#<sub>#NOTIFY` / `<createdAt>#<factId>`), so the user can
 * list it newest first without reading the rest of their partition.
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { UserGone, userExists } from '../kit/dynamodb/exactly-once';
import { newestFirstPage } from '../kit/dynamodb/prefix-page';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import * as z from '../kit/schema';
import { NotificationCapEntity, NotificationEntity, notificationIndex } from './items';

export const notificationStatuses = ['sending', 'sent', 'failed', 'suppressed'] as const;
type NotificationStatus = (typeof notificationStatuses)[number];

/** The item as stored (besides its keys and `type`). */
const notificationItem = z.lazily(() =>
  z.object({
    kind: z.string(),
    factId: z.string(),
    status: z.enum(notificationStatuses),
    /** Send attempts so far (0 for a fact suppressed before any). */
    attempts: z.int().check(z.nonnegative()),
    /** Why it was suppressed (`preference`, `hourly-cap`) or why the last send failed (the SES error name). */
    reason: z.optional(z.string()),
    sesMessageId: z.optional(z.string()),
    claimedAt: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    sentAt: z.optional(z.string()),
  }),
);
export type NotificationItem = z.infer<ReturnType<typeof notificationItem>>;

type NotificationRef = { userId: string; factId: string };
/** The hourly cap a claim counts against (see shared/notifications/hourly-cap.ts). */
type CapWindow = { hour: string; cap: number; expiresAt: number };
/** A successful claim: `token` lets only this attempt record the outcome; `cap` is where it took a slot. */
type Claim = NotificationRef & { token: string; cap: CapWindow };

type ClaimOutcome =
  | { status: 'claimed'; claim: Claim }
  /** Already sent, suppressed, or being sent by a live attempt. */
  | { status: 'duplicate' }
  /** The user's profile is gone (account deleted). */
  | { status: 'no-profile' }
  /** This hour's cap is used up; nothing was written. */
  | { status: 'over-cap' };

type SuppressOutcome = 'suppressed' | 'duplicate' | 'no-profile';

export type NotificationStore = ReturnType<typeof createNotificationStore>;

// Which condition of a cancelled transaction failed, in the order the items are written.
class AlreadyClaimed extends Error {}
class CapReached extends Error {}

/** The claim is open when nobody has it, the last attempt failed, or a claim-holder died (stale). */
const CLAIMABLE =
  'attribute_not_exists(#pk) OR #status = :failed OR (#status = :sending AND #claimedAt < :staleBefore)';

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}

export function createNotificationStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  const profileExists = (userId: string): GuardedItem => userExists(tableName, userId);

  /** Attributes every first write of a log item sets (kept by later writes). */
  const logItemNames = {
    '#pk': 'pk',
    '#type': 'type',
    '#kind': 'kind',
    '#factId': 'factId',
    '#status': 'status',
    '#claimedAt': 'claimedAt',
    '#createdAt': 'createdAt',
    '#updatedAt': 'updatedAt',
    '#attempts': 'attempts',
    '#gsi1pk': 'gsi1pk',
    '#gsi1sk': 'gsi1sk',
  };
  const logItemValues = (ref: NotificationRef, kind: string, now: string, staleBefore: string) => ({
    ':type': NotificationEntity.type,
    ':kind': kind,
    ':factId': ref.factId,
    ':now': now,
    ':gsi1pk': notificationIndex.pk(ref.userId),
    ':gsi1sk': notificationIndex.sk(now, ref.factId),
    ':sending': 'sending' satisfies NotificationStatus,
    ':failed': 'failed' satisfies NotificationStatus,
    ':staleBefore': staleBefore,
  });
  // createdAt and the index sort value are set once, so a re-claim keeps the item's place in the log.
  const logItemSets =
    '#type = :type, #kind = :kind, #factId = :factId, #updatedAt = :now, ' +
    '#createdAt = if_not_exists(#createdAt, :now), #gsi1pk = :gsi1pk, #gsi1sk = if_not_exists(#gsi1sk, :gsi1sk)';

  async function recordOutcome(
    claim: Claim,
    updateExpression: string,
    extra: { names: Record<string, string>; values: Record<string, unknown> },
    alongside: GuardedItem[] = [],
  ): Promise<boolean> {
    const update: GuardedItem = {
      item: {
        Update: {
          TableName: tableName,
          Key: NotificationEntity.key(claim.userId, claim.factId),
          UpdateExpression: updateExpression,
          // Only the attempt holding the claim records; this also keeps an outcome from
          // re-creating the item after the user's partition was erased.
          ConditionExpression: '#claimToken = :token',
          ExpressionAttributeNames: {
            '#status': 'status',
            '#updatedAt': 'updatedAt',
            '#claimToken': 'claimToken',
            ...extra.names,
          },
          ExpressionAttributeValues: { ':token': claim.token, ...extra.values },
        },
      },
      onConditionFailed: () => new AlreadyClaimed(),
    };
    try {
      if (alongside.length === 0) {
        const { Update } = update.item;
        await db.send(new UpdateCommand(Update as ConstructorParameters<typeof UpdateCommand>[0]));
      } else {
        await transactWrite(db, [update, ...alongside]);
      }
      return true;
    } catch (error) {
      if (error instanceof AlreadyClaimed || isConditionFailure(error)) return false;
      throw error;
    }
  }

  return {
    /**
     * Claims the right to send and takes one slot of this hour's cap, atomically. The claim is
     * refused when the fact is sent, suppressed, or being sent by an attempt younger than
     * `staleBefore`; the slot when the cap is used up; both when the profile is gone.
     */
    async claim(
      ref: NotificationRef,
      kind: string,
      { now, staleBefore, cap }: { now: Date; staleBefore: Date; cap: CapWindow },
    ): Promise<ClaimOutcome> {
      const at = now.toISOString();
      const token = randomUUID();
      try {
        await transactWrite(db, [
          {
            item: {
              Update: {
                TableName: tableName,
                Key: NotificationEntity.key(ref.userId, ref.factId),
                UpdateExpression: `SET ${logItemSets}, #status = :sending, #claimedAt = :now, #claimToken = :token ADD #attempts :one`,
                ConditionExpression: CLAIMABLE,
                ExpressionAttributeNames: { ...logItemNames, '#claimToken': 'claimToken' },
                ExpressionAttributeValues: {
                  ...logItemValues(ref, kind, at, staleBefore.toISOString()),
                  ':token': token,
                  ':one': 1,
                },
              },
            },
            onConditionFailed: () => new AlreadyClaimed(),
          },
          profileExists(ref.userId),
          {
            item: {
              Update: {
                TableName: tableName,
                Key: NotificationCapEntity.key(ref.userId, cap.hour),
                UpdateExpression:
                  'SET #type = :type, #expiresAt = if_not_exists(#expiresAt, :expiresAt) ADD #sent :one',
                ConditionExpression: 'attribute_not_exists(#sent) OR #sent < :cap',
                ExpressionAttributeNames: { '#type': 'type', '#expiresAt': 'expiresAt', '#sent': 'sent' },
                ExpressionAttributeValues: {
                  ':type': NotificationCapEntity.type,
                  ':expiresAt': cap.expiresAt,
                  ':one': 1,
                  ':cap': cap.cap,
                },
              },
            },
            onConditionFailed: () => new CapReached(),
          },
        ]);
      } catch (error) {
        if (error instanceof AlreadyClaimed) return { status: 'duplicate' };
        if (error instanceof UserGone) return { status: 'no-profile' };
        if (error instanceof CapReached) return { status: 'over-cap' };
        throw error;
      }
      return { status: 'claimed', claim: { ...ref, token, cap } };
    },

    /**
     * Records a fact that will not be emailed (switched off, or over the hourly cap). Final: a
     * suppressed fact is never claimed again, so a redelivery does not send it later.
     */
    async suppress(
      ref: NotificationRef,
      kind: string,
      reason: string,
      { now, staleBefore }: { now: Date; staleBefore: Date },
    ): Promise<SuppressOutcome> {
      try {
        await transactWrite(db, [
          {
            item: {
              Update: {
                TableName: tableName,
                Key: NotificationEntity.key(ref.userId, ref.factId),
                UpdateExpression: `SET ${logItemSets}, #status = :suppressed, #reason = :reason, #attempts = if_not_exists(#attempts, :zero)`,
                ConditionExpression: CLAIMABLE,
                ExpressionAttributeNames: { ...logItemNames, '#reason': 'reason' },
                ExpressionAttributeValues: {
                  ...logItemValues(ref, kind, now.toISOString(), staleBefore.toISOString()),
                  ':suppressed': 'suppressed' satisfies NotificationStatus,
                  ':reason': reason,
                  ':zero': 0,
                },
              },
            },
            onConditionFailed: () => new AlreadyClaimed(),
          },
          profileExists(ref.userId),
        ]);
        return 'suppressed';
      } catch (error) {
        if (error instanceof AlreadyClaimed) return 'duplicate';
        if (error instanceof UserGone) return 'no-profile';
        throw error;
      }
    },

    /** Records the accepted send. False when the claim is no longer ours (or the item is gone). */
    markSent(claim: Claim, sesMessageId: string, at: Date): Promise<boolean> {
      return recordOutcome(
        claim,
        'SET #status = :status, #sesMessageId = :messageId, #sentAt = :at, #updatedAt = :at REMOVE #reason',
        {
          names: { '#sesMessageId': 'sesMessageId', '#sentAt': 'sentAt', '#reason': 'reason' },
          values: {
            ':status': 'sent' satisfies NotificationStatus,
            ':messageId': sesMessageId,
            ':at': at.toISOString(),
          },
        },
      );
    },

    /**
     * Releases the claim for a retry, remembering why the send failed (an SES error name), and
     * gives its cap slot back: an email SES refused was not sent.
     */
    markFailed(claim: Claim, errorCode: string, at: Date): Promise<boolean> {
      return recordOutcome(
        claim,
        'SET #status = :status, #reason = :code, #updatedAt = :at',
        {
          names: { '#reason': 'reason' },
          values: { ':status': 'failed' satisfies NotificationStatus, ':code': errorCode, ':at': at.toISOString() },
        },
        [
          {
            item: {
              Update: {
                TableName: tableName,
                Key: NotificationCapEntity.key(claim.userId, claim.cap.hour),
                // Unconditional, and with its TTL, so a counter that somehow vanished cannot fail
                // the record of the failure; the claim's own condition guards an erased partition.
                UpdateExpression:
                  'SET #type = :capType, #expiresAt = if_not_exists(#expiresAt, :expiresAt) ADD #sent :minusOne',
                ExpressionAttributeNames: { '#type': 'type', '#expiresAt': 'expiresAt', '#sent': 'sent' },
                ExpressionAttributeValues: {
                  ':capType': NotificationCapEntity.type,
                  ':expiresAt': claim.cap.expiresAt,
                  ':minusOne': -1,
                },
              },
            },
          },
        ],
      );
    },

    /** One page of the user's log, newest first; `before` is the index sort value to continue below. */
    async list(
      userId: string,
      { limit, before }: { limit: number; before?: string },
    ): Promise<{ items: NotificationItem[]; last?: string }> {
      return newestFirstPage(db, { tableName, pk: notificationIndex.pk(userId), limit, before }, (item) =>
        notificationItem().parse(item),
      );
    },
  };
}
