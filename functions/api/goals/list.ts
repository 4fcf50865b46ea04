/** GET /v1/goals: the caller's goals in creation order, with their progress, a page at a time. */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { goalListQuery } from '../../../shared/goals/schemas';
import { callerToday } from '../../../shared/goals/today';
import { toGoalView } from '../../../shared/goals/views';
import { authenticatedRoute } from '../../../shared/http/api-handler';
import { decodeCursor, encodeCursor } from '../../../shared/http/cursor';
import { createGoalStore } from '../../../shared/store/goal-store';
import { createProfileStore } from '../../../shared/store/profile-store';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const goals = createGoalStore({ db, tableName });
const profiles = createProfileStore({ db, tableName });

export const handler = authenticatedRoute({ query: goalListQuery }, async ({ userId, query }) => {
  const [page, today] = await Promise.all([
    goals.list(userId, {
      limit: query.limit,
      ...(query.cursor ? { after: decodeCursor(userId, query.cursor) } : {}),
    }),
    callerToday(profiles, userId, new Date()),
  ]);
  return {
    status: 200,
    body: {
      items: page.items.map((goal) => toGoalView(goal, today)),
      nextCursor: page.last ? encodeCursor(userId, page.last) : null,
    },
  };
});
