/**
 * Which facts are reported by email, and how: `fact → notification`. Adding a kind is one template
 * in ./templates and one entry here, plus its detail type in the `notify` rule
 * (lib/catalog/rules.ts) — the notifier's tests check the two lists agree.
 *
 * The fact id names the fact, not the event: two events about the same fact (a redelivery, a
 * publisher retry with a new envelope id) map to the same id, and the claim on it makes the email
 * go out once.
 */

import type { budgetsEvents } from '../budgets/public';
import { contentTypes, exportFileName, type exportsEvents } from '../exports/public';
import type { goalsEvents } from '../goals/public';
import type { identityEvents, Profile } from '../identity/public';
import type { insightsEvents } from '../insights/public';
import type { invoicesEvents } from '../invoices/public';
import type { DetailOf } from '../kit/events/domain-events';
import type { paymentsEvents } from '../payments/public';
import type { summariesEvents } from '../summaries/public';
import type { transactionsEvents } from '../transactions/public';
import type { webhooksEvents } from '../webhooks/public';
import type { NotificationKind } from './kinds';
import { budgetAlertEmail } from './templates/budget-alert';
import type { RenderedEmail } from './templates/email';
import { exportReadyEmail } from './templates/export-ready';
import { goalAchievedEmail, goalMilestoneEmail } from './templates/goal-milestone';
import { invoiceOverdueEmail } from './templates/invoice-overdue';
import { largeTransactionEmail } from './templates/large-transaction';
import { monthlySummaryEmail } from './templates/monthly-summary';
import { paymentFailedEmail, paymentReceiptEmail } from './templates/payment';
import { unusualSpendingEmail } from './templates/unusual-spending';
import { webhookDisabledEmail } from './templates/webhook-disabled';
import { welcomeEmail } from './templates/welcome';

/** What rendering may look up; called only once the email is certain to be sent. */
type RenderContext = {
  appName: string;
  /** The recipient's current profile. */
  profile: Profile;
  /** An account's name, or undefined when it no longer exists. */
  accountName: (accountId: string) => Promise<string | undefined>;
  /** The API's base URL (no trailing slash): emails link to its routes. */
  apiUrl: string;
  /** An object of the files bucket (an export to attach). */
  file: (key: string) => Promise<Buffer>;
};

/** Exports up to this size travel with their email (when the user allows); larger ones are links only. */
export const MAX_ATTACHMENT_BYTES = 1_000_000;

export type Fact = {
  kind: NotificationKind;
  /** Unique per user and fact; the notification item's key. */
  factId: string;
  /**
   * Whether this fact concerns the user at all given their settings (a transaction is "large"
   * only from their amount on). Not the on/off switch: a switched-off kind is still recorded.
   */
  concerns?: (profile: Profile) => boolean;
  render: (context: RenderContext) => Promise<RenderedEmail> | RenderedEmail;
};

/** The events a notification can report, as their features declare them. */
type NotifiableEvents = typeof identityEvents &
  typeof transactionsEvents &
  typeof budgetsEvents &
  typeof goalsEvents &
  typeof insightsEvents &
  typeof summariesEvents &
  typeof exportsEvents &
  typeof invoicesEvents &
  typeof webhooksEvents &
  typeof paymentsEvents;
type EventName = keyof NotifiableEvents;
type EventDetail<N extends EventName> = DetailOf<NotifiableEvents, N>;

type FactOf<N extends EventName> = (detail: EventDetail<N>) => Fact | undefined;

const factOfEvent = {
  UserSignedUp: () => ({
    kind: 'welcome',
    // One welcome per user, ever: signing up is a fact that happens once.
    factId: 'welcome',
    render: ({ appName, profile }) =>
      welcomeEmail({ appName, name: profile.name, homeCurrency: profile.homeCurrency, timezone: profile.timezone }),
  }),

  BudgetThresholdCrossed: ({ data }) => ({
    kind: data.exceeded ? 'budgetExceeded' : 'budgetThreshold',
    factId: data.alertId,
    render: ({ appName }) => budgetAlertEmail(data, appName),
  }),

  GoalMilestoneReached: ({ data }) => ({
    kind: 'goalMilestone',
    factId: data.milestoneId,
    render: ({ appName }) => goalMilestoneEmail(data, appName),
  }),

  GoalAchieved: ({ data }) => ({
    kind: 'goalAchieved',
    factId: data.milestoneId,
    render: ({ appName }) => goalAchievedEmail(data, appName),
  }),

  ExportReady: ({ data }) => ({
    kind: 'exportReady',
    factId: `export-ready#${data.exportId}`,
    render: async ({ appName, apiUrl, profile, file }) => {
      const attach = profile.notifications.attachExports && data.fileSize <= MAX_ATTACHMENT_BYTES;
      const attachment = attach
        ? { filename: exportFileName(data), contentType: contentTypes[data.format], content: await file(data.fileKey) }
        : undefined;
      return exportReadyEmail(data, { appName, apiUrl, ...(attachment ? { attachment } : {}) });
    },
  }),

  TransactionCreated: ({ data }) => {
    // A transfer moves money between the user's own accounts (and would alert twice, once per leg).
    if (data.kind === 'transfer') return undefined;
    const kind = data.kind;
    return {
      kind: 'largeTransaction',
      factId: `large-txn#${data.transactionId}`,
      concerns: ({ homeCurrency, notifications }) =>
        // The amount setting is in the home currency; a transaction recorded under a former home
        // currency cannot be compared with it.
        data.homeCurrency === homeCurrency && Math.abs(data.homeAmount) >= notifications.largeTransactionAmount,
      render: async ({ appName, profile, accountName }) =>
        largeTransactionEmail(
          {
            kind,
            amount: { amount: data.amount, currency: data.currency },
            homeAmount: { amount: Math.abs(data.homeAmount), currency: data.homeCurrency },
            accountName: await accountName(data.accountId),
            payee: data.payee,
            date: data.date,
            threshold: { amount: profile.notifications.largeTransactionAmount, currency: profile.homeCurrency },
          },
          appName,
        ),
    };
  },

  UnusualSpending: ({ data }) => ({
    kind: 'unusualSpending',
    factId: `unusual#${data.factId}`,
    render: ({ appName }) => unusualSpendingEmail(data, appName),
  }),

  MonthlySummary: ({ data }) => ({
    kind: 'monthlySummary',
    // One per user and month summarized, however often the schedule ran or the event came.
    factId: `monthly-summary#${data.month}`,
    render: ({ appName }) => monthlySummaryEmail(data, appName),
  }),

  InvoiceOverdue: ({ data }) => ({
    kind: 'invoiceReminders',
    // One per invoice and due date, however often the sweep ran or the event came.
    factId: `invoice-overdue#${data.factId}`,
    render: ({ appName, apiUrl }) => invoiceOverdueEmail(data, { appName, apiUrl }),
  }),

  WebhookDisabled: ({ data }) => ({
    kind: 'webhookDisabled',
    // One per disabling: re-enabled and disabled again is a new fact.
    factId: `webhook-disabled#${data.factId}`,
    render: ({ appName }) => webhookDisabledEmail(data, appName),
  }),

  PaymentSucceeded: ({ data }) => ({
    kind: 'paymentReceipt',
    // One receipt per payment: a payment succeeds once.
    factId: `payment-receipt#${data.paymentId}`,
    render: ({ appName, apiUrl }) => paymentReceiptEmail(data, { appName, apiUrl }),
  }),

  PaymentFailed: ({ data }) => ({
    kind: 'paymentFailed',
    // A payment is canceled or expires once, but may be declined several times: once per attempt.
    factId:
      data.outcome === 'failed'
        ? `payment-failed#${data.paymentId}#${data.attemptId ?? 'attempt'}`
        : `payment-${data.outcome}#${data.paymentId}`,
    render: ({ appName, apiUrl }) => paymentFailedEmail(data, { appName, apiUrl }),
  }),
} satisfies { [N in EventName]?: FactOf<N> };

type NotifiedEvent = keyof typeof factOfEvent;
export const notifiedEvents = Object.keys(factOfEvent) as NotifiedEvent[];

/** The fact an event reports, or undefined when it reports none (a transfer leg). */
export function factOf<N extends NotifiedEvent>(detailType: N, detail: EventDetail<N>): Fact | undefined {
  return (factOfEvent[detailType] as FactOf<N>)(detail);
}
