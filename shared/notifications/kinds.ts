/**
 * The kinds of email Moneta sends. Every kind but `welcome` is a switch in the user's
 * notification preferences (shared/identity/profile.ts) under the same name.
 */
import type { NotificationPreferences } from '../identity/public';

export const notificationKinds = [
  'welcome',
  'budgetThreshold',
  'budgetExceeded',
  'goalMilestone',
  'goalAchieved',
  'largeTransaction',
  'unusualSpending',
  'exportReady',
  'monthlySummary',
  'invoiceReminders',
  'webhookDisabled',
  'paymentReceipt',
  'paymentFailed',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Whether the user wants this kind of email. Welcome mail confirms the address works: always sent. */
export function wantsKind(kind: NotificationKind, preferences: NotificationPreferences): boolean {
  return kind === 'welcome' ? true : preferences[kind];
}
