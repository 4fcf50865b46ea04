/**
 * Where the handlers' request budgets are kept (./request-limits.ts): the table (TABLE_NAME), read
 * when a handler with a budget is built, so a function that lacks the table fails at init naming
 * the variable. A module of its own, free of the logger, so that tests can keep budgets elsewhere
 * before any handler (or the logger, whose level is fixed when it is built) is loaded.
 */
import { documentClient } from '../aws/document-client';
import { requireEnv } from '../config';
import { createRateLimiter, type RateLimiter } from '../dynamodb/rate-limiter';

let storeOf = (): RateLimiter => createRateLimiter({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

/** The budgets' store for a handler being built. */
export function requestBudgetStore(): RateLimiter {
  return storeOf();
}

/**
 * Keeps the budgets of handlers built from now on elsewhere: for tests of handlers whose table is
 * a mock, which would otherwise see the limiter's writes among theirs. The limiter's DynamoDB
 * behaviour has tests of its own (test/unit/kit/rate-limiter.test.ts).
 */
export function keepRequestBudgetsWith(factory: () => RateLimiter): void {
  storeOf = factory;
}
