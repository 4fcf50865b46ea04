/**
 * Statement files (CSV, OFX/QFX, QIF, CAMT.053) read into rows: pure and synchronous, no I/O. A bad
 * row is a failure with its line and reason; a file that is not the format at all throws
 * StatementUnreadable.
 */
import { isCurrency } from '../../kit/money/currencies';
import { parseCamt053 } from './camt053';
import { parseCsv } from './csv';
import { StatementUnreadable } from './errors';
import { parseOfx } from './ofx';
import { type DateOrder, parseQif } from './qif';
import type { CsvMapping, ParsedStatement, StatementFormat } from './types';

export { type CsvPresetName, csvPresets } from './csv';
export { decodeStatement } from './decode';
export { StatementUnreadable } from './errors';
export type { DateOrder } from './qif';
export { csvMappingSchema, csvPresetNameSchema, dateOrderSchema, statementFormatSchema } from './schema';
export type * from './types';

export type StatementOptions = {
  /** The account's currency: the rows' currency unless the file says otherwise. */
  currency: string;
  /** CSV only: which column holds what (a preset of csvPresets or the user's own). */
  mapping?: CsvMapping;
  /**
   * QIF only: whether `01/02/2026` is 1 February (DMY) or 2 January (MDY). QIF does not say; when
   * absent, MDY (Quicken's own) unless a day of the file can only be DMY (`25/12/2026`).
   */
  dateOrder?: DateOrder;
};

export function parseStatement(format: StatementFormat, content: string, options: StatementOptions): ParsedStatement {
  if (!isCurrency(options.currency)) {
    throw new StatementUnreadable('currency', `'${options.currency}' is not a currency`);
  }
  if (options.dateOrder !== undefined && options.dateOrder !== 'DMY' && options.dateOrder !== 'MDY') {
    throw new StatementUnreadable('dateOrder', "must be 'DMY' or 'MDY'");
  }
  switch (format) {
    case 'csv':
      return parseCsv(content, options);
    case 'ofx':
      return parseOfx(content, options);
    case 'qif':
      return parseQif(content, options);
    case 'camt053':
      return parseCamt053(content, options);
    default:
      throw new StatementUnreadable('format', `'${format}' is not a statement format Moneta reads`);
  }
}
