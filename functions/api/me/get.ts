/** GET /v1/me: the caller's profile, with its version as ETag for a later conditional PATCH. */
import { documentClient } from '../../../shared/aws/clients';
import { requireEnv } from '../../../shared/config';
import { toProfileView } from '../../../shared/domain/profile';
import { authenticatedRoute, noParams } from '../../../shared/http/api-handler';
import { versionETag } from '../../../shared/http/etag';
import { NotFound } from '../../../shared/http/problems';
import { createProfileStore } from '../../../shared/store/profile-store';

const profiles = createProfileStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = authenticatedRoute({ query: noParams }, async ({ userId }) => {
  const profile = await profiles.get(userId);
  if (!profile) throw new NotFound('profile');
  return { status: 200, body: toProfileView(profile), headers: { etag: versionETag(profile.version) } };
});
