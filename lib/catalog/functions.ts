/**
 * Every Lambda function of Moneta, as data: where its code is, what it may touch, how long it may
 * run. The CDK stack builds one NodejsFunction per entry (with exactly these grants), and the local
 * cloud runs the same entries with the same environment (./environment.ts). No CDK imports here.
 */

type TableAccess = 'read' | 'readWrite';

/** Used when a spec names no timeout or memory, by the stack and the local runtime alike. */
export const DEFAULT_TIMEOUT_SECONDS = 10;
export const DEFAULT_MEMORY_MB = 512;

/** The CloudFormation stack's default name; outputs files are keyed by it. */
export const DEFAULT_STACK_NAME = 'Moneta';

export type FunctionSpec = {
  /** Stable id: CDK construct id suffix, local function name, log file name. kebab-case. */
  id: string;
  /** Entry file relative to the repository root; it must export `handler`. */
  entry: string;
  description: string;
  /** DynamoDB access to the single table (TABLE_NAME). */
  table?: TableAccess;
  /** Needs the user pool and app client ids (USER_POOL_ID, USER_POOL_CLIENT_ID). */
  userPool?: boolean;
  /** Cognito admin actions on the pool (IAM). Public client APIs (SignUp, InitiateAuth …) need none. */
  cognitoActions?: string[];
  /** Publishes to the Moneta event bus (EVENT_BUS_NAME). */
  putEvents?: boolean;
  /** Sends email with SES v2 from the configured sender (SENDER_EMAIL, SES_CONFIGURATION_SET). */
  sendEmail?: boolean;
  timeoutSeconds?: number;
  memoryMb?: number;
  /**
   * API functions only: the feature the function belongs to. The stack deploys each feature's
   * functions and routes in a nested stack of their own (docs/architecture.md, "Stack layout").
   */
  feature?: string;
};

const api = (
  feature: string,
  id: string,
  entry: string,
  description: string,
  extra: Partial<FunctionSpec> = {},
): FunctionSpec => ({
  id,
  entry: `functions/api/${entry}`,
  description,
  feature,
  ...extra,
});

// Public Cognito client operations: no IAM permission is needed to call them.
const cognitoClient: Partial<FunctionSpec> = { userPool: true };

export const functions = [
  api('identity', 'auth-signup', 'auth/signup.ts', 'Registers a user with Cognito', cognitoClient),
  api('identity', 'auth-confirm', 'auth/confirm.ts', 'Confirms a sign-up with the emailed code', cognitoClient),
  api('identity', 'auth-resend-code', 'auth/resend-code.ts', 'Re-sends the sign-up confirmation code', cognitoClient),
  api('identity', 'auth-login', 'auth/login.ts', 'Exchanges email and password for tokens', cognitoClient),
  api('identity', 'auth-refresh', 'auth/refresh.ts', 'Exchanges a refresh token for new tokens', cognitoClient),
  api('identity', 'auth-logout', 'auth/logout.ts', 'Revokes a refresh token', cognitoClient),
  api('identity', 'auth-forgot-password', 'auth/forgot-password.ts', 'Starts a password reset', cognitoClient),
  api(
    'identity',
    'auth-reset-password',
    'auth/reset-password.ts',
    'Sets a new password with the emailed code',
    cognitoClient,
  ),
  api(
    'identity',
    'auth-change-password',
    'auth/change-password.ts',
    'Changes the signed-in user password',
    cognitoClient,
  ),
  api('identity', 'me-get', 'me/get.ts', "Reads the caller's profile", { table: 'read' }),
  api('identity', 'me-update', 'me/update.ts', "Updates the caller's profile", { table: 'readWrite' }),
  api('identity', 'me-delete', 'me/delete.ts', "Deletes the caller's account", {
    table: 'readWrite',
    ...cognitoClient,
  }),
  api('accounts', 'accounts-create', 'accounts/create.ts', 'Opens an account', { table: 'readWrite' }),
  api('accounts', 'accounts-list', 'accounts/list.ts', "Lists the caller's accounts", { table: 'read' }),
  api('accounts', 'accounts-get', 'accounts/get.ts', 'Reads an account and its balance', { table: 'read' }),
  api('accounts', 'accounts-update', 'accounts/update.ts', 'Renames, re-kinds or archives an account', {
    table: 'readWrite',
  }),
  api('accounts', 'accounts-delete', 'accounts/delete.ts', 'Deletes an empty or archived account', {
    table: 'readWrite',
  }),
  api('categories', 'categories-create', 'categories/create.ts', 'Creates a category or subcategory', {
    table: 'readWrite',
  }),
  api('categories', 'categories-list', 'categories/list.ts', "Lists the caller's categories", { table: 'read' }),
  api('categories', 'categories-update', 'categories/update.ts', 'Renames, re-parents or archives a category', {
    table: 'readWrite',
  }),
  api('categories', 'categories-delete', 'categories/delete.ts', 'Deletes an unused category', { table: 'readWrite' }),
  api('transactions', 'payees-list', 'payees/list.ts', 'Lists remembered payees', { table: 'read' }),
  api('transactions', 'transactions-create', 'transactions/create.ts', 'Records an expense or income', {
    table: 'readWrite',
  }),
  api('transactions', 'transactions-list', 'transactions/list.ts', 'Lists transactions with filters, newest first', {
    table: 'read',
  }),
  api('transactions', 'transactions-get', 'transactions/get.ts', 'Reads a transaction', { table: 'read' }),
  api('transactions', 'transactions-update', 'transactions/update.ts', 'Edits a transaction', { table: 'readWrite' }),
  api(
    'transactions',
    'transactions-delete',
    'transactions/delete.ts',
    'Deletes a transaction (both legs of a transfer)',
    {
      table: 'readWrite',
    },
  ),
  api('transactions', 'transfers-create', 'transfers/create.ts', 'Moves money between two accounts', {
    table: 'readWrite',
  }),
  api('budgets', 'budgets-create', 'budgets/create.ts', 'Creates a budget', { table: 'readWrite' }),
  api('budgets', 'budgets-list', 'budgets/list.ts', "Lists the caller's budgets", { table: 'read' }),
  api('budgets', 'budgets-get', 'budgets/get.ts', 'Reads a budget with its current period and forecast', {
    table: 'read',
  }),
  api('budgets', 'budgets-update', 'budgets/update.ts', 'Changes a budget', { table: 'readWrite' }),
  api('budgets', 'budgets-delete', 'budgets/delete.ts', 'Deletes a budget', { table: 'readWrite' }),
  api('budgets', 'budgets-periods', 'budgets/periods.ts', "A budget's history, period by period", { table: 'read' }),
  api('goals', 'goals-create', 'goals/create.ts', 'Creates a savings goal', { table: 'readWrite' }),
  api('goals', 'goals-list', 'goals/list.ts', "Lists the caller's savings goals", { table: 'read' }),
  api('goals', 'goals-get', 'goals/get.ts', 'Reads a goal with its progress', { table: 'read' }),
  api('goals', 'goals-update', 'goals/update.ts', 'Renames a goal or changes its target or deadline', {
    table: 'readWrite',
  }),
  api('goals', 'goals-delete', 'goals/delete.ts', 'Deletes a goal', { table: 'readWrite' }),
  api('goals', 'goal-contributions-create', 'goals/contributions/create.ts', 'Adds money to a contributions goal', {
    table: 'readWrite',
  }),
  api('goals', 'goal-contributions-list', 'goals/contributions/list.ts', "Lists a goal's contributions", {
    table: 'read',
  }),
  api('notifications', 'notifications-list', 'notifications/list.ts', "Lists the caller's notification log", {
    table: 'read',
  }),
  // Static data, but the API wrapper reads the caller's profile to refuse a deleted account.
  api('rates', 'currencies-list', 'currencies/list.ts', 'Lists supported currencies and their exponents', {
    table: 'read',
  }),
  api('rates', 'rates-get', 'rates/get.ts', 'Reference exchange rates for a day', { table: 'read' }),
  api('docs', 'openapi-get', 'openapi/get.ts', 'Serves the OpenAPI 3.1 document'),
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

export type FunctionId = (typeof functions)[number]['id'];

export function functionSpec(id: FunctionId): FunctionSpec {
  const spec = functions.find((fn) => fn.id === id);
  if (!spec) throw new Error(`Unknown function ${id}`);
  return spec;
}

/** Cognito triggers: which function the user pool calls for which trigger. */
export const cognitoTriggers = {
  postConfirmation: 'post-confirmation',
} as const satisfies Record<string, FunctionId>;
