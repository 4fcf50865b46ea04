/**
 * Currency conversion at a recorded rate, exactly: BigInt arithmetic on decimal rates, one
 * half-even rounding of the result. Reference rates are "units of currency per 1 EUR" (the ECB's
 * convention), so every cross rate goes through EUR.
 */

import { exponentOf } from './currencies';
import { divideHalfEven, formatDecimal, parseDecimal, type Rational } from './decimal';
import type { Money } from './money';

/** Digits kept of a cross rate. The conversion uses the recorded (rounded) rate, so it can be redone. */
export const RATE_DECIMALS = 12;

export type EurReferenceRates = {
  /** The day the rates were published for. */
  date: string;
  /** Units of each currency per 1 EUR, as decimal strings. EUR itself is implicit (1). */
  rates: Readonly<Record<string, string>>;
};

function perEur(reference: EurReferenceRates, currency: string): Rational {
  if (currency === 'EUR') return { numerator: 1n, denominator: 1n };
  const text = reference.rates[currency];
  if (text === undefined) throw new MissingRate(currency, reference.date);
  return parseDecimal(text);
}

export class MissingRate extends Error {
  constructor(
    readonly currency: string,
    readonly date: string,
  ) {
    super(`No reference rate for ${currency} on ${date}`);
  }
}

/** Units of `to` per 1 unit of `from`, rounded to RATE_DECIMALS, as a decimal string. */
export function crossRate(reference: EurReferenceRates, from: string, to: string): string {
  if (from === to) return '1';
  const f = perEur(reference, from);
  const t = perEur(reference, to);
  return formatDecimal(
    { numerator: t.numerator * f.denominator, denominator: t.denominator * f.numerator },
    RATE_DECIMALS,
  );
}

/**
 * Converts minor units of `money.currency` into minor units of `to` at `rate` (units of `to` per
 * unit of `money.currency`). Exponents differ (JPY 0, EUR 2, BHD 3): the scale is part of the rate.
 */
export function convertAtRate(money: Money, to: string, rate: string): Money {
  if (money.currency === to) return { amount: money.amount, currency: to };
  const r = parseDecimal(rate);
  const fromExp = BigInt(exponentOf(money.currency));
  const toExp = BigInt(exponentOf(to));
  const numerator = BigInt(money.amount) * r.numerator * 10n ** toExp;
  const denominator = r.denominator * 10n ** fromExp;
  return { amount: Number(divideHalfEven(numerator, denominator)), currency: to };
}
