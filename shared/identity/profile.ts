import * as z from 'zod';
import { timeZone } from '../kit/dates/timezones';
import { userRootKey } from '../kit/dynamodb/keys';
import { currencyCode } from '../kit/money/money';

/** The profile anchors the user's partition (see userRootKey). */
export const ProfileEntity = { type: 'PROFILE', key: userRootKey } as const;

export const displayName = z.string().trim().min(1).max(100);

/**
 * Which emails a user wants. Welcome mail is always sent (it confirms the address works);
 * the rest can be switched off one kind at a time.
 */
export const notificationPreferences = z.strictObject({
  budgetThreshold: z.boolean(),
  budgetExceeded: z.boolean(),
  goalMilestone: z.boolean(),
  goalAchieved: z.boolean(),
  largeTransaction: z.boolean(),
  /** Minor units of the home currency; a transaction at or above it triggers the alert. */
  largeTransactionAmount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const defaultNotificationPreferences: NotificationPreferences = {
  budgetThreshold: true,
  budgetExceeded: true,
  goalMilestone: true,
  goalAchieved: true,
  largeTransaction: false,
  largeTransactionAmount: 100_000,
};

export const DEFAULT_HOME_CURRENCY = 'EUR';
export const DEFAULT_TIMEZONE = 'UTC';

/** The profile as stored (without key attributes) and as published in User* events. */
export const profileSchema = z.object({
  type: z.literal(ProfileEntity.type),
  userId: z.string().min(1),
  email: z.string().email(),
  name: z.string(),
  homeCurrency: currencyCode,
  timezone: timeZone,
  notifications: notificationPreferences,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().positive(),
});
export type Profile = z.infer<typeof profileSchema>;

/** What `GET /v1/me` returns: the profile without storage bookkeeping. */
export function toProfileView(profile: Profile) {
  return {
    id: profile.userId,
    email: profile.email,
    name: profile.name,
    homeCurrency: profile.homeCurrency,
    timezone: profile.timezone,
    notifications: profile.notifications,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
    version: profile.version,
  };
}

/** `PATCH /v1/me`: a strict allow-list; anything else is refused with 400. */
export const profilePatchSchema = z
  .strictObject({
    name: displayName.optional(),
    homeCurrency: currencyCode.optional(),
    timezone: timeZone.optional(),
    notifications: notificationPreferences.partial().strict().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'must change at least one field' });
export type ProfilePatch = z.infer<typeof profilePatchSchema>;
