/** GET /v1/changes: the caller's change feed after a token, oldest first (docs/changes.md). */

import { CHANGE_RETENTION_SECONDS } from '../../../shared/changes/items';
import { changesList } from '../../../shared/changes/operations';
import { createChangeStore, type FeedPosition } from '../../../shared/changes/store';
import { decodeToken, encodeToken, isExpired } from '../../../shared/changes/token';
import { toChangeView } from '../../../shared/changes/views';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { HttpProblem, ValidationFailed } from '../../../shared/kit/http/problems';

const changes = createChangeStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

const seconds = (iso: string | undefined, fallback: number) =>
  iso === undefined ? fallback : Math.floor(Date.parse(iso) / 1000);

/** 410: what the client holds may miss expired entries; `next` is where to go on after a full read. */
async function resync(userId: string, nowSeconds: number): Promise<HttpProblem> {
  const head = await changes.head(userId);
  const next = encodeToken({ sequence: head.sequence, recordedAt: seconds(head.recordedAt, nowSeconds) });
  return new HttpProblem(
    410,
    'resync',
    'Read everything again',
    'Changes after this token are no longer kept. Read your data from the list routes, then continue from `next`.',
    undefined,
    { next },
  );
}

export const handler = userRoute(changesList, async ({ userId, query }) => {
  const nowSeconds = Math.floor(Date.now() / 1000);
  let since: FeedPosition | undefined;
  if (query.since !== undefined) {
    since = decodeToken(query.since);
    if (!since) throw new ValidationFailed([{ in: 'query', field: 'since', message: 'is not a valid token' }]);
    if (isExpired(since, nowSeconds, CHANGE_RETENTION_SECONDS)) throw await resync(userId, nowSeconds);
  }
  const after = since?.sequence ?? 0;
  const page = await changes.list(userId, after, query.limit);
  const first = page.entries[0];
  // A gap right after the position: the entries in it expired (TTL) before the client read them.
  if (first ? first.sequence !== after + 1 : (await changes.head(userId)).sequence > after) {
    throw await resync(userId, nowSeconds);
  }
  const last = page.entries.at(-1);
  const next = last
    ? { sequence: last.sequence, recordedAt: seconds(last.recordedAt, nowSeconds) }
    : (since ?? { sequence: 0, recordedAt: nowSeconds });
  return {
    status: 200,
    body: { changes: page.entries.map(toChangeView), next: encodeToken(next), hasMore: page.hasMore },
  };
});
