/**
 * What GET /v1/health reports: whether the table and the event bus answer this function, with its
 * own permissions, and the release deployed. Each dependency gets one cheap call (a GetItem of a
 * key that never exists: half a read unit; DescribeEventBus: free), bounded in time so a stuck
 * dependency reads as unavailable rather than holding the request. The answer is kept for a few
 * seconds per function instance: a monitor polling every second costs one check per instance.
 */
import { DescribeEventBusCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

export type DependencyStatus = 'ok' | 'unavailable';
export type Health = {
  status: DependencyStatus;
  release: string;
  checks: { table: DependencyStatus; bus: DependencyStatus };
  checkedAt: string;
};

/** How long one answer is reused. */
export const HEALTH_CACHE_MS = 5_000;
/** A dependency that has not answered by then is reported unavailable. */
const CHECK_TIMEOUT_MS = 2_000;

/** A key no item has: the table answers it without data, proving reachability and permission. */
const PROBE_KEY = { pk: 'HEALTH', sk: 'HEALTH' };

export function createHealthCheck(deps: {
  db: DynamoDBDocumentClient;
  tableName: string;
  events: EventBridgeClient;
  busName: string;
  release: string;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  let cached: { at: number; health: Promise<Health> } | undefined;

  async function probe(call: (signal: AbortSignal) => Promise<unknown>): Promise<DependencyStatus> {
    try {
      await call(AbortSignal.timeout(CHECK_TIMEOUT_MS));
      return 'ok';
    } catch {
      return 'unavailable';
    }
  }

  async function check(): Promise<Health> {
    const [table, bus] = await Promise.all([
      probe((abortSignal) =>
        deps.db.send(new GetCommand({ TableName: deps.tableName, Key: PROBE_KEY }), { abortSignal }),
      ),
      probe((abortSignal) => deps.events.send(new DescribeEventBusCommand({ Name: deps.busName }), { abortSignal })),
    ]);
    return {
      status: table === 'ok' && bus === 'ok' ? 'ok' : 'unavailable',
      release: deps.release,
      checks: { table, bus },
      checkedAt: new Date(now()).toISOString(),
    };
  }

  return {
    /** The latest answer, checked again once it is older than HEALTH_CACHE_MS. */
    current(): Promise<Health> {
      const at = now();
      if (!cached || at - cached.at >= HEALTH_CACHE_MS) cached = { at, health: check() };
      return cached.health;
    },
  };
}
