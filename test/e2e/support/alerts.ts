/**
 * Budgets, goals and the mail they cause, as a user of the API sees them: creating and reading
 * budgets and goals with status checks, a budget's history per period, the notification log, the
 * alert mails in the outbox (kind from the SES tag the notifier sets), and the derived facts the
 * table holds (ALERT#…, GOALMILESTONE#…), which are what "exactly once" is about.
 */
import { api } from './api-client';
import { expectOk, type LedgerUser, listAll } from './ledger';
import { type Mail, mailsTo } from './mailbox';
import { sleep } from './poll';
import { userItemSortKeys } from './table';

type Money = { amount: number; currency: string };

export type BudgetView = {
  id: string;
  name: string;
  categoryIds: string[] | null;
  period: 'monthly' | 'weekly' | 'yearly';
  limit: Money;
  thresholds: number[];
  rollover: boolean;
  enforce: boolean;
  startDate: string;
  version: number;
};

type PeriodView = {
  periodId: string;
  start: string;
  end: string;
  limit: Money;
  rolloverIn: Money;
  effectiveLimit: Money;
  spent: Money;
  remaining: Money;
  percent: number;
};

type NewBudget = {
  name: string;
  limit: Money;
  categoryIds?: string[] | null;
  period?: 'monthly' | 'weekly' | 'yearly';
  thresholds?: number[];
  rollover?: boolean;
  enforce?: boolean;
  startDate?: string;
};

export async function createBudget(user: LedgerUser, body: NewBudget): Promise<BudgetView> {
  return expectOk(await api.post('/v1/budgets', body, { token: user.token }), 201, 'create budget').json as BudgetView;
}

export async function getBudget(user: LedgerUser, budgetId: string) {
  return expectOk(await api.get(`/v1/budgets/${budgetId}`, { token: user.token }), 200, 'get budget')
    .json as BudgetView & {
    current: PeriodView;
  };
}

/** The budget's periods overlapping [from, to], as GET /v1/budgets/{id}/periods shows them. */
async function budgetPeriods(user: LedgerUser, budgetId: string, from: string, to: string) {
  const result = await api.get(`/v1/budgets/${budgetId}/periods?from=${from}&to=${to}`, { token: user.token });
  return expectOk(result, 200, 'budget periods').json.items as PeriodView[];
}

/** periodId → spent, for the periods overlapping [from, to]. */
export async function spentByPeriod(user: LedgerUser, budgetId: string, from: string, to: string) {
  const periods = await budgetPeriods(user, budgetId, from, to);
  return Object.fromEntries(periods.map((period) => [period.periodId, period.spent.amount]));
}

export type GoalView = {
  id: string;
  name: string;
  target: Money;
  saved: Money;
  percent: number;
  funding: { kind: 'contributions' } | { kind: 'account'; accountId: string };
  version: number;
};

export async function createGoal(
  user: LedgerUser,
  body: { name: string; target: Money; funding: GoalView['funding']; deadline?: string | null },
): Promise<GoalView> {
  return expectOk(await api.post('/v1/goals', body, { token: user.token }), 201, 'create goal').json as GoalView;
}

export async function getGoal(user: LedgerUser, goalId: string): Promise<GoalView> {
  return expectOk(await api.get(`/v1/goals/${goalId}`, { token: user.token }), 200, 'get goal').json as GoalView;
}

export async function contribute(user: LedgerUser, goalId: string, money: Money, date?: string) {
  const body = { money, ...(date ? { date } : {}) };
  return expectOk(await api.post(`/v1/goals/${goalId}/contributions`, body, { token: user.token }), 201, 'contribute')
    .json as { id: string; money: Money };
}

type NotificationView = {
  id: string;
  kind: string;
  status: 'sending' | 'sent' | 'failed' | 'suppressed';
  attempts: number;
  sesMessageId: string | null;
  reason: string | null;
};

export const notificationLog = async (user: LedgerUser) =>
  (await listAll<NotificationView>(user, '/v1/notifications')).items;

/** A mail as the outbox keeps it, with the notifier's `kind` tag. */
export type AlertMail = Mail & { tags?: Record<string, string> };

const ALERT_KINDS = ['budgetThreshold', 'budgetExceeded', 'goalMilestone', 'goalAchieved'] as const;

/** The budget and goal mails `address` has received, newest first (the welcome mail is left out). */
export async function alertMails(address: string): Promise<AlertMail[]> {
  const mails = (await mailsTo(address)) as AlertMail[];
  return mails.filter((mail) => (ALERT_KINDS as readonly string[]).includes(mail.tags?.kind ?? ''));
}

export const kindOf = (mail: AlertMail) => mail.tags?.kind ?? 'untagged';

/**
 * What a mail reports, without the figures of its snapshot (those depend on when the threshold was
 * crossed): kind, the budget or goal name, the threshold or milestone, and the period.
 * `budgetThreshold "Groceries" 80 November 2026`, `goalAchieved "Trip" 100`.
 */
export function mailFact(mail: AlertMail): string {
  const kind = kindOf(mail);
  const name = /"([^"]*)"/.exec(mail.subject)?.[1] ?? '?';
  const text = mail.text ?? '';
  switch (kind) {
    case 'budgetThreshold': {
      const threshold = /has passed (\d+)% of its limit/.exec(text)?.[1] ?? '?';
      return `${kind} "${name}" ${threshold} ${/ for (.+)$/.exec(mail.subject)?.[1] ?? '?'}`;
    }
    case 'budgetExceeded':
      return `${kind} "${name}" ${/ for (.+)$/.exec(mail.subject)?.[1] ?? '?'}`;
    case 'goalMilestone':
      return `${kind} "${name}" ${/: (\d+)% reached/.exec(mail.subject)?.[1] ?? '?'}`;
    default:
      return `${kind} "${name}"`;
  }
}

/** Polls beyond `eventually`'s 15 s ceiling (an SES outage is retried with backoff for up to a minute). */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs, intervalMs = 100 }: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** Waits until `address` has `count` alert mails matching `match` (more is the test's to notice). */
export function waitForAlertMails(
  address: string,
  match: (mail: AlertMail) => boolean,
  count = 1,
  timeoutMs = 15_000,
  intervalMs = 25,
): Promise<AlertMail[]> {
  return waitUntil(
    `${count} alert mail(s) to ${address}`,
    async () => {
      const found = (await alertMails(address)).filter(match);
      return found.length >= count ? found : undefined;
    },
    { timeoutMs, intervalMs },
  );
}

/**
 * The derived facts in the user's partition: budget alerts `budgetId#periodId#threshold` and goal
 * milestones `goalId#percent`, sorted.
 */
export async function derivedFacts(userId: string): Promise<{ alerts: string[]; milestones: string[] }> {
  const sortKeys = await userItemSortKeys(userId);
  const after = (prefix: string) =>
    sortKeys
      .filter((sk) => sk.startsWith(prefix))
      .map((sk) => sk.slice(prefix.length))
      .sort();
  return { alerts: after('ALERT#'), milestones: after('GOALMILESTONE#') };
}

/** The first and last day of the month `offset` months from `date`'s (YYYY-MM-DD). */
export function monthOf(date: string, offset = 0): { id: string; start: string; end: string } {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 + offset, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { id: iso(first).slice(0, 7), start: iso(first), end: iso(last) };
}

/** Today in UTC (the suite's users live in UTC), YYYY-MM-DD. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
