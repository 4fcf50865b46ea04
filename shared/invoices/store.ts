/**
 * Reads and writes of invoices. Every write that changes an invoice is conditioned on the version
 * (and state) it was decided on, so a concurrent PATCH, issue or void is a 412 instead of a lost
 * update; the number claim moves in the same TransactWriteItems as the invoice.
 */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { userPk } from '../kit/dynamodb/keys';
import { queryAll, queryPrefixPage } from '../kit/dynamodb/prefix-page';
import { type GuardedItem, transactWrite } from '../kit/dynamodb/transact';
import { versionedUpdateExpression } from '../kit/dynamodb/versioned-update';
import { ConflictError, NotFoundError, VersionMismatch } from '../kit/errors';
import {
  InvoiceEntity,
  type InvoiceItem,
  InvoiceNumberEntity,
  InvoicePaymentEntity,
  type InvoicePaymentItem,
  invoiceItem,
  invoicePaymentItem,
} from './items';
import { type InvoiceStatus, statusFilter } from './status';

/**
 * The sparse due-date index (gsi4): one entry per issued invoice that is not fully paid and has not
 * been reminded of yet, `INVOICE#DUE` / `<dueDate>#<sub>#<invoiceId>`. The overdue sweep Queries it
 * up to a date instead of scanning; every other invoice carries no gsi4 attributes.
 */
export const DUE_INDEX_PK = 'INVOICE#DUE';
export function dueIndexKeys(userId: string, invoice: Pick<InvoiceItem, 'dueDate' | 'invoiceId'>) {
  return { gsi4pk: DUE_INDEX_PK, gsi4sk: `${invoice.dueDate}#${userId}#${invoice.invoiceId}` };
}

export function duplicateNumber(number: string) {
  return new ConflictError(
    `You already have an invoice numbered "${number}" in this direction.`,
    'duplicate-invoice-number',
    { number },
  );
}

/** The pieces of a change: SET fields, and the number claim moves (PATCH of `number`). */
export type InvoiceChange = {
  fields: Partial<Omit<InvoiceItem, 'type' | 'invoiceId' | 'version' | 'createdAt' | 'updatedAt'>>;
  /** Attributes to SET that are not part of the item schema (index keys). */
  index?: Record<string, string>;
  /** Attributes to REMOVE (index keys). */
  remove?: readonly string[];
  /** A further condition on the invoice (e.g. nothing paid), refused as `refused()`. */
  condition?: {
    expression: string;
    values: Record<string, unknown>;
    names: Record<string, string>;
    refused: () => Error;
  };
};

export type InvoiceStore = ReturnType<typeof createInvoiceStore>;

export function createInvoiceStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  function numberClaim(userId: string, invoice: Pick<InvoiceItem, 'direction' | 'number' | 'invoiceId'>): GuardedItem {
    return {
      item: {
        Put: {
          TableName: tableName,
          Item: {
            ...InvoiceNumberEntity.key(userId, invoice.direction, invoice.number),
            type: InvoiceNumberEntity.type,
            invoiceId: invoice.invoiceId,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => duplicateNumber(invoice.number),
    };
  }

  function numberRelease(userId: string, invoice: Pick<InvoiceItem, 'direction' | 'number'>): GuardedItem {
    return {
      item: {
        Delete: { TableName: tableName, Key: InvoiceNumberEntity.key(userId, invoice.direction, invoice.number) },
      },
    };
  }

  return {
    /** The invoice and its number's claim (409 when taken), with `extra` (the Idempotency-Key record). */
    async create(userId: string, invoice: InvoiceItem, extra: GuardedItem[] = []): Promise<void> {
      await transactWrite(db, [
        {
          item: {
            Put: {
              TableName: tableName,
              Item: { ...InvoiceEntity.key(userId, invoice.invoiceId), ...invoice },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
        numberClaim(userId, invoice),
        ...extra,
      ]);
    },

    /** Strongly consistent: a GET right after a write shows it. */
    async get(userId: string, invoiceId: string): Promise<InvoiceItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: InvoiceEntity.key(userId, invoiceId), ConsistentRead: true }),
      );
      return Item ? invoiceItem().parse(Item) : undefined;
    },

    /** A page of the user's invoices, newest first, optionally of one direction and derived status. */
    async list(
      userId: string,
      options: {
        limit: number;
        after?: string;
        direction?: InvoiceItem['direction'] | undefined;
        status?: InvoiceStatus | undefined;
        today: string;
      },
    ) {
      const parts: { expression: string; names: Record<string, string>; values: Record<string, unknown> }[] = [];
      if (options.direction) {
        parts.push({
          expression: '#direction = :direction',
          names: { '#direction': 'direction' },
          values: { ':direction': options.direction },
        });
      }
      if (options.status) parts.push(statusFilter(options.status, options.today));
      const filter =
        parts.length > 0
          ? {
              expression: parts.map((part) => `(${part.expression})`).join(' AND '),
              names: Object.assign({}, ...parts.map((part) => part.names)),
              values: Object.assign({}, ...parts.map((part) => part.values)),
            }
          : undefined;
      const page = await queryPrefixPage(db, {
        tableName,
        pk: userPk(userId),
        prefix: InvoiceEntity.prefix,
        limit: options.limit,
        ...(options.after !== undefined ? { after: options.after } : {}),
        ...(filter ? { filter } : {}),
        consistent: true,
        newestFirst: true,
      });
      return { items: page.items.map((item) => invoiceItem().parse(item)), last: page.last };
    },

    /**
     * Applies `change` to the invoice as it was read (`old`: same version and state, else 412),
     * moving the number claim when the number changes (409 when the new one is taken).
     */
    async update(userId: string, old: InvoiceItem, change: InvoiceChange, now: string): Promise<InvoiceItem> {
      const expression = versionedUpdateExpression(
        { ...change.fields, ...change.index },
        { now, expectedVersions: [old.version] },
      );
      const remove = change.remove ?? [];
      const removeNames = Object.fromEntries(remove.map((name) => [`#rm_${name}`, name]));
      const items: GuardedItem[] = [
        {
          item: {
            Update: {
              TableName: tableName,
              Key: InvoiceEntity.key(userId, old.invoiceId),
              UpdateExpression:
                remove.length > 0
                  ? `${expression.UpdateExpression} REMOVE ${remove.map((name) => `#rm_${name}`).join(', ')}`
                  : expression.UpdateExpression,
              ConditionExpression: `${expression.ConditionExpression} AND #state = :oldState${change.condition ? ` AND ${change.condition.expression}` : ''}`,
              ExpressionAttributeNames: {
                ...expression.ExpressionAttributeNames,
                ...removeNames,
                '#state': 'state',
                ...change.condition?.names,
              },
              ExpressionAttributeValues: {
                ...expression.ExpressionAttributeValues,
                ':oldState': old.state,
                ...change.condition?.values,
              },
            },
          },
          onConditionFailed: (existing) => {
            if (!existing) return new NotFoundError('invoice');
            if (existing.version === old.version && existing.state === old.state && change.condition) {
              return change.condition.refused();
            }
            return new VersionMismatch();
          },
        },
      ];
      const number = change.fields.number;
      if (number !== undefined && number !== old.number) {
        items.push(numberRelease(userId, old), numberClaim(userId, { ...old, number }));
      }
      await transactWrite(db, items);
      return invoiceItem().parse({
        ...old,
        ...change.fields,
        updatedAt: now,
        version: old.version + 1,
      });
    },

    /** Deletes the invoice as read (same version, else 412) and releases its number. */
    async delete(userId: string, old: InvoiceItem): Promise<void> {
      await transactWrite(db, [
        {
          item: {
            Delete: {
              TableName: tableName,
              Key: InvoiceEntity.key(userId, old.invoiceId),
              ConditionExpression: '#version = :version',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':version': old.version },
            },
          },
          onConditionFailed: (existing) => (existing ? new VersionMismatch() : new NotFoundError('invoice')),
        },
        numberRelease(userId, old),
      ]);
    },

    /** The movements that currently name the invoice (their applied state), oldest first. */
    async linkedPayments(userId: string, invoiceId: string): Promise<InvoicePaymentItem[]> {
      const items = await queryAll(db, {
        tableName,
        pk: userPk(userId),
        prefix: `${InvoicePaymentEntity.prefix}${invoiceId}#`,
        filter: { expression: '#linked = :true', names: { '#linked': 'linked' }, values: { ':true': true } },
        consistent: true,
      });
      return items.map((item) => invoicePaymentItem().parse(item));
    },

    /** One movement's applied state for one invoice, strongly consistent (the consumer decides on it). */
    async getPayment(userId: string, invoiceId: string, transactionId: string) {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: InvoicePaymentEntity.key(userId, invoiceId, transactionId),
          ConsistentRead: true,
        }),
      );
      return Item ? invoicePaymentItem().parse(Item) : undefined;
    },
  };
}
