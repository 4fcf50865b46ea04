/**
 * A rule from what the routes accept: defaults filled, every regex compiled once (a refused one is
 * a 422 naming its field) and the category of its actions checked to be the caller's and usable.
 */

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createCategoryStore } from '../categories/public';
import { type RuleActions, type RuleCondition, RuleEntity, type RuleItem } from './items';
import { compileRule } from './match';
import { UnusableField } from './patterns';
import type { ActionsInput, ConditionInput, RuleCreate, RulePatch } from './schemas';

export function storedCondition(input: ConditionInput): RuleCondition {
  if (input.field === 'amount') {
    return {
      field: 'amount',
      op: 'between',
      min: input.min ?? null,
      max: input.max ?? null,
      currency: input.currency ?? null,
    };
  }
  return input;
}

export function storedActions(input: ActionsInput): RuleActions {
  return {
    categoryId: input.categoryId ?? null,
    payee: input.payee ?? null,
    addTags: input.addTags ?? [],
    note: input.note ?? null,
  };
}

export function newRuleItem(input: RuleCreate, ruleId: string, now: string): RuleItem {
  return {
    type: RuleEntity.type,
    ruleId,
    name: input.name,
    enabled: input.enabled ?? true,
    match: input.match ?? 'all',
    conditions: input.conditions.map(storedCondition),
    actions: storedActions(input.actions),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

export function patchedRuleItem(old: RuleItem, patch: RulePatch, now: string): RuleItem {
  return {
    ...old,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
    ...(patch.match !== undefined ? { match: patch.match } : {}),
    ...(patch.conditions !== undefined ? { conditions: patch.conditions.map(storedCondition) } : {}),
    ...(patch.actions !== undefined ? { actions: storedActions(patch.actions) } : {}),
    updatedAt: now,
    version: old.version + 1,
  };
}

export function createRuleChecks(deps: { db: DynamoDBDocumentClient; tableName: string }) {
  const categories = createCategoryStore(deps);
  return {
    /** Throws the 422 of a refused pattern or of a category that is not the caller's (or archived). */
    async check(userId: string, rule: RuleItem): Promise<void> {
      compileRule(rule);
      const { categoryId } = rule.actions;
      if (!categoryId) return;
      const category = await categories.get(userId, categoryId);
      if (!category)
        throw new UnusableField(
          'unknown-category',
          'Unknown category',
          'actions.categoryId',
          'is not one of your categories',
        );
      if (category.archived) {
        throw new UnusableField(
          'category-archived',
          'Archived category',
          'actions.categoryId',
          'is archived; unarchive it to use it again',
        );
      }
    },
  };
}
