/**
 * PATCH /v1/webhooks/{id}: a new URL (checked as on creation), events or description;
 * `enabled: true` re-enables a webhook (disabled by the user or for failing) and forgets its
 * failures, `false` pauses it. `If-Match` → 412 when stale.
 */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag, versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { NotFound, PreconditionFailed } from '../../../shared/kit/http/problems';
import { webhooksUpdate } from '../../../shared/webhooks/operations';
import { TargetRefused } from '../../../shared/webhooks/schemas';
import { createWebhookStore } from '../../../shared/webhooks/store';
import { targetPolicyFromEnv, targetProblem } from '../../../shared/webhooks/targets';
import { toWebhookView } from '../../../shared/webhooks/views';

const webhooks = createWebhookStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });
const policy = targetPolicyFromEnv();

export const handler = userRoute(webhooksUpdate, async ({ userId, path, body, headers }) => {
  if (body.url !== undefined) {
    const problem = await targetProblem(body.url, policy);
    if (problem) throw new TargetRefused(problem);
  }
  const now = new Date().toISOString();
  const enabling =
    body.enabled === undefined
      ? {}
      : body.enabled
        ? { status: 'enabled', disabledReason: null, disabledAt: null, consecutiveFailures: 0, failingSince: null }
        : { status: 'disabled', disabledReason: 'user', disabledAt: now };
  const outcome = await webhooks.update(
    userId,
    path.id,
    { url: body.url, events: body.events, description: body.description, ...enabling },
    { now, expectedVersions: versionsFromIfMatch(headers['if-match']) },
  );
  if (outcome.status === 'not-found') throw new NotFound('webhook');
  if (outcome.status === 'version-mismatch') throw new PreconditionFailed();
  return { status: 200, body: toWebhookView(outcome.item), headers: { etag: versionETag(outcome.item.version) } };
});
