/**
 * DELETE /v1/budgets/{id}: one conditional DeleteItem (on the version, with If-Match). Its
 * counters, applied states and alerts stay (small, and the alerts are the record of what was
 * emailed); the evaluator never writes them again, since every apply checks the budget exists.
 * They go when the user's data is erased.
 */

import { budgetsDelete } from '../../../shared/budgets/operations';
import { createBudgetStore } from '../../../shared/budgets/store';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { NotFound, PreconditionFailed } from '../../../shared/kit/http/problems';

const budgets = createBudgetStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(budgetsDelete, async ({ userId, path, headers }) => {
  const outcome = await budgets.delete(userId, path.id, versionsFromIfMatch(headers['if-match']));
  if (outcome === 'not-found') throw new NotFound('budget');
  if (outcome === 'version-mismatch') throw new PreconditionFailed();
  return { status: 204 };
});
