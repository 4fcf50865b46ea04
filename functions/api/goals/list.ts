/** GET /v1/goals: the caller's goals in creation order, with their progress, a page at a time. */

import { goalsList } from '../../../shared/goals/operations';
import { createGoalStore } from '../../../shared/goals/store';
import { callerToday } from '../../../shared/goals/today';
import { toGoalView } from '../../../shared/goals/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { continueAfter, pageBody } from '../../../shared/kit/http/cursor';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const goals = createGoalStore({ db, tableName });

export const handler = userRoute(goalsList, async ({ userId, profile, query }) => {
  const page = await goals.list(userId, {
    limit: query.limit,
    ...continueAfter(userId, query.cursor),
  });
  const today = callerToday(profile, new Date());
  return {
    status: 200,
    body: pageBody(userId, page, (goal) => toGoalView(goal, today)),
  };
});
