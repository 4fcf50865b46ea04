/**
 * Parses the ECB's euro reference rates in their own wide CSV format (`Date,USD,JPY,…`, one row a
 * business day, `N/A` where no rate was published). Both the bundled snapshot
 * (shared/rates/data/eurofxref-hist.csv) and the ECB's daily file use it.
 */
import type { EurReferenceRates } from '../kit/money/conversion';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RATE = /^\d+(\.\d+)?$/;

export function parseEcbCsv(text: string): EurReferenceRates[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines
    .shift()
    ?.split(',')
    .map((cell) => cell.trim());
  if (header?.[0] !== 'Date') throw new Error('Not an ECB reference-rate file: the first column must be Date');
  return lines.map((line, index) => {
    const cells = line.split(',').map((cell) => cell.trim());
    const date = cells[0] ?? '';
    if (!DATE.test(date)) throw new Error(`Line ${index + 2}: "${date}" is not a date`);
    const rates: Record<string, string> = {};
    header.forEach((currency, column) => {
      const value = cells[column];
      if (column === 0 || !currency || value === undefined || !RATE.test(value)) return;
      rates[currency] = value;
    });
    return { date, rates };
  });
}
