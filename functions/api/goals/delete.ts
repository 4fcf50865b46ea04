/**
 * DELETE /v1/goals/{id}: the goal goes; the money does not (tagged transactions stay in the
 * ledger). Its contributions, applied state and milestones stay behind unread: every route and the
 * goal tracker look the goal up first, and erasing the user removes them with the partition.
 */

import { goalsDelete } from '../../../shared/goals/operations';
import { createGoalStore } from '../../../shared/goals/store';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';

const goals = createGoalStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(goalsDelete, async ({ userId, path }) => {
  if ((await goals.delete(userId, path.id)) === 'not-found') throw new NotFound('goal');
  return { status: 204 };
});
