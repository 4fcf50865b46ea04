/**
 * The daily rates feed: when it runs, where it downloads from, how it retries and when its circuit
 * breaker opens. The stack builds the schedule and the staleness alarm from this; the local cloud
 * runs the same function against its ECB endpoint, with the breaker's cooldown on its time scale.
 */

/** The function's id in the catalog. */
export const RATES_FETCHER = 'rates-fetcher';

/** Where the ECB serves eurofxref-daily.xml and eurofxref-hist-90d.xml. */
export const ECB_RATES_URL = 'https://www.ecb.europa.eu/stats/eurofxref/';

export const ratesFeed = {
  /**
   * EventBridge Scheduler, in Frankfurt time: the ECB publishes around 16:00 CET on TARGET
   * business days. Hourly until 20:00 so a late publication or a short outage is caught the same
   * day; a run that finds nothing new costs one GetItem, one Query and two small downloads.
   * TARGET holidays run too, find nothing new, and count for nothing in the staleness figure.
   * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#cron-based
   */
  schedule: { name: 'rates-feed', expression: 'cron(15 16-20 ? * MON-FRI *)', timezone: 'Europe/Berlin' },
  attempts: 3,
  retryDelayMs: 2_000,
  /** Three failed runs in a row (three hours of a business day) open the breaker … */
  failuresToOpen: 3,
  /** … for six hours, then one run tries again. */
  cooldownSeconds: 6 * 60 * 60,
  /** The alarm: the newest stored day is more than this many business days behind. */
  staleAfterBusinessDays: 4,
  timeoutSeconds: 60,
} as const;

/** The fetcher's environment, with the breaker's cooldown and the retry delay on a time scale (1 on AWS). */
export function ratesFeedEnvironment(ecbUrl: string, timeScale = 1): Record<string, string> {
  return {
    ECB_RATES_URL: ecbUrl,
    FEED_ATTEMPTS: String(ratesFeed.attempts),
    FEED_RETRY_DELAY_MS: String(Math.max(1, Math.round(ratesFeed.retryDelayMs * timeScale))),
    FEED_FAILURES_TO_OPEN: String(ratesFeed.failuresToOpen),
    FEED_COOLDOWN_SECONDS: String(Math.max(1, Math.round(ratesFeed.cooldownSeconds * timeScale))),
  };
}
