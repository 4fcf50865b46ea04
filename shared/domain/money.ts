/**
 * Money: an integer count of minor units of one ISO 4217 currency. Never a float.
 * On the wire `{ "amount": 1234, "currency": "EUR" }` means €12.34; JPY has no minor unit, BHD has 3.
 */
import { z } from 'zod';
import { currencyCode } from './profile';

export type Money = { amount: number; currency: string };

/** Largest amount Moneta accepts: safe-integer arithmetic leaves room for sums of many of them. */
export const MAX_AMOUNT = 10 ** 15;

const minorUnits = z
  .number({ error: 'must be an integer number of minor units (e.g. 1234 for 12.34)' })
  .int('must be an integer number of minor units (e.g. 1234 for 12.34), not a decimal')
  .min(-MAX_AMOUNT, 'is out of range')
  .max(MAX_AMOUNT, 'is out of range');

export const moneySchema = z.strictObject({ amount: minorUnits, currency: currencyCode });
/** Money whose amount must be > 0 (the direction is given by the transaction type). */
export const positiveMoneySchema = z.strictObject({
  amount: minorUnits.refine((n) => n > 0, 'must be greater than 0'),
  currency: currencyCode,
});

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new Error(`Cannot add ${a.currency} to ${b.currency}`);
  return { amount: a.amount + b.amount, currency: a.currency };
}
