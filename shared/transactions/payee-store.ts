/**
 * Payees on the ledger: a transaction references its payee by id (`payeeId`) and keeps its name.
 * Recording with a name resolves it through the name claim (`PAYEE#<normalized name>`) to the
 * payee that holds it, or creates the payee (`PAYEEID#<ulid>`) and its claim in the transaction's
 * own TransactWriteItems, both conditional on their absence: of two concurrent first uses of a
 * name, one creates the payee and the other is cancelled with PayeeNameTaken, resolves again and
 * lands on the winner. A claim without `payeeId` is a payee from before ids: its first use adopts
 * it (the new payee takes its name and counts, the claim gets the id).
 *
 * The payees feature (shared/payees) manages the resource itself; this is what recording needs.
 */
import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Key } from '../kit/dynamodb/keys';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { ConflictError, NotFoundError } from '../kit/errors';
import * as z from '../kit/schema';
import {
  PayeeEntity,
  type PayeeItem,
  PayeeNameEntity,
  type PayeeNameItem,
  payeeItem,
  payeeNameItem,
  TransactionEntity,
  transactionIndexPk,
} from './items';

/**
 * The form a payee is remembered and searched by: compatibility-normalized (NFKC, so full-width
 * and ligature forms match their plain letters), trimmed, inner whitespace collapsed, lower-cased.
 * "ACME  Corp " and "acme corp" are one payee.
 */
export function normalizePayee(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A typed search prefix, normalized like names except that a trailing space is kept: "acme "
 * means the word "acme" and should not match "acmeville".
 */
export function normalizePayeePrefix(prefix: string): string {
  return prefix.normalize('NFKC').replace(/\s+/g, ' ').trimStart().toLowerCase();
}

/** A name as displayed: trimmed, inner whitespace collapsed, case kept. */
export const displayPayeeName = (name: string): string => name.trim().replace(/\s+/g, ' ');

/** Another payee holds the name (normalized): `details.payeeId` names it. */
export class PayeeNameTaken extends ConflictError {
  constructor(payeeId: string | undefined) {
    super('Another payee already has this name.', 'payee-name-taken', { field: 'name', payeeId });
  }
}

/** The payee is being merged into another: record with the target instead. */
export class PayeeMerging extends ConflictError {
  constructor(intoId: string) {
    super('The payee is being merged into another one.', 'payee-merging', { intoId });
  }
}

/** A payee as created on first use of its name; the payees routes fill in the rest. */
export function newPayeeItem(
  fields: Partial<Omit<PayeeItem, 'type' | 'payeeId' | 'createdAt' | 'updatedAt' | 'version'>> & { name: string },
  payeeId: string,
  now: string,
): PayeeItem {
  return {
    type: PayeeEntity.type,
    payeeId,
    name: displayPayeeName(fields.name),
    kind: fields.kind ?? 'merchant',
    defaultCategoryId: fields.defaultCategoryId ?? null,
    contact: fields.contact ?? { email: null, phone: null, address: null },
    taxId: fields.taxId ?? null,
    iban: fields.iban ?? null,
    notes: fields.notes ?? null,
    transactionCount: fields.transactionCount ?? 0,
    lastUsedAt: fields.lastUsedAt ?? null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/**
 * How a recording binds its payee: an existing one it counts a use of, or a new one it creates
 * with its name claim (`adopts`: the older, id-less claim it takes over instead of a fresh one).
 */
export type PayeeBinding =
  | { payeeId: string; name: string; create?: undefined }
  | { payeeId: string; name: string; create: PayeeItem; adopts?: PayeeNameItem | undefined };

export type PayeeResolver = ReturnType<typeof createPayeeResolver>;

export function createPayeeResolver({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  async function read(key: Key): Promise<Record<string, unknown> | undefined> {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    return Item;
  }

  const claimPut = (userId: string, payee: PayeeItem, adopts: PayeeNameItem | undefined): GuardedItem => {
    const key = PayeeNameEntity.key(userId, normalizePayee(payee.name));
    if (adopts) {
      return {
        item: {
          Update: {
            TableName: tableName,
            Key: key,
            UpdateExpression: 'SET #payeeId = :payeeId',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#payeeId)',
            ExpressionAttributeNames: { '#payeeId': 'payeeId' },
            ExpressionAttributeValues: { ':payeeId': payee.payeeId },
          },
        },
        onConditionFailed: (existing) => new PayeeNameTaken(existing?.payeeId as string | undefined),
      };
    }
    return {
      item: {
        Put: {
          TableName: tableName,
          Item: { ...key, type: PayeeNameEntity.type, name: payee.name, payeeId: payee.payeeId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: (existing) => new PayeeNameTaken(existing?.payeeId as string | undefined),
    };
  };

  return {
    /** Strongly consistent read of one payee. */
    async get(userId: string, payeeId: string): Promise<PayeeItem | undefined> {
      const item = await read(PayeeEntity.key(userId, payeeId));
      return item ? z.parse(payeeItem(), item) : undefined;
    },

    /** The claim of a name (strongly consistent), if any. */
    async claim(userId: string, name: string): Promise<PayeeNameItem | undefined> {
      const item = await read(PayeeNameEntity.key(userId, normalizePayee(name)));
      return item ? z.parse(payeeNameItem(), item) : undefined;
    },

    /** The payee a name resolves to, or the one its first use creates (with `id` and `now`). */
    async byName(userId: string, name: string, newId: () => string = ulid, now = new Date()): Promise<PayeeBinding> {
      const claim = await this.claim(userId, name);
      if (claim?.payeeId) {
        // A merged payee's name lands on the target, under the target's name.
        if (!claim.alias) return { payeeId: claim.payeeId, name: displayPayeeName(name) };
        const target = await this.get(userId, claim.payeeId);
        return { payeeId: claim.payeeId, name: target?.name ?? displayPayeeName(name) };
      }
      const payeeId = newId();
      const create = newPayeeItem(
        claim
          ? { name: claim.name, transactionCount: claim.transactionCount ?? 0, lastUsedAt: claim.lastUsedAt ?? null }
          : { name },
        payeeId,
        now.toISOString(),
      );
      return { payeeId, name: displayPayeeName(name), create, adopts: claim };
    },

    /** The payee given by id: NotFoundError when the caller has none such (or it is being merged away). */
    async byId(userId: string, payeeId: string): Promise<PayeeBinding> {
      const payee = await this.get(userId, payeeId);
      if (!payee) throw new NotFoundError('payee');
      if (payee.mergingInto) throw new PayeeMerging(payee.mergingInto);
      return { payeeId, name: payee.name };
    },

    /**
     * The writes that go with a recording bound to `binding`: a new payee and its claim, or one
     * more use of an existing payee, conditional on it still being there and not merged away.
     * `countUse` false binds without counting (an entry that had the name before).
     */
    writes(userId: string, binding: PayeeBinding, now: string, countUse = true): GuardedItem[] {
      if (binding.create) {
        const payee = {
          ...binding.create,
          transactionCount: binding.create.transactionCount + (countUse ? 1 : 0),
          lastUsedAt: countUse ? now : binding.create.lastUsedAt,
        };
        return [
          {
            item: {
              Put: {
                TableName: tableName,
                Item: { ...PayeeEntity.key(userId, payee.payeeId), ...payee },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          },
          claimPut(userId, payee, binding.adopts),
        ];
      }
      const condition = {
        TableName: tableName,
        Key: PayeeEntity.key(userId, binding.payeeId),
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#mergingInto)',
      };
      const onConditionFailed = (existing: Record<string, unknown> | undefined) =>
        existing ? new PayeeMerging(existing.mergingInto as string) : new PayeeNameTaken(undefined);
      if (!countUse) {
        return [
          {
            item: { ConditionCheck: { ...condition, ExpressionAttributeNames: { '#mergingInto': 'mergingInto' } } },
            onConditionFailed,
          },
        ];
      }
      return [
        {
          item: {
            Update: {
              ...condition,
              UpdateExpression: 'ADD #count :use SET #lastUsedAt = :now',
              ExpressionAttributeNames: {
                '#lastUsedAt': 'lastUsedAt',
                '#mergingInto': 'mergingInto',
                '#count': 'transactionCount',
              },
              ExpressionAttributeValues: { ':use': 1, ':now': now },
            },
          },
          onConditionFailed,
        },
      ];
    },

    /** Payees by id (eventually consistent BatchGetItem); missing ones are left out. */
    async many(userId: string, payeeIds: readonly string[]): Promise<Map<string, PayeeItem>> {
      const found = new Map<string, PayeeItem>();
      const unique = [...new Set(payeeIds)];
      for (let i = 0; i < unique.length; i += MAX_BATCH_GET) {
        let keys = unique.slice(i, i + MAX_BATCH_GET).map((id) => PayeeEntity.key(userId, id));
        while (keys.length > 0) {
          const response = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }));
          for (const item of response.Responses?.[tableName] ?? []) {
            const payee = z.parse(payeeItem(), item);
            found.set(payee.payeeId, payee);
          }
          keys = (response.UnprocessedKeys?.[tableName]?.Keys ?? []) as typeof keys;
        }
      }
      return found;
    },

    /** The display names of payees by their normalized names (eventually consistent BatchGetItem). */
    async names(userId: string, normalizedNames: readonly string[]): Promise<Map<string, string>> {
      const names = new Map<string, string>();
      for (let i = 0; i < normalizedNames.length; i += MAX_BATCH_GET) {
        let keys = normalizedNames.slice(i, i + MAX_BATCH_GET).map((name) => PayeeNameEntity.key(userId, name));
        while (keys.length > 0) {
          const response = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }));
          for (const item of response.Responses?.[tableName] ?? []) {
            const claim = z.parse(payeeNameItem(), item);
            names.set(normalizePayee(claim.name), claim.name);
          }
          keys = (response.UnprocessedKeys?.[tableName]?.Keys ?? []) as typeof keys;
        }
      }
      return names;
    },
  };
}

/** BatchGetItem takes at most 100 keys. */
const MAX_BATCH_GET = 100;

/**
 * The write that rebinds one of a payee's transactions (a rename's new name, or a merge's target
 * and its name), conditional on it still referencing `fromId` and not already carrying both: a
 * transaction is changed once, however often its job's chunk runs. A version step, so the change
 * is a TransactionUpdated like any edit; the payee index follows the new id.
 */
export function rebindTransactionWrite(
  tableName: string,
  userId: string,
  transactionId: string,
  change: { fromId: string; payeeId: string; name: string; now: string },
): GuardedItem {
  return {
    item: {
      Update: {
        TableName: tableName,
        Key: TransactionEntity.key(userId, transactionId),
        UpdateExpression:
          'SET #payee = :name, #payeeId = :payeeId, #gsi5pk = :gsi5pk, #updatedAt = :now, #version = #version + :one',
        ConditionExpression: '#payeeId = :fromId AND (#payee <> :name OR #payeeId <> :payeeId)',
        ExpressionAttributeNames: {
          '#payee': 'payee',
          '#payeeId': 'payeeId',
          '#gsi5pk': 'gsi5pk',
          '#updatedAt': 'updatedAt',
          '#version': 'version',
        },
        ExpressionAttributeValues: {
          ':name': change.name,
          ':payeeId': change.payeeId,
          ':fromId': change.fromId,
          ':gsi5pk': transactionIndexPk.byPayee(userId, change.payeeId),
          ':now': change.now,
          ':one': 1,
        },
      },
    },
  };
}
