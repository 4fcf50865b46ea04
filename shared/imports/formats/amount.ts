/**
 * Amounts as statement files write them, read into exact signed minor units. Digits go straight
 * into a BigInt, never through a float: "0.1" + "0.2" is 30 cents here, as at the bank.
 */
import { exponentOf, isCurrency } from '../../kit/money/currencies';
import { MAX_AMOUNT, withinTransactionRange } from '../../kit/money/money';
import { FieldError } from './errors';

/**
 * Exact minor units of a plain decimal: an optional sign, digits, an optional fraction after `.`
 * ("-1234.56", "+7", ".5"). More decimals than the currency has are refused unless they are zeros
 * ("12.500" EUR is 1250, "12.505" EUR is an error: a statement's amounts are never rounded here).
 */
export function minorUnits(decimal: string, currency: string): number {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(decimal);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new FieldError(`'${decimal}' is not an amount`);
  const exponent = exponentOf(currency);
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) {
    throw new FieldError(`'${decimal}' has more decimals than ${currency} has (${exponent})`);
  }
  const magnitude = BigInt(`${match[2] || '0'}${fraction.padEnd(exponent, '0')}`);
  const amount = match[1] === '-' ? -magnitude : magnitude;
  if (!withinTransactionRange(amount)) {
    throw new FieldError(`'${decimal}' is beyond the largest amount of one transaction (${MAX_AMOUNT} minor units)`);
  }
  // -0 would compare equal but print as "-0" in JSON tools; normalise it.
  return Number(amount) || 0;
}

/** Currency symbols a bank export may put before or after the number; codes are handled apart. */
const SYMBOLS = /^[€$£¥₹₩₺₽₪₫₦₱฿₴₸₲₡]|[€$£¥₹₩₺₽₪₫₦₱฿₴₸₲₡]$/u;
/** Spaces a number may carry between thousands: plain, no-break and narrow no-break. */
const SPACES = /[\s\u00a0\u202f]/g;

/**
 * A display amount as a bank's CSV writes it, with the file's decimal separator: thousands
 * separators (the other of `.`/`,`, spaces, `'`), a leading or trailing sign (`-12,50`, `12,50-`),
 * accounting parentheses (`(12.50)`), a currency symbol or code before or after (`€ 12,50`,
 * `12.50 USD`), a Unicode minus. Thousands groups must be groups of three, so a file read with the
 * wrong decimal separator fails loudly instead of turning 1.5 into 15.
 */
export function displayAmount(text: string, decimalSeparator: '.' | ',', currency: string): number {
  let rest = text.trim().replace(/\u2212/g, '-');
  if (rest === '') throw new FieldError('is empty');
  let negative = false;
  if (/^\(.*\)$/.test(rest)) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  const sign = () => {
    if (/^[+-]/.test(rest)) {
      negative = negative !== (rest[0] === '-');
      rest = rest.slice(1).trim();
    } else if (/[+-]$/.test(rest)) {
      negative = negative !== rest.endsWith('-');
      rest = rest.slice(0, -1).trim();
    }
  };
  sign();
  // The currency may sit outside or inside the sign: "-€12.50", "€-12.50", "12.50 EUR-".
  let stripped = true;
  while (stripped) {
    const before = rest;
    rest = rest.replace(SYMBOLS, '').trim();
    const code = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/.exec(rest);
    if (code) {
      const found = (code[1] ?? code[2]) as string;
      if (!isCurrency(found)) throw new FieldError(`'${text}': ${found} is not a currency`);
      if (found !== currency) throw new FieldError(`'${text}' is in ${found}, not ${currency}`);
      rest = rest.replace(code[0], '');
    }
    sign();
    stripped = rest !== before;
  }
  const thousands = decimalSeparator === ',' ? "[.'’]" : "[,'’]";
  const decimal = decimalSeparator === ',' ? ',' : '\\.';
  const grouped = new RegExp(`^(\\d{1,3}(?:${thousands}\\d{3})+|\\d+)(?:${decimal}(\\d+))?$`);
  const match = grouped.exec(rest.replace(SPACES, ''));
  if (!match) throw new FieldError(`'${text}' is not an amount with '${decimalSeparator}' as the decimal separator`);
  const digits = (match[1] as string).replace(/\D/g, '');
  try {
    return minorUnits(`${negative ? '-' : ''}${digits}${match[2] === undefined ? '' : `.${match[2]}`}`, currency);
  } catch (error) {
    if (error instanceof FieldError) throw new FieldError(error.message.replace(/^'[^']*'/, `'${text}'`));
    throw error;
  }
}
