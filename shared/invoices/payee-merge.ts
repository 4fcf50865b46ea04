/**
 * A payee merged into another (PayeesMerged): the user's invoices that named the merged payee name
 * the one it became. Each invoice moves in a write conditioned on still naming the merged payee, so
 * a redelivered or late event moves nothing twice, and a consumer that failed for hours moves the
 * rest when it recovers. The name snapshot stays: it is what the invoice said.
 *
 * The user's invoices are read by their key prefix (one user's partition, in a consumer, not a
 * request): invoices have no index by payee, and a merge is rare.
 */
import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { userPk } from '../kit/dynamodb/keys';
import { InvoiceEntity } from './items';

const PAGE = 200;

export async function movePayeeReferences(
  { db, tableName }: { db: DynamoDBDocumentClient; tableName: string },
  userId: string,
  { fromId, intoId, at }: { fromId: string; intoId: string; at: string },
): Promise<number> {
  let moved = 0;
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: 'payeeId = :from',
        ExpressionAttributeValues: { ':pk': userPk(userId), ':prefix': InvoiceEntity.prefix, ':from': fromId },
        ProjectionExpression: 'invoiceId',
        ConsistentRead: true,
        Limit: PAGE,
        ExclusiveStartKey: cursor,
      }),
    );
    for (const { invoiceId } of page.Items ?? []) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: InvoiceEntity.key(userId, String(invoiceId)),
            UpdateExpression: 'SET payeeId = :into, updatedAt = :at ADD version :one',
            ConditionExpression: 'payeeId = :from',
            ExpressionAttributeValues: { ':into': intoId, ':from': fromId, ':at': at, ':one': 1 },
          }),
        );
        moved++;
      } catch (error) {
        // Moved by an earlier delivery, or edited to another payee since: nothing to do.
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      }
    }
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return moved;
}
