/**
 * Every key of the single table is built here, and only here, from the caller's verified
 * Cognito `sub` (never from request input alone). See docs/data-model.md for the access patterns.
 */

export type Key = { pk: string; sk: string };

/** The partition that holds everything of one user. */
export const userPk = (userId: string): string => `USER#${userId}`;

/** Recovers the user id from a partition key; undefined for partitions that are not a user's. */
export function userIdFromPk(pk: string): string | undefined {
  return pk.startsWith('USER#') ? pk.slice('USER#'.length) : undefined;
}

export const keys = {
  profile: (userId: string): Key => ({ pk: userPk(userId), sk: 'PROFILE' }),
  account: (userId: string, accountId: string): Key => ({ pk: userPk(userId), sk: `ACCOUNT#${accountId}` }),
  category: (userId: string, categoryId: string): Key => ({ pk: userPk(userId), sk: `CATEGORY#${categoryId}` }),
  /** Payees are remembered by their case- and space-folded name, so "ACME " and "acme" are one. */
  payee: (userId: string, normalizedName: string): Key => ({ pk: userPk(userId), sk: `PAYEE#${normalizedName}` }),
  transaction: (userId: string, transactionId: string): Key => ({ pk: userPk(userId), sk: `TXN#${transactionId}` }),
  /** Claims an import's external id, so a second import of the same one is refused (409). */
  externalId: (userId: string, externalId: string): Key => ({ pk: userPk(userId), sk: `EXTID#${externalId}` }),
  /** The stored first response of a creating POST, per operation and Idempotency-Key (24 h TTL). */
  idempotency: (userId: string, operation: string, idempotencyKey: string): Key => ({
    pk: userPk(userId),
    sk: `IDEMPOTENCY#${operation}#${idempotencyKey}`,
  }),
  budget: (userId: string, budgetId: string): Key => ({ pk: userPk(userId), sk: `BUDGET#${budgetId}` }),
  /** Spent per budget and period. Its own prefix, so listing budgets never reads counters. */
  budgetPeriod: (userId: string, budgetId: string, periodId: string): Key => ({
    pk: userPk(userId),
    sk: `BPERIOD#${budgetId}#${periodId}`,
  }),
  /** What one transaction currently contributes to one budget (versioned state, see shared/budgets/items.ts). */
  budgetApplied: (userId: string, budgetId: string, transactionId: string): Key => ({
    pk: userPk(userId),
    sk: `BAPPLIED#${budgetId}#${transactionId}`,
  }),
  /** One per budget, period and threshold, ever: its conditional Put is what makes the alert exactly-once. */
  budgetAlert: (userId: string, budgetId: string, periodId: string, threshold: number): Key => ({
    pk: userPk(userId),
    sk: `ALERT#${budgetId}#${periodId}#${threshold}`,
  }),
  goal: (userId: string, goalId: string): Key => ({ pk: userPk(userId), sk: `GOAL#${goalId}` }),
  goalContribution: (userId: string, goalId: string, contributionId: string): Key => ({
    pk: userPk(userId),
    sk: `GCONTRIB#${goalId}#${contributionId}`,
  }),
  /** What one source (a tagged transaction, a contribution) currently adds to a goal (versioned state). */
  goalApplied: (userId: string, goalId: string, sourceId: string): Key => ({
    pk: userPk(userId),
    sk: `GAPPLIED#${goalId}#${sourceId}`,
  }),
  /** One per goal and percentage (25, 50, 75, 100), ever. */
  goalMilestone: (userId: string, goalId: string, percent: number): Key => ({
    pk: userPk(userId),
    sk: `GOALMILESTONE#${goalId}#${percent}`,
  }),
  /** Emails sent to a user in one UTC hour (`2026-04-13T09`), for the hourly cap. */
  notificationCap: (userId: string, hour: string): Key => ({ pk: userPk(userId), sk: `NOTIFYCAP#${hour}` }),
  /** A day's reference rates (units per 1 EUR). Not a user's item: shared by everyone. */
  rates: (source: string, date: string): Key => ({ pk: `RATES#${source}`, sk: date }),
  /** A notification's claim and log item, keyed by the fact it reports so it is sent once. */
  notification: (userId: string, factId: string): Key => ({
    pk: userPk(userId),
    sk: `NOTIFY#${factId}`,
  }),
} as const;

/**
 * Index keys of a transaction: by date (gsi1), by account (gsi2), by category (gsi3). The sort key
 * `<date>#<id>` orders newest first when read backwards and is unique within a user.
 */
export function transactionIndexKeys(
  userId: string,
  t: { transactionId: string; date: string; accountId: string; categoryId: string | null },
) {
  const sortKey = transactionSortKey(t.date, t.transactionId);
  return {
    gsi1pk: `${userPk(userId)}#TXN`,
    gsi1sk: sortKey,
    gsi2pk: `${userPk(userId)}#ACCOUNT#${t.accountId}`,
    gsi2sk: sortKey,
    ...(t.categoryId ? { gsi3pk: `${userPk(userId)}#CATEGORY#${t.categoryId}`, gsi3sk: sortKey } : {}),
  };
}

export const transactionSortKey = (date: string, transactionId: string): string => `${date}#${transactionId}`;

/**
 * The notification log on gsi1, newest first per user. ISO timestamps contain no `#`, and the fact
 * id is unique per user, so the sort value is too.
 */
export const notificationIndex = {
  pk: (userId: string) => `${userPk(userId)}#NOTIFY`,
  sk: (createdAt: string, factId: string) => `${createdAt}#${factId}`,
} as const;

/** Partition values of the transaction indexes, for queries. */
export const transactionIndexPk = {
  byDate: (userId: string) => `${userPk(userId)}#TXN`,
  byAccount: (userId: string, accountId: string) => `${userPk(userId)}#ACCOUNT#${accountId}`,
  byCategory: (userId: string, categoryId: string) => `${userPk(userId)}#CATEGORY#${categoryId}`,
} as const;

/** Sort-key prefixes, for queries that list one kind of item in a user's partition. */
export const skPrefix = {
  account: 'ACCOUNT#',
  category: 'CATEGORY#',
  payee: 'PAYEE#',
  transaction: 'TXN#',
  budget: 'BUDGET#',
  budgetPeriod: (budgetId: string) => `BPERIOD#${budgetId}#`,
  goal: 'GOAL#',
  goalContribution: (goalId: string) => `GCONTRIB#${goalId}#`,
  notification: 'NOTIFY#',
} as const;
