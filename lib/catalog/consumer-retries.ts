/**
 * How an event a consumer fails on is retried on AWS, applied by the stack and, on a time scale,
 * by the local cloud. EventBridge hands each event to its consumer as an asynchronous invocation:
 * Lambda retries a function error `lambdaRetryAttempts` times (waiting 1 and then 2 minutes) and
 * then writes an invocation record to the on-failure destination, the shared retry queue. The
 * consumer retrier, run every `sweepEverySeconds`, invokes the consumer again after a backoff
 * (`firstDelaySeconds`, doubling up to `maxDelaySeconds`) until `windowSeconds` have passed since
 * the first failure; then the record goes to the dead-letter queue (alarmed), for a redrive.
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
 */
export const consumerRetry = {
  /** Lambda's own retries of an asynchronous invocation: its maximum (0–2). */
  lambdaRetryAttempts: 2,
  /** Lambda keeps an event for retries at most this long (its maximum is 6 hours). */
  maxEventAgeSeconds: 6 * 60 * 60,
  /** More than a day: a consumer that fails for 24 hours still gets its events when it recovers. */
  windowSeconds: 26 * 60 * 60,
  firstDelaySeconds: 5 * 60,
  maxDelaySeconds: 60 * 60,
  sweepEverySeconds: 5 * 60,
} as const;

/** The retrier's id in the function catalog. */
export const CONSUMER_RETRIER = 'consumer-retrier';

/** The policy in the unit the retrier's environment gives it, on a time scale (1 on AWS). */
export function retryPolicySeconds(timeScale = 1) {
  const scaled = (value: number) => String(Math.max(1, Math.round(value * timeScale)));
  return {
    RETRY_WINDOW_SECONDS: scaled(consumerRetry.windowSeconds),
    RETRY_FIRST_DELAY_SECONDS: scaled(consumerRetry.firstDelaySeconds),
    RETRY_MAX_DELAY_SECONDS: scaled(consumerRetry.maxDelaySeconds),
  };
}
