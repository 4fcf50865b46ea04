/**
 * Every key of the single table is built here, and only here, from the caller's verified
 * Cognito `sub` (never from request input alone). See docs/data-model.md for the access patterns.
 */

export type Key = { pk: string; sk: string };

/** The partition that holds everything of one user. */
export const userPk = (userId: string): string => `USER#${userId}`;

/** Recovers the user id from a partition key; undefined for partitions that are not a user's. */
export function userIdFromPk(pk: string): string | undefined {
  return pk.startsWith('USER#') ? pk.slice('USER#'.length) : undefined;
}

export const keys = {
  profile: (userId: string): Key => ({ pk: userPk(userId), sk: 'PROFILE' }),
  /** Consumer dedupe marker: one per consumer and stream record (see handbook §3). */
  applied: (userId: string, consumer: string, sourceEventId: string): Key => ({
    pk: userPk(userId),
    sk: `APPLIED#${consumer}#${sourceEventId}`,
  }),
  /** A notification's claim and log item, keyed by the fact it reports so it is sent once. */
  notification: (userId: string, factId: string): Key => ({
    pk: userPk(userId),
    sk: `NOTIFY#${factId}`,
  }),
} as const;

/** Sort-key prefixes, for queries that list one kind of item in a user's partition. */
export const skPrefix = {
  applied: 'APPLIED#',
  notification: 'NOTIFY#',
} as const;
