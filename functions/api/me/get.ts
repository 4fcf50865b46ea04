/** GET /v1/me: the caller's profile, with its version as ETag for a later conditional PATCH. */
import { toProfileView } from '../../../shared/domain/profile';
import { authenticatedRoute, noParams } from '../../../shared/http/api-handler';
import { versionETag } from '../../../shared/http/etag';

// The wrapper has read the profile (strongly consistent, so it follows a PATCH) to check the account.
export const handler = authenticatedRoute({ query: noParams }, async ({ profile }) => ({
  status: 200,
  body: toProfileView(profile),
  headers: { etag: versionETag(profile.version) },
}));
