/** What other features may use of identity: everything else in this folder is its own business. */

export { identityEvents } from './events';
export {
  type NotificationPreferences,
  type Profile,
  ProfileEntity,
  profilesByTimeZone,
  toProfileView,
} from './profile';
export { createProfileStore, type ProfileStore } from './profile-store';
export { type Reauthenticate, requireReauth } from './reauth';
export { type ReauthBody, reauthBody } from './schemas';

import { documentClient } from '../kit/aws/document-client';
import { requireEnv } from '../kit/config';
import { type ApiResponse, callerRoute, type IdentityRequest, type RouteHandler } from '../kit/http/api-handler';
import type { OperationDeclaration } from '../kit/http/operation';
import { AccountDeleted } from '../kit/http/problems';
import type { Profile } from './profile';
import { createProfileStore } from './profile-store';

export type UserRequest<D extends OperationDeclaration> = IdentityRequest<D> & {
  /**
   * The caller's profile, read once per request (strongly consistent) by the wrapper. Its presence
   * is what proves the account still exists; handlers take home currency and timezone from it
   * instead of reading it again.
   */
  profile: Profile;
};

/**
 * The handler of a `user` operation: one that reads or writes the caller's data (every
 * authenticated route but the two `identity` ones). After the request has parsed (a malformed
 * request costs no read), it reads the caller's profile: one strongly consistent GetItem by key. A
 * deleted account has no profile (DELETE /v1/me deletes it first), yet its access tokens stay valid
 * until they expire, so a missing profile is a 401 account-deleted and the handler never runs:
 * nothing is read for the caller, and nothing is written that the erasure of their partition would
 * have to chase. Handlers that need the profile (home currency, timezone) get it from here, so for
 * them the check costs nothing extra.
 */
export function userRoute<D extends OperationDeclaration & { auth: 'user' }>(
  operation: D,
  fn: (request: UserRequest<D>) => Promise<ApiResponse>,
): RouteHandler<D> {
  const profiles = createProfileStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });
  return callerRoute(
    operation,
    async (userId) => {
      const profile = await profiles.get(userId);
      if (!profile) throw new AccountDeleted();
      return { profile };
    },
    fn,
  );
}
