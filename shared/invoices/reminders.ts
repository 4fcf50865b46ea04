/**
 * Reads and writes of the overdue sweep: the entries of the due-date index up to a day, and the
 * reminder fact written once per invoice and due date together with the invoice leaving the index.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { commit, UserGone, userExists } from '../kit/dynamodb/exactly-once';
import { userIdFromPk } from '../kit/dynamodb/keys';
import { InvoiceEntity, type InvoiceItem, InvoiceReminderEntity, type InvoiceReminderItem, invoiceItem } from './items';
import { DUE_INDEX_PK, dueIndexKeys } from './store';

/** An invoice as the due-date index lists it (the index projects every attribute). */
export type DueEntry = { userId: string; invoice: InvoiceItem; sortKey: string };

class ReminderExists extends Error {}
class InvoiceMoved extends Error {}

export type RemindOutcome = 'reminded' | 'existing' | 'changed' | 'user-gone';

export type ReminderStore = ReturnType<typeof createReminderStore>;

/** Entries read per Query page: a page is a bounded piece of a run's work. */
const PAGE_SIZE = 100;

export function createReminderStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  /** Takes the invoice out of the due-date index, if it still holds that entry: its reminder is written. */
  async function leaveIndex(userId: string, entry: DueEntry, now: string): Promise<void> {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: InvoiceEntity.key(userId, entry.invoice.invoiceId),
          UpdateExpression: 'SET #remindedAt = if_not_exists(#remindedAt, :now) REMOVE #gpk, #gsk',
          ConditionExpression: '#gsk = :gsk',
          ExpressionAttributeNames: { '#remindedAt': 'remindedAt', '#gpk': 'gsi4pk', '#gsk': 'gsi4sk' },
          ExpressionAttributeValues: { ':now': now, ':gsk': entry.sortKey },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  return {
    /**
     * The index entries whose due date is before `beforeDay`, oldest due date first, a page at a
     * time (eventually consistent: the write below is conditioned on what was read).
     */
    async *dueBefore(beforeDay: string): AsyncGenerator<DueEntry[]> {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi4',
            // Sort keys start with the due date: every key of an earlier day sorts before the bare day.
            KeyConditionExpression: 'gsi4pk = :pk AND gsi4sk < :before',
            ExpressionAttributeValues: { ':pk': DUE_INDEX_PK, ':before': beforeDay },
            Limit: PAGE_SIZE,
            ExclusiveStartKey: startKey,
          }),
        );
        const entries: DueEntry[] = [];
        for (const item of page.Items ?? []) {
          const userId = userIdFromPk(String(item.pk));
          const parsed = invoiceItem().safeParse(item);
          if (!userId || !parsed.success) continue;
          entries.push({ userId, invoice: parsed.data, sortKey: String(item.gsi4sk) });
        }
        yield entries;
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    },

    /**
     * In ONE TransactWriteItems: Put the reminder (not exists: one per invoice and due date, so two
     * runs, a retried run or overlapping runs write it once and the stream publishes one event),
     * Update the invoice out of the index and mark it reminded (only while it is as the index
     * showed it: still that entry, issued, same version and paid amount, so a payment, a void or a
     * moved due date since makes it 'changed'), and check the user still exists.
     *
     * A reminder already there for this due date (the due date came back to a reminded one) only
     * takes the invoice out of the index.
     */
    async remind(entry: DueEntry, reminder: InvoiceReminderItem): Promise<RemindOutcome> {
      const { userId, invoice } = entry;
      try {
        await commit(db, [
          {
            item: {
              Put: {
                TableName: tableName,
                Item: { ...InvoiceReminderEntity.key(userId, invoice.invoiceId, invoice.dueDate), ...reminder },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            onConditionFailed: () => new ReminderExists(),
          },
          {
            item: {
              Update: {
                TableName: tableName,
                Key: InvoiceEntity.key(userId, invoice.invoiceId),
                UpdateExpression: 'SET #remindedAt = :now REMOVE #gpk, #gsk',
                ConditionExpression:
                  '#gsk = :gsk AND #state = :issued AND #version = :version AND #paid = :paid AND #paid < #gross',
                ExpressionAttributeNames: {
                  '#remindedAt': 'remindedAt',
                  '#gpk': 'gsi4pk',
                  '#gsk': 'gsi4sk',
                  '#state': 'state',
                  '#version': 'version',
                  '#paid': 'paidAmount',
                  '#gross': 'gross',
                },
                ExpressionAttributeValues: {
                  ':now': reminder.remindedAt,
                  ':gsk': dueIndexKeys(userId, invoice).gsi4sk,
                  ':issued': 'issued',
                  ':version': invoice.version,
                  ':paid': invoice.paidAmount,
                },
              },
            },
            onConditionFailed: () => new InvoiceMoved(),
          },
          userExists(tableName, userId),
        ]);
        return 'reminded';
      } catch (error) {
        if (error instanceof ReminderExists) {
          await leaveIndex(userId, entry, reminder.remindedAt);
          return 'existing';
        }
        if (error instanceof InvoiceMoved) return 'changed';
        if (error instanceof UserGone) return 'user-gone';
        throw error;
      }
    },
  };
}
