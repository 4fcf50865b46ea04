/**
 * PATCH /v1/payees/{id}: changes a payee under `If-Match` (412 when stale). A new name is claimed
 * in the same write (409 naming `name` when taken) with the job that gives it to the payee's
 * transactions (shared/payees/jobs.ts).
 */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag, versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { newEntityId } from '../../../shared/kit/http/fields';
import { defaultCategoryCheck } from '../../../shared/payees/checks';
import { payeesUpdate } from '../../../shared/payees/operations';
import { createPayeeStore } from '../../../shared/payees/store';
import { toPayeeJobView, toPayeeView } from '../../../shared/payees/views';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const payees = createPayeeStore({ db, tableName });
const checkCategory = defaultCategoryCheck({ db, tableName });

export const handler = userRoute(payeesUpdate, async ({ userId, path, body, headers }) => {
  await checkCategory(userId, body.defaultCategoryId);
  const now = new Date();
  const expectedVersions = versionsFromIfMatch(headers['if-match']);
  const { payee, job } = await payees.update(userId, path.id, body, {
    now: now.toISOString(),
    jobId: newEntityId(now.getTime()),
    ...(expectedVersions ? { expectedVersions } : {}),
  });
  return {
    status: 200,
    body: { ...toPayeeView(payee), ...(job ? { job: toPayeeJobView(job) } : {}) },
    headers: { etag: versionETag(payee.version) },
  };
});
