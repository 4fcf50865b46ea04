/**
 * Exact decimal rates as rationals. Exchange rates are published as decimal strings ("1.1684");
 * parsing them into a float would already lose the exactness the ledger promises.
 */
export type Rational = { numerator: bigint; denominator: bigint };

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export function parseDecimal(text: string): Rational {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new Error(`Not a positive decimal: ${text}`);
  const fraction = match[2] ?? '';
  return { numerator: BigInt(`${match[1]}${fraction}`), denominator: 10n ** BigInt(fraction.length) };
}

/** Formats a rational as a decimal string with at most `places` digits, rounded half-even. */
export function formatDecimal(value: Rational, places = 10): string {
  const scale = 10n ** BigInt(places);
  const scaled = divideHalfEven(value.numerator * scale, value.denominator);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const integer = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  return `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Divides two BigInts and rounds half to even ("banker's rounding"): the rounding that introduces
 * no bias over many conversions. Works for negative numerators (rounds the magnitude).
 */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return divideHalfEven(-numerator, -denominator);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twiceRemainder = (magnitude % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}
