/**
 * The overdue sweep's schedule, declared once: the stack builds the EventBridge Scheduler schedule
 * from it and the local cloud's scheduler runs the same target with the same input.
 */
import { SCHEDULED_TIME } from './monthly-summary';

/** The function's id in the catalog. */
export const OVERDUE_SWEEP = 'overdue-sweep';

export const overdueSweep = {
  /**
   * Every hour on the hour, UTC: some zone's calendar turns to a new day in every hour (UTC+14 at
   * 10:00 UTC … UTC−12 at 12:00 UTC the next day), so an invoice is reminded within the hour after
   * its owner's day after the due date begins.
   */
  schedule: { name: 'overdue-sweep', expression: 'cron(0 * * * ? *)', timezone: 'UTC' },
  /** The run is computed "as of" its scheduled time, never the clock (shared/invoices/overdue.ts). */
  input: { scheduledTime: SCHEDULED_TIME },
  /** A run is bounded (MAX_ENTRIES_PER_RUN index entries), far below this. */
  timeoutSeconds: 300,
  /**
   * A failed run is retried (by Lambda, twice) with the same scheduled time; invoices already
   * reminded are out of the index. Then it is dead-lettered (lib/constructs/scheduled-run.ts).
   */
  retryAttempts: 2,
} as const;
