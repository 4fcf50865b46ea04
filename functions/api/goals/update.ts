/**
 * PATCH /v1/goals/{id}: renames, changes the target (in the goal's currency) or the deadline
 * (null removes it). `If-Match` → 412 when stale. Progress is not editable: it is derived.
 */

import { goalsUpdate } from '../../../shared/goals/operations';
import { checkDeadline } from '../../../shared/goals/schemas';
import { createGoalStore } from '../../../shared/goals/store';
import { callerToday } from '../../../shared/goals/today';
import { toGoalView } from '../../../shared/goals/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag, versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { NotFound, PreconditionFailed } from '../../../shared/kit/http/problems';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const goals = createGoalStore({ db, tableName });

export const handler = userRoute(goalsUpdate, async ({ userId, profile, path, body, headers }) => {
  const now = new Date();
  const today = callerToday(profile, now);
  checkDeadline(body.deadline, today);
  const outcome = await goals.update(userId, path.id, body, {
    now: now.toISOString(),
    expectedVersions: versionsFromIfMatch(headers['if-match']),
  });
  if (outcome.status === 'not-found') throw new NotFound('goal');
  if (outcome.status === 'version-mismatch') throw new PreconditionFailed();
  const { item } = outcome;
  return { status: 200, body: toGoalView(item, today), headers: { etag: versionETag(item.version) } };
});
