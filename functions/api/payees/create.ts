/**
 * POST /v1/payees: a payee with its name claimed in the same write, so two payees never share a
 * name (409 naming `name`). With an `Idempotency-Key`, a retry returns the first response and
 * creates nothing: the key's record is written in the same transaction as the payee.
 */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag } from '../../../shared/kit/http/etag';
import { newEntityId } from '../../../shared/kit/http/fields';
import { idempotency, idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';
import { defaultCategoryCheck } from '../../../shared/payees/checks';
import { payeesCreate } from '../../../shared/payees/operations';
import { createPayeeStore } from '../../../shared/payees/store';
import { toPayeeView } from '../../../shared/payees/views';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const payees = createPayeeStore({ db, tableName });
const checkCategory = defaultCategoryCheck({ db, tableName });

export const handler = userRoute(payeesCreate, async ({ userId, body, headers }) => {
  const scope = { tableName, userId, operation: 'create-payee', key: idempotencyKeyFrom(headers), request: body };
  const keyed = await idempotency(db, scope);
  if (keyed.earlier) return keyed.earlier;
  await checkCategory(userId, body.defaultCategoryId);
  const now = new Date();
  const planned = await payees.planCreate(userId, body, newEntityId(now.getTime()), now.toISOString());
  const { payee } = planned;
  const response = {
    status: 201,
    body: toPayeeView(payee),
    headers: { etag: versionETag(payee.version), location: `/v1/payees/${payee.payeeId}` },
  };
  return keyed.create(response, (record) => payees.create(planned, record ? [record] : []));
});
