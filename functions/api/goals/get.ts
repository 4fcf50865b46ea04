/** GET /v1/goals/{id}: one of the caller's goals with its progress; its version is the ETag. */

import { goalsGet } from '../../../shared/goals/operations';
import { createGoalStore } from '../../../shared/goals/store';
import { callerToday } from '../../../shared/goals/today';
import { toGoalView } from '../../../shared/goals/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { NotFound } from '../../../shared/kit/http/problems';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const goals = createGoalStore({ db, tableName });

export const handler = userRoute(goalsGet, async ({ userId, profile, path }) => {
  // The key is built from the caller's sub: another user's goal id simply does not exist here.
  const goal = await goals.get(userId, path.id);
  if (!goal) throw new NotFound('goal');
  return {
    status: 200,
    body: toGoalView(goal, callerToday(profile, new Date())),
    headers: { etag: versionETag(goal.version) },
  };
});
