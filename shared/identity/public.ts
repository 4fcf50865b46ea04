/** What other features may use of identity: everything else in this folder is its own business. */

export { identityEvents } from './events';
export { type NotificationPreferences, type Profile, ProfileEntity } from './profile';
export type { ProfileStore } from './profile-store';
