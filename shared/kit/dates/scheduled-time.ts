/** The instant a scheduled run is "as of", from Scheduler's input (lib/constructs/scheduled-run.ts). */

const HOUR_MS = 3_600_000;

/**
 * Scheduler's scheduled time, the same on every retry of a run; an invocation without one (by hand)
 * runs as of the current hour. Anything else is refused: a wrong instant would do the wrong run.
 */
export function scheduledAt(event: unknown, now: () => number = Date.now): Date {
  const given = (event as { scheduledTime?: unknown } | null)?.scheduledTime;
  if (given === undefined) return new Date(Math.floor(now() / HOUR_MS) * HOUR_MS);
  const instant = typeof given === 'string' ? new Date(given) : new Date(Number.NaN);
  if (Number.isNaN(instant.getTime())) throw new Error('scheduledTime is not an ISO 8601 instant');
  return instant;
}
