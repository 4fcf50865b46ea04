/** GET /v1/me: the caller's profile, with its version as ETag for a later conditional PATCH. */

import { meGet } from '../../../shared/identity/operations';
import { toProfileView } from '../../../shared/identity/profile';
import { userRoute } from '../../../shared/identity/public';
import { versionETag } from '../../../shared/kit/http/etag';

// The wrapper has read the profile (strongly consistent, so it follows a PATCH) to check the account.
export const handler = userRoute(meGet, async ({ profile }) => ({
  status: 200,
  body: toProfileView(profile),
  headers: { etag: versionETag(profile.version) },
}));
