/**
 * Whether an invoice may name a payee: one of the caller's own (the payees feature's items, read
 * through transactions' public declarations), else 422 naming `payeeId`. A read before the write,
 * not a condition in it: a payee deleted meanwhile leaves the invoice naming an id that the view
 * shows with its name snapshot, which is what a deleted supplier's old bill should show.
 */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { HttpProblem } from '../kit/http/problems';
import { PayeeEntity } from '../transactions/public';

export type PayeeCheck = (userId: string, payeeId: string) => Promise<void>;

export class UnknownPayee extends HttpProblem {
  constructor() {
    super(422, 'unknown-payee', 'Unknown payee', 'payeeId is not one of your payees', [
      { in: 'body', field: 'payeeId', message: 'is not one of your payees' },
    ]);
  }
}

export function payeeCheck(db: DynamoDBDocumentClient, tableName: string): PayeeCheck {
  return async (userId, payeeId) => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: PayeeEntity.key(userId, payeeId), ProjectionExpression: 'pk' }),
    );
    if (!Item) throw new UnknownPayee();
  };
}
