/**
 * Money: an integer count of minor units of one ISO 4217 currency. Never a float.
 * On the wire `{ "amount": 1234, "currency": "EUR" }` means €12.34; JPY has no minor unit, BHD has 3.
 */
import * as z from '../schema';
import { isCurrency } from './currencies';

/** An ISO 4217 code Moneta supports (shared/kit/money/currencies.ts). */
export const currencyCode = z.lazily(() =>
  z
    .string()
    .check(
      z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "EUR"'),
      z.refine(isCurrency, 'is not a supported ISO 4217 currency'),
    ),
);

export type Money = { amount: number; currency: string };

/**
 * Every stored amount and every total (balances, budget and goal totals, later aggregates) stays
 * within ±(2^53 − 1) minor units: the integers a JSON number carries exactly into JavaScript and
 * most other clients. A write that would take a balance past it is refused.
 */
export const MAX_SAFE_AMOUNT = Number.MAX_SAFE_INTEGER;

/**
 * Largest amount one transaction may carry, entered or converted, in minor units of its currency:
 * a thousandth of the safe range (9,007,199,254,740), so a thousand of the largest transactions
 * still sum exactly in any total. In major units that is ¥9,007,199,254,740 for a 0-decimal
 * currency, €90,071,992,547.40 for a 2-decimal one and BD 9,007,199,254.740 for a 3-decimal one.
 */
export const MAX_AMOUNT = Math.floor(MAX_SAFE_AMOUNT / 1000);

/** True when `amount` (a BigInt from exact arithmetic) fits a transaction. */
export function withinTransactionRange(amount: bigint): boolean {
  return amount <= BigInt(MAX_AMOUNT) && amount >= -BigInt(MAX_AMOUNT);
}

const minorUnitChecks = z.lazily(
  () =>
    [
      z.int('must be an integer number of minor units (e.g. 1234 for 12.34), not a decimal'),
      z.gte(-MAX_AMOUNT, 'is out of range'),
      z.lte(MAX_AMOUNT, 'is out of range'),
    ] as const,
);
const minorUnits = z.lazily(() =>
  z.number({ error: 'must be an integer number of minor units (e.g. 1234 for 12.34)' }),
);

export const moneySchema = z.lazily(() =>
  z.strictObject({ amount: minorUnits().check(...minorUnitChecks()), currency: currencyCode() }),
);
/** Money whose amount must be > 0 (the direction is given by the transaction type). */
export const positiveMoneySchema = z.lazily(() =>
  z.strictObject({
    amount: minorUnits().check(
      ...minorUnitChecks(),
      z.refine((n) => n > 0, 'must be greater than 0'),
    ),
    currency: currencyCode(),
  }),
);

/**
 * An amount or total as read from the table. Writes keep it an integer within ±(2^53 − 1); reading
 * does not re-check that, so an item stored before the range was enforced still reads (as the
 * nearest double) instead of failing every read of its owner's data.
 */
export const storedAmount = z.lazily(() =>
  z.number().check(z.refine(Number.isInteger, 'must be an integer'), z.meta({ type: 'integer' })),
);
