/**
 * The ECB euro reference rates, one item per published day (`RATES#ECB` / `<YYYY-MM-DD>`), shared
 * by every user. It is the RateProvider conversions read, and what the seeder (and later the daily
 * feed) writes. Rate items are bookkeeping (type RATES): the stream publisher skips them.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { EurReferenceRates } from '../kit/money/conversion';
import { currencyCode } from '../kit/money/money';
import * as z from '../kit/schema';
import { businessDayOnOrBefore } from './business-days';
import { closedFeed, type FeedState, type FeedStore } from './feed';
import { RatesEntity } from './items';
import type { RateProvider, RatesOnDay } from './rate-provider';

const RATE_SOURCE = 'ECB';
/** The first day the ECB published euro reference rates. */
export const FIRST_RATE_DATE = '1999-01-04';
/**
 * Sort key of the marker that records which snapshot was seeded. It sorts after every date
 * ('S' > '9'), so `sk <= :date` never reads it as a day.
 */
const SNAPSHOT_SK = 'SNAPSHOT';
/** Sort key of the daily feed's state (its circuit breaker); sorts after every date too. */
const FEED_SK = 'FEED';
/** Greater than every date and less than the markers: `sk <= LAST_DATE` reads days only. */
const LAST_DATE = '9999-12-31';
/** BatchWriteItem's limit. */
const BATCH_SIZE = 25;

/** `GET /v1/rates`: base currency (default EUR) and day (default today, UTC). */
export const ratesQuery = z.lazily(() =>
  z.strictObject({
    base: z._default(currencyCode(), 'EUR'),
    date: z.optional(z.iso.date('must be a date such as 2026-01-05')),
  }),
);

const dayItem = z.lazily(() =>
  z.object({
    date: z.string(),
    rates: z.record(z.string(), z.string()),
  }),
);

const feedState = z.lazily(() =>
  z.object({
    failures: z.int(),
    openUntil: z.nullable(z.string()),
    lastAttemptAt: z.nullable(z.string()),
    lastSuccessAt: z.nullable(z.string()),
    lastError: z.nullable(z.string()),
  }),
);

const snapshotMarker = z.lazily(() => z.object({ lastDate: z.string(), days: z.int() }));
type SnapshotMarker = z.infer<ReturnType<typeof snapshotMarker>>;

type WriteOptions = {
  /** BatchWriteItem calls in flight at once: fast enough, gentle on a fresh on-demand table. */
  concurrency?: number;
  /**
   * Until when (epoch ms) throttled writes are retried; default a minute from now. Throttling of a
   * fresh on-demand table passes as it scales, so the seed retries it for as long as its run allows
   * instead of failing (and rolling back) a deploy after a few attempts.
   */
  deadline?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
};

/** What DynamoDB answers while it scales: wait and try again. */
const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type RateStore = ReturnType<typeof createRateStore>;

export function createRateStore({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  async function writeBatch(days: EurReferenceRates[], retry: Required<Omit<WriteOptions, 'concurrency'>>) {
    let pending: unknown[] = days.map((day) => ({
      PutRequest: {
        Item: { ...RatesEntity.key(RATE_SOURCE, day.date), type: RatesEntity.type, date: day.date, rates: day.rates },
      },
    }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > 1) {
        // Unprocessed items or a throttling error: back off exponentially, with jitter, capped.
        const delay = Math.min(retry.baseDelayMs * 2 ** (attempt - 2), retry.maxDelayMs) * (0.5 + Math.random() / 2);
        if (Date.now() + delay > retry.deadline) {
          throw new Error(`${pending.length} rate days unwritten by the deadline, after ${attempt - 1} attempts`);
        }
        await sleep(delay);
      }
      try {
        const response = await db.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: pending as { PutRequest: { Item: object } }[] } }),
        );
        pending = response.UnprocessedItems?.[tableName] ?? [];
      } catch (error) {
        if (!THROTTLING.has((error as Error).name)) throw error;
      }
    }
  }

  const store = {
    /** The rates in force on `date`: that day's, or the latest earlier day's (weekends, holidays). */
    async ratesOn(date: string): Promise<RatesOnDay | undefined> {
      const { Items } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk AND #sk <= :date',
          ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
          ExpressionAttributeValues: { ':pk': RatesEntity.key(RATE_SOURCE, date).pk, ':date': date },
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      const item = Items?.[0];
      if (!item) return undefined;
      const day = dayItem().parse(item);
      // Only a day found before the date's own business day can be waiting for a publication, and
      // only if nothing newer exists: one more read, for recent dates only.
      const provisional =
        day.date < businessDayOnOrBefore(date) && date !== LAST_DATE && (await store.newestDay()) === day.date;
      return {
        date: day.date,
        rates: day.rates,
        requestedDate: date,
        fallback: day.date !== date,
        provisional,
        source: 'ECB',
      };
    },

    /** Writes (or overwrites with the same values) the given days, 25 per call, a few calls at once. */
    async writeDays(days: readonly EurReferenceRates[], options: WriteOptions = {}): Promise<void> {
      const { concurrency = 8, deadline = Date.now() + 60_000, baseDelayMs = 50, maxDelayMs = 5_000 } = options;
      const batches: EurReferenceRates[][] = [];
      for (let i = 0; i < days.length; i += BATCH_SIZE) batches.push(days.slice(i, i + BATCH_SIZE));
      let next = 0;
      let failure: unknown;
      const worker = async () => {
        // After a failure no worker starts another batch: the run fails as a whole and is redone.
        while (failure === undefined && next < batches.length) {
          const batch = batches[next++];
          if (!batch) continue;
          try {
            await writeBatch(batch, { deadline, baseDelayMs, maxDelayMs });
          } catch (error) {
            failure ??= error;
          }
        }
      };
      // Settled, not raced: nothing may still be writing when this returns or throws.
      await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
      if (failure !== undefined) throw failure;
    },

    /** The newest published day stored. */
    async newestDay(): Promise<string | undefined> {
      return (await store.ratesOn(LAST_DATE))?.date;
    },

    /**
     * Writes each day only if absent (a published day never changes), one conditional put each:
     * the feed writes a day or a few, and learns which were new.
     */
    async writeNewDays(days: readonly EurReferenceRates[], fetchedAt: string): Promise<string[]> {
      const written: string[] = [];
      for (const day of days) {
        try {
          await db.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...RatesEntity.key(RATE_SOURCE, day.date),
                type: RatesEntity.type,
                date: day.date,
                rates: day.rates,
                fetchedAt,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          );
          written.push(day.date);
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
      return written;
    },

    async feedState(): Promise<FeedState> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: RatesEntity.key(RATE_SOURCE, FEED_SK), ConsistentRead: true }),
      );
      return Item ? feedState().parse(Item) : closedFeed;
    },

    async saveFeedState(state: FeedState): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...RatesEntity.key(RATE_SOURCE, FEED_SK), type: RatesEntity.type, ...state },
        }),
      );
    },

    /** Which snapshot was seeded last, if any. */
    async snapshotMarker(): Promise<SnapshotMarker | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: RatesEntity.key(RATE_SOURCE, SNAPSHOT_SK), ConsistentRead: true }),
      );
      return Item ? snapshotMarker().parse(Item) : undefined;
    },

    /** Records a fully written snapshot; written last, so a seeding that died half-way is redone. */
    async markSnapshot(marker: SnapshotMarker, now: string): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...RatesEntity.key(RATE_SOURCE, SNAPSHOT_SK), type: RatesEntity.type, ...marker, seededAt: now },
        }),
      );
    },
  };
  return store satisfies RateProvider & FeedStore;
}
