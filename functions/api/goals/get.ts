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
import { createProfileStore } from '../../../shared/store/profile-store';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const goals = createGoalStore({ db, tableName });
const profiles = createProfileStore({ db, tableName });

export const handler = authenticatedRoute({ path: idPath, query: noParams }, async ({ userId, path }) => {
  // The key is built from the caller's sub: another user's goal id simply does not exist here.
  const [goal, today] = await Promise.all([goals.get(userId, path.id), callerToday(profiles, userId, new Date())]);
  if (!goal) throw new NotFound('goal');
  return { status: 200, body: toGoalView(goal, today), headers: { etag: versionETag(goal.version) } };
});
