/**
 * POST /v1/webhooks/{id}/rotate-secret: a new signing secret, shown once. The current one keeps
 * signing next to it for 24 hours (both signatures in `webhook-signature`), so the receiver can
 * switch without missing a delivery; an earlier predecessor stops at once. Stored sealed, under the
 * deployment's current webhook key (shared/webhooks/secret-box.ts).
 */
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { NotFound, PreconditionFailed } from '../../../shared/kit/http/problems';
import { webhooksRotateSecret } from '../../../shared/webhooks/operations';
import { seal, webhookKeyRing } from '../../../shared/webhooks/secret-box';
import { newSigningSecret, rotated } from '../../../shared/webhooks/signing';
import { createWebhookStore } from '../../../shared/webhooks/store';

const webhooks = createWebhookStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(webhooksRotateSecret, async ({ userId, path }) => {
  const webhook = await webhooks.get(userId, path.id);
  if (!webhook) throw new NotFound('webhook');
  const now = new Date();
  const secret = newSigningSecret();
  const sealed = seal(await webhookKeyRing(), secret, { userId, webhookId: path.id });
  const secrets = rotated(webhook.secrets, sealed, now);
  // Pinned to the version read: two rotations at once cannot both keep "their" predecessor.
  const outcome = await webhooks.rotate(userId, path.id, secrets, {
    now: now.toISOString(),
    expectedVersions: [webhook.version],
  });
  if (outcome.status === 'not-found') throw new NotFound('webhook');
  if (outcome.status === 'version-mismatch') throw new PreconditionFailed();
  return { status: 200, body: { secret, previousSecretRetiresAt: secrets[1]?.retiresAt ?? null } };
});
