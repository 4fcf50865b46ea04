/** An account as stored (without key attributes): what the store writes and Account* events carry. */
import { byId, entity } from '../kit/dynamodb/keys';
import { currencyCode, storedAmount } from '../kit/money/money';
import * as z from '../kit/schema';

export const AccountEntity = entity('ACCOUNT', 'ACCOUNT', byId);

const timestamps = z.lazily(() => ({
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int().check(z.positive()),
}));

export const accountKinds = ['checking', 'savings', 'credit_card', 'cash', 'investment', 'loan', 'other'] as const;

/** A card's or account's last digits as bank messages show them (`…1234`, `XX34`). */
export const MAX_HINT_DIGITS = 10;
export const lastDigitsHint = z.lazily(() =>
  z.string().check(z.regex(/^[0-9]{2,6}$/, 'must be 2 to 6 digits (the last digits of a card or account)')),
);

/** What identifies the account in a bank message; absent on accounts created before hints = none. */
export const accountHints = z.lazily(() =>
  z.object({
    lastDigits: z
      .array(lastDigitsHint())
      .check(z.maxLength(MAX_HINT_DIGITS, `must hold at most ${MAX_HINT_DIGITS} hints`)),
  }),
);
export type AccountHints = z.infer<ReturnType<typeof accountHints>>;

export const accountItem = z.lazily(() =>
  z.object({
    type: z.literal(AccountEntity.type),
    accountId: z.string().check(z.minLength(1)),
    name: z.string(),
    kind: z.enum(accountKinds),
    currency: currencyCode(),
    /** Signed minor units of `currency`; always the sum of the accountAmount of its transactions that are not void. */
    balance: storedAmount(),
    /**
     * The parts of `balance` in pending and in reconciled transactions (void ones count nowhere);
     * the cleared balance is `balance − pendingBalance`. Absent reads as 0: accounts older than
     * statuses hold only cleared transactions.
     */
    pendingBalance: z.optional(storedAmount()),
    reconciledBalance: z.optional(storedAmount()),
    transactionCount: z.int().check(z.nonnegative()),
    archived: z.boolean(),
    /**
     * Whether a goal is (or was) funded by this account: then its balance moves are published as
     * AccountUpdated, which the goal tracker follows (shared/accounts/events.ts). Set once, by the
     * first goal it funds; never cleared, since a needless event costs less than a missed one.
     * Absent on accounts older than the flag, which count as funding.
     */
    fundsGoal: z.optional(z.boolean()),
    hints: z.optional(accountHints()),
    ...timestamps(),
  }),
);
export type AccountItem = z.infer<ReturnType<typeof accountItem>>;
