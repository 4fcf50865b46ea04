/**
 * Every Lambda function of Moneta, as data: where its code is, what it may touch, how long it may
 * run. The API functions are derived from the operation declarations (shared/app/operations.ts:
 * one function per operation, with its entry, grants and limits) and the consumer declarations
 * (shared/app/consumers.ts); the others (the Cognito trigger, the stream publisher, the seed) are
 * declared here. The CDK stack builds one NodejsFunction per entry (with exactly these grants), and the local
 * cloud runs the same entries with the same environment (./environment.ts). No CDK imports here.
 */
import { type Consumer, consumersByFeature } from '../../shared/app/consumers';
import { operations } from '../../shared/app/operations';
import type { ConsumerDeclaration } from '../../shared/kit/events/consumer';
import type { Grants, OperationDeclaration } from '../../shared/kit/http/operation';
import { budgetsOf } from '../../shared/kit/http/request-limits';
import { CONSUMER_RETRIER } from './consumer-retries';
import { MONTHLY_SUMMARY, monthlySummary } from './monthly-summary';
import { OVERDUE_SWEEP, overdueSweep } from './overdue-sweep';
import { RATES_FETCHER, ratesFeed } from './rates-feed';

/** The function API Gateway asks before every authenticated route (lib/constructs/api.ts). */
export const API_AUTHORIZER = 'api-authorizer';

/**
 * How long API Gateway keeps an authorizer's answer for one Authorization header: the longest a
 * logout, logout-all or revoked API token takes to be refused everywhere (docs/security.md).
 */
export const AUTHORIZER_CACHE_TTL_SECONDS = 5;

/** Used when a spec names no timeout or memory, by the stack and the local runtime alike. */
export const DEFAULT_TIMEOUT_SECONDS = 10;
/** The rate seed's timeout; its custom resource's service timeout is derived from it. */
export const SEED_TIMEOUT_SECONDS = 300;
export const DEFAULT_MEMORY_MB = 512;

/** The CloudFormation stack's default name; outputs files are keyed by it. */
export const DEFAULT_STACK_NAME = 'Moneta';

/** DynamoDB (table), Cognito (userPool, cognitoActions), EventBridge (putEvents), SES (sendEmail) and S3 (files) access. */
export type FunctionSpec = Grants & {
  /** Stable id: CDK construct id suffix, local function name, log file name. kebab-case. */
  id: string;
  /** Entry file relative to the repository root; it must export `handler`. */
  entry: string;
  description: string;
  timeoutSeconds?: number;
  memoryMb?: number;
  /**
   * The feature whose operation or consumer the function is (its folder under shared/). The stack
   * deploys each feature's functions, routes and rules in a nested stack of their own
   * (docs/architecture.md, "Stack layout"); functions without one sit in the root stack.
   */
  feature?: string;
  /**
   * The retry queue (./consumer-retries.ts). `park`: sends to it what it could not publish
   * (RETRY_QUEUE_URL). `work`: works it and the dead-letter queue, invokes consumers and publishes
   * again (RETRY_QUEUE_URL, DEAD_LETTER_QUEUE_URL, RETRY_*_SECONDS).
   */
  retryQueue?: 'park' | 'work';
  /** The rates feed: the ECB's address and the feed's retry and breaker policy (./rates-feed.ts). */
  ratesFeed?: true;
  /**
   * The handler keeps request budgets (shared/kit/http/request-limits.ts): it needs the table's
   * name (TABLE_NAME) and UpdateItem on the limiter's items (`LIMIT#…` keys) and nothing else of
   * the table beyond its own `table` grant. Derived from the operation's declaration.
   */
  requestLimits?: true;
  /** The API's authorizer: the issuer of the access tokens it accepts (JWT_ISSUER). */
  jwtIssuer?: true;
};

/** One function per HTTP operation, with the entry, grants and limits its declaration names. */
const apiFunctions = operations.map((declared): FunctionSpec & { id: (typeof operations)[number]['function'] } => {
  const operation: OperationDeclaration = declared;
  return {
    id: declared.function,
    entry: operation.entry,
    description: operation.functionDescription,
    feature: operation.feature,
    ...operation.grants,
    ...(budgetsOf(operation).length > 0 ? { requestLimits: true as const } : {}),
    ...(operation.timeoutSeconds ? { timeoutSeconds: operation.timeoutSeconds } : {}),
    ...(operation.memoryMb ? { memoryMb: operation.memoryMb } : {}),
  };
});

/** One function per event consumer, with the entry, grants and limits its declaration names. */
const consumerFunctions = Object.entries(consumersByFeature).flatMap(([feature, declarations]) =>
  declarations.map((declared: Consumer): FunctionSpec & { id: Consumer['function'] } => {
    const consumer: ConsumerDeclaration = declared;
    return {
      id: declared.function,
      entry: consumer.entry,
      description: consumer.functionDescription,
      feature,
      ...consumer.grants,
      ...(consumer.timeoutSeconds ? { timeoutSeconds: consumer.timeoutSeconds } : {}),
      ...(consumer.memoryMb ? { memoryMb: consumer.memoryMb } : {}),
    };
  }),
);

/** Creates the webhook key ring parameter at deploy (custom resource) and at each local start. */
export const WEBHOOK_KEYS_CREATOR = 'create-webhook-keys';

/** The functions that are neither an operation nor a consumer: the deploy-time seed, the Cognito trigger, the stream publisher. */
const otherFunctions = [
  {
    id: WEBHOOK_KEYS_CREATOR,
    entry: 'functions/ops/create-webhook-keys.ts',
    description:
      'Creates the webhook key ring, a Parameter Store SecureString, unless it exists (deploy-time custom resource)',
    webhookKeysCreate: true,
  },
  {
    id: 'seed-rates',
    entry: 'functions/ops/seed-rates.ts',
    description: 'Loads the bundled ECB reference-rate snapshot into the table (deploy-time custom resource)',
    table: 'readWrite',
    timeoutSeconds: SEED_TIMEOUT_SECONDS,
    memoryMb: 1024,
  },
  {
    id: RATES_FETCHER,
    entry: 'functions/ops/fetch-rates.ts',
    description: "Fetches the ECB's new reference rates on business days, behind a circuit breaker",
    table: 'readWrite',
    ratesFeed: true,
    timeoutSeconds: ratesFeed.timeoutSeconds,
  },
  {
    id: MONTHLY_SUMMARY,
    entry: 'functions/ops/send-monthly-summaries.ts',
    description: "Writes each due user's monthly summary fact, hourly, for the zones at 08:00 of a 1st",
    // Reads the profiles-by-zone index and each user's aggregates; writes one fact per user and month.
    table: 'readWrite',
    timeoutSeconds: monthlySummary.timeoutSeconds,
  },
  {
    id: OVERDUE_SWEEP,
    entry: 'functions/ops/sweep-overdue-invoices.ts',
    description:
      "Writes one reminder fact per invoice gone overdue in its owner's zone, hourly, from the due-date index",
    // In the invoices feature's stack, with its schedule: the root stack keeps its resources for what
    // everything shares (lib/moneta-stack.ts).
    feature: 'invoices',
    // Reads the due-date index and the owners' profiles; writes the reminder and the invoice's index keys.
    table: 'readWrite',
    timeoutSeconds: overdueSweep.timeoutSeconds,
  },
  {
    id: API_AUTHORIZER,
    entry: 'functions/triggers/api-authorizer.ts',
    description:
      'The API authorizer: verifies Cognito access tokens and finds personal API tokens, refusing ended sessions',
    table: 'authorize',
    userPool: true,
    jwtIssuer: true,
    // API Gateway waits at most 10 s for an authorizer; a JWKS fetch has 3 s.
    timeoutSeconds: 5,
    memoryMb: 256,
  },
  {
    id: 'post-confirmation',
    entry: 'functions/triggers/post-confirmation.ts',
    description: 'Cognito post-confirmation trigger: writes the profile item and the default categories',
    table: 'readWrite',
    // Cognito waits 5 s for a trigger, then retries it (up to three times in all): a longer timeout
    // would only let a slow attempt finish after Cognito has given up on it.
    // https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
    timeoutSeconds: 5,
  },
  {
    id: CONSUMER_RETRIER,
    entry: 'functions/ops/retry-consumers.ts',
    description: 'Invokes consumers again for the events they failed on, with backoff, then dead-letters them',
    retryQueue: 'work',
    putEvents: true,
    timeoutSeconds: 120,
  },
  {
    id: 'stream-publisher',
    entry: 'functions/events/stream-publisher.ts',
    retryQueue: 'park',
    description: 'Turns table stream records into EventBridge events (transactional outbox)',
    putEvents: true,
    timeoutSeconds: 60,
  },
] as const satisfies readonly FunctionSpec[];

export type FunctionId =
  | (typeof operations)[number]['function']
  | Consumer['function']
  | (typeof otherFunctions)[number]['id'];

export const functions: readonly (FunctionSpec & { id: FunctionId })[] = [
  ...apiFunctions,
  ...otherFunctions,
  ...consumerFunctions,
];

export function functionSpec(id: FunctionId): FunctionSpec {
  const spec = functions.find((fn) => fn.id === id);
  if (!spec) throw new Error(`Unknown function ${id}`);
  return spec;
}

/** Cognito triggers: which function the user pool calls for which trigger. */
export const cognitoTriggers = {
  postConfirmation: 'post-confirmation',
} as const satisfies Record<string, FunctionId>;
