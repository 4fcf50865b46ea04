import type { ChaosOptions } from '../../../lib/local/contracts';
import { stackOutputs } from './outputs';
import { sleep } from './poll';

type BusStats = { published: number; delivered: number; failed: number; deadLettered: number; pending: number };

/** The local bus (local cloud only: chaos and settling need it). */
function eventBridgeEndpoint(): string {
  const endpoint = stackOutputs().EventBridgeEndpoint;
  if (!endpoint) throw new Error('This target has no EventBridgeEndpoint: settle() and chaos need the local cloud');
  return endpoint;
}

async function busJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${eventBridgeEndpoint()}${path}`, init);
  if (!response.ok) throw new Error(`Local bus ${path} answered HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Switches chaos on (every event 1 + duplicates times, at random delays up to maxDelayMs) or off. */
export function setChaos(options: ChaosOptions): Promise<ChaosOptions> {
  return busJson<ChaosOptions>('/api/chaos', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(options),
  });
}

export const CHAOS_ON: ChaosOptions = { enabled: true, duplicates: 1, maxDelayMs: 1500 };
export const CHAOS_OFF: ChaosOptions = { enabled: false, duplicates: 0, maxDelayMs: 0 };

/** While on, the outbox answers SendEmail with 503 (the notifier fails; Lambda and the retrier retry it). */
export async function setOutage(enabled: boolean): Promise<void> {
  const outbox = stackOutputs().OutboxUrl;
  if (!outbox) throw new Error('This target has no OutboxUrl: the outage switch needs the local cloud');
  const response = await fetch(`${outbox}/api/outage`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ enabled }),
  });
  if (!response.ok) throw new Error(`Outbox /api/outage answered HTTP ${response.status}`);
}

/** While on, the local bus answers PutEvents with 500 (the publisher parks what it cannot publish). */
export async function setBusOutage(enabled: boolean): Promise<void> {
  await busJson('/api/outage', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ enabled }),
  });
}

/** Longer than the stream poller's interval (100 ms) plus a publisher run: a write in flight shows up. */
const QUIET_MS = 500;

/**
 * Resolves once the system is at rest: the bus idle twice in a row, QUIET_MS apart, with nothing
 * published in between. Throws after `timeoutMs` (a consumer that keeps failing keeps it busy).
 */
export async function settle({ timeoutMs = 120_000 }: { timeoutMs?: number } = {}): Promise<BusStats> {
  const deadline = Date.now() + timeoutMs;
  let previous: BusStats | undefined;
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0)
      throw new Error(`The local cloud did not settle in ${timeoutMs} ms (${JSON.stringify(previous)})`);
    const idle = await busJson<BusStats>('/api/idle', { signal: AbortSignal.timeout(remaining) });
    if (previous && previous.published === idle.published && idle.pending === 0) return idle;
    previous = idle;
    await sleep(QUIET_MS);
  }
}
