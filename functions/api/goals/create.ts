/**
 * POST /v1/goals: a savings goal with a target, an optional deadline and how it is funded (an
 * account's balance, or contributions). With an `Idempotency-Key`, a retry returns the first
 * response and creates nothing: the key's record is written in the same transaction as the goal.
 */

import { createAccountStore } from '../../../shared/accounts/store';
import { goalsCreate } from '../../../shared/goals/operations';
import { checkDeadline } from '../../../shared/goals/schemas';
import { createGoalStore, newGoalItem, unknownFundingAccount } from '../../../shared/goals/store';
import { callerToday } from '../../../shared/goals/today';
import { toGoalView } from '../../../shared/goals/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { newEntityId } from '../../../shared/kit/http/fields';
import { idempotency, idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const goals = createGoalStore({ db, tableName });
const accounts = createAccountStore({ db, tableName });

export const handler = userRoute(goalsCreate, async ({ userId, profile, body, headers }) => {
  const scope = { tableName, userId, operation: 'create-goal', key: idempotencyKeyFrom(headers), request: body };
  // A retry is answered before anything is re-read: the funding account may have changed since.
  const keyed = await idempotency(db, scope);
  if (keyed.earlier) return keyed.earlier;
  const now = new Date();
  const today = callerToday(profile, now);
  const account = body.funding.kind === 'account' ? await accounts.get(userId, body.funding.accountId) : undefined;
  if (body.funding.kind === 'account' && !account) throw unknownFundingAccount();
  checkDeadline(body.deadline, today);
  const goal = newGoalItem(body, newEntityId(now.getTime()), now.toISOString());
  const response = {
    status: 201,
    body: toGoalView(goal, today),
    headers: { etag: versionETag(goal.version), location: `/v1/goals/${goal.goalId}` },
  };
  return keyed.create(response, (record) => goals.create(userId, goal, record ? [record] : []));
});
