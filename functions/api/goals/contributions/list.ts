/** GET /v1/goals/{id}/contributions: a goal's contributions, most recently recorded first. */

import { goalContributionsList } from '../../../../shared/goals/operations';
import { createGoalStore } from '../../../../shared/goals/store';
import { toContributionView } from '../../../../shared/goals/views';
import { userRoute } from '../../../../shared/identity/public';
import { documentClient } from '../../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../../shared/kit/config';
import { continueAfter, pageBody } from '../../../../shared/kit/http/cursor';
import { NotFound } from '../../../../shared/kit/http/problems';

const goals = createGoalStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(goalContributionsList, async ({ userId, path, query }) => {
  // 404 for a goal the caller does not have, rather than an empty list that says nothing.
  const [goal, page] = await Promise.all([
    goals.get(userId, path.id),
    goals.listContributions(userId, path.id, { limit: query.limit, ...continueAfter(userId, query.cursor) }),
  ]);
  if (!goal) throw new NotFound('goal');
  return {
    status: 200,
    body: pageBody(userId, page, toContributionView),
  };
});
