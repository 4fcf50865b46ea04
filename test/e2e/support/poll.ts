/** Waiting for eventually-consistent effects (mail, stream consumers) without fixed sleeps. */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The polling ceiling: longer than any effect the suite waits for should take, well under a test's 60 s. */
const MAX_POLL_MS = 15_000;

/**
 * Calls `probe` until it returns something other than undefined, or throws after `timeoutMs` with
 * `what` and the last probe error in the message.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = MAX_POLL_MS, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + Math.min(timeoutMs, MAX_POLL_MS);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await sleep(intervalMs);
  }
}
