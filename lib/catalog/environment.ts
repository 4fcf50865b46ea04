/**
 * The environment of each function, from its spec and the names of the resources it binds to.
 * The stack passes CloudFormation tokens, the local cloud passes local names: one function, so the
 * two cannot disagree about what a handler sees.
 */
import type { FunctionSpec } from './functions';

export type ResourceNames = {
  tableName: string;
  eventBusName: string;
  userPoolId: string;
  userPoolClientId: string;
  senderEmail: string;
  /** Undefined when the deploy target has no configuration set: sends then name none. */
  sesConfigurationSet?: string | undefined;
  /** Product name shown in emails. */
  appName: string;
  /** The consumers' retry queue and dead-letter queue, and the retry policy (./consumer-retries.ts). */
  consumerRetries: { retryQueueUrl: string; deadLetterQueueUrl: string; policy: Record<string, string> };
  /** The rates feed's environment (./rates-feed.ts). */
  ratesFeed: Record<string, string>;
  /** The private files bucket (./files.ts). */
  filesBucketName: string;
  /** The issuer of the Cognito access tokens the API's authorizer accepts (the pool's, or the `jwtIssuer` setting). */
  jwtIssuer: string;
  /** The HTTP API's base URL, without a trailing slash: emails link to its routes. */
  apiUrl: string;
  /**
   * Stripe, when the deployment enables it: the secret holding the keys, and Stripe's API address
   * when it is not Stripe's own (the local cloud's fake). None: payments are not enabled.
   */
  stripe?: { secretId: string; apiUrl?: string };
  /**
   * Webhook targets: `allowLocalHttp` admits http:// and loopback receivers (the local cloud's, a
   * test's). The stack leaves it out, so on AWS targets must be https and public.
   */
  webhooks?: { allowLocalHttp: boolean };
  /**
   * The name of the Parameter Store SecureString holding the key ring that seals webhook signing
   * secrets (shared/webhooks/secret-box.ts, lib/constructs/webhook-keys.ts).
   */
  webhookKeysParameter: string;
};

const METRICS_NAMESPACE = 'Moneta';

/** The webhook key ring parameter's name for a stack (lib/constructs/webhook-keys.ts): one per deployment. */
export const webhookKeysParameterName = (stackName: string) => `/moneta/${stackName}/webhook-keys`;

export function environmentFor(spec: FunctionSpec, names: ResourceNames): Record<string, string> {
  const env: Record<string, string> = {
    POWERTOOLS_SERVICE_NAME: `moneta-${spec.id}`,
    POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    NODE_OPTIONS: '--enable-source-maps',
  };
  if (spec.table || spec.tableItems || spec.requestLimits) env.TABLE_NAME = names.tableName;
  if (spec.userPool) {
    env.USER_POOL_ID = names.userPoolId;
    env.USER_POOL_CLIENT_ID = names.userPoolClientId;
  }
  if (spec.putEvents || spec.describeBus) env.EVENT_BUS_NAME = names.eventBusName;
  if (spec.sendEmail) {
    env.SENDER_EMAIL = names.senderEmail;
    if (names.sesConfigurationSet) env.SES_CONFIGURATION_SET = names.sesConfigurationSet;
    env.APP_NAME = names.appName;
    env.API_URL = names.apiUrl;
  }
  if (spec.retryQueue) env.RETRY_QUEUE_URL = names.consumerRetries.retryQueueUrl;
  if (spec.retryQueue === 'work') {
    env.DEAD_LETTER_QUEUE_URL = names.consumerRetries.deadLetterQueueUrl;
    Object.assign(env, names.consumerRetries.policy);
  }
  if (spec.ratesFeed) Object.assign(env, names.ratesFeed);
  if (spec.jwtIssuer) env.JWT_ISSUER = names.jwtIssuer;
  if (spec.files) env.FILES_BUCKET = names.filesBucketName;
  if (spec.stripe && names.stripe) {
    env.STRIPE_SECRET_ID = names.stripe.secretId;
    if (names.stripe.apiUrl) env.STRIPE_API_URL = names.stripe.apiUrl;
  }
  if (spec.webhooks && names.webhooks?.allowLocalHttp) env.WEBHOOK_ALLOW_LOCAL_HTTP = 'true';
  if (spec.webhookKeys || spec.webhookKeysCreate) env.WEBHOOK_KEYS_PARAMETER = names.webhookKeysParameter;
  return env;
}
