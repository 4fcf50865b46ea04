/**
 * The request limiter (GCRA) against DynamoDB Local, with a clock the test moves: a full bucket
 * admits its burst and refuses the next with the right Retry-After, it refills at the sustained
 * rate, concurrent requests never take more than the burst, two principals are independent, and the
 * item expires by TTL once the bucket is full again.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createRateLimiter, limiterKey } from '../../../shared/kit/dynamodb/rate-limiter';
import { type LocalDynamoDb, startLocalDynamoDb } from '../support/local-dynamodb';

jest.setTimeout(60_000);

let local: LocalDynamoDb;
beforeAll(async () => {
  local = await startLocalDynamoDb();
});
afterAll(async () => local?.stop());

const budget = { ratePerSecond: 20, burst: 60 };
let clock = Date.UTC(2026, 11, 7, 8, 0, 0);
const limiter = () => createRateLimiter({ db: local.db, tableName: local.tableName, now: () => clock });

test('a full bucket admits the burst, then refuses with Retry-After until one interval has passed', async () => {
  const take = limiter();
  const first = await take.take('standard', budget, 'user:burst');
  expect(first).toEqual({ admitted: true, limit: 60, remaining: 59, resetSeconds: 1 });
  for (let n = 2; n <= 60; n++) {
    const decision = await take.take('standard', budget, 'user:burst');
    expect(decision).toMatchObject({ admitted: true, remaining: 60 - n });
  }
  const refused = await take.take('standard', budget, 'user:burst');
  // 60 requests at one instant: the bucket is full again after 60 × 50 ms = 3 s, and one more
  // request fits after 50 ms, rounded up to a whole second.
  expect(refused).toEqual({ admitted: false, limit: 60, remaining: 0, resetSeconds: 3, retryAfterSeconds: 1 });

  clock += 49;
  expect((await take.take('standard', budget, 'user:burst')).admitted).toBe(false);
  clock += 1;
  expect(await take.take('standard', budget, 'user:burst')).toMatchObject({ admitted: true, remaining: 0 });
  expect((await take.take('standard', budget, 'user:burst')).admitted).toBe(false);
});

test('it refills at the sustained rate: after a second, twenty more', async () => {
  const take = limiter();
  for (let n = 0; n < 60; n++) expect((await take.take('standard', budget, 'user:refill')).admitted).toBe(true);
  expect((await take.take('standard', budget, 'user:refill')).admitted).toBe(false);
  clock += 1_000;
  const admitted = [];
  for (let n = 0; n < 25; n++) admitted.push((await take.take('standard', budget, 'user:refill')).admitted);
  expect(admitted.filter(Boolean)).toHaveLength(20);
  // A caller well under the rate is never refused: one request every 50 ms for ten seconds.
  clock += 3_000;
  for (let n = 0; n < 200; n++) {
    expect((await take.take('standard', budget, 'user:refill')).admitted).toBe(true);
    clock += 50;
  }
});

test('Retry-After of a slow budget names the seconds until one request fits', async () => {
  const slow = { ratePerSecond: 1 / 30, burst: 2 };
  const take = limiter();
  expect((await take.take('auth-email', slow, 'email:x')).admitted).toBe(true);
  expect((await take.take('auth-email', slow, 'email:x')).admitted).toBe(true);
  expect(await take.take('auth-email', slow, 'email:x')).toMatchObject({
    admitted: false,
    retryAfterSeconds: 30,
    resetSeconds: 60,
  });
  clock += 12_500;
  expect(await take.take('auth-email', slow, 'email:x')).toMatchObject({ admitted: false, retryAfterSeconds: 18 });
  clock += 17_500;
  expect((await take.take('auth-email', slow, 'email:x')).admitted).toBe(true);
});

test('concurrent requests from many execution environments never take more than the burst', async () => {
  // A fresh limiter per request: no environment knows the others' state, as across Lambda instances.
  const decisions = await Promise.all(
    Array.from({ length: 90 }, () => limiter().take('standard', budget, 'user:concurrent')),
  );
  expect(decisions.filter((d) => d.admitted)).toHaveLength(60);
  expect(decisions.filter((d) => !d.admitted).every((d) => (d.retryAfterSeconds ?? 0) >= 1)).toBe(true);
});

test('two principals, and two budgets of one principal, are independent', async () => {
  const take = limiter();
  for (let n = 0; n < 60; n++) await take.take('standard', budget, 'user:noisy');
  expect((await take.take('standard', budget, 'user:noisy')).admitted).toBe(false);
  expect(await take.take('standard', budget, 'user:quiet')).toMatchObject({ admitted: true, remaining: 59 });
  expect(await take.take('standard', budget, 'token:of-noisy')).toMatchObject({ admitted: true, remaining: 59 });
  expect(await take.take('jobs', { ratePerSecond: 1 / 6, burst: 10 }, 'user:noisy')).toMatchObject({
    admitted: true,
    remaining: 9,
  });
});

test('the item holds one instant and expires (TTL) shortly after its bucket is full again', async () => {
  await limiter().take('standard', budget, 'user:ttl');
  const { Item } = await local.db.send(
    new GetCommand({ TableName: local.tableName, Key: limiterKey('standard', 'user:ttl'), ConsistentRead: true }),
  );
  expect(Item).toEqual({ ...limiterKey('standard', 'user:ttl'), tat: clock + 50, expiresAt: expect.any(Number) });
  const fullAgain = Math.ceil((clock + 60 * 50) / 1000);
  expect(Item?.expiresAt).toBeGreaterThanOrEqual(fullAgain);
  expect(Item?.expiresAt).toBeLessThanOrEqual(fullAgain + 120);
  // An item whose instant has passed (TTL not yet run) is a full bucket.
  clock += 3_600_000;
  expect(await limiter().take('standard', budget, 'user:ttl')).toMatchObject({ admitted: true, remaining: 59 });
});
