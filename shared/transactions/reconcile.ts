/**
 * Reconciling an account against a bank statement. The statement's closing balance must equal
 * what the account's reconciled transactions hold (`reconciledBalance`, kept on the account) plus
 * its cleared transactions dated up to the statement's day. Those are found by ONE Query of the
 * account's index (gsi2, `<date>#<id>` up to the day), never a Scan. When the figures agree, the
 * cleared ones become `reconciled`, in writes of up to CHUNK transactions, each with the account's
 * `reconciledBalance` moved by exactly what it marks (plan.ts, `deltasBetween`); when they differ,
 * nothing changes and the caller learns the difference.
 *
 * Every step keeps "reconciledBalance + cleared up to the day" unchanged, so a run cut short (a
 * transaction edited meanwhile, a timeout) leaves a state where asking again with the same
 * statement finishes the job. The index is eventually consistent: a transaction cleared a moment
 * ago may be missed (then the figures differ and asking again agrees), and one that changed since
 * is never marked, since every write is pinned to the version read.
 */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError } from '../kit/errors';
import { HttpProblem } from '../kit/http/problems';
import * as z from '../kit/schema';
import { statusOf, type TransactionItem, transactionIndexPk, transactionItem } from './items';
import { deltasBetween } from './plan';
import { StaleTransaction, type TransactionStore } from './store';

/** Transactions marked per TransactWriteItems (plus the account: DynamoDB takes 100 items). */
const CHUNK = 50;
/**
 * The most cleared transactions one reconciliation marks: ≈10 writes, well within the route's
 * timeout. A statement covering more is refused (422 naming statementDate): reconcile an earlier
 * statement first, then this one.
 */
export const MAX_RECONCILED_AT_ONCE = 500;

export type ReconcileOutcome =
  | { reconciled: true; count: number; reconciledBalance: number; currency: string }
  | { reconciled: false; difference: number; computedBalance: number; currency: string; cleared: number };

/** 409: the statement does not agree with the ledger; nothing changed. */
export class StatementMismatch extends HttpProblem {
  constructor(outcome: Extract<ReconcileOutcome, { reconciled: false }>, statementBalance: number) {
    const money = (amount: number) => ({ amount, currency: outcome.currency });
    super(
      409,
      'statement-mismatch',
      'The statement does not match',
      'The reconciled balance plus the cleared transactions up to the statement date differ from the statement balance; nothing was reconciled.',
      [{ in: 'body', field: 'statementBalance', message: `differs by ${outcome.difference} minor units` }],
      {
        difference: money(outcome.difference),
        statementBalance: money(statementBalance),
        computedBalance: money(outcome.computedBalance),
        clearedCount: outcome.cleared,
      },
    );
  }
}

/** 409: a transaction changed under the run; what was marked stays marked, and asking again finishes. */
export class ReconcileInterrupted extends HttpProblem {
  constructor(marked: number) {
    super(
      409,
      'reconcile-interrupted',
      'Reconciliation interrupted',
      `A transaction changed while it was being reconciled (${marked} were reconciled). Send the same statement again to finish.`,
      undefined,
      { reconciledCount: marked },
    );
  }
}

export function createReconciler({
  db,
  tableName,
  transactions,
}: {
  db: DynamoDBDocumentClient;
  tableName: string;
  transactions: TransactionStore;
}) {
  /** The account's cleared transactions dated up to `statementDate`, oldest first. */
  async function clearedUpTo(userId: string, accountId: string, statementDate: string): Promise<TransactionItem[]> {
    const found: TransactionItem[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi2',
          // '~' sorts after every character of an id: the whole statement day is in.
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :upTo',
          // Items older than statuses have none and read as cleared.
          FilterExpression: 'attribute_not_exists(#status) OR #status = :cleared',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pk': transactionIndexPk.byAccount(userId, accountId),
            ':upTo': `${statementDate}#~`,
            ':cleared': 'cleared',
          },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) found.push(z.parse(transactionItem(), item));
      if (found.length > MAX_RECONCILED_AT_ONCE) {
        throw new HttpProblem(422, 'too-many-to-reconcile', 'Too many transactions to reconcile at once', undefined, [
          {
            in: 'body',
            field: 'statementDate',
            message: `covers more than ${MAX_RECONCILED_AT_ONCE} cleared transactions; reconcile an earlier statement first`,
          },
        ]);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return found.filter((item) => statusOf(item) === 'cleared');
  }

  return {
    async reconcile(
      userId: string,
      accountId: string,
      statement: { statementDate: string; statementBalance: number },
      now: Date = new Date(),
    ): Promise<ReconcileOutcome> {
      const account = await transactions.getAccount(userId, accountId);
      if (!account) throw new NotFoundError('account');
      const cleared = await clearedUpTo(userId, accountId, statement.statementDate);
      const reconciledBefore = account.reconciledBalance ?? 0;
      const computed = cleared.reduce((sum, item) => sum + item.accountAmount, reconciledBefore);
      if (computed !== statement.statementBalance) {
        return {
          reconciled: false,
          difference: statement.statementBalance - computed,
          computedBalance: computed,
          currency: account.currency,
          cleared: cleared.length,
        };
      }
      const stamp = now.toISOString();
      let marked = 0;
      for (let start = 0; start < cleared.length; start += CHUNK) {
        const chunk = cleared.slice(start, start + CHUNK);
        const after = chunk.map(
          (item): TransactionItem => ({ ...item, status: 'reconciled', updatedAt: stamp, version: item.version + 1 }),
        );
        try {
          await transactions.apply(userId, {
            replaced: after.map((item, index) => ({ item, readVersion: (chunk[index] as TransactionItem).version })),
            deltas: deltasBetween(chunk, after),
            now: stamp,
          });
        } catch (error) {
          if (error instanceof StaleTransaction || error instanceof NotFoundError)
            throw new ReconcileInterrupted(marked);
          throw error;
        }
        marked += chunk.length;
      }
      return { reconciled: true, count: marked, reconciledBalance: computed, currency: account.currency };
    },
  };
}
