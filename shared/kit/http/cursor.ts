/**
 * Opaque pagination cursors bound to the caller. A cursor carries the position to continue after
 * and a fingerprint of the user it was issued to; another user's cursor, or one that does not
 * decode, is refused with 400 naming `cursor`. Editing the position of your own cursor can only move
 * you within your own data: every key condition is still built from the verified `sub`.
 */
import { createHash } from 'node:crypto';
import * as z from '../schema';
import { ValidationFailed } from './problems';

const cursorPayload = z.lazily(() =>
  z.strictObject({
    v: z.literal(1),
    u: z.string().check(z.regex(/^[0-9a-f]{12}$/)),
    /** Where the next page starts: a sort key, or a JSON-encoded LastEvaluatedKey. */
    after: z.string().check(z.minLength(1), z.maxLength(1024)),
  }),
);

function userFingerprint(userId: string): string {
  return createHash('sha256').update(userId).digest('hex').slice(0, 12);
}

export function encodeCursor(userId: string, after: string): string {
  return Buffer.from(JSON.stringify({ v: 1, u: userFingerprint(userId), after }), 'utf8').toString('base64url');
}

/** The position a cursor continues after; throws 400 for a foreign or malformed cursor. */
export function decodeCursor(userId: string, cursor: string): string {
  const invalid = () => new ValidationFailed([{ in: 'query', field: 'cursor', message: 'is not a valid cursor' }]);
  let payload: z.infer<ReturnType<typeof cursorPayload>>;
  try {
    payload = cursorPayload().parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalid();
  }
  if (payload.u !== userFingerprint(userId)) throw invalid();
  return payload.after;
}

/** Where a list continues, from the caller's `cursor` query parameter: `{ after }`, or `{}` on the first page. */
export function continueAfter(userId: string, cursor: string | undefined): { after?: string } {
  return cursor === undefined ? {} : { after: decodeCursor(userId, cursor) };
}

/** A page as every list route answers it: the items as views, and the next page's cursor (null on the last). */
export function pageBody<T, V>(userId: string, page: { items: readonly T[]; last?: string }, view: (item: T) => V) {
  return { items: page.items.map(view), nextCursor: page.last ? encodeCursor(userId, page.last) : null };
}

/** `limit` and `cursor` query parameters every list route accepts. */
export const pageQuery = z.lazily(() => ({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
}));
