/**
 * Currency conversion at a recorded rate, exactly. Reference rates are "units of currency per
 * 1 EUR" (the ECB's convention), so every cross rate goes through EUR: it is the quotient of two
 * published decimals, which is rarely a finite decimal itself (JPY→GBP is 0.8612/161.2…). A rate
 * rounded to any number of digits would move amounts that land on or near a half-unit, so the
 * conversion multiplies by the exact quotient and rounds half-even once. The quotient is recorded
 * as a fraction (`ratioText`) next to a readable decimal, so every conversion can be redone.
 */

import { exponentOf } from './currencies';
import { divideHalfEven, formatDecimal, parseDecimal, type Rational } from './decimal';
import type { Money } from './money';

/** Digits after the point of the readable rate; the fraction is what converts. */
export const RATE_DECIMALS = 12;

export type EurReferenceRates = {
  /** The day the rates were published for. */
  date: string;
  /** Units of each currency per 1 EUR, as decimal strings. EUR itself is implicit (1). */
  rates: Readonly<Record<string, string>>;
};

export class MissingRate extends Error {
  constructor(
    readonly currency: string,
    readonly date: string,
  ) {
    super(`No reference rate for ${currency} on ${date}`);
  }
}

const ONE: Rational = { numerator: 1n, denominator: 1n };

function perEur(reference: EurReferenceRates, currency: string): Rational {
  if (currency === 'EUR') return ONE;
  const text = reference.rates[currency];
  if (text === undefined) throw new MissingRate(currency, reference.date);
  return parseDecimal(text);
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The same rational in lowest terms with a positive denominator. */
export function reduce(value: Rational): Rational {
  const sign = value.denominator < 0n ? -1n : 1n;
  const divisor = gcd(value.numerator, value.denominator) || 1n;
  return { numerator: (sign * value.numerator) / divisor, denominator: (sign * value.denominator) / divisor };
}

export function multiply(a: Rational, b: Rational): Rational {
  return reduce({ numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator });
}

/** Units of `to` per 1 unit of `from`, exactly: (to per EUR) / (from per EUR). */
export function crossRatio(reference: EurReferenceRates, from: string, to: string): Rational {
  if (from === to) return ONE;
  const f = perEur(reference, from);
  const t = perEur(reference, to);
  return reduce({ numerator: t.numerator * f.denominator, denominator: t.denominator * f.numerator });
}

/** Units of `to.currency` per unit of `from.currency` implied by two amounts (a bank's figure). */
export function ratioOf(from: Money, to: Money): Rational {
  return reduce({
    numerator: BigInt(to.amount) * 10n ** BigInt(exponentOf(from.currency)),
    denominator: BigInt(from.amount) * 10n ** BigInt(exponentOf(to.currency)),
  });
}

/** The readable rate: RATE_DECIMALS digits, rounded half-even (display only; it never converts). */
export function rateText(ratio: Rational): string {
  return formatDecimal(ratio, RATE_DECIMALS);
}

/** The exact rate as `numerator/denominator` in lowest terms: what a conversion multiplied by. */
export function ratioText(ratio: Rational): string {
  const { numerator, denominator } = reduce(ratio);
  return `${numerator}/${denominator}`;
}

const RATIO = /^(\d+)\/([1-9]\d*)$/;

/** Reads `ratioText` back; a plain decimal string (a rate recorded before fractions were) too. */
export function parseRatio(text: string): Rational {
  const match = RATIO.exec(text);
  if (match) return { numerator: BigInt(match[1] as string), denominator: BigInt(match[2] as string) };
  return parseDecimal(text);
}

/** Units of `to` per 1 unit of `from`, rounded to RATE_DECIMALS, as a decimal string. */
export function crossRate(reference: EurReferenceRates, from: string, to: string): string {
  return from === to ? '1' : rateText(crossRatio(reference, from, to));
}

/** The exact value of `money` in minor units of `to` at `ratio`, before rounding. */
export function exactValue(money: Money, to: string, ratio: Rational): Rational {
  return {
    numerator: BigInt(money.amount) * ratio.numerator * 10n ** BigInt(exponentOf(to)),
    denominator: ratio.denominator * 10n ** BigInt(exponentOf(money.currency)),
  };
}

/**
 * Converts minor units of `money.currency` into minor units of `to` at `ratio` (units of `to` per
 * unit of `money.currency`): the exact product, rounded half-even once. Exponents differ (JPY 0,
 * EUR 2, BHD 3): the scale is part of the computation. The result is a BigInt so that a caller
 * can refuse an out-of-range amount instead of storing a rounded float.
 */
export function convertExactly(money: Money, to: string, ratio: Rational): bigint {
  if (money.currency === to) return BigInt(money.amount);
  const value = exactValue(money, to, ratio);
  return divideHalfEven(value.numerator, value.denominator);
}

/** `money` in `to` at the reference rates of a day; throws MissingRate when one is not published. */
export function convertAtReference(money: Money, to: string, reference: EurReferenceRates): bigint {
  return convertExactly(money, to, crossRatio(reference, money.currency, to));
}
