/**
 * Handler tests mock the table (aws-sdk-client-mock) or own a DynamoDB Local one: the request
 * limiter keeps its budgets apart, in memory, with the same algorithm and the same two conditional
 * updates (shared/kit/dynamodb/rate-limiter.ts), so a test's count of its table calls is its
 * handler's alone. The limiter against DynamoDB itself: test/unit/kit/rate-limiter.test.ts.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { createRateLimiter } from '../../shared/kit/dynamodb/rate-limiter';
import { keepRequestBudgetsWith } from '../../shared/kit/http/request-budget-store';

type Update = {
  Key: { pk: string };
  ConditionExpression: string;
  ExpressionAttributeValues: Record<string, number>;
};

const instants = new Map<string, number>();

/** Forgets every budget: each test starts with full ones (tests move their clocks back and forth). */
export function clearRequestBudgets(): void {
  instants.clear();
}
beforeEach(clearRequestBudgets);

const inMemory = {
  async send(command: { input: Update }) {
    const { Key, ConditionExpression, ExpressionAttributeValues: v } = command.input;
    const tat = instants.get(Key.pk);
    const refuse = () => {
      throw new ConditionalCheckFailedException({
        message: 'The conditional request failed',
        $metadata: {},
        ...(tat === undefined ? {} : { Item: { tat } as never }),
      });
    };
    if (ConditionExpression.startsWith('attribute_not_exists')) {
      if (tat !== undefined && tat > (v[':now'] as number)) refuse();
      instants.set(Key.pk, v[':next'] as number);
      return {};
    }
    if (tat === undefined || tat <= (v[':now'] as number) || tat > (v[':latest'] as number)) refuse();
    instants.set(Key.pk, (tat as number) + (v[':interval'] as number));
    return { Attributes: { tat: instants.get(Key.pk) } };
  },
};

keepRequestBudgetsWith(() => createRateLimiter({ db: inMemory as never, tableName: 'in-memory' }));
