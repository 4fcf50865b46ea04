/**
 * POST /v1/transfers: moves money between two of the caller's accounts. Both legs and both balance
 * changes are one TransactWriteItems; across currencies the destination receives `toAmount` as
 * given (what arrived) or the amount converted at the recorded reference rate.
 */
import { ulid } from 'ulid';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { idempotency, idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';
import { ratesIfNeeded } from '../../../shared/rates/conversion-service';
import { createRateStore } from '../../../shared/rates/store';
import { transfersCreate } from '../../../shared/transactions/operations';
import { planTransfer, transferLegIds } from '../../../shared/transactions/plan';
import { checkDateWindow, todayIn } from '../../../shared/transactions/schemas';
import { createTransactionStore } from '../../../shared/transactions/store';
import { toTransactionView } from '../../../shared/transactions/views';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const rates = createRateStore({ db, tableName });
const transactions = createTransactionStore({ db, tableName });

export const handler = userRoute(transfersCreate, async ({ userId, profile, body, headers }) => {
  const scope = { tableName, userId, operation: 'create-transfer', key: idempotencyKeyFrom(headers), request: body };
  const keyed = await idempotency(db, scope);
  if (keyed.earlier) return keyed.earlier;
  const [from, to] = await Promise.all([
    transactions.getAccount(userId, body.fromAccountId),
    transactions.getAccount(userId, body.toAccountId),
  ]);
  const now = new Date();
  const today = todayIn(profile.timezone, now);
  const date = body.date ?? today;
  checkDateWindow(date, today);
  const transferId = ulid(now.getTime());
  const { outLeg, inLeg, deltas } = planTransfer(body, {
    transferId,
    ...transferLegIds(transferId),
    now: now.toISOString(),
    date,
    from,
    to,
    homeCurrency: profile.homeCurrency,
    rates:
      from && to
        ? await ratesIfNeeded(rates, date, body.money.currency, [from.currency, to.currency, profile.homeCurrency])
        : undefined,
  });
  const response = {
    status: 201,
    body: { transferId, from: toTransactionView(outLeg), to: toTransactionView(inLeg) },
    headers: { location: `/v1/transactions/${outLeg.transactionId}` },
  };
  return keyed.create(response, (record) =>
    transactions.apply(userId, {
      created: [outLeg, inLeg],
      deltas,
      now: outLeg.createdAt,
      extra: record ? [record] : [],
    }),
  );
});
