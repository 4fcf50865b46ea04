/**
 * The per-user failure throttle against DynamoDB Local, with a clock the test moves: five failures
 * within the window refuse with 429 and Retry-After until it ends, a new window starts afresh, a
 * success forgets the count, and one user's failures never limit another.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  createFailureThrottle,
  FAILURE_WINDOW_SECONDS,
  MAX_FAILURES,
  throttleKey,
} from '../../../shared/identity/failure-throttle';
import { HttpProblem } from '../../../shared/kit/http/problems';
import { type LocalDynamoDb, startLocalDynamoDb } from '../support/local-dynamodb';

jest.setTimeout(60_000);

let local: LocalDynamoDb;
beforeAll(async () => {
  local = await startLocalDynamoDb();
});
afterAll(async () => local?.stop());

let clock = Date.UTC(2026, 11, 7, 6, 0, 0);
const throttle = () =>
  createFailureThrottle({ db: local.db, tableName: local.tableName, purpose: 'REAUTH', now: () => clock });

async function refusal(userId: string): Promise<HttpProblem | undefined> {
  try {
    await throttle().admit(userId);
    return undefined;
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
}

test('five failures in the window refuse with 429 and Retry-After until the window ends', async () => {
  const user = 'throttle-user-1';
  for (let n = 0; n < MAX_FAILURES; n++) {
    expect(await refusal(user)).toBeUndefined();
    await throttle().fail(user);
    clock += 10_000;
  }
  const refused = await refusal(user);
  expect(refused?.status).toBe(429);
  const retryAfter = Number(refused?.headers?.['retry-after']);
  expect(retryAfter).toBe(FAILURE_WINDOW_SECONDS - (MAX_FAILURES * 10_000) / 1000);

  // Another user is not limited by it.
  expect(await refusal('throttle-user-2')).toBeUndefined();

  // The item expires with the window (TTL), and an expired one counts as none.
  const { Item } = await local.db.send(
    new GetCommand({ TableName: local.tableName, Key: throttleKey('REAUTH', user), ConsistentRead: true }),
  );
  expect(Item).toMatchObject({ failures: MAX_FAILURES, expiresAt: expect.any(Number) });
  clock += retryAfter * 1000;
  expect(await refusal(user)).toBeUndefined();

  // A failure after the window opens a new one, counting from one.
  await throttle().fail(user);
  const { Item: fresh } = await local.db.send(
    new GetCommand({ TableName: local.tableName, Key: throttleKey('REAUTH', user), ConsistentRead: true }),
  );
  expect(fresh).toMatchObject({ failures: 1, expiresAt: Math.floor(clock / 1000) + FAILURE_WINDOW_SECONDS });
});

test('a success forgets earlier failures', async () => {
  const user = 'throttle-user-3';
  for (let n = 0; n < MAX_FAILURES - 1; n++) await throttle().fail(user);
  const admitted = await throttle().admit(user);
  expect(admitted.failures).toBe(MAX_FAILURES - 1);
  await throttle().succeed(user, admitted);
  await throttle().fail(user);
  expect(await throttle().admit(user)).toEqual({ failures: 1 });
});

test('failures racing to open a window are all counted', async () => {
  const user = 'throttle-user-4';
  await Promise.all(Array.from({ length: 4 }, () => throttle().fail(user)));
  expect(await throttle().admit(user)).toEqual({ failures: 4 });
});
