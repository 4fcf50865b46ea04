/**
 * Applying one rule to existing transactions: a job item (`RULEJOB#<id>`) whose own changes drive
 * it one chunk at a time (RuleApplyRequested, then RuleApplyUpdated while queued or running), as
 * exports are driven. A chunk reads up to CHUNK_SIZE transactions of the range from the job's
 * cursor (a Query of the date index, never a Scan), changes those the rule matches through the
 * transaction updater (versioned, as a PATCH would: budgets and insights follow from
 * TransactionUpdated), then advances the job with its progress in one write conditioned on the
 * step (kit/dynamodb/job-step).
 *
 * Idempotent and resumable: what a chunk changes is computed against each transaction as it is
 * now, so a chunk re-run after a crash (or a duplicate delivery) finds the transactions it already
 * changed carrying the rule's values and changes nothing; a duplicate or late event finds the job
 * at another step and does nothing. A transaction changed meanwhile by someone else is re-read and
 * decided again. `changed` counts the markers the changes wrote (RuleJobChangeEntity), so it is
 * exact whichever delivery made them.
 */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createCategoryStore } from '../categories/public';
import { advanceJobStep } from '../kit/dynamodb/job-step';
import { userPk } from '../kit/dynamodb/keys';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { ConflictError, NotFoundError } from '../kit/errors';
import { Conflict, NotFound } from '../kit/http/problems';
import {
  StaleTransaction,
  type TransactionItem,
  type TransactionPatch,
  type TransactionUpdater,
  transactionIndexPk,
  transactionItem,
} from '../transactions/public';
import { usableCategory } from './engine';
import { type RuleItem, RuleJobChangeEntity, RuleJobEntity, type RuleJobItem } from './items';
import { type CompiledRule, compileRule, type Subject } from './match';
import type { RuleApply } from './schemas';
import type { RuleStore } from './store';

/** Transactions per chunk: each change is one TransactWriteItems, so a chunk is a few seconds. */
export const CHUNK_SIZE = 100;
/** Sorts after every `<date>#<id>` of the same day: makes `to` inclusive. */
const END_OF_DAY = '#\uffff';
const FIRST_DAY = '0000';
const LAST_DAY = '9999';
/** Re-reads of one transaction that keeps changing under us before it is left as it is. */
const MAX_ATTEMPTS = 3;
/** How long a job's change markers are kept (the table's TTL removes them). */
const CHANGE_MARKER_DAYS = 30;

export function newJobItem(ruleId: string, input: RuleApply, jobId: string, total: number, now: string): RuleJobItem {
  return {
    type: RuleJobEntity.type,
    jobId,
    ruleId,
    from: input.from ?? null,
    to: input.to ?? null,
    onlyUncategorised: input.onlyUncategorised ?? true,
    status: 'queued',
    step: 0,
    cursor: null,
    total,
    scanned: 0,
    changed: 0,
    skipped: 0,
    failure: null,
    createdAt: now,
    updatedAt: now,
    completedAt: null,
    version: 1,
  };
}

export function subjectOfTransaction(item: TransactionItem): Subject {
  return {
    payee: item.payee,
    note: item.note,
    amount: item.amount,
    currency: item.currency,
    accountId: item.accountId,
    direction: item.kind === 'income' ? 'income' : 'expense',
  };
}

/**
 * What the rule changes on an existing transaction: nothing when it does not match, or when
 * everything it sets is already so. Its note only fills an empty one; its tags are added.
 */
export function patchFor(
  compiled: CompiledRule,
  item: TransactionItem,
  onlyUncategorised: boolean,
): TransactionPatch | 'no-match' | undefined {
  if (onlyUncategorised && item.categoryId !== null) return 'no-match';
  if (!compiled.test(subjectOfTransaction(item))) return 'no-match';
  const { actions } = compiled.rule;
  const patch: TransactionPatch = {};
  if (actions.categoryId && actions.categoryId !== item.categoryId) patch.categoryId = actions.categoryId;
  if (actions.payee && actions.payee !== item.payee) patch.payee = actions.payee;
  if (actions.note && !item.note) patch.note = actions.note;
  const missing = actions.addTags.filter((tag) => !item.tags.includes(tag));
  if (missing.length > 0) patch.tags = [...item.tags, ...missing].slice(0, 20);
  return Object.keys(patch).length > 0 ? patch : undefined;
}

const refused = (error: unknown) =>
  error instanceof ConflictError ||
  error instanceof Conflict ||
  error instanceof NotFoundError ||
  error instanceof NotFound;

export type ApplierDeps = {
  db: DynamoDBDocumentClient;
  tableName: string;
  rules: Pick<RuleStore, 'get' | 'getJob'>;
  updater: Pick<TransactionUpdater, 'get' | 'apply'>;
  chunkSize?: number;
  now?: () => Date;
};

export type StepOutcome = 'gone' | 'stale' | 'ran' | 'done' | 'failed';

export function createRuleApplier(deps: ApplierDeps) {
  const { db, tableName } = deps;
  const categories = createCategoryStore({ db, tableName });
  const now = () => (deps.now ?? (() => new Date()))().toISOString();

  function rangeQuery(userId: string, job: Pick<RuleJobItem, 'from' | 'to'>) {
    return {
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#pk': 'gsi1pk', '#sk': 'gsi1sk' },
      ExpressionAttributeValues: {
        ':pk': transactionIndexPk.byDate(userId),
        ':from': job.from ?? FIRST_DAY,
        ':to': `${job.to ?? LAST_DAY}${END_OF_DAY}`,
      },
    };
  }

  async function advance(
    userId: string,
    job: RuleJobItem,
    changes: Partial<RuleJobItem>,
  ): Promise<'advanced' | 'stale'> {
    return advanceJobStep(db, {
      tableName,
      key: RuleJobEntity.key(userId, job.jobId),
      step: job.step,
      changes,
      now: now(),
    });
  }

  /** Changes one transaction if the rule calls for it; re-reads when it changed under us. */
  async function applyTo(userId: string, compiled: CompiledRule, job: RuleJobItem, read: TransactionItem) {
    let item: TransactionItem | undefined = read;
    for (let attempt = 1; item; attempt++) {
      const patch = patchFor(compiled, item, job.onlyUncategorised);
      if (patch === 'no-match' || patch === undefined) return 'unchanged';
      if (item.kind === 'transfer') return 'skipped';
      const dateAndId = `${item.date}#${item.transactionId}`;
      const marker: GuardedItem = {
        item: {
          Put: {
            TableName: tableName,
            Item: {
              ...RuleJobChangeEntity.key(userId, job.jobId, dateAndId),
              type: RuleJobChangeEntity.type,
              jobId: job.jobId,
              transactionId: item.transactionId,
              expiresAt: Math.floor(Date.now() / 1000) + CHANGE_MARKER_DAYS * 86_400,
            },
          },
        },
      };
      try {
        await deps.updater.apply(userId, 'UTC', item, patch, { extra: [marker] });
        return 'changed';
      } catch (error) {
        if (refused(error)) return 'skipped';
        if (!(error instanceof StaleTransaction) || attempt >= MAX_ATTEMPTS) throw error;
      }
      item = await deps.updater.get(userId, item.transactionId);
    }
    return 'unchanged';
  }

  /** The changes this job made to the chunk's transactions: one COUNT Query of their key range. */
  async function changedIn(userId: string, jobId: string, items: Record<string, unknown>[]): Promise<number> {
    const first = items[0]?.gsi1sk;
    const last = items.at(-1)?.gsi1sk;
    if (typeof first !== 'string' || typeof last !== 'string') return 0;
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :first AND :last',
          ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
          ExpressionAttributeValues: {
            ':pk': userPk(userId),
            ':first': RuleJobChangeEntity.key(userId, jobId, first).sk,
            ':last': RuleJobChangeEntity.key(userId, jobId, last).sk,
          },
          Select: 'COUNT',
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return count;
  }

  return {
    /** How many transactions the range holds (a COUNT Query of the date index). */
    async countInRange(userId: string, range: Pick<RuleJobItem, 'from' | 'to'>): Promise<number> {
      let total = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            ...rangeQuery(userId, range),
            Select: 'COUNT',
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        total += page.Count ?? 0;
        start = page.LastEvaluatedKey;
      } while (start);
      return total;
    },

    async runStep(userId: string, jobId: string, step: number): Promise<StepOutcome> {
      const job = await deps.rules.getJob(userId, jobId);
      if (!job) return 'gone';
      if (job.step !== step || job.status === 'done' || job.status === 'failed') return 'stale';
      const rule: RuleItem | undefined = await deps.rules.get(userId, job.ruleId);
      const failure = !rule
        ? 'rule-deleted'
        : rule.actions.categoryId && !usableCategory(await categories.get(userId, rule.actions.categoryId))
          ? 'category-unusable'
          : null;
      if (!rule || failure) {
        const status = await advance(userId, job, { status: 'failed', failure, completedAt: now() });
        return status === 'advanced' ? 'failed' : 'stale';
      }
      const compiled = compileRule(rule);
      const page = await db.send(
        new QueryCommand({
          ...rangeQuery(userId, job),
          Limit: deps.chunkSize ?? CHUNK_SIZE,
          ...(job.cursor ? { ExclusiveStartKey: JSON.parse(job.cursor) } : {}),
        }),
      );
      const items = page.Items ?? [];
      let skipped = 0;
      for (const stored of items) {
        if ((await applyTo(userId, compiled, job, transactionItem().parse(stored))) === 'skipped') skipped++;
      }
      // Counted from the markers, not from this run: a racing or crashed earlier delivery of the
      // chunk may have made some of its changes, and they count once all the same.
      const changed = await changedIn(userId, job.jobId, items);
      const done = !page.LastEvaluatedKey;
      const status = await advance(userId, job, {
        status: done ? 'done' : 'running',
        cursor: page.LastEvaluatedKey ? JSON.stringify(page.LastEvaluatedKey) : null,
        scanned: job.scanned + (page.Items?.length ?? 0),
        changed: job.changed + changed,
        skipped: job.skipped + skipped,
        ...(done ? { completedAt: now() } : {}),
      });
      if (status === 'stale') return 'stale';
      return done ? 'done' : 'ran';
    },
  };
}
