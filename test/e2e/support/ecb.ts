/**
 * The local cloud's ECB and its schedules (lib/local/ecb.ts, lib/local/scheduler.ts): publish a
 * day, break the feed, run the rates feed now and read what it did.
 */
import type { FeedOutcome } from '../../../shared/rates/feed';
import { stackOutputs } from './outputs';

function endpoint(name: 'EcbEndpoint' | 'SchedulerEndpoint'): string {
  const url = stackOutputs()[name];
  if (!url) throw new Error(`This target has no ${name}: the rates-feed tests need the local cloud`);
  return url;
}

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json' } });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered HTTP ${response.status}`);
  return (await response.json()) as T;
}

export const publishDay = (date: string, rates: Record<string, string>) =>
  call(`${endpoint('EcbEndpoint')}/api/days/${date}`, { method: 'PUT', body: JSON.stringify({ rates }) });

export const setEcbMode = (mode: 'ok' | 'outage' | 'malformed') =>
  call(`${endpoint('EcbEndpoint')}/api/mode`, { method: 'PUT', body: JSON.stringify({ mode }) });

export const ecbRequests = async () =>
  (await call<{ requests: number }>(`${endpoint('EcbEndpoint')}/api/requests`)).requests;

/** Runs the rates feed's schedule now, as Scheduler would; answers the run's outcome. */
export const runRatesFeed = () =>
  call<FeedOutcome>(`${endpoint('SchedulerEndpoint')}/schedules/rates-feed/run`, { method: 'POST' });
