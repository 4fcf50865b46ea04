/**
 * Where user files live in the private files bucket. Every object of a user sits under a prefix
 * that names them, so erasing a user is deleting their prefixes, never a search.
 */

/** Export files (and the rows their chunks read); the bucket expires them after a week. */
export const EXPORTS_PREFIX = 'exports/';

/** Statement files uploaded (or sent inline) for an import, and the rows parsed from them. */
export const IMPORTS_PREFIX = 'imports/';

/** Receipts and other files attached to a transaction or an invoice; kept until deleted. */
export const ATTACHMENTS_PREFIX = 'attachments/';

/** Every prefix under which user objects live (each followed by the user id). */
export const USER_FILE_ROOTS = [EXPORTS_PREFIX, IMPORTS_PREFIX, ATTACHMENTS_PREFIX] as const;

/** The prefixes that hold one user's objects. */
export const userFilePrefixes = (userId: string): string[] => USER_FILE_ROOTS.map((root) => `${root}${userId}/`);
