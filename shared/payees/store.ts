/**
 * Payees as a resource: create, read, list by name, change, delete, and the start of a merge.
 * Every write that touches a name moves its claim (`PAYEE#<normalized name>`) in the same
 * TransactWriteItems as the payee, conditional on the new name being free, so two payees never
 * share a name (PayeeNameTaken, 409 naming `name`). A rename or a merge also writes its job
 * (shared/payees/jobs.ts) in that same transaction: it cannot be lost between the two.
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { userPk } from '../kit/dynamodb/keys';
import { queryPrefixPage } from '../kit/dynamodb/prefix-page';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import { ConflictError, NotFoundError, VersionMismatch } from '../kit/errors';
import * as z from '../kit/schema';
import {
  createPayeeResolver,
  displayPayeeName,
  newPayeeItem,
  normalizePayee,
  normalizePayeePrefix,
  PayeeEntity,
  type PayeeItem,
  PayeeMerging,
  PayeeNameEntity,
  PayeeNameTaken,
  transactionIndexPk,
} from '../transactions/public';
import { PayeeJobEntity, type PayeeJobItem, payeeJobItem } from './items';
import type { PayeeCreate, PayeePatch } from './schemas';

export type PayeeStore = ReturnType<typeof createPayeeStore>;

/** The payee's fields a create or a PATCH sets, undefined ones left as they are. */
function fieldsOf(input: PayeeCreate | PayeePatch) {
  return {
    kind: input.kind,
    defaultCategoryId: input.defaultCategoryId,
    taxId: input.taxId,
    iban: input.iban,
    notes: input.notes === undefined ? undefined : input.notes || null,
  };
}

const contactOf = (contact: PayeeCreate['contact'], old?: PayeeItem['contact']) => ({
  email: contact?.email !== undefined ? contact.email : (old?.email ?? null),
  phone: contact?.phone !== undefined ? contact.phone : (old?.phone ?? null),
  address: contact?.address !== undefined ? contact.address || null : (old?.address ?? null),
});

export function newJobItem(
  job: Pick<PayeeJobItem, 'jobId' | 'kind' | 'payeeId' | 'intoId' | 'name'>,
  now: string,
): PayeeJobItem {
  return {
    type: PayeeJobEntity.type,
    ...job,
    status: 'queued',
    step: 0,
    cursor: null,
    changed: 0,
    createdAt: now,
    updatedAt: now,
    completedAt: null,
    version: 1,
  };
}

export function createPayeeStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  const resolver = createPayeeResolver({ db, tableName });

  const jobPut = (userId: string, job: PayeeJobItem): GuardedItem => ({
    item: {
      Put: {
        TableName: tableName,
        Item: { ...PayeeJobEntity.key(userId, job.jobId), ...job },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  });

  /** The payee at the version read, not being merged away: else 412, 404 or 409. */
  const payeeAt = (userId: string, payee: PayeeItem) => ({
    TableName: tableName,
    Key: PayeeEntity.key(userId, payee.payeeId),
    ConditionExpression: '#version = :readVersion AND attribute_not_exists(#mergingInto)',
  });
  const staleOrGone = (existing: Record<string, unknown> | undefined) => {
    if (!existing) return new NotFoundError('payee');
    if (typeof existing.mergingInto === 'string') return new PayeeMerging(existing.mergingInto);
    return new VersionMismatch();
  };

  /** A payee read for a change: 404 when absent, 412 when not at an expected version, 409 when being merged. */
  async function current(userId: string, payeeId: string, expectedVersions?: readonly number[]) {
    const payee = await resolver.get(userId, payeeId);
    if (!payee) throw new NotFoundError('payee');
    if (expectedVersions && !expectedVersions.includes(payee.version)) throw new VersionMismatch();
    if (payee.mergingInto) throw new PayeeMerging(payee.mergingInto);
    return payee;
  }

  return {
    get: (userId: string, payeeId: string) => resolver.get(userId, payeeId),

    getJob: async (userId: string, jobId: string): Promise<PayeeJobItem | undefined> => {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: PayeeJobEntity.key(userId, jobId),
          ConsistentRead: true,
        }),
      );
      return Item ? z.parse(payeeJobItem(), Item) : undefined;
    },

    /**
     * A new payee and the writes that create it with its name claim (nothing written yet). A name
     * already claimed is PayeeNameTaken; the name of a payee remembered before ids is adopted, with
     * its counts. The writes fail with PayeeNameTaken when the name was claimed meanwhile.
     */
    async planCreate(userId: string, input: PayeeCreate, payeeId: string, now: string) {
      const claim = await resolver.claim(userId, input.name);
      if (claim?.payeeId) throw new PayeeNameTaken(claim.payeeId);
      const fields = Object.fromEntries(Object.entries(fieldsOf(input)).filter(([, value]) => value !== undefined));
      const payee = newPayeeItem(
        {
          ...fields,
          name: input.name,
          contact: contactOf(input.contact),
          transactionCount: claim?.transactionCount ?? 0,
          lastUsedAt: claim?.lastUsedAt ?? null,
        },
        payeeId,
        now,
      );
      const writes = resolver.writes(userId, { payeeId, name: payee.name, create: payee, adopts: claim }, now, false);
      return { payee, writes };
    },

    /** Writes a planned payee with `extra` (the Idempotency-Key record), all or nothing. */
    async create(planned: { writes: GuardedItem[] }, extra: GuardedItem[] = []): Promise<void> {
      await transactWrite(db, [...planned.writes, ...extra]);
    },

    /**
     * A page of payees whose name starts with `prefix` (normalized), in name order: the claims of
     * the prefix (aliases and names from before ids left out), then their payees in one BatchGetItem.
     */
    async list(userId: string, options: { prefix: string; limit: number; after?: string }) {
      const page = await queryPrefixPage(db, {
        tableName,
        pk: userPk(userId),
        prefix: `${PayeeNameEntity.prefix}${normalizePayeePrefix(options.prefix)}`,
        filter: {
          expression: 'attribute_exists(#payeeId) AND attribute_not_exists(#alias)',
          names: { '#payeeId': 'payeeId', '#alias': 'alias' },
        },
        limit: options.limit,
        consistent: true,
        ...(options.after !== undefined ? { after: options.after } : {}),
      });
      const ids = page.items.map((claim) => String(claim.payeeId));
      const payees = await resolver.many(userId, ids);
      return {
        items: ids.flatMap((id) => {
          const payee = payees.get(id);
          return payee ? [payee] : [];
        }),
        last: page.last,
      };
    },

    /**
     * A PATCH under If-Match. A new name moves the claim (the old one released, the new one taken
     * only if free) and queues the job that gives the payee's transactions the new name.
     */
    async update(
      userId: string,
      payeeId: string,
      patch: PayeePatch,
      options: { now: string; expectedVersions?: readonly number[]; jobId: string },
    ): Promise<{ payee: PayeeItem; job?: PayeeJobItem }> {
      const old = await current(userId, payeeId, options.expectedVersions);
      const fields = fieldsOf(patch);
      const renamed = patch.name !== undefined && displayPayeeName(patch.name) !== old.name;
      const payee: PayeeItem = {
        ...old,
        ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
        name: renamed ? displayPayeeName(patch.name as string) : old.name,
        contact: contactOf(patch.contact, old.contact),
        updatedAt: options.now,
        version: old.version + 1,
      };
      const writes: GuardedItem[] = [
        {
          item: {
            Put: {
              ...payeeAt(userId, old),
              Item: { ...PayeeEntity.key(userId, payeeId), ...payee },
              ExpressionAttributeNames: { '#version': 'version', '#mergingInto': 'mergingInto' },
              ExpressionAttributeValues: { ':readVersion': old.version },
            },
          },
          onConditionFailed: staleOrGone,
        },
      ];
      let job: PayeeJobItem | undefined;
      if (renamed) {
        const oldKey = PayeeNameEntity.key(userId, normalizePayee(old.name));
        const newKey = PayeeNameEntity.key(userId, normalizePayee(payee.name));
        const claim = { type: PayeeNameEntity.type, name: payee.name, payeeId };
        if (oldKey.sk === newKey.sk) {
          // Only case or spacing changed: the claim stays, with the new spelling.
          writes.push({ item: { Put: { TableName: tableName, Item: { ...newKey, ...claim } } } });
        } else {
          writes.push(
            {
              item: {
                Put: {
                  TableName: tableName,
                  Item: { ...newKey, ...claim },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              onConditionFailed: (existing) => new PayeeNameTaken(existing?.payeeId as string | undefined),
            },
            { item: { Delete: { TableName: tableName, Key: oldKey } } },
          );
        }
        job = newJobItem(
          { jobId: options.jobId, kind: 'rename', payeeId, intoId: null, name: payee.name },
          options.now,
        );
        writes.push(jobPut(userId, job));
      }
      await transactWrite(db, writes);
      return { payee, ...(job ? { job } : {}) };
    },

    /**
     * Deletes a payee no transaction references (else 409 `payee-in-use`: merge it into another
     * instead), with its name and its aliases. Under If-Match when given.
     */
    async delete(userId: string, payeeId: string, expectedVersions?: readonly number[]): Promise<void> {
      const payee = await current(userId, payeeId, expectedVersions);
      const used = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi5',
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': 'gsi5pk' },
          ExpressionAttributeValues: { ':pk': transactionIndexPk.byPayee(userId, payeeId) },
          Limit: 1,
          Select: 'COUNT',
        }),
      );
      if ((used.Count ?? 0) > 0) {
        throw new ConflictError(
          'Transactions reference this payee: merge it into another payee instead, or change their payee first.',
          'payee-in-use',
        );
      }
      const names = [normalizePayee(payee.name), ...(payee.aliases ?? [])];
      await transactWrite(db, [
        {
          item: {
            Delete: {
              ...payeeAt(userId, payee),
              ExpressionAttributeNames: { '#version': 'version', '#mergingInto': 'mergingInto' },
              ExpressionAttributeValues: { ':readVersion': payee.version },
            },
          },
          onConditionFailed: staleOrGone,
        },
        ...names.map(
          (name): GuardedItem => ({
            item: {
              Delete: {
                TableName: tableName,
                Key: PayeeNameEntity.key(userId, name),
                ConditionExpression: '#payeeId = :payeeId',
                ExpressionAttributeNames: { '#payeeId': 'payeeId' },
                ExpressionAttributeValues: { ':payeeId': payeeId },
              },
            },
            onConditionFailed: () => new VersionMismatch(),
          }),
        ),
      ]);
    },

    /**
     * Starts merging `fromId` into `intoId`, in one write: the source is marked as merging (no
     * recording binds it any more), its name and aliases become the target's aliases (later
     * recordings by those names land on the target), and the job that moves its transactions is
     * queued. The source is deleted by the job's last step.
     */
    async merge(
      userId: string,
      fromId: string,
      intoId: string,
      options: { now: string; expectedVersions?: readonly number[]; jobId: string },
    ): Promise<{ target: PayeeItem; job: PayeeJobItem }> {
      if (fromId === intoId) throw new ConflictError('A payee cannot be merged into itself.', 'same-payee');
      const source = await current(userId, fromId, options.expectedVersions);
      const target = await resolver.get(userId, intoId);
      if (!target) throw new NotFoundError('payee');
      if (target.mergingInto) throw new PayeeMerging(target.mergingInto);
      const moved = [normalizePayee(source.name), ...(source.aliases ?? [])];
      const job = newJobItem(
        { jobId: options.jobId, kind: 'merge', payeeId: fromId, intoId, name: target.name },
        options.now,
      );
      const merged: PayeeItem = {
        ...target,
        aliases: [...new Set([...(target.aliases ?? []), ...moved])],
        updatedAt: options.now,
        version: target.version + 1,
      };
      await transactWrite(db, [
        {
          item: {
            Update: {
              ...payeeAt(userId, source),
              UpdateExpression: 'SET #mergingInto = :intoId, #updatedAt = :now, #version = #version + :one',
              ExpressionAttributeNames: {
                '#version': 'version',
                '#mergingInto': 'mergingInto',
                '#updatedAt': 'updatedAt',
              },
              ExpressionAttributeValues: {
                ':readVersion': source.version,
                ':intoId': intoId,
                ':now': options.now,
                ':one': 1,
              },
            },
          },
          onConditionFailed: staleOrGone,
        },
        {
          item: {
            Put: {
              ...payeeAt(userId, target),
              Item: { ...PayeeEntity.key(userId, intoId), ...merged },
              ExpressionAttributeNames: { '#version': 'version', '#mergingInto': 'mergingInto' },
              ExpressionAttributeValues: { ':readVersion': target.version },
            },
          },
          onConditionFailed: staleOrGone,
        },
        ...moved.map(
          (name): GuardedItem => ({
            item: {
              Update: {
                TableName: tableName,
                Key: PayeeNameEntity.key(userId, name),
                UpdateExpression: 'SET #payeeId = :intoId, #alias = :true',
                ConditionExpression: '#payeeId = :fromId',
                ExpressionAttributeNames: { '#payeeId': 'payeeId', '#alias': 'alias' },
                ExpressionAttributeValues: { ':intoId': intoId, ':fromId': fromId, ':true': true },
              },
            },
            onConditionFailed: () => new VersionMismatch(),
          }),
        ),
        jobPut(userId, job),
      ]);
      return { target: merged, job };
    },
  };
}
