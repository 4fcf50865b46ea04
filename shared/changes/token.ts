/**
 * The feed's position tokens. Opaque to clients: base64url of `{v, s, t}`, a format version, the
 * sequence of the last entry the client holds (0: none yet) and when that entry was written
 * (epoch seconds). The time tells whether the entries after it can still be there: they were all
 * written at or after it, and entries are kept CHANGE_RETENTION_DAYS, so a token whose time is
 * older than that answers 410 (resync).
 *
 * Tokens are not bound to a user and not signed: every read is built from the caller's verified
 * `sub`, so another user's token (or an edited one) only moves the caller within their own feed.
 * A token that does not decode is 400 naming `since`.
 */
import * as z from '../kit/schema';

export type FeedPosition = {
  /** The last sequence the client holds; 0 before the first entry. */
  sequence: number;
  /** When that entry was written (or, at sequence 0, when the token was issued), epoch seconds. */
  recordedAt: number;
};

const TOKEN_VERSION = 1;
/** A token is a few dozen characters; anything much longer is not one. */
export const MAX_TOKEN_LENGTH = 200;

const tokenPayload = z.lazily(() =>
  z.strictObject({
    v: z.literal(TOKEN_VERSION),
    s: z.int().check(z.nonnegative(), z.lte(Number.MAX_SAFE_INTEGER)),
    t: z.int().check(z.nonnegative(), z.lte(253_402_300_799)),
  }),
);

export function encodeToken(position: FeedPosition): string {
  const payload = { v: TOKEN_VERSION, s: position.sequence, t: position.recordedAt };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** The position a token stands for, or undefined when it is not a token this API issued. */
export function decodeToken(token: string): FeedPosition | undefined {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    const payload = tokenPayload().parse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return { sequence: payload.s, recordedAt: payload.t };
  } catch {
    return undefined;
  }
}

/** True when the entries after `position` may have expired: the client must read everything again. */
export function isExpired(position: FeedPosition, nowSeconds: number, retentionSeconds: number): boolean {
  return nowSeconds - position.recordedAt > retentionSeconds;
}
