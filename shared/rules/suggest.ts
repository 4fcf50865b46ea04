/**
 * Rule suggestions. The suggester counts, per payee (normalised as payees are remembered) and
 * category, the transactions that were re-categorised to that category: one applied state per
 * transaction (`RULERECAT#<payee>#<transactionId>`: the category it counts for, at which version)
 * and one count per payee and category, moved together in one TransactWriteItems pinned to the
 * state read (shared/kit/dynamodb/exactly-once.ts). A duplicate or late TransactionUpdated finds a
 * state as new as its own and changes nothing; a transaction re-categorised twice counts once,
 * for its latest category.
 *
 * GET /v1/rules/suggestions reads the counts, the dismissals and the rules (a Query each): a payee
 * with SUGGEST_AT or more transactions moved to one category, that category not dismissed for it,
 * and no enabled rule whose payee conditions already match it, is proposed with a rule body ready
 * to POST.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { addDifference, appliedStatePut, commit, untilSettled, userExists } from '../kit/dynamodb/exactly-once';
import { userPk } from '../kit/dynamodb/keys';
import { queryAll } from '../kit/dynamodb/prefix-page';
import type { GuardedItem } from '../kit/dynamodb/transact';
import { normalizePayee, type TransactionItem } from '../transactions/public';
import {
  RecategorisedCountEntity,
  RecategorisedEntity,
  type RecategorisedItem,
  type RuleItem,
  recategorisedCountItem,
  recategorisedItem,
  SuggestionDismissalEntity,
  suggestionDismissalItem,
} from './items';
import { compileRule } from './match';
import { MAX_PATTERN_LENGTH } from './schemas';

/** Consistent re-categorisations of one payee to one category before a rule is proposed. */
export const SUGGEST_AT = 3;

export function createRuleSuggester({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  async function readState(userId: string, payeeKey: string, transactionId: string) {
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: RecategorisedEntity.key(userId, payeeKey, transactionId),
        ConsistentRead: true,
      }),
    );
    return Item ? recategorisedItem().parse(Item) : undefined;
  }

  function count(userId: string, payeeKey: string, payee: string, categoryId: string, by: number): GuardedItem {
    return addDifference({
      tableName,
      key: RecategorisedCountEntity.key(userId, payeeKey, categoryId),
      add: { count: by },
      set: { type: RecategorisedCountEntity.type, payeeKey, payee, categoryId },
    });
  }

  return {
    /** One TransactionUpdated: counts it when its category changed (or it counted before). */
    async onUpdated(userId: string, version: number, current: TransactionItem, previous: TransactionItem) {
      if (current.payee === null || current.kind === 'transfer') return 'no-payee';
      const payee = current.payee;
      const payeeKey = normalizePayee(payee);
      return untilSettled(async () => {
        const state = await readState(userId, payeeKey, current.transactionId);
        if (state && state.version >= version) return 'duplicate';
        // Only a change of category is a re-categorisation; other edits keep what is counted.
        if (current.categoryId === previous.categoryId && (!state || state.categoryId === current.categoryId)) {
          return 'not-recategorised';
        }
        const before = state?.categoryId ?? null;
        const after = current.categoryId;
        const next: RecategorisedItem = {
          type: RecategorisedEntity.type,
          payeeKey,
          transactionId: current.transactionId,
          version,
          categoryId: after,
          deleted: false,
          updatedAt: current.updatedAt,
        };
        const items: GuardedItem[] = [
          appliedStatePut({
            tableName,
            key: RecategorisedEntity.key(userId, payeeKey, current.transactionId),
            item: next,
            read: state ? { version: state.version } : undefined,
          }),
          userExists(tableName, userId),
        ];
        if (before !== after) {
          if (before) items.push(count(userId, payeeKey, payee, before, -1));
          if (after) items.push(count(userId, payeeKey, payee, after, 1));
        }
        await commit(db, items);
        return 'counted';
      });
    },

    /** Turns down the suggestion of `payee` → `categoryId` for good; dismissing again changes nothing. */
    async dismiss(userId: string, payee: string, categoryId: string, now: string) {
      const payeeKey = normalizePayee(payee);
      const item = {
        type: SuggestionDismissalEntity.type,
        payeeKey,
        payee,
        categoryId,
        dismissedAt: now,
      };
      const key = SuggestionDismissalEntity.key(userId, payeeKey, categoryId);
      try {
        // The first dismissal's time stands.
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key, ...item },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return item;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
        return Item ? suggestionDismissalItem().parse(Item) : item;
      }
    },

    /** The suggestions, most re-categorised first. `rules`: the user's rules (to leave covered payees out). */
    async suggestions(userId: string, rules: readonly RuleItem[]) {
      const [items, dismissals] = await Promise.all([
        queryAll(db, { tableName, pk: userPk(userId), prefix: RecategorisedCountEntity.prefix }),
        queryAll(db, { tableName, pk: userPk(userId), prefix: SuggestionDismissalEntity.prefix }),
      ]);
      const dismissed = new Set(
        dismissals.map((raw) => {
          const item = suggestionDismissalItem().parse(raw);
          return `${item.payeeKey}#${item.categoryId}`;
        }),
      );
      const best = new Map<string, { payee: string; categoryId: string; count: number }>();
      for (const raw of items) {
        const item = recategorisedCountItem().parse(raw);
        if (item.count < SUGGEST_AT || dismissed.has(`${item.payeeKey}#${item.categoryId}`)) continue;
        const known = best.get(item.payeeKey);
        if (!known || item.count > known.count) {
          best.set(item.payeeKey, { payee: item.payee, categoryId: item.categoryId, count: item.count });
        }
      }
      const covering = rules.filter((rule) => rule.enabled).map(payeeCoverage);
      return [...best.values()]
        .filter(({ payee }) => !covering.some((covers) => covers(payee)))
        .sort((a, b) => b.count - a.count || a.payee.localeCompare(b.payee))
        .map((suggestion) => ({ ...suggestion, rule: ruleBody(suggestion.payee, suggestion.categoryId) }));
    },
  };
}

/** Whether a rule already handles a payee: it has payee conditions and they all match it. */
function payeeCoverage(rule: RuleItem): (payee: string) => boolean {
  const conditions = rule.conditions.filter((condition) => condition.field === 'payee');
  if (conditions.length === 0) return () => false;
  const { test } = compileRule({ ...rule, match: 'all', conditions });
  return (payee) => test({ payee, note: null, amount: 0, currency: '', accountId: '', direction: 'expense' });
}

/** A body for POST /v1/rules that files the payee's transactions into the category. */
function ruleBody(payee: string, categoryId: string) {
  return {
    name: `${payee}`.slice(0, 100),
    conditions: [{ field: 'payee', op: 'equals', value: payee.slice(0, MAX_PATTERN_LENGTH) }],
    actions: { categoryId },
  };
}
