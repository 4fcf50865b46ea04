/**
 * An invoice's amounts, exactly. Quantity and tax rate are decimal strings, unit prices integer
 * minor units; every product is computed on BigInts and rounded once, half to even:
 *
 * - a line's net = quantity × unit price, rounded half-even to minor units;
 * - a line's tax = that (rounded) net × rate / 100, rounded half-even to minor units;
 * - a line's gross = net + tax;
 * - the invoice's net, tax and gross are the sums of its lines' (no rounding at invoice level).
 *
 * Rounding per line (rather than on the invoice's total) is what a reader can check line by line on
 * the printed invoice, and summing rounded lines keeps net + tax = gross on every line and in total.
 */
import { divideHalfEven, parseDecimal } from '../kit/money/decimal';
import { MAX_AMOUNT } from '../kit/money/money';

export type LineInput = { description: string; quantity: string; unitPrice: number; taxRate: string };
export type LineAmounts = { net: number; tax: number; gross: number };
export type InvoiceTotals = LineAmounts;

/** Thrown when a line or the invoice would carry more than one transaction may (MAX_AMOUNT). */
export class TotalTooLarge extends Error {
  constructor(readonly field: string) {
    super(`${field} exceeds ${MAX_AMOUNT} minor units`);
  }
}

const LIMIT = BigInt(MAX_AMOUNT);

/** One line's amounts; `index` names the line in the error when it leaves the range. */
export function lineAmounts(line: Pick<LineInput, 'quantity' | 'unitPrice' | 'taxRate'>, index = 0): LineAmounts {
  const quantity = parseDecimal(line.quantity);
  const rate = parseDecimal(line.taxRate);
  const net = divideHalfEven(quantity.numerator * BigInt(line.unitPrice), quantity.denominator);
  const tax = divideHalfEven(net * rate.numerator, rate.denominator * 100n);
  const gross = net + tax;
  if (gross > LIMIT) throw new TotalTooLarge(`lines.${index}`);
  return { net: Number(net), tax: Number(tax), gross: Number(gross) };
}

/** Each line's amounts and the invoice's totals (sums of the lines). */
export function invoiceTotals(lines: readonly Pick<LineInput, 'quantity' | 'unitPrice' | 'taxRate'>[]): {
  lines: LineAmounts[];
  totals: InvoiceTotals;
} {
  const amounts = lines.map((line, index) => lineAmounts(line, index));
  let net = 0n;
  let tax = 0n;
  for (const line of amounts) {
    net += BigInt(line.net);
    tax += BigInt(line.tax);
  }
  if (net + tax > LIMIT) throw new TotalTooLarge('lines');
  return { lines: amounts, totals: { net: Number(net), tax: Number(tax), gross: Number(net + tax) } };
}
