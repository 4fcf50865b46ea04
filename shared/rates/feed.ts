/**
 * Keeps the reference rates current: downloads the ECB's daily file (and its 90-day file when
 * business days are missing since the newest stored day), writes the days the table lacks, and
 * keeps a circuit breaker so an ECB outage costs a few quiet runs, not a storm of requests.
 *
 * The breaker lives in the table, not in memory: each scheduled run is a fresh invocation, so an
 * in-process breaker library would forget every failure between runs. After `failuresToOpen`
 * failed runs in a row it opens for `cooldownMs`; the first run after that tries once (half-open):
 * success closes it, failure opens it again.
 *
 * Writing is idempotent (a day is written only if absent, and a day's rates never change), so a
 * run that dies half-way, or two runs at once, leave the same table as one run.
 */
import type { EurReferenceRates } from '../kit/money/conversion';
import { businessDayOnOrBefore, businessDaysBetween, expectedNewestPublication } from './business-days';
import { MalformedRatesFile, parseEcbXml } from './ecb-xml';

export const DAILY_FILE = 'eurofxref-daily.xml';
export const NINETY_DAY_FILE = 'eurofxref-hist-90d.xml';

/** The breaker and the last outcome, as stored. */
export type FeedState = {
  failures: number;
  /** ISO time until which no download is tried; null while closed. */
  openUntil: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
};

export const closedFeed: FeedState = {
  failures: 0,
  openUntil: null,
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
};

export type FeedPolicy = {
  /** Download attempts within one run (transport errors, 5xx and 429 only). */
  attempts: number;
  /** First wait between attempts; doubles each time. */
  retryDelayMs: number;
  /** Failed runs in a row that open the breaker. */
  failuresToOpen: number;
  /** How long an open breaker skips runs. */
  cooldownMs: number;
};

export interface FeedStore {
  /** The newest day stored, or undefined on an empty table. */
  newestDay(): Promise<string | undefined>;
  /** Writes the days not yet stored; answers the dates it wrote. */
  writeNewDays(days: readonly EurReferenceRates[], fetchedAt: string): Promise<string[]>;
  feedState(): Promise<FeedState>;
  saveFeedState(state: FeedState): Promise<void>;
}

export type FeedDeps = {
  store: FeedStore;
  /** The text of one of the ECB's files (DAILY_FILE, NINETY_DAY_FILE), or a FeedUnavailable. */
  download(file: string): Promise<string>;
  policy: FeedPolicy;
  now(): Date;
  sleep(ms: number): Promise<void>;
};

/** The ECB did not answer usefully: worth another attempt (transport error, 5xx, 429). */
export class FeedUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'FeedUnavailable';
  }
}

export type FeedOutcome = {
  status: 'updated' | 'current' | 'failed' | 'skipped';
  breaker: 'closed' | 'open';
  written: string[];
  newestDay: string | undefined;
  /** Business days the newest stored day is behind what the ECB should have published by now. */
  ageBusinessDays: number;
  error?: string;
};

async function withRetries<T>(deps: FeedDeps, attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof FeedUnavailable) || n >= deps.policy.attempts) throw error;
      await deps.sleep(deps.policy.retryDelayMs * 2 ** (n - 1));
    }
  }
}

/** True when a business day after `newest` and before `latest` is missing: the daily file alone has a gap. */
function hasGap(newest: string | undefined, latest: string): boolean {
  if (newest === undefined) return true;
  return businessDaysBetween(newest, latest) > 1;
}

async function download(deps: FeedDeps, newest: string | undefined): Promise<EurReferenceRates[]> {
  const daily = parseEcbXml(await withRetries(deps, () => deps.download(DAILY_FILE)));
  const latest = daily
    .map((day) => day.date)
    .sort()
    .at(-1) as string;
  if (!hasGap(newest, latest)) return daily;
  const ninety = parseEcbXml(await withRetries(deps, () => deps.download(NINETY_DAY_FILE)));
  // One entry per date, oldest first: the daily file's day is in the 90-day file too.
  return [...new Map([...ninety, ...daily].map((day) => [day.date, day])).values()].sort((a, b) =>
    a.date < b.date ? -1 : 1,
  );
}

function age(newest: string | undefined, now: Date): number {
  const expected = expectedNewestPublication(now);
  return newest === undefined ? businessDaysBetween('1999-01-01', expected) : businessDaysBetween(newest, expected);
}

/** One scheduled run. Never throws for the ECB's failures: they are the breaker's to count. */
export async function refreshRates(deps: FeedDeps): Promise<FeedOutcome> {
  const { store, policy } = deps;
  const now = deps.now();
  const state = await store.feedState();
  if (state.openUntil !== null && now.getTime() < Date.parse(state.openUntil)) {
    const newest = await store.newestDay();
    return { status: 'skipped', breaker: 'open', written: [], newestDay: newest, ageBusinessDays: age(newest, now) };
  }

  const attemptedAt = now.toISOString();
  const before = await store.newestDay();
  try {
    const days = (await download(deps, before)).filter((day) => before === undefined || day.date > before);
    const written = await store.writeNewDays(days, attemptedAt);
    await store.saveFeedState({ ...closedFeed, lastAttemptAt: attemptedAt, lastSuccessAt: attemptedAt });
    const newest = [before, ...written]
      .filter((d): d is string => d !== undefined)
      .sort()
      .at(-1);
    return {
      status: written.length > 0 ? 'updated' : 'current',
      breaker: 'closed',
      written: written.sort(),
      newestDay: newest,
      ageBusinessDays: age(newest, now),
    };
  } catch (error) {
    if (!(error instanceof FeedUnavailable || error instanceof MalformedRatesFile)) throw error;
    const failures = state.failures + 1;
    const open = failures >= policy.failuresToOpen;
    await store.saveFeedState({
      failures,
      openUntil: open ? new Date(now.getTime() + policy.cooldownMs).toISOString() : null,
      lastAttemptAt: attemptedAt,
      lastSuccessAt: state.lastSuccessAt,
      lastError: error.message,
    });
    return {
      status: 'failed',
      breaker: open ? 'open' : 'closed',
      written: [],
      newestDay: before,
      ageBusinessDays: age(before, now),
      error: error.message,
    };
  }
}

/** The day whose rates apply to `date` has not been published yet (as of `newestPublished`). */
export function awaitsPublication(date: string, newestPublished: string | undefined): boolean {
  return newestPublished !== undefined && businessDayOnOrBefore(date) > newestPublished;
}

/** Downloads the ECB's files from `baseUrl` (https://www.ecb.europa.eu/stats/eurofxref/ on AWS). */
export function ecbDownloader(baseUrl: string, timeoutMs = 10_000): (file: string) => Promise<string> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return async (file) => {
    let response: Response;
    try {
      response = await fetch(new URL(file, base), { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new FeedUnavailable(`${file}: ${(error as Error).name}`);
    }
    if (!response.ok) throw new FeedUnavailable(`${file}: HTTP ${response.status}`);
    return response.text();
  };
}
