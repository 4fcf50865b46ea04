/**
 * Request fields the account and category routes share: the `{id}` path, display names, the
 * `includeArchived` switch, and how new ids are made.
 */
import { monotonicFactory } from 'ulid';
import * as z from '../schema';

/**
 * Ids are ULIDs (accounts, user-made categories) or slugs (default categories such as `groceries`).
 * The character set keeps `#`, the key separator, out of every key built from them.
 */
export const entityId = z.lazily(() =>
  z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(64),
      z.regex(/^[A-Za-z0-9_-]+$/, 'must be an id made of letters, digits, "-" and "_"'),
    ),
);

export const idPath = z.lazily(() => z.strictObject({ id: entityId() }));

/** What a person calls an account or a category; surrounding spaces are not part of it. */
export const entityName = z.lazily(() =>
  z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(100)),
);

/** A boolean query parameter: exactly `true` or `false` (a query string has no booleans). */
export const queryBoolean = z.lazily(() =>
  z.pipe(
    z.enum(['true', 'false'], { error: 'must be true or false' }),
    z.transform((value) => value === 'true'),
  ),
);

// Monotonic, so ids made in the same millisecond still sort in creation order (lists page by id).
const nextUlid = monotonicFactory();

/** A new account or category id: a ULID, so a list by sort key is a list by creation time. */
export function newEntityId(now = Date.now()): string {
  return nextUlid(now);
}
