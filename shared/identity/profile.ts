import { canonicalTimeZone, timeZone } from '../kit/dates/timezones';
import { userRootKey } from '../kit/dynamodb/keys';
import { currencyCode } from '../kit/money/money';
import * as z from '../kit/schema';

/** The profile anchors the user's partition (see userRootKey). */
export const ProfileEntity = { type: 'PROFILE', key: userRootKey } as const;

export const displayName = z.lazily(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(100)));

/**
 * Which emails a user wants. Welcome mail is always sent (it confirms the address works);
 * the rest can be switched off one kind at a time.
 */
const preferenceFields = () => ({
  budgetThreshold: z.boolean(),
  budgetExceeded: z.boolean(),
  goalMilestone: z.boolean(),
  goalAchieved: z.boolean(),
  largeTransaction: z.boolean(),
  /** Minor units of the home currency; a transaction at or above it triggers the alert. */
  largeTransactionAmount: z.int().check(z.positive(), z.lte(Number.MAX_SAFE_INTEGER)),
  /** A category's month-to-date spending far above its usual level (docs/insights.md). */
  unusualSpending: z.boolean(),
  /** The email that says an export is ready to download. */
  exportReady: z.boolean(),
  /** Attach the export's file to that email when it is small enough (otherwise only the link). */
  attachExports: z.boolean(),
  /** The summary of the month gone by, on the 1st of each month (docs/monthly-summary.md). */
  monthlySummary: z.boolean(),
  /** The one email when an invoice or bill goes overdue (docs/invoices.md). */
  invoiceReminders: z.boolean(),
  /** The email that says a webhook was disabled after repeated failed deliveries (docs/webhooks.md). */
  webhookDisabled: z.boolean(),
  /** Stripe's receipt when an invoice is paid through Stripe (docs/payments.md). */
  paymentReceipt: z.boolean(),
  /** A payment through Stripe declined, canceled or expired, with how to send a fresh link. */
  paymentFailed: z.boolean(),
});

export const notificationPreferences = z.lazily(() =>
  z.strictObject({
    ...preferenceFields(),
    // Profiles written before these switches existed lack them: they read as the defaults.
    unusualSpending: z._default(z.boolean(), true),
    exportReady: z._default(z.boolean(), true),
    attachExports: z._default(z.boolean(), true),
    monthlySummary: z._default(z.boolean(), true),
    invoiceReminders: z._default(z.boolean(), true),
    webhookDisabled: z._default(z.boolean(), true),
    paymentReceipt: z._default(z.boolean(), true),
    paymentFailed: z._default(z.boolean(), true),
  }),
);
export type NotificationPreferences = z.infer<ReturnType<typeof notificationPreferences>>;

export const defaultNotificationPreferences: NotificationPreferences = {
  budgetThreshold: true,
  budgetExceeded: true,
  goalMilestone: true,
  goalAchieved: true,
  largeTransaction: false,
  largeTransactionAmount: 100_000,
  unusualSpending: true,
  exportReady: true,
  attachExports: true,
  monthlySummary: true,
  invoiceReminders: true,
  webhookDisabled: true,
  paymentReceipt: true,
  paymentFailed: true,
};

/**
 * Profiles by time zone (gsi4, sparse: only profiles and provisional transactions carry it):
 * `TZ#<canonical zone>` / `<sub>`. The monthly summary's schedule asks which zones it is the 1st in
 * and Queries those partitions, never the table. Keyed by the zone's name rather than its UTC
 * offset, so daylight saving time needs no rewrite of any profile.
 */
export const profilesByTimeZone = {
  indexName: 'gsi4',
  partitionKey: 'gsi4pk',
  sortKey: 'gsi4sk',
  pk: (zone: string) => `TZ#${canonicalTimeZone(zone)}`,
  keys: (userId: string, zone: string) => ({ gsi4pk: profilesByTimeZone.pk(zone), gsi4sk: userId }),
} as const;

export const DEFAULT_HOME_CURRENCY = 'EUR';
export const DEFAULT_TIMEZONE = 'UTC';

/**
 * Whether the sign-in asks for an authenticator code: recorded by the routes that turn TOTP on
 * and off (after Cognito did), so `GET /v1/me` shows it without asking Cognito. Profiles written
 * before it was recorded read as disabled.
 */
export const mfaStatus = z.lazily(() =>
  z._default(z.strictObject({ totp: z.enum(['enabled', 'disabled']) }), { totp: 'disabled' as const }),
);
export type MfaStatus = z.infer<ReturnType<typeof mfaStatus>>;

/** The profile as stored (without key attributes) and as published in User* events. */
export const profileSchema = z.lazily(() =>
  z.object({
    type: z.literal(ProfileEntity.type),
    userId: z.string().check(z.minLength(1)),
    email: z.email(),
    name: z.string(),
    homeCurrency: currencyCode(),
    timezone: timeZone(),
    notifications: notificationPreferences(),
    mfa: mfaStatus(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.int().check(z.positive()),
  }),
);
export type Profile = z.infer<ReturnType<typeof profileSchema>>;

/** What `GET /v1/me` returns: the profile without storage bookkeeping. */
export function toProfileView(profile: Profile) {
  return {
    id: profile.userId,
    email: profile.email,
    name: profile.name,
    homeCurrency: profile.homeCurrency,
    timezone: profile.timezone,
    notifications: profile.notifications,
    mfa: profile.mfa,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
    version: profile.version,
  };
}

/** `PATCH /v1/me`: a strict allow-list; anything else is refused with 400. */
export const profilePatchSchema = z.lazily(() =>
  z
    .strictObject({
      name: z.optional(displayName()),
      homeCurrency: z.optional(currencyCode()),
      timezone: z.optional(timeZone()),
      // Strict, and so is its partial: an unknown preference is refused. Built from the fields
      // without their defaults, so a patch changes only the preferences it names.
      notifications: z.optional(z.partial(z.strictObject(preferenceFields()))),
    })
    .check(z.refine((patch) => Object.keys(patch).length > 0, { message: 'must change at least one field' })),
);
export type ProfilePatch = z.infer<ReturnType<typeof profilePatchSchema>>;
