/**
 * DELETE /v1/goals/{id}: the goal goes; the money does not (tagged transactions stay in the
 * ledger). Its contributions, applied state and milestones stay behind unread: every route and the
 * goal tracker look the goal up first, and erasing the user removes them with the partition.
 */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';

import { authenticatedRoute, noParams } from '../../../shared/http/api-handler';
import { NotFound } from '../../../shared/http/problems';
import { idPath } from '../../../shared/ledger/fields';
import { createGoalStore } from '../../../shared/store/goal-store';

const goals = createGoalStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = authenticatedRoute({ path: idPath, query: noParams }, async ({ userId, path }) => {
  if ((await goals.delete(userId, path.id)) === 'not-found') throw new NotFound('goal');
  return { status: 204 };
});
