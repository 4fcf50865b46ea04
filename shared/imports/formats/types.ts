/**
 * What a statement file becomes before anything is recorded: its rows, each with the line (or
 * entry) it came from, and the rows that could not be read, with the reason.
 */

export type StatementFormat = 'csv' | 'ofx' | 'qif' | 'camt053';

export type StatementRow = {
  /** 1-based line of a CSV or QIF file, or the entry's position in an OFX or CAMT file. */
  line: number;
  /** The booking day, YYYY-MM-DD. */
  date: string;
  /** Signed minor units of `currency`: negative is money out of the account. */
  amount: number;
  currency: string;
  payee: string | null;
  note: string | null;
  /** The file's own id of the entry (OFX FITID, CAMT AcctSvcrRef, a CSV reference column). */
  externalId: string | null;
};

export type RowFailure = { line: number; reason: string };

export type ParsedStatement = {
  rows: StatementRow[];
  failures: RowFailure[];
  /**
   * Entries read but deliberately not rows, with why: pending (not booked) CAMT entries, zero
   * amounts, QIF sections that are not bank, cash or card registers.
   */
  skipped?: RowFailure[];
};

/** How a CSV file's columns map to a transaction, and how its numbers and days are written. */
export type CsvMapping = {
  /** Guessed from the header when absent. */
  delimiter?: ',' | ';' | '\t' | '|';
  decimalSeparator: '.' | ',';
  dateFormat: 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD.MM.YYYY' | 'DD-MM-YYYY' | 'YYYYMMDD';
  /**
   * The optional columns (payee, note, currency, reference) may be missing from the file: true for
   * the presets, which name what a bank's export usually holds. A user's own mapping names columns
   * the file must have.
   */
  optionalColumnsMayBeAbsent?: boolean;
  /** Header names of the file's columns. */
  columns: {
    date: string;
    /** A signed amount column … */
    amount?: string;
    /** … or separate money-out and money-in columns. */
    debit?: string;
    credit?: string;
    payee?: string;
    note?: string;
    currency?: string;
    reference?: string;
  };
};
