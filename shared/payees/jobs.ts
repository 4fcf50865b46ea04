/**
 * Carrying a rename or a merge to the payee's transactions: a job item (`PAYEEJOB#<id>`) whose own
 * changes drive it one chunk at a time (PayeeJobRequested, then PayeeJobUpdated while queued or
 * running), as rule apply jobs are driven. A chunk reads up to CHUNK_SIZE of the payee's
 * transactions from the payee index (gsi5: a Query, never a Scan) and rebinds each in one
 * TransactWriteItems with the job's count, conditional on the transaction still referencing the
 * payee and not carrying the change yet: each transaction is changed, and counted, once, whichever
 * delivery of the chunk gets there. The job then advances in one write conditioned on its step
 * (kit/dynamodb/job-step), so a duplicate or late event finds it moved on and does nothing.
 *
 * A rename pages through the index with a cursor (its transactions stay in it). A merge reads the
 * source's transactions from the start each time (those it moved have left it) until none is left;
 * its last step points the rules that set the source's name at the target's name, then deletes the
 * source and adds its uses to the target in the write that finishes the job, so that happens once. A rename overtaken by another rename stops: the newer job carries on.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { advanceJobStep } from '../kit/dynamodb/job-step';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import type { RuleStore } from '../rules/public';
import {
  normalizePayee,
  PayeeEntity,
  rebindTransactionWrite,
  transactionIndexPk,
  transactionItem,
} from '../transactions/public';
import { PayeeJobEntity, type PayeeJobItem } from './items';
import type { PayeeStore } from './store';

/** Transactions per chunk: each one TransactWriteItems, so a chunk is a few seconds. */
export const CHUNK_SIZE = 100;

export type JobStepOutcome = 'gone' | 'stale' | 'ran' | 'done';

export type PayeeJobDeps = {
  db: DynamoDBDocumentClient;
  tableName: string;
  payees: Pick<PayeeStore, 'get' | 'getJob'>;
  /** Rules that set the merged payee's name set the target's (shared/rules). */
  rules: Pick<RuleStore, 'repointPayee'>;
  chunkSize?: number;
  now?: () => Date;
};

export function createPayeeJobRunner(deps: PayeeJobDeps) {
  const { db, tableName } = deps;
  const now = () => (deps.now ?? (() => new Date()))().toISOString();

  const advance = (userId: string, job: PayeeJobItem, changes: Partial<PayeeJobItem>) =>
    advanceJobStep(db, { tableName, key: PayeeJobEntity.key(userId, job.jobId), step: job.step, changes, now: now() });

  /** The job's count of changed transactions, added in the same write as each change. */
  const countChange = (userId: string, job: PayeeJobItem): GuardedItem => ({
    item: {
      Update: {
        TableName: tableName,
        Key: PayeeJobEntity.key(userId, job.jobId),
        UpdateExpression: 'ADD #changed :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#changed': 'changed' },
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
  });

  /** Rebinds one transaction; false when it no longer needs it (changed by another delivery, or edited away). */
  async function rebind(userId: string, job: PayeeJobItem, transactionId: string, target: string): Promise<boolean> {
    try {
      await transactWrite(db, [
        rebindTransactionWrite(tableName, userId, transactionId, {
          fromId: job.payeeId,
          payeeId: target,
          name: job.name,
          now: now(),
        }),
        countChange(userId, job),
      ]);
      return true;
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  async function page(userId: string, payeeId: string, limit: number, cursor: string | null) {
    const response = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi5',
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'gsi5pk' },
        ExpressionAttributeValues: { ':pk': transactionIndexPk.byPayee(userId, payeeId) },
        Limit: limit,
        ...(cursor ? { ExclusiveStartKey: JSON.parse(cursor) } : {}),
      }),
    );
    return {
      items: (response.Items ?? []).map((item) => transactionItem().parse(item)),
      last: response.LastEvaluatedKey ? JSON.stringify(response.LastEvaluatedKey) : null,
    };
  }

  /** The merge's last step: the job done, the source gone and its uses added to the target, at once. */
  async function finishMerge(userId: string, job: PayeeJobItem): Promise<'advanced' | 'stale'> {
    const source = await deps.payees.get(userId, job.payeeId);
    const at = now();
    // Before the source goes (its names are read from it); idempotent, so a re-run is harmless.
    if (source) {
      await deps.rules.repointPayee(userId, [normalizePayee(source.name), ...(source.aliases ?? [])], job.name, at);
    }
    try {
      await transactWrite(db, [
        {
          item: {
            Update: {
              TableName: tableName,
              Key: PayeeJobEntity.key(userId, job.jobId),
              UpdateExpression:
                'SET #step = :next, #status = :done, #completedAt = :now, #updatedAt = :now, #version = #version + :one',
              ConditionExpression: '#step = :step',
              ExpressionAttributeNames: {
                '#step': 'step',
                '#status': 'status',
                '#completedAt': 'completedAt',
                '#updatedAt': 'updatedAt',
                '#version': 'version',
              },
              ExpressionAttributeValues: {
                ':step': job.step,
                ':next': job.step + 1,
                ':done': 'done',
                ':now': at,
                ':one': 1,
              },
            },
          },
        },
        ...(source
          ? [
              {
                item: {
                  Delete: {
                    TableName: tableName,
                    Key: PayeeEntity.key(userId, job.payeeId),
                    ConditionExpression: '#mergingInto = :intoId',
                    ExpressionAttributeNames: { '#mergingInto': 'mergingInto' },
                    ExpressionAttributeValues: { ':intoId': job.intoId },
                  },
                },
              },
              {
                item: {
                  Update: {
                    TableName: tableName,
                    Key: PayeeEntity.key(userId, job.intoId as string),
                    UpdateExpression: 'ADD #count :count',
                    ConditionExpression: 'attribute_exists(pk)',
                    ExpressionAttributeNames: { '#count': 'transactionCount' },
                    ExpressionAttributeValues: { ':count': source.transactionCount },
                  },
                },
              },
            ]
          : []),
      ]);
      return 'advanced';
    } catch (error) {
      if (error instanceof TransactionCanceledException || error instanceof ConditionalCheckFailedException) {
        return 'stale';
      }
      throw error;
    }
  }

  return {
    async runStep(userId: string, jobId: string, step: number): Promise<JobStepOutcome> {
      const job = await deps.payees.getJob(userId, jobId);
      if (!job) return 'gone';
      if (job.step !== step || job.status === 'done') return 'stale';
      const limit = deps.chunkSize ?? CHUNK_SIZE;

      if (job.kind === 'rename') {
        const payee = await deps.payees.get(userId, job.payeeId);
        // Renamed again (a newer job carries the newer name), merged away or deleted: nothing left to do.
        if (!payee || payee.name !== job.name || payee.mergingInto) {
          return (await advance(userId, job, { status: 'done', completedAt: now() })) === 'advanced' ? 'done' : 'stale';
        }
        const { items, last } = await page(userId, job.payeeId, limit, job.cursor);
        for (const item of items) {
          if (item.payee !== job.name) await rebind(userId, job, item.transactionId, job.payeeId);
        }
        const done = last === null;
        const outcome = await advance(userId, job, {
          status: done ? 'done' : 'running',
          cursor: last,
          ...(done ? { completedAt: now() } : {}),
        });
        if (outcome === 'stale') return 'stale';
        return done ? 'done' : 'ran';
      }

      const { items } = await page(userId, job.payeeId, limit, null);
      if (items.length === 0) return (await finishMerge(userId, job)) === 'advanced' ? 'done' : 'stale';
      for (const item of items) await rebind(userId, job, item.transactionId, job.intoId as string);
      return (await advance(userId, job, { status: 'running' })) === 'advanced' ? 'ran' : 'stale';
    },
  };
}
