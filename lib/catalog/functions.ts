/**
 * Every Lambda function of Moneta, as data: where its code is, what it may touch, how long it may
 * run. The API functions are derived from the operation declarations (shared/app/operations.ts:
 * one function per operation, with its entry, grants and limits); the others (event consumers,
 * triggers, the seed) are declared here. The CDK stack builds one NodejsFunction per entry (with exactly these grants), and the local
 * cloud runs the same entries with the same environment (./environment.ts). No CDK imports here.
 */
import { operations } from '../../shared/app/operations';
import type { Grants, OperationDeclaration } from '../../shared/kit/http/operation';

/** Used when a spec names no timeout or memory, by the stack and the local runtime alike. */
export const DEFAULT_TIMEOUT_SECONDS = 10;
export const DEFAULT_MEMORY_MB = 512;

/** The CloudFormation stack's default name; outputs files are keyed by it. */
export const DEFAULT_STACK_NAME = 'Moneta';

/** DynamoDB (table), Cognito (userPool, cognitoActions), EventBridge (putEvents) and SES (sendEmail) access. */
export type FunctionSpec = Grants & {
  /** Stable id: CDK construct id suffix, local function name, log file name. kebab-case. */
  id: string;
  /** Entry file relative to the repository root; it must export `handler`. */
  entry: string;
  description: string;
  timeoutSeconds?: number;
  memoryMb?: number;
  /**
   * API functions only: the feature whose operation the function serves (its folder under
   * shared/). The stack deploys each feature's functions and routes in a nested stack of their own
   * (docs/architecture.md, "Stack layout").
   */
  feature?: string;
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
    ...(operation.timeoutSeconds ? { timeoutSeconds: operation.timeoutSeconds } : {}),
    ...(operation.memoryMb ? { memoryMb: operation.memoryMb } : {}),
  };
});

/** The functions that serve no route: deploy-time seed, Cognito trigger, event consumers. */
const otherFunctions = [
  {
    id: 'seed-rates',
    entry: 'functions/ops/seed-rates.ts',
    description: 'Loads the bundled ECB reference-rate snapshot into the table (deploy-time custom resource)',
    table: 'readWrite',
    timeoutSeconds: 300,
    memoryMb: 1024,
  },
  {
    id: 'post-confirmation',
    entry: 'functions/triggers/post-confirmation.ts',
    description: 'Cognito post-confirmation trigger: writes the profile item and the default categories',
    table: 'readWrite',
  },
  {
    id: 'stream-publisher',
    entry: 'functions/events/stream-publisher.ts',
    description: 'Turns table stream records into EventBridge events (transactional outbox)',
    putEvents: true,
    timeoutSeconds: 60,
  },
  {
    id: 'notifier',
    entry: 'functions/events/notifier.ts',
    description: 'Sends emails for domain facts, exactly once per fact',
    table: 'readWrite',
    sendEmail: true,
    timeoutSeconds: 30,
  },
  {
    id: 'user-data-eraser',
    entry: 'functions/events/user-data-eraser.ts',
    description: "Deletes every item of a deleted user's partition",
    table: 'readWrite',
    timeoutSeconds: 300,
  },
  {
    id: 'ledger-cleaner',
    entry: 'functions/events/ledger-cleaner.ts',
    description: "Deletes a deleted account's transactions",
    table: 'readWrite',
    timeoutSeconds: 300,
  },
  {
    id: 'budget-evaluator',
    entry: 'functions/events/budget-evaluator.ts',
    description: 'Keeps budget period counters exact and writes each crossed threshold once',
    table: 'readWrite',
    // A new budget's backfill reads its whole current period (≈15 s for 10,000 transactions locally).
    timeoutSeconds: 120,
  },
  {
    id: 'goal-tracker',
    entry: 'functions/events/goal-tracker.ts',
    description: "Keeps each goal's saved amount and writes its milestones, exactly once",
    table: 'readWrite',
    timeoutSeconds: 30,
  },
  {
    id: 'audit-logger',
    entry: 'functions/events/audit-logger.ts',
    description: 'Writes a structured audit line per domain event (no personal data)',
  },
] as const satisfies readonly FunctionSpec[];

export type FunctionId = (typeof operations)[number]['function'] | (typeof otherFunctions)[number]['id'];

export const functions: readonly (FunctionSpec & { id: FunctionId })[] = [...apiFunctions, ...otherFunctions];

export function functionSpec(id: FunctionId): FunctionSpec {
  const spec = functions.find((fn) => fn.id === id);
  if (!spec) throw new Error(`Unknown function ${id}`);
  return spec;
}

/** Cognito triggers: which function the user pool calls for which trigger. */
export const cognitoTriggers = {
  postConfirmation: 'post-confirmation',
} as const satisfies Record<string, FunctionId>;
