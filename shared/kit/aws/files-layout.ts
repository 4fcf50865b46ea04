/**
 * Where user files live in the private files bucket. Every object of a user sits under a prefix
 * that names them, so erasing a user is deleting their prefixes, never a search.
 */

/** Export files (and the rows their chunks read); the bucket expires them after a week. */
export const EXPORTS_PREFIX = 'exports/';

/** The prefixes that hold one user's objects. */
export const userFilePrefixes = (userId: string): string[] => [`${EXPORTS_PREFIX}${userId}/`];
