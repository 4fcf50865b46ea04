/**
 * POST /v1/transfers: moves money between two of the caller's accounts. Both legs and both balance
 * changes are one TransactWriteItems; across currencies the destination receives `toAmount` as
 * given (what arrived) or the amount converted at the recorded reference rate.
 */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { idempotency, idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';
import { transfersCreate } from '../../../shared/transactions/operations';
import { createTransactionRecorder } from '../../../shared/transactions/record';
import { toTransactionView } from '../../../shared/transactions/views';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const recorder = createTransactionRecorder({ db, tableName });

export const handler = userRoute(transfersCreate, async ({ userId, profile, body, headers }) => {
  const scope = { tableName, userId, operation: 'create-transfer', key: idempotencyKeyFrom(headers), request: body };
  const keyed = await idempotency(db, scope);
  if (keyed.earlier) return keyed.earlier;
  const planned = await recorder.planTransfer(userId, profile, body);
  const { outLeg, inLeg } = planned;
  const response = {
    status: 201,
    body: { transferId: outLeg.transferId, from: toTransactionView(outLeg), to: toTransactionView(inLeg) },
    headers: { location: `/v1/transactions/${outLeg.transactionId}` },
  };
  return keyed.create(response, (record) => recorder.writeTransfer(userId, planned, record ? [record] : []));
});
