/** GET /v1/insights/restatement: the latest change of home currency's restatement and its progress. */
import { userRoute } from '../../../shared/identity/public';
import { insightsRestatement } from '../../../shared/insights/operations';
import { restatementView } from '../../../shared/insights/restate';
import { createRestatementStore } from '../../../shared/insights/restatement-store';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound } from '../../../shared/kit/http/problems';

const jobs = createRestatementStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(insightsRestatement, async ({ userId, profile }) => {
  const view = restatementView(await jobs.get(userId), profile);
  if (!view) throw new NotFound('restatement');
  return { status: 200, body: view };
});
