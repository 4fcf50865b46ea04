/**
 * The `type` attribute of every item. The stream publisher decides from it whether a change is a
 * domain fact (published) or bookkeeping (dedupe markers, counters, notification log: skipped).
 */
export const ItemType = {
  Profile: 'PROFILE',
  Account: 'ACCOUNT',
  Category: 'CATEGORY',
  Transaction: 'TRANSACTION',
  Payee: 'PAYEE',
  ExternalId: 'EXTID',
  Idempotency: 'IDEMPOTENCY',
  Rates: 'RATES',
  AppliedMarker: 'APPLIED',
  Notification: 'NOTIFICATION',
} as const;
export type ItemType = (typeof ItemType)[keyof typeof ItemType];
