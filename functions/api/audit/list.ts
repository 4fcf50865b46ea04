/** GET /v1/audit: the caller's audit trail, newest first, by entity type, entity and time. */

import { auditList } from '../../../shared/audit/operations';
import { createAuditStore } from '../../../shared/audit/store';
import { boundInstant, toAuditEntryView } from '../../../shared/audit/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { decodeCursor, pageBody } from '../../../shared/kit/http/cursor';
import { ValidationFailed } from '../../../shared/kit/http/problems';

const audit = createAuditStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

/** A position is `<UTC ISO time>#<source event id>`; anything else in a cursor is refused. */
const POSITION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[A-Za-z0-9_.:-]{1,256}$/;

function cursorPosition(userId: string, cursor: string): string {
  const position = decodeCursor(userId, cursor);
  if (!POSITION.test(position)) {
    throw new ValidationFailed([{ in: 'query', field: 'cursor', message: 'is not a valid cursor' }]);
  }
  return position;
}

export const handler = userRoute(auditList, async ({ userId, query }) => {
  const from = query.from === undefined ? undefined : boundInstant(query.from, 'from');
  const to = query.to === undefined ? undefined : boundInstant(query.to, 'to');
  const page = await audit.list(userId, {
    ...(query.entity ? { entity: query.entity } : {}),
    ...(query.entityId ? { entityId: query.entityId } : {}),
    ...(from ? { from } : {}),
    // Every position of that instant, whatever its source event id.
    ...(to ? { to: `${to}#~` } : {}),
    limit: query.limit,
    ...(query.cursor ? { after: cursorPosition(userId, query.cursor) } : {}),
  });
  return { status: 200, body: pageBody(userId, page, toAuditEntryView) };
});
