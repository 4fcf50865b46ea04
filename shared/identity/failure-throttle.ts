/**
 * Per-user counting of failed secret checks: a wrong password on a re-authentication, a wrong
 * authenticator code at sign-in. Cognito locks an account out after repeated wrong passwords at
 * its own pace, and API Gateway's route throttles count every caller together, so guessing one
 * user's password with their stolen access token, or their code with their password, would
 * otherwise be limited only by those. Here: `MAX_FAILURES` within a fixed window, then 429 with
 * Retry-After until the window ends. A success clears the count.
 *
 * One item per user and purpose, outside the user's partition (`THROTTLE#<purpose>#<sub>`), so a
 * failed attempt after the account's deletion cannot leave an item in an erased partition; TTL
 * removes it after its window. It holds a count and an instant, nothing personal, and is never
 * published (the stream publisher passes domain items only).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { HttpProblem } from '../kit/http/problems';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_SECONDS = 15 * 60;

export type ThrottlePurpose = 'REAUTH' | 'MFA';

/** Every counter of one purpose has a partition key starting so (the MFA route's IAM grant is limited to them). */
export const throttleKeyPrefix = (purpose: ThrottlePurpose) => `THROTTLE#${purpose}#`;

export const throttleKey = (purpose: ThrottlePurpose, userId: string) => ({
  pk: `${throttleKeyPrefix(purpose)}${userId}`,
  sk: 'FAILURES',
});

type Counter = { failures: number; expiresAt: number };

export type FailureThrottle = ReturnType<typeof createFailureThrottle>;

export function createFailureThrottle({
  db,
  tableName,
  purpose,
  now = () => Date.now(),
}: {
  db: Pick<DynamoDBDocumentClient, 'send'>;
  tableName: string;
  purpose: ThrottlePurpose;
  now?: () => number;
}) {
  const seconds = () => Math.floor(now() / 1000);
  const tooMany = (expiresAt: number) =>
    new HttpProblem(
      429,
      'too-many-requests',
      'Too many requests',
      'Too many failed attempts; wait before trying again.',
      undefined,
      undefined,
      { 'retry-after': String(Math.max(1, expiresAt - seconds())) },
    );

  return {
    /**
     * Refuses with 429 while the user is over the limit; returns whether failures are counted (so
     * a success only clears what exists). One strongly consistent GetItem.
     */
    async admit(userId: string): Promise<{ failures: number }> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: throttleKey(purpose, userId), ConsistentRead: true }),
      );
      const counter = Item as Counter | undefined;
      // TTL deletion lags by up to days: an expired item counts as none.
      if (!counter || counter.expiresAt <= seconds()) return { failures: 0 };
      if (counter.failures >= MAX_FAILURES) throw tooMany(counter.expiresAt);
      return { failures: counter.failures };
    },

    /** Counts one failure: within the current window, or starting a new one. */
    async fail(userId: string): Promise<void> {
      const Key = throttleKey(purpose, userId);
      const at = seconds();
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key,
            UpdateExpression: 'ADD failures :one',
            ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now',
            ExpressionAttributeValues: { ':one': 1, ':now': at },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        // No window open: this failure opens one. Two racing failures both land in it.
        await db
          .send(
            new UpdateCommand({
              TableName: tableName,
              Key,
              UpdateExpression: 'SET expiresAt = :end, failures = :one',
              ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
              ExpressionAttributeValues: { ':one': 1, ':now': at, ':end': at + FAILURE_WINDOW_SECONDS },
            }),
          )
          .catch(async (raced: unknown) => {
            if (!(raced instanceof ConditionalCheckFailedException)) throw raced;
            await db.send(
              new UpdateCommand({
                TableName: tableName,
                Key,
                UpdateExpression: 'ADD failures :one',
                ExpressionAttributeValues: { ':one': 1 },
              }),
            );
          });
      }
    },

    /** A success forgets earlier failures (only written when there were some). */
    async succeed(userId: string, admitted: { failures: number }): Promise<void> {
      if (admitted.failures === 0) return;
      await db.send(new DeleteCommand({ TableName: tableName, Key: throttleKey(purpose, userId) }));
    },
  };
}
