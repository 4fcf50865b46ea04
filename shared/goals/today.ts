/**
 * The caller's calendar day. Deadlines, "on track" and contribution dates are days on the user's
 * wall calendar (profile timezone), not UTC: at 23:30 in Berlin it is already tomorrow in Tokyo.
 */
import type { Profile } from '../identity/public';
import { todayIn } from '../transactions/public';

/** From the profile the API wrapper has already read (shared/kit/http/api-handler.ts): no read of its own. */
export function callerToday(profile: Pick<Profile, 'timezone'>, now: Date): string {
  return todayIn(profile.timezone, now);
}
