/**
 * The caller's calendar day. Deadlines, "on track" and contribution dates are days on the user's
 * wall calendar (profile timezone), not UTC: at 23:30 in Berlin it is already tomorrow in Tokyo.
 */
import { DEFAULT_TIMEZONE } from '../domain/profile';
import { todayIn } from '../ledger/transaction-schemas';
import type { ProfileStore } from '../store/profile-store';

export async function callerToday(profiles: ProfileStore, userId: string, now: Date): Promise<string> {
  const profile = await profiles.get(userId);
  // A confirmed user always has a profile; should it be missing, UTC is a fair calendar.
  return todayIn(profile?.timezone ?? DEFAULT_TIMEZONE, now);
}
