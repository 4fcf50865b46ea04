/**
 * Giving payee ids to what was recorded before payees had them, one user at a time
 * (bin/backfill-payee-ids.ts runs it for every user): first every name-keyed payee (a claim
 * without `payeeId`) is adopted by a new payee with its name and counts; then every transaction
 * with a payee name and no `payeeId` is bound to its name's payee (created when the name was never
 * remembered), conditional on the version read and on having no payee id yet.
 *
 * Idempotent and resumable: both passes select only what still lacks an id (a Query of the user's
 * partition and of the date index, never a Scan), and each write is conditional on that, so a run
 * stopped anywhere, or run twice, or racing live recordings (which bind payees themselves), ends
 * with every transaction bound once. The transaction's version is kept: only its payee reference
 * is added, amounts and everything consumers fold are unchanged.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { userPk } from '../kit/dynamodb/keys';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import * as z from '../kit/schema';
import {
  createPayeeResolver,
  PayeeNameEntity,
  PayeeNameTaken,
  payeeNameItem,
  TransactionEntity,
  transactionIndexPk,
  transactionItem,
} from '../transactions/public';

export type BackfillOutcome = { adopted: number; bound: number };

export async function backfillPayeeIds(
  { db, tableName }: { db: DynamoDBDocumentClient; tableName: string },
  userId: string,
  now: () => Date = () => new Date(),
): Promise<BackfillOutcome> {
  const resolver = createPayeeResolver({ db, tableName });
  const outcome: BackfillOutcome = { adopted: 0, bound: 0 };

  async function* pages(input: ConstructorParameters<typeof QueryCommand>[0]) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(new QueryCommand({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) }));
      yield page.Items ?? [];
      start = page.LastEvaluatedKey;
    } while (start);
  }

  const lostRace = (error: unknown) =>
    error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');

  // Pass 1: name-keyed payees get an id.
  for await (const items of pages({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: 'attribute_not_exists(#payeeId)',
    ExpressionAttributeNames: { '#payeeId': 'payeeId' },
    ExpressionAttributeValues: { ':pk': userPk(userId), ':prefix': PayeeNameEntity.prefix },
    ConsistentRead: true,
  })) {
    for (const item of items) {
      const claim = z.parse(payeeNameItem(), item);
      const binding = await resolver.byName(userId, claim.name, () => ulid(now().getTime()), now());
      if (!binding.create) continue;
      try {
        await transactWrite(db, resolver.writes(userId, binding, now().toISOString(), false));
        outcome.adopted++;
      } catch (error) {
        // Adopted meanwhile by a recording or another run: nothing left to do for it.
        if (!(error instanceof PayeeNameTaken) && !lostRace(error)) throw error;
      }
    }
  }

  // Pass 2: transactions with a payee name get its id.
  for await (const items of pages({
    TableName: tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: '#pk = :pk',
    FilterExpression: 'attribute_type(#payee, :string) AND attribute_not_exists(#payeeId)',
    ExpressionAttributeNames: { '#pk': 'gsi1pk', '#payee': 'payee', '#payeeId': 'payeeId' },
    ExpressionAttributeValues: { ':pk': transactionIndexPk.byDate(userId), ':string': 'S' },
  })) {
    for (const stored of items) {
      const txn = transactionItem().parse(stored);
      for (let attempt = 1; attempt <= 3; attempt++) {
        const binding = await resolver.byName(userId, txn.payee as string, () => ulid(now().getTime()), now());
        // A name never remembered (written before payees were) is created with this use counted.
        const payeeWrites: GuardedItem[] = binding.create ? resolver.writes(userId, binding, now().toISOString()) : [];
        try {
          await transactWrite(db, [
            {
              item: {
                Update: {
                  TableName: tableName,
                  Key: TransactionEntity.key(userId, txn.transactionId),
                  UpdateExpression: 'SET #payeeId = :payeeId, #gsi5pk = :gsi5pk, #gsi5sk = :gsi5sk',
                  ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#payeeId) AND #payee = :payee',
                  ExpressionAttributeNames: {
                    '#payeeId': 'payeeId',
                    '#payee': 'payee',
                    '#gsi5pk': 'gsi5pk',
                    '#gsi5sk': 'gsi5sk',
                  },
                  ExpressionAttributeValues: {
                    ':payeeId': binding.payeeId,
                    ':payee': txn.payee,
                    ':gsi5pk': transactionIndexPk.byPayee(userId, binding.payeeId),
                    ':gsi5sk': `${txn.date}#${txn.transactionId}`,
                  },
                },
              },
            },
            ...payeeWrites,
          ]);
          outcome.bound++;
          break;
        } catch (error) {
          // Its new payee's name was claimed meanwhile: bind to that one.
          if (error instanceof PayeeNameTaken && attempt < 3) continue;
          const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
          // The transaction was bound, edited or deleted meanwhile: it needs nothing from us.
          if (reasons[0]?.Code === 'ConditionalCheckFailed') break;
          throw error;
        }
      }
    }
  }
  return outcome;
}
