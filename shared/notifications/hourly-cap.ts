/**
 * The hourly email cap: at most HOURLY_EMAIL_CAP emails per user per UTC hour. It bounds what a
 * burst of facts (an import of a thousand large transactions, a replayed dead-letter queue) can
 * put in someone's inbox, and what SES charges and counts against the sender's reputation.
 */

export const HOURLY_EMAIL_CAP = 20;

/** Counters outlive their hour by a margin, then TTL removes them. */
const CAP_COUNTER_TTL_SECONDS = 2 * 24 * 60 * 60;

type CapWindow = { hour: string; cap: number; expiresAt: number };

/** The cap window holding `at`: its UTC hour (`2026-04-13T09`) and when its counter expires. */
export function capWindow(at: Date): CapWindow {
  const hour = at.toISOString().slice(0, 13);
  const hourStart = Date.parse(`${hour}:00:00.000Z`) / 1000;
  return { hour, cap: HOURLY_EMAIL_CAP, expiresAt: hourStart + CAP_COUNTER_TTL_SECONDS };
}
