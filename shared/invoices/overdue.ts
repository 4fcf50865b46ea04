/**
 * The overdue sweep: one run of the hourly schedule, computed from its scheduled instant (never
 * the clock), so a late, retried or repeated run of an hour does that hour's work.
 *
 * An invoice is overdue from the day after its due date on its owner's calendar (their profile's
 * zone), the same rule the API derives the `overdue` status with (./status.ts). A run Queries the
 * due-date index (never a Scan) for every due date before the latest calendar day on Earth at that
 * instant (UTC+14's): only those can be overdue somewhere. For each entry it reads the owner's
 * profile (once per user and run) and, when the invoice is overdue in their zone, writes its
 * reminder once (./reminders.ts); entries not yet overdue in their zone (a due date of the last day
 * or two) stay in the index for a later run.
 *
 * The reminder is written whatever the user's email preference: it is the fact that the invoice
 * went overdue, and the notifier decides on the email (`invoiceReminders`).
 */
import type { Profile } from '../identity/public';
import { todayIn } from '../transactions/public';
import type { InvoiceReminderItem } from './items';
import type { DueEntry, ReminderStore } from './reminders';
import { openAmount } from './status';

/** The zone whose calendar is ahead of every other (Kiribati's Line Islands, UTC+14). */
const EARLIEST_ZONE = 'Etc/GMT-14';

/** Index entries a run goes through at most; the rest waits for the next hour. Bounded cost and time. */
export const MAX_ENTRIES_PER_RUN = 5_000;

/** Invoices reminded at once: bounded, so a large backlog does not exhaust DynamoDB or memory. */
const CONCURRENCY = 8;

/** Overdue on the owner's calendar at `instant`: their today is after the due date. */
export function isOverdue(dueDate: string, timezone: string, instant: Date): boolean {
  return todayIn(timezone, instant) > dueDate;
}

/** The latest calendar day anywhere at `instant`: an invoice due before it is overdue somewhere. */
export function latestDay(instant: Date): string {
  return todayIn(EARLIEST_ZONE, instant);
}

export type SweepOutcome = {
  /** Index entries read. */
  examined: number;
  reminded: number;
  /** Already reminded for that due date (by an overlapping or earlier run). */
  existing: number;
  /** Not yet overdue in the owner's zone: left for a later run. */
  notYet: number;
  /** Paid, voided, edited or moved since the index listed it. */
  changed: number;
  /** The owner's account is deleted (or being deleted). */
  userGone: number;
  failed: number;
  /** The run stopped at its bound (MAX_ENTRIES_PER_RUN), maybe with entries left: the next run continues. */
  more: boolean;
};

export type SweepDeps = {
  reminders: Pick<ReminderStore, 'dueBefore' | 'remind'>;
  profile: (userId: string) => Promise<Profile | undefined>;
  now: () => Date;
  maxEntries?: number;
  onFailure?: (error: unknown) => void;
};

export function reminderOf(entry: DueEntry, profile: Profile, instant: Date, now: Date): InvoiceReminderItem {
  const { invoice } = entry;
  return {
    type: 'INVOICE_REMINDER',
    factId: `${invoice.invoiceId}#${invoice.dueDate}`,
    invoiceId: invoice.invoiceId,
    direction: invoice.direction,
    number: invoice.number,
    payeeName: invoice.payeeName,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    gross: invoice.gross,
    paidAmount: invoice.paidAmount,
    openAmount: openAmount(invoice),
    asOf: todayIn(profile.timezone, instant),
    timezone: profile.timezone,
    remindedAt: now.toISOString(),
  };
}

export async function sweepOverdue(deps: SweepDeps, scheduledAt: Date): Promise<SweepOutcome> {
  const outcome: SweepOutcome = {
    examined: 0,
    reminded: 0,
    existing: 0,
    notYet: 0,
    changed: 0,
    userGone: 0,
    failed: 0,
    more: false,
  };
  const max = deps.maxEntries ?? MAX_ENTRIES_PER_RUN;
  // One read per user and run, shared by their invoices (and by concurrent ones: the promise).
  const profiles = new Map<string, Promise<Profile | undefined>>();
  const profileOf = (userId: string) => {
    let found = profiles.get(userId);
    if (!found) {
      found = deps.profile(userId);
      profiles.set(userId, found);
    }
    return found;
  };

  async function sweepOne(entry: DueEntry): Promise<Exclude<keyof SweepOutcome, 'examined' | 'failed' | 'more'>> {
    const profile = await profileOf(entry.userId);
    if (!profile) return 'userGone';
    if (!isOverdue(entry.invoice.dueDate, profile.timezone, scheduledAt)) return 'notYet';
    const written = await deps.reminders.remind(entry, reminderOf(entry, profile, scheduledAt, deps.now()));
    return written === 'user-gone' ? 'userGone' : written;
  }

  for await (const page of deps.reminders.dueBefore(latestDay(scheduledAt))) {
    const entries = page.slice(0, max - outcome.examined);
    for (let i = 0; i < entries.length; i += CONCURRENCY) {
      await Promise.all(
        entries.slice(i, i + CONCURRENCY).map(async (entry) => {
          try {
            outcome[await sweepOne(entry)]++;
          } catch (error) {
            outcome.failed++;
            deps.onFailure?.(error);
          }
        }),
      );
    }
    outcome.examined += entries.length;
    if (outcome.examined >= max) {
      outcome.more = true;
      break;
    }
  }
  return outcome;
}
