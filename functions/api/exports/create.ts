/**
 * POST /v1/exports: queues an export of the caller's transactions of a date range. Answers 202
 * with the job; the exporter writes the file in the background (shared/exports/run.ts). With an
 * `Idempotency-Key`, a retry returns the first response and queues nothing: the key's record is
 * written in the same transaction as the job.
 */

import { exportsCreate } from '../../../shared/exports/operations';
import { UnknownReference } from '../../../shared/exports/schemas';
import { createExportSource } from '../../../shared/exports/source';
import { createExportStore, newExportItem } from '../../../shared/exports/store';
import { toExportView } from '../../../shared/exports/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { newEntityId } from '../../../shared/kit/http/fields';
import { idempotency, idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const jobs = createExportStore({ db, tableName });
const source = createExportSource({ db, tableName });

export const handler = userRoute(exportsCreate, async ({ userId, body, headers }) => {
  const scope = { tableName, userId, operation: 'create-export', key: idempotencyKeyFrom(headers), request: body };
  const keyed = await idempotency(db, scope);
  if (keyed.earlier) return keyed.earlier;
  if (body.accountIds) {
    const unknown = await source.unknownAccounts(userId, body.accountIds);
    if (unknown.length > 0) throw new UnknownReference('accountIds', unknown);
  }
  if (body.categoryIds) {
    const { unknown } = await source.categoryFamilies(userId, body.categoryIds);
    if (unknown.length > 0) throw new UnknownReference('categoryIds', unknown);
  }
  const now = new Date();
  const job = newExportItem(body, newEntityId(now.getTime()), now.toISOString());
  const response = { status: 202, body: toExportView(job), headers: { location: `/v1/exports/${job.exportId}` } };
  return keyed.create(response, (record) => jobs.create(userId, job, record ? [record] : []));
});
