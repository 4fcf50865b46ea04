/**
 * Payees remembered from transactions (`USER#<sub>` / `PAYEE#<normalized name>`), for
 * autocompletion. The transaction write path upserts one inside its TransactWriteItems
 * (`upsertPayeeItem`); the payees route lists them by normalized-name prefix. Payee items are
 * bookkeeping, not domain facts: the stream publisher skips them.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { requireEnv } from '../kit/config';
import { userPk } from '../kit/dynamodb/keys';
import { queryPrefixPage } from '../kit/dynamodb/prefix-page';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { pageQuery } from '../kit/http/cursor';
import * as z from '../kit/schema';
import { PayeeEntity } from './items';

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
function normalizePayeePrefix(prefix: string): string {
  return prefix.normalize('NFKC').replace(/\s+/g, ' ').trimStart().toLowerCase();
}

const payeeItem = z.lazily(() =>
  z.object({
    type: z.literal(PayeeEntity.type),
    /** As first written; later spellings that normalize the same keep it. */
    name: z.string(),
    transactionCount: z.int().check(z.nonnegative()),
    lastUsedAt: z.string(),
  }),
);
type PayeeItem = z.infer<ReturnType<typeof payeeItem>>;

export function toPayeeView(item: PayeeItem) {
  return { name: item.name, transactionCount: item.transactionCount, lastUsedAt: item.lastUsedAt };
}

/**
 * The UpdateItem that remembers a payee, for the transaction write path's TransactWriteItems: it
 * creates the payee on first use and counts every use. Unconditional, so it never cancels the
 * transaction it rides in.
 */
export function upsertPayeeItem(
  userId: string,
  name: string,
  now: Date | string,
  tableName: string = requireEnv('TABLE_NAME'),
): GuardedItem {
  return {
    item: {
      Update: {
        TableName: tableName,
        Key: PayeeEntity.key(userId, normalizePayee(name)),
        UpdateExpression:
          'ADD #transactionCount :one SET #name = if_not_exists(#name, :name), #lastUsedAt = :now, #type = :type',
        ExpressionAttributeNames: {
          '#transactionCount': 'transactionCount',
          '#name': 'name',
          '#lastUsedAt': 'lastUsedAt',
          '#type': 'type',
        },
        ExpressionAttributeValues: {
          ':one': 1,
          ':name': name.trim().replace(/\s+/g, ' '),
          ':now': typeof now === 'string' ? now : now.toISOString(),
          ':type': PayeeEntity.type,
        },
      },
    },
  };
}

/** `GET /v1/payees`: an optional name prefix (matched normalized) and the usual paging. */
export const payeeListQuery = z.lazily(() =>
  z.strictObject({
    prefix: z._default(z.string().check(z.maxLength(100)), ''),
    ...pageQuery(),
  }),
);

export function createPayeeStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  return {
    upsertPayeeItem: (userId: string, name: string, now: Date | string) =>
      upsertPayeeItem(userId, name, now, tableName),

    /** A page of the payees whose normalized name starts with `prefix`, in name order. */
    async list(userId: string, options: { prefix: string; limit: number; after?: string }) {
      const page = await queryPrefixPage(db, {
        tableName,
        pk: userPk(userId),
        prefix: `${PayeeEntity.prefix}${normalizePayeePrefix(options.prefix)}`,
        limit: options.limit,
        ...(options.after !== undefined ? { after: options.after } : {}),
      });
      return { items: page.items.map((item) => payeeItem().parse(item)), last: page.last };
    },

    /** The display names of payees by their normalized names (eventually consistent BatchGetItem). */
    async names(userId: string, normalizedNames: readonly string[]): Promise<Map<string, string>> {
      const names = new Map<string, string>();
      for (let i = 0; i < normalizedNames.length; i += MAX_BATCH_GET) {
        let keys = normalizedNames.slice(i, i + MAX_BATCH_GET).map((name) => PayeeEntity.key(userId, name));
        while (keys.length > 0) {
          const response = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }));
          for (const item of response.Responses?.[tableName] ?? []) {
            const payee = payeeItem().parse(item);
            names.set(normalizePayee(payee.name), payee.name);
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
