/**
 * The health check's answer: each dependency's state from its own probe, a stuck dependency
 * reported unavailable instead of holding the request, and one probe per 5 seconds however often
 * it is asked.
 */
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createHealthCheck } from '../../../shared/health/check';

type Send = (command: unknown, options?: { abortSignal?: AbortSignal }) => Promise<unknown>;

function checkWith(table: Send, bus: Send, clock = { now: 0 }) {
  const calls = { table: 0, bus: 0 };
  /** A client whose every call is counted under `name`, then answered by `send`. */
  const counted = (name: keyof typeof calls, send: Send) => ({
    send: (command: unknown, options?: { abortSignal?: AbortSignal }) => {
      calls[name]++;
      return send(command, options);
    },
  });
  const health = createHealthCheck({
    db: counted('table', table) as unknown as DynamoDBDocumentClient,
    tableName: 'moneta',
    events: counted('bus', bus) as unknown as EventBridgeClient,
    busName: 'moneta-bus',
    release: '1.2.3',
    now: () => clock.now,
  });
  return { health, calls, clock };
}

const answers: Send = async () => ({});
const fails: Send = async () => {
  throw Object.assign(new Error('AccessDenied'), { name: 'AccessDeniedException' });
};
/** Never answers, until the caller gives up (as the SDK does on its abort signal). */
const hangs: Send = (_command, options) =>
  new Promise((_resolve, reject) =>
    options?.abortSignal?.addEventListener('abort', () => reject(new Error('aborted'))),
  );

test('both answering: ok, with the release', async () => {
  const { health } = checkWith(answers, answers);
  expect(await health.current()).toEqual({
    status: 'ok',
    release: '1.2.3',
    checks: { table: 'ok', bus: 'ok' },
    checkedAt: new Date(0).toISOString(),
  });
});

test('a dependency that refuses or never answers is unavailable, and so is the whole', async () => {
  expect(await checkWith(fails, answers).health.current()).toMatchObject({
    status: 'unavailable',
    checks: { table: 'unavailable', bus: 'ok' },
  });
  expect(await checkWith(answers, hangs).health.current()).toMatchObject({
    status: 'unavailable',
    checks: { table: 'ok', bus: 'unavailable' },
  });
});

test('asked often, it probes once per 5 seconds', async () => {
  const { health, calls, clock } = checkWith(answers, answers);
  await Promise.all([health.current(), health.current()]);
  clock.now = 4_999;
  await health.current();
  expect(calls).toEqual({ table: 1, bus: 1 });
  clock.now = 5_000;
  expect((await health.current()).checkedAt).toBe(new Date(5_000).toISOString());
  expect(calls).toEqual({ table: 2, bus: 2 });
});
