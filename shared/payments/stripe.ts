/**
 * The Stripe SDK, configured from the deployment: the keys come from the Stripe secret
 * (STRIPE_SECRET_ID, read through Secrets Manager at the first call and kept for the life of the
 * execution environment), and Stripe is reached at STRIPE_API_URL when set (another address than
 * Stripe's own, e.g. the local cloud's fake), else at api.stripe.com. The keys are never logged.
 */
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import Stripe from 'stripe';
import { secretsManagerClient } from '../kit/aws/clients';
import { ConflictError } from '../kit/errors';
import { HttpProblem } from '../kit/http/problems';

export type StripeAccess = { stripe: Stripe; webhookSecret: string };

/** Stripe is not enabled in this deployment, or its keys were not put in the secret yet. */
export class PaymentsNotEnabled extends ConflictError {
  constructor() {
    super(
      'Payments through Stripe are not enabled: deploy with `-c stripe=on` and put the keys in the Stripe secret.',
      'payments-not-enabled',
    );
  }
}

/**
 * 502: Stripe could not be reached, timed out, or failed on its side (5xx, rate limit), even after
 * the SDK's retry. Not Moneta's error, so no 500; the caller retries (with the same
 * Idempotency-Key, Stripe's retried request does nothing twice).
 */
export class StripeUnavailable extends HttpProblem {
  constructor() {
    super(
      502,
      'stripe-unavailable',
      'Stripe unavailable',
      'Stripe could not be reached or failed to answer; retry in a moment.',
      undefined,
      undefined,
      { 'retry-after': '5' },
    );
  }
}

/** Whether an error is Stripe being unavailable rather than refusing the request. */
export function isStripeUnavailable(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    (error instanceof Stripe.errors.StripeError && (error.statusCode ?? 0) >= 500)
  );
}

/** `run`, with Stripe's unavailability answered as a 502 StripeUnavailable. */
export function answeringStripeOutages<A extends unknown[], R>(run: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    try {
      return await run(...args);
    } catch (error) {
      throw isStripeUnavailable(error) ? new StripeUnavailable() : error;
    }
  };
}

/** Stripe's network retries: the SDK sends an idempotency key with each retried POST. */
const MAX_NETWORK_RETRIES = 1;
/**
 * Both attempts within the functions' 10 s (the API's default, which account erasure waits out:
 * shared/identity/user-data-store.ts), so a slow Stripe is an error the caller sees and retries
 * with the same key, not a killed function.
 */
const TIMEOUT_MS = 4_000;

export function stripeClient(secretKey: string, apiUrl: string | undefined): Stripe {
  const address = apiUrl ? new URL(apiUrl) : undefined;
  return new Stripe(secretKey, {
    maxNetworkRetries: MAX_NETWORK_RETRIES,
    timeout: TIMEOUT_MS,
    appInfo: { name: 'Moneta' },
    ...(address && {
      host: address.hostname,
      port: Number(address.port || (address.protocol === 'https:' ? 443 : 80)),
      protocol: address.protocol === 'http:' ? 'http' : 'https',
    }),
  });
}

let cached: Promise<StripeAccess> | undefined;

/** The configured Stripe; throws PaymentsNotEnabled when there is none. */
export function stripeAccess(env: NodeJS.ProcessEnv = process.env): Promise<StripeAccess> {
  cached ??= load(env).catch((error: unknown) => {
    // Not kept: the deployer may put the keys after this environment started.
    cached = undefined;
    throw error;
  });
  return cached;
}

async function load(env: NodeJS.ProcessEnv): Promise<StripeAccess> {
  const secretId = env.STRIPE_SECRET_ID;
  if (!secretId) throw new PaymentsNotEnabled();
  const { SecretString } = await secretsManagerClient().send(new GetSecretValueCommand({ SecretId: secretId }));
  let keys: { secretKey?: unknown; webhookSecret?: unknown };
  try {
    keys = JSON.parse(SecretString ?? '{}') as typeof keys;
  } catch {
    throw new PaymentsNotEnabled();
  }
  if (typeof keys.secretKey !== 'string' || keys.secretKey === '' || typeof keys.webhookSecret !== 'string') {
    throw new PaymentsNotEnabled();
  }
  return { stripe: stripeClient(keys.secretKey, env.STRIPE_API_URL), webhookSecret: keys.webhookSecret };
}

/** For tests: forget the keys read. */
export function forgetStripeAccess(): void {
  cached = undefined;
}
