/**
 * Money as bank messages write it: a currency (symbol, ISO code or local form such as `Rs.`) next
 * to a number whose separators depend on the bank ("1,234.56", "1.234,56", lakh "1,23,456.00").
 * Numbers are read as decimal strings straight into integer minor units: a float would already
 * have lost the cents of a large amount.
 */
import { exponentOf, isCurrency } from '../../kit/money/currencies';
import type { Money } from '../../kit/money/money';

/** Currencies written with a bare `$`: a `$` amount is in the user's own one when it is one of these. */
const DOLLAR_CURRENCIES = new Set([
  'USD',
  'CAD',
  'AUD',
  'NZD',
  'SGD',
  'HKD',
  'TWD',
  'JMD',
  'BSD',
  'BBD',
  'BZD',
  'FJD',
  'XCD',
  'TTD',
  'BMD',
  'KYD',
  'GYD',
  'LRD',
  'NAD',
  'SBD',
  'SRD',
  'BND',
]);

// Currency written before the number: local forms first so `Rs.` is not read as the code `RS`;
// people and some banks write them in lower case (`rs.250`, `inr 250`).
const PREFIX = String.raw`(?<pre>\b[Rr][Ss]\.?|\b(?:INR|inr|Inr)|₹|US\$|\(\$?[A-Z]{3}\)|\$|€|£|¥|\b[A-Z]{3})`;
// Currency written after the number ("23,45 EUR", "12,50 €").
const SUFFIX = String.raw`(?<post>€|£|\b[A-Z]{3}\b)`;
// Digits with optional grouping (`,` `.` `'` or a no-break space) and an optional fraction; a plain
// space groups only in the French form "1 850,00", so two numbers in a row are never joined.
export const NUMBER = String.raw`\d{1,3}(?:[ \u00a0\u202f]\d{3})+,\d{2}|\d{1,3}(?:[,.'\u00a0\u202f]\d{2,3})+(?:[.,]\d{1,3})?|\d+(?:[.,]\d{1,3})?`;

const AMOUNT = new RegExp(
  String.raw`(?<sign>[-−+])?\s?(?:${PREFIX}\s?(?<sign2>[-−])?(?<n1>${NUMBER})(?![\d,.]?\d)|(?<![\d.,])(?<n2>${NUMBER})(?![\d,.]?\d)\s?${SUFFIX})`,
  'g',
);

export type AmountToken = {
  money: Money;
  /** Whether the message named the currency (otherwise it is the default one). */
  explicit: boolean;
  /** `-` or `+` written before the amount (push notifications: "-£3.40"). */
  sign?: '-' | '+';
  start: number;
  end: number;
};

/** The ISO code for a currency as written, or undefined when it is not a currency. */
export function currencyOf(written: string, defaultCurrency?: string): string | undefined {
  const symbol = written.replace(/[()]/g, '');
  if (/^(Rs\.?|INR|₹)$/i.test(symbol)) return 'INR';
  if (symbol === '€') return 'EUR';
  if (symbol === '£') return 'GBP';
  if (symbol === '¥') return 'JPY';
  if (symbol === 'US$' || symbol === '$USD') return 'USD';
  if (symbol === '$') return defaultCurrency && DOLLAR_CURRENCIES.has(defaultCurrency) ? defaultCurrency : 'USD';
  const code = symbol.replace(/^\$/, '');
  return /^[A-Z]{3}$/.test(code) && isCurrency(code) ? code : undefined;
}

/**
 * A decimal string as written ("1,23,456.00", "1.234,56", "120.0") in integer minor units of
 * `currency`, or null when it cannot be read exactly (more decimals than the currency has, or past
 * 2^53 − 1 minor units).
 */
export function toMinorUnits(written: string, currency: string): number | null {
  const exponent = exponentOf(currency);
  // Spaces and apostrophes only ever group thousands.
  const digitsOnly = written.replace(/[ \u00a0\u202f']/g, '');
  const separators = [...digitsOnly.matchAll(/[.,]/g)].map((m) => ({ char: m[0], at: m.index }));
  let integer = digitsOnly;
  let fraction = '';
  if (separators.length > 0) {
    const last = separators[separators.length - 1]!;
    const sameAsLast = separators.filter((s) => s.char === last.char).length;
    const mixed = separators.some((s) => s.char !== last.char);
    const after = digitsOnly.length - last.at - 1;
    // The last separator is the decimal one when the other kind groups the thousands, or when it
    // stands alone and is followed by fewer than three digits (three is a thousands group unless
    // the currency has three decimals, as BHD does).
    const decimal = mixed ? sameAsLast === 1 : sameAsLast === 1 && (after < 3 || (after === 3 && exponent === 3));
    if (decimal) {
      integer = digitsOnly.slice(0, last.at);
      fraction = digitsOnly.slice(last.at + 1);
    }
    integer = integer.replace(/[.,]/g, '');
  }
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > exponent) return null;
  if (!/^\d+$/.test(integer) || (fraction !== '' && !/^\d+$/.test(fraction))) return null;
  const minor = BigInt(integer + trimmed.padEnd(exponent, '0'));
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : null;
}

/** Every amount with a currency in `text`, in order. */
export function amountTokens(text: string, defaultCurrency?: string): AmountToken[] {
  const tokens: AmountToken[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const groups = match.groups ?? {};
    const written = groups.pre ?? groups.post;
    const number = groups.n1 ?? groups.n2;
    if (written === undefined || number === undefined) continue;
    const currency = currencyOf(written, defaultCurrency);
    if (currency === undefined) continue;
    const amount = toMinorUnits(number, currency);
    if (amount === null) continue;
    const signText = groups.sign2 ?? groups.sign;
    const sign = signText === undefined ? undefined : signText === '+' ? '+' : '-';
    tokens.push({
      money: { amount, currency },
      explicit: true,
      ...(sign ? { sign } : {}),
      start: match.index + (match[0].length - match[0].trimStart().length),
      end: match.index + match[0].length,
    });
  }
  return tokens;
}

/** Reads an amount as a template captured it: with its currency, or in `fallbackCurrency`. */
export function readAmount(written: string, fallbackCurrency: string | undefined, defaultCurrency?: string) {
  const [token] = amountTokens(written, defaultCurrency);
  if (token) return { money: token.money, explicit: true };
  const number = new RegExp(NUMBER).exec(written);
  const currency = fallbackCurrency ?? defaultCurrency;
  if (!number || !currency || !isCurrency(currency)) return null;
  const amount = toMinorUnits(number[0], currency);
  return amount === null ? null : { money: { amount, currency }, explicit: fallbackCurrency !== undefined };
}
