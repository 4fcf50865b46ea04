/**
 * The caller's calendar day. Deadlines, "on track" and contribution dates are days on the user's
 * wall calendar (profile timezone), not UTC: at 23:30 in Berlin it is already tomorrow in Tokyo.
 */
import type { Profile } from '../domain/profile';
import { todayIn } from '../ledger/transaction-schemas';

/** From the profile the API wrapper has already read (shared/http/api-handler.ts): no read of its own. */
export function callerToday(profile: Pick<Profile, 'timezone'>, now: Date): string {
  return todayIn(profile.timezone, now);
}
