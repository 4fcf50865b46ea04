/**
 * PATCH /v1/me: changes an allow-list of profile fields in one conditional UpdateItem. With
 * `If-Match`, DynamoDB itself refuses a stale version (412), so two clients cannot overwrite each other.
 */

import { meUpdate } from '../../../shared/identity/operations';
import { toProfileView } from '../../../shared/identity/profile';
import { createProfileStore } from '../../../shared/identity/profile-store';
import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { versionETag, versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { AccountDeleted, PreconditionFailed } from '../../../shared/kit/http/problems';

const profiles = createProfileStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(meUpdate, async ({ userId, body, headers }) => {
  const outcome = await profiles.update(userId, body, {
    now: new Date().toISOString(),
    expectedVersions: versionsFromIfMatch(headers['if-match']),
  });
  // The wrapper found the profile; gone now means the account was deleted in between.
  if (outcome.status === 'not-found') throw new AccountDeleted();
  if (outcome.status === 'version-mismatch') throw new PreconditionFailed();
  const { profile } = outcome;
  return { status: 200, body: toProfileView(profile), headers: { etag: versionETag(profile.version) } };
});
