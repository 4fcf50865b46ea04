/**
 * Applies the user's categorisation rules to a transaction about to be created without a category
 * (through the API, a captured message or an imported statement). Never on updates.
 *
 * Precedence: the enabled rules in order, the first matching rule that sets a field wins for that
 * field (./match.ts). Against the caller: rules run only when the body names no category; a rule's
 * rename replaces the payee (that is what a rename is for); its note is used only when the caller
 * gave none; its tags are added to the caller's (up to the tag limit). A rule's category that was
 * deleted or archived since is passed over (the next matching rule that sets a category wins), so a
 * rule can never make a creation fail.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type CategoryItem, createCategoryStore } from '../categories/public';
import { type CreateTransactionBody, MAX_TAGS } from '../transactions/public';
import type { RuleItem } from './items';
import { type CompiledRule, compileRule, evaluate, type Outcome, type Subject } from './match';
import { createRuleStore } from './store';

export type RuleEngine = ReturnType<typeof createRuleEngine>;

/** The enabled rules compiled, in order (a stored pattern was checked when the rule was saved). */
export function compileRules(rules: readonly RuleItem[]): CompiledRule[] {
  return rules.filter((rule) => rule.enabled).map(compileRule);
}

export function subjectOfBody(body: CreateTransactionBody): Subject {
  return {
    payee: body.payee ?? null,
    note: body.note ?? null,
    amount: body.money.amount,
    currency: body.money.currency,
    accountId: body.accountId,
    direction: body.kind,
  };
}

/** The body with an outcome applied, the caller's own values first (see above). */
export function applyOutcome(body: CreateTransactionBody, outcome: Outcome): CreateTransactionBody {
  const tags = outcome.addTags
    ? [...new Set([...(body.tags ?? []), ...outcome.addTags])].slice(0, MAX_TAGS)
    : undefined;
  return {
    ...body,
    ...(outcome.categoryId ? { categoryId: outcome.categoryId } : {}),
    ...(outcome.payee ? { payee: outcome.payee } : {}),
    ...(outcome.note && !body.note ? { note: outcome.note } : {}),
    ...(tags ? { tags } : {}),
  };
}

/** A category a rule may still file into: it exists and is not archived. */
export const usableCategory = (category: CategoryItem | undefined) => category !== undefined && !category.archived;

export function createRuleEngine(deps: { db: DynamoDBDocumentClient; tableName: string }) {
  const store = createRuleStore(deps);
  const categories = createCategoryStore(deps);

  return {
    /** The body with the rules' actions applied; unchanged when it names a category. */
    async forCreate(userId: string, body: CreateTransactionBody): Promise<CreateTransactionBody> {
      if (body.categoryId) return body;
      // Eventually consistent is enough: a rule saved a moment ago applies from the next read on.
      const { rules } = await store.list(userId, false);
      if (rules.length === 0) return body;
      const compiled = compileRules(rules);
      const subject = subjectOfBody(body);
      const unusable = new Set<string>();
      let outcome = evaluate(compiled, subject);
      // A category deleted or archived since its rule was saved passes the field on to later rules.
      while (outcome.categoryId && !usableCategory(await categories.get(userId, outcome.categoryId))) {
        unusable.add(outcome.categoryId);
        outcome = evaluate(compiled, subject, unusable);
      }
      return applyOutcome(body, outcome);
    },
  };
}
