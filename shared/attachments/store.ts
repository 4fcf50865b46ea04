/**
 * Reads and writes of attachments (./items.ts): the attachment and its owner link always change
 * together, in one TransactWriteItems.
 */
import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { userPk } from '../kit/dynamodb/keys';
import { queryAll, queryPrefixPage } from '../kit/dynamodb/prefix-page';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import {
  AttachmentEntity,
  type AttachmentItem,
  AttachmentLinkEntity,
  type AttachmentLinkItem,
  type AttachmentOwner,
  attachmentItem,
  attachmentLinkItem,
  ownerLinksPrefix,
} from './items';

/** The attachment was deleted meanwhile. */
export class AttachmentGone extends Error {}

/** BatchGetItem takes at most 100 keys; what it leaves unprocessed is asked again, a few times. */
const MAX_BATCH_ROUNDS = 5;

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;

export function createAttachmentStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  const linkKey = (
    userId: string,
    owner: { ownerKind: AttachmentOwner['kind']; ownerId: string; attachmentId: string },
  ) => AttachmentLinkEntity.key(userId, owner.ownerKind, owner.ownerId, owner.attachmentId);

  async function batchGet(keys: { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
    const found: Record<string, unknown>[] = [];
    let pending = keys;
    for (let round = 1; pending.length > 0; round++) {
      if (round > MAX_BATCH_ROUNDS) throw new Error('BatchGetItem left keys unprocessed');
      const { Responses, UnprocessedKeys } = await db.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...(Responses?.[tableName] ?? []));
      pending = (UnprocessedKeys?.[tableName]?.Keys ?? []) as { pk: string; sk: string }[];
    }
    return found;
  }

  return {
    /**
     * The attachment and its link, both new, while `ownerCheck` holds (the owner exists), with
     * `extra` items (the Idempotency-Key record).
     */
    async create(
      userId: string,
      item: AttachmentItem,
      ownerCheck: GuardedItem,
      extra: GuardedItem[] = [],
    ): Promise<void> {
      const link: AttachmentLinkItem = {
        type: AttachmentLinkEntity.type,
        attachmentId: item.attachmentId,
        ownerKind: item.ownerKind,
        ownerId: item.ownerId,
        fileKey: item.fileKey,
      };
      await transactWrite(db, [
        {
          item: {
            Put: {
              TableName: tableName,
              Item: { ...AttachmentEntity.key(userId, item.attachmentId), ...item },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
        {
          item: {
            Put: {
              TableName: tableName,
              Item: { ...linkKey(userId, item), ...link },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
        ownerCheck,
        ...extra,
      ]);
    },

    /** Strongly consistent; built from the caller's partition, so another user's id is not found. */
    async get(userId: string, attachmentId: string): Promise<AttachmentItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: AttachmentEntity.key(userId, attachmentId), ConsistentRead: true }),
      );
      return Item ? attachmentItem().parse(Item) : undefined;
    },

    /**
     * pending → uploaded, with the size as stored. Only from pending: a second reader that saw the
     * file at the same moment changes nothing, and gets the attachment as the first one left it.
     */
    async markUploaded(userId: string, attachmentId: string, size: number, now: string): Promise<AttachmentItem> {
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: AttachmentEntity.key(userId, attachmentId),
            UpdateExpression: 'SET #status = :uploaded, #size = :size, #uploadedAt = :now ADD #version :one',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: {
              '#status': 'status',
              '#size': 'size',
              '#uploadedAt': 'uploadedAt',
              '#version': 'version',
            },
            ExpressionAttributeValues: {
              ':uploaded': 'uploaded',
              ':pending': 'pending',
              ':size': size,
              ':now': now,
              ':one': 1,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return attachmentItem().parse(Attributes);
      } catch (error) {
        if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
        const current = await this.get(userId, attachmentId);
        if (!current) throw new AttachmentGone();
        return current;
      }
    },

    /** A page of one owner's attachments, oldest first (ids are ULIDs). */
    async listByOwner(userId: string, owner: AttachmentOwner, options: { limit: number; after?: string }) {
      const page = await queryPrefixPage(db, {
        tableName,
        pk: userPk(userId),
        prefix: ownerLinksPrefix(owner),
        limit: options.limit,
        ...(options.after !== undefined ? { after: options.after } : {}),
        consistent: true,
      });
      const links = page.items.map((link) => attachmentLinkItem().parse(link));
      const found = await batchGet(links.map((link) => AttachmentEntity.key(userId, link.attachmentId)));
      const byId = new Map(found.map((item) => [String(item.attachmentId), attachmentItem().parse(item)]));
      // In link order; a link whose attachment is being deleted this instant is left out.
      const items = links.flatMap((link) => byId.get(link.attachmentId) ?? []);
      return { items, last: page.last };
    },

    /** Every link of one owner (what its deletion must take with it). */
    async linksOf(userId: string, owner: AttachmentOwner): Promise<AttachmentLinkItem[]> {
      const items = await queryAll(db, {
        tableName,
        pk: userPk(userId),
        prefix: ownerLinksPrefix(owner),
        consistent: true,
      });
      return items.map((item) => attachmentLinkItem().parse(item));
    },

    /** Deletes the attachment and its link; deleting what is already gone succeeds. */
    async delete(
      userId: string,
      attachment: { attachmentId: string; ownerKind: AttachmentOwner['kind']; ownerId: string },
    ): Promise<void> {
      await transactWrite(db, [
        { item: { Delete: { TableName: tableName, Key: AttachmentEntity.key(userId, attachment.attachmentId) } } },
        { item: { Delete: { TableName: tableName, Key: linkKey(userId, attachment) } } },
      ]);
    },
  };
}
