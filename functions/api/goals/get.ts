/** GET /v1/goals/{id}: one of the caller's goals with its progress; its version is the ETag. */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { callerToday } from '../../../shared/goals/today';
import { toGoalView } from '../../../shared/goals/views';
import { authenticatedRoute, noParams } from '../../../shared/http/api-handler';
import { versionETag } from '../../../shared/http/etag';
import { NotFound } from '../../../shared/http/problems';
import { idPath } from '../../../shared/ledger/fields';
import { createGoalStore } from '../../../shared/store/goal-store';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const goals = createGoalStore({ db, tableName });

export const handler = authenticatedRoute({ path: idPath, query: noParams }, async ({ userId, profile, path }) => {
  // The key is built from the caller's sub: another user's goal id simply does not exist here.
  const goal = await goals.get(userId, path.id);
  if (!goal) throw new NotFound('goal');
  return {
    status: 200,
    body: toGoalView(goal, callerToday(profile, new Date())),
    headers: { etag: versionETag(goal.version) },
  };
});
