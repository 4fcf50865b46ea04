/**
 * How keys of the single table are made. Every user item lives in the user's partition, built
 * from the caller's verified Cognito `sub` (never from request input alone); each feature declares
 * its entities with `entity` next to their item schemas. See docs/data-model.md for the access
 * patterns.
 */

export type Key = { pk: string; sk: string };

/** The partition that holds everything of one user. */
export const userPk = (userId: string): string => `USER#${userId}`;

/** Recovers the user id from a partition key; undefined for partitions that are not a user's. */
export function userIdFromPk(pk: string): string | undefined {
  return pk.startsWith('USER#') ? pk.slice('USER#'.length) : undefined;
}

/**
 * The item that anchors a user's partition: the profile. It exists from sign-up until the account
 * is deleted, so a write conditioned on it cannot land in the partition of a deleted user.
 */
export const userRootKey = (userId: string): Key => ({ pk: userPk(userId), sk: 'PROFILE' });

/**
 * One entity of a user's partition, declared once: its stored item type (the `type` attribute the
 * stream publisher reads), its sort-key prefix, and how the rest of its sort key is made. Type and
 * prefix are stored strings: they keep their values (some predate this naming, e.g. TRANSACTION
 * and TXN) because changing one would strand every stored item.
 */
export function entity<const Type extends string, const Prefix extends string, Parts extends unknown[]>(
  type: Type,
  prefix: Prefix,
  sortKey: (...parts: Parts) => string,
) {
  return {
    type,
    /** `TXN#`: what every sort key of this entity starts with, for listing queries. */
    prefix: `${prefix}#` as `${Prefix}#`,
    key: (userId: string, ...parts: Parts): Key => ({ pk: userPk(userId), sk: `${prefix}#${sortKey(...parts)}` }),
  };
}

/** The sort key of an entity keyed by one id. */
export const byId = (id: string): string => id;
