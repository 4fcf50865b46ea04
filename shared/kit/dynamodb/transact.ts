/**
 * One TransactWriteItems with a meaning for each condition. Ledger writes are all-or-nothing
 * (a transaction and its balance change, both legs of a transfer); when DynamoDB cancels one, the
 * caller needs to know *which* condition failed to answer 404, 409 or 412 — DynamoDB says it in
 * CancellationReasons, in request order.
 */
import { type AttributeValue, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { unmarshallOptions } from './unmarshall-options';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export type GuardedItem = {
  item: TransactItem;
  /** What a failed condition on this item means to the caller (e.g. NotFound, Conflict), given the item as it was. */
  onConditionFailed?: (existing: Record<string, unknown> | undefined) => Error;
};

/** DynamoDB allows at most 100 items in one transaction. */
export const MAX_TRANSACT_ITEMS = 100;

export async function transactWrite(
  db: DynamoDBDocumentClient,
  items: GuardedItem[],
  clientRequestToken?: string,
): Promise<void> {
  if (items.length === 0) return;
  if (items.length > MAX_TRANSACT_ITEMS) throw new Error(`A transaction holds at most ${MAX_TRANSACT_ITEMS} items`);
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: items.map(({ item }) => withOldValuesOnFailure(item)),
        ...(clientRequestToken ? { ClientRequestToken: clientRequestToken } : {}),
      }),
    );
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    for (const [index, reason] of reasons.entries()) {
      if (reason?.Code !== 'ConditionalCheckFailed') continue;
      const mapped = items[index]?.onConditionFailed?.(plain(reason.Item as Record<string, unknown> | undefined));
      if (mapped) throw mapped;
    }
    throw error;
  }
}

/** Asks DynamoDB to return the item as it was when a condition fails, so 404 and 412 can be told apart. */
function withOldValuesOnFailure(item: TransactItem): TransactItem {
  const [kind, body] = Object.entries(item)[0] ?? [];
  if (!kind || !body || !('ConditionExpression' in body) || !body.ConditionExpression) return item;
  return { [kind]: { ...body, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } } as TransactItem;
}

/**
 * The old item of a failed condition, plain. Depending on the SDK version the document client
 * hands cancellation reasons over unmarshalled or in attribute-value form (`{ version: { N: '3' } }`);
 * every guard reads the plain item.
 */
export function plain(existing: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!existing) return undefined;
  const marshalled = Object.values(existing).every(
    (value) => value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1,
  );
  return marshalled ? unmarshall(existing as Record<string, AttributeValue>, unmarshallOptions()) : existing;
}
