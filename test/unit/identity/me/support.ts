/** A stored profile item as DynamoDB holds it, for the /v1/me tests. */
import type { Profile } from '../../../../shared/identity/profile';

export function storedProfile(userId: string, overrides: Partial<Profile> = {}) {
  return {
    pk: `USER#${userId}`,
    sk: 'PROFILE',
    type: 'PROFILE' as const,
    userId,
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    homeCurrency: 'GBP',
    timezone: 'Europe/London',
    notifications: {
      budgetThreshold: true,
      budgetExceeded: true,
      goalMilestone: true,
      goalAchieved: true,
      largeTransaction: false,
      unusualSpending: true,
      largeTransactionAmount: 100_000,
      exportReady: true,
      attachExports: true,
      monthlySummary: true,
      invoiceReminders: true,
      webhookDisabled: true,
      paymentReceipt: true,
      paymentFailed: true,
    },
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-02-01T09:00:00.000Z',
    version: 3,
    ...overrides,
  };
}
