/**
 * The monthly summary's schedule, declared once: the stack builds the EventBridge Scheduler
 * schedule from it and the local cloud's scheduler runs the same target with the same input.
 */

/** The function's id in the catalog. */
export const MONTHLY_SUMMARY = 'monthly-summary';

/**
 * Scheduler replaces this placeholder in the target's input with the run's scheduled time
 * (ISO 8601, UTC), the same on every retry of that run.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html
 */
export const SCHEDULED_TIME = '<aws.scheduler.scheduled-time>';

export const monthlySummary = {
  /**
   * Every hour on the hour, UTC: some zone reaches 08:00 of a 1st in every hour from the last
   * day of a month 18:00 UTC (UTC+14) to the 1st 20:00 UTC (UTC−12). Runs on other days find no
   * zone due and end after computing that (no read at all).
   */
  schedule: { name: 'monthly-summary', expression: 'cron(0 * * * ? *)', timezone: 'UTC' },
  /** The run is computed "as of" its scheduled time, never the clock (shared/summaries/run.ts). */
  input: { scheduledTime: SCHEDULED_TIME },
  /** Lambda's maximum: a run works through every user of the zones due, a page at a time. */
  timeoutSeconds: 900,
  /**
   * A failed run is retried (by Lambda, twice) with the same scheduled time; users already
   * summarized are skipped. Then it is dead-lettered (lib/constructs/scheduled-run.ts).
   */
  retryAttempts: 2,
} as const;
