/**
 * How long a presigned URL may live: minutes, not days. A URL is a bearer credential (whoever
 * holds it may use it until it expires), so it is made for one upload or one download now.
 */
export const DEFAULT_EXPIRY_SECONDS = 300;
export const MAX_EXPIRY_SECONDS = 3600;

/** Seconds between 1 and MAX_EXPIRY_SECONDS; throws otherwise (a caller's mistake, not a user's). */
export function expirySeconds(asked: number | undefined): number {
  const seconds = asked ?? DEFAULT_EXPIRY_SECONDS;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_EXPIRY_SECONDS) {
    throw new RangeError(`A presigned URL lives 1 to ${MAX_EXPIRY_SECONDS} whole seconds, not ${seconds}`);
  }
  return seconds;
}

/** S3 keys are at most 1024 bytes of UTF-8; ours never start with a slash or hold `..` segments. */
export function checkKey(key: string): string {
  if (key === '' || Buffer.byteLength(key) > 1024 || key.startsWith('/') || key.split('/').includes('..')) {
    throw new RangeError(`Not a valid object key: ${JSON.stringify(key)}`);
  }
  return key;
}
