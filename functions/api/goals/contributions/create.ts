/**
 * POST /v1/goals/{id}/contributions: money put aside for a contributions-funded goal (negative = a
 * withdrawal). Sent in another currency, it is converted at the ECB reference rate of its date and
 * kept in the goal currency. The contribution and its effect on `saved` are one transaction
 * (shared/goals/store.ts), so the response already shows it; milestones follow from the
 * GoalContributionAdded event. 409 for an account-funded goal (its progress is the balance).
 */

import { contributionAmount } from '../../../../shared/goals/contribute';
import type { GoalContributionItem } from '../../../../shared/goals/items';
import { GoalContributionEntity } from '../../../../shared/goals/items';
import { goalContributionsCreate } from '../../../../shared/goals/operations';
import { checkContributionDate } from '../../../../shared/goals/schemas';
import { createGoalStore, notContributionsFunded } from '../../../../shared/goals/store';
import { callerToday } from '../../../../shared/goals/today';
import { toContributionView } from '../../../../shared/goals/views';
import { userRoute } from '../../../../shared/identity/public';
import { documentClient } from '../../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../../shared/kit/config';
import { newEntityId } from '../../../../shared/kit/http/fields';
import { idempotency, idempotencyKeyFrom } from '../../../../shared/kit/http/idempotency';
import { NotFound } from '../../../../shared/kit/http/problems';
import { createRateStore } from '../../../../shared/rates/store';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const goals = createGoalStore({ db, tableName });
const rates = createRateStore({ db, tableName });

export const handler = userRoute(goalContributionsCreate, async ({ userId, profile, path, body, headers }) => {
  const scope = {
    tableName,
    userId,
    operation: 'create-contribution',
    key: idempotencyKeyFrom(headers),
    // The goal is part of what was asked: the same key for another goal is a different request.
    request: { goalId: path.id, ...body },
  };
  const keyed = await idempotency(db, scope);
  if (keyed.earlier) return keyed.earlier;
  const now = new Date();
  const goal = await goals.get(userId, path.id);
  if (!goal) throw new NotFound('goal');
  if (goal.funding.kind !== 'contributions') throw notContributionsFunded();
  const today = callerToday(profile, now);
  const date = body.date ?? today;
  checkContributionDate(date, today);
  const contribution: GoalContributionItem = {
    type: GoalContributionEntity.type,
    contributionId: newEntityId(now.getTime()),
    goalId: goal.goalId,
    amount: await contributionAmount(rates, body.money, goal.currency, date),
    currency: goal.currency,
    date,
    note: body.note ?? null,
    createdAt: now.toISOString(),
    version: 1,
  };
  const response = { status: 201, body: toContributionView(contribution) };
  return keyed.create(response, (record) => goals.addContribution(userId, contribution, record ? [record] : []));
});
