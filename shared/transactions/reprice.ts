/**
 * Re-prices the transactions converted before the ECB published their day's rate, once it has.
 * They are found through the sparse provisional index (gsi4, `PROVISIONAL#ECB` /
 * `<awaited day>#<sub>#<id>`), never by scanning. Each is re-read strongly, re-priced
 * (plan.ts, `planReprice`) and written back conditionally on the version read, with the balance
 * moves, in one transaction: the stream then publishes a TransactionUpdated like any edit, and
 * budgets and goals follow it. A transaction edited meanwhile is read again; one no longer
 * provisional (re-priced already, edited onto a final rate, deleted) is left alone, so a run that
 * repeats or overlaps another changes nothing twice. A reconciled transaction (either leg) is never
 * changed: a statement agreed to its figures. It stays provisional, and each run reads it again
 * until it is un-reconciled.
 */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { userIdFromPk } from '../kit/dynamodb/keys';
import { NotFoundError } from '../kit/errors';
import { HttpProblem } from '../kit/http/problems';
import type { RateProvider } from '../rates/public';
import { PROVISIONAL_PK, statusOf, type TransactionItem } from './items';
import { counterpartLegId, planReprice, transferLegIds } from './plan';
import { StaleTransaction, type TransactionStore } from './store';

/** How many times a transaction edited under our feet is read again before the next run takes it. */
const ATTEMPTS = 3;

const isReconciled = (item: TransactionItem) => statusOf(item) === 'reconciled';

const isProvisional = (item: TransactionItem) =>
  item.accountConversion?.provisional === true || item.homeConversion?.provisional === true;

export type RepriceDeps = {
  db: DynamoDBDocumentClient;
  tableName: string;
  transactions: TransactionStore;
  rates: RateProvider;
  now: () => string;
};

export type RepriceOutcome = { repriced: number; unchanged: number };

/** Every provisional transaction awaiting a day up to `published` (the newest published day). */
export async function repriceProvisional(deps: RepriceDeps, published: string): Promise<RepriceOutcome> {
  const outcome: RepriceOutcome = { repriced: 0, unchanged: 0 };
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.db.send(
      new QueryCommand({
        TableName: deps.tableName,
        IndexName: 'gsi4',
        // Sort keys start with the awaited day; '~' sorts after every character of an id.
        KeyConditionExpression: 'gsi4pk = :pk AND gsi4sk <= :upTo',
        ExpressionAttributeValues: { ':pk': PROVISIONAL_PK, ':upTo': `${published}#~` },
        ProjectionExpression: 'pk, transactionId',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const entry of page.Items ?? []) {
      const userId = userIdFromPk(String(entry.pk));
      if (!userId) continue;
      const done = await repriceOne(deps, userId, String(entry.transactionId));
      if (done) outcome.repriced++;
      else outcome.unchanged++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return outcome;
}

async function repriceOne(deps: RepriceDeps, userId: string, transactionId: string): Promise<boolean> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const found = await deps.transactions.get(userId, transactionId);
    if (!found || !isProvisional(found)) return false;
    const legs = await legsOf(deps, userId, found);
    if (legs.some(isReconciled)) return false;
    const rates = await deps.rates.ratesOn(found.date);
    if (rates?.provisional) return false; // Its day is still to come: a later run takes it.
    const now = deps.now();
    const plan = planReprice(legs, rates, now);
    try {
      await deps.transactions.apply(userId, {
        replaced: plan.items.map((item, index) => ({ item, readVersion: (legs[index] as TransactionItem).version })),
        deltas: plan.deltas,
        now,
      });
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      if (!(error instanceof StaleTransaction) || attempt === ATTEMPTS) throw error;
    }
  }
  return false;
}

export type RestateOutcome = 'restated' | 'unchanged' | 'gone' | 'unpriceable';

/**
 * Restates one transaction (both legs, for a transfer) in `homeCurrency` after the user changed
 * home currency: its home amount priced again at its date's rates, by the rules of a new entry (a
 * rate still to come is provisional, and the repricer settles it later), written back conditionally
 * on the version read, like re-pricing. Already in that currency: nothing is written, so a repeated
 * or overlapping run changes nothing twice. 'unpriceable': no rate to convert it (a currency the
 * ECB does not publish), and it keeps the home amount it was recorded with.
 */
export async function restateHome(
  deps: Pick<RepriceDeps, 'transactions' | 'rates' | 'now'>,
  userId: string,
  transactionId: string,
  homeCurrency: string,
): Promise<RestateOutcome> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const found = await deps.transactions.get(userId, transactionId);
    if (!found) return 'gone';
    if (found.homeCurrency === homeCurrency) return 'unchanged';
    const legs = await legsOf(deps, userId, found);
    // Reconciled figures stay as agreed; the budgets of the new home currency count it 0.
    if (legs.some(isReconciled)) return 'unchanged';
    const rates = await deps.rates.ratesOn(found.date);
    const now = deps.now();
    let plan: ReturnType<typeof planReprice>;
    try {
      plan = planReprice(legs, rates, now, homeCurrency);
    } catch (error) {
      // Pricing refuses only for want of a rate (or an amount past range in the new currency).
      if (error instanceof HttpProblem) return 'unpriceable';
      throw error;
    }
    try {
      await deps.transactions.apply(userId, {
        replaced: plan.items.map((item, index) => ({ item, readVersion: (legs[index] as TransactionItem).version })),
        deltas: plan.deltas,
        now,
      });
      return 'restated';
    } catch (error) {
      if (error instanceof NotFoundError) return 'gone';
      if (!(error instanceof StaleTransaction) || attempt === ATTEMPTS) throw error;
    }
  }
  return 'unchanged';
}

/** The transaction, or both legs of its transfer, out-leg first. */
async function legsOf(
  deps: Pick<RepriceDeps, 'transactions'>,
  userId: string,
  item: TransactionItem,
): Promise<TransactionItem[]> {
  const counterpartId = counterpartLegId(item);
  if (!item.transferId || !counterpartId) return [item];
  const counterpart = await deps.transactions.get(userId, counterpartId);
  if (!counterpart) return [item];
  return item.transactionId === transferLegIds(item.transferId).outLegId ? [item, counterpart] : [counterpart, item];
}
