/**
 * PATCH /v1/transactions/{id}: changes an allow-list of fields and moves balances and counts by the
 * net difference, in one TransactWriteItems conditional on the version that was read. With
 * `If-Match`, a stale version is a 412; without it, a concurrent change is re-read and re-planned.
 * A budget in enforce mode that the change would take past its limit refuses it (409
 * budget-exceeded), with its guard inside the same write (shared/budgets/enforcement.ts).
 */

import { budgetLedgerGuards } from '../../../shared/budgets/public';
import { userRoute } from '../../../shared/identity/public';
import { invoiceLinkCheck } from '../../../shared/invoices/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag, versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { transactionsUpdate } from '../../../shared/transactions/operations';
import { StaleTransaction } from '../../../shared/transactions/store';
import { createTransactionUpdater } from '../../../shared/transactions/updater';
import { toTransactionView } from '../../../shared/transactions/views';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const updater = createTransactionUpdater({
  db,
  tableName,
  guards: budgetLedgerGuards({ db, tableName }),
  invoiceLinks: invoiceLinkCheck({ db, tableName }),
});

/** Re-plans after losing a race this many times before giving up with 412. */
const MAX_ATTEMPTS = 3;

export const handler = userRoute(transactionsUpdate, async ({ userId, profile, path, body, headers }) => {
  const expectedVersions = versionsFromIfMatch(headers['if-match']);
  for (let attempt = 1; ; attempt++) {
    try {
      const item = await updater.update(userId, profile.timezone, path.id, body, expectedVersions);
      return { status: 200, body: toTransactionView(item), headers: { etag: versionETag(item.version) } };
    } catch (error) {
      // A client that named a version gets 412; one that did not asked for "the latest": retry.
      if (!(error instanceof StaleTransaction) || expectedVersions || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
});
