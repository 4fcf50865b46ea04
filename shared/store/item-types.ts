/**
 * The `type` attribute of every item. The stream publisher decides from it whether a change is a
 * domain fact (published) or bookkeeping (dedupe markers, counters, notification log: skipped).
 */
export const ItemType = {
  Profile: 'PROFILE',
  AppliedMarker: 'APPLIED',
  Notification: 'NOTIFICATION',
} as const;
export type ItemType = (typeof ItemType)[keyof typeof ItemType];
