/** GET /v1/goals: the caller's goals in creation order, with their progress, a page at a time. */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { goalListQuery } from '../../../shared/goals/schemas';
import { callerToday } from '../../../shared/goals/today';
import { toGoalView } from '../../../shared/goals/views';
import { authenticatedRoute } from '../../../shared/http/api-handler';
import { decodeCursor, encodeCursor } from '../../../shared/http/cursor';
import { createGoalStore } from '../../../shared/store/goal-store';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const goals = createGoalStore({ db, tableName });

export const handler = authenticatedRoute({ query: goalListQuery }, async ({ userId, profile, query }) => {
  const page = await goals.list(userId, {
    limit: query.limit,
    ...(query.cursor ? { after: decodeCursor(userId, query.cursor) } : {}),
  });
  const today = callerToday(profile, new Date());
  return {
    status: 200,
    body: {
      items: page.items.map((goal) => toGoalView(goal, today)),
      nextCursor: page.last ? encodeCursor(userId, page.last) : null,
    },
  };
});
