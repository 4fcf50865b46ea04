/**
 * Bank CSV exports, read with csv-parse (quotes, BOMs, embedded newlines) and a column mapping that
 * says which header holds what and how the file writes numbers and days. The delimiter is the
 * mapping's, or guessed from the header line.
 */
import { parse } from 'csv-parse/sync';
import { isCurrency } from '../../kit/money/currencies';
import { displayAmount } from './amount';
import { DAY_FORMATS, dayIn } from './dates';
import { FieldError, StatementUnreadable } from './errors';
import { cleanText } from './text';
import type { CsvMapping, ParsedStatement, RowFailure, StatementRow } from './types';

type Column = keyof CsvMapping['columns'];
const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Mappings for the common shapes of bank exports, named by shape. Header names match whatever case
 * and surrounding spaces the file uses.
 */
/** Columns a row can do without. */
const OPTIONAL_COLUMNS: readonly Column[] = ['payee', 'note', 'currency', 'reference'];

export const csvPresets = {
  /** `Date,Payee,Description,Amount`: ISO days, a signed amount with a decimal point. */
  iso: {
    optionalColumnsMayBeAbsent: true,
    delimiter: ',',
    decimalSeparator: '.',
    dateFormat: 'YYYY-MM-DD',
    columns: { date: 'Date', payee: 'Payee', note: 'Description', amount: 'Amount' },
  },
  /**
   * `Date;Payee;Description;Amount;Currency;Reference`, the continental European shape (German,
   * Dutch, Austrian banks): semicolons, day-first dotted days, decimal commas (`-1.234,56`).
   */
  'eu-semicolon': {
    optionalColumnsMayBeAbsent: true,
    delimiter: ';',
    decimalSeparator: ',',
    dateFormat: 'DD.MM.YYYY',
    columns: {
      date: 'Date',
      payee: 'Payee',
      note: 'Description',
      amount: 'Amount',
      currency: 'Currency',
      reference: 'Reference',
    },
  },
  /**
   * `Date,Type,Description,Paid out,Paid in,Balance`, the UK current-account shape: day-first days
   * with slashes and separate money-out and money-in columns, both positive.
   */
  'uk-debit-credit': {
    optionalColumnsMayBeAbsent: true,
    delimiter: ',',
    decimalSeparator: '.',
    dateFormat: 'DD/MM/YYYY',
    columns: { date: 'Date', payee: 'Description', note: 'Type', debit: 'Paid out', credit: 'Paid in' },
  },
  /** `Date,Description,Amount`, the US shape: month-first days, a signed amount. */
  'us-mdy': {
    optionalColumnsMayBeAbsent: true,
    delimiter: ',',
    decimalSeparator: '.',
    dateFormat: 'MM/DD/YYYY',
    columns: { date: 'Date', payee: 'Description', amount: 'Amount' },
  },
} as const satisfies Record<string, CsvMapping>;

export type CsvPresetName = keyof typeof csvPresets;

const normalise = (header: string) =>
  header
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase();

/** Counts of each candidate delimiter outside double quotes in one line. */
function delimiterCounts(line: string): Map<string, number> {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1);
  }
  return counts;
}

/**
 * The delimiter of the header line: the header is the first of the first fifty lines in which, split
 * by one of `,` `;` tab `|`, a cell is the date column's name (so "Statement date: 01.11.2026" above
 * the header does not count); failing that, the first non-empty line. Of the delimiters, the one
 * that occurs most often outside quotes in that line; ties go to the earlier of that list.
 */
export function guessDelimiter(content: string, dateColumn: string): (typeof DELIMITERS)[number] {
  const lines = content.replace(/^\ufeff/, '').split(/\r\n|\n|\r/, 50);
  const wanted = normalise(dateColumn);
  const names = (line: string, d: string) => line.split(d).map((cell) => normalise(cell.replace(/^\s*"|"\s*$/g, '')));
  const header =
    lines.find((line) => DELIMITERS.some((d) => names(line, d).includes(wanted))) ??
    lines.find((line) => line.trim() !== '') ??
    '';
  const counts = delimiterCounts(header);
  let best: (typeof DELIMITERS)[number] = ',';
  for (const d of DELIMITERS) if ((counts.get(d) as number) > (counts.get(best) as number)) best = d;
  return best;
}

function checkMapping(mapping: CsvMapping | undefined): CsvMapping {
  if (mapping === undefined) throw new StatementUnreadable('mapping', 'a CSV file needs a column mapping or a preset');
  const { columns } = mapping;
  // The mapping may come from a stored preset or a request body: its enumerations are checked here
  // too, so a bad one is a refusal naming it rather than a crash.
  if (mapping.delimiter !== undefined && !(DELIMITERS as readonly string[]).includes(mapping.delimiter)) {
    throw new StatementUnreadable('mapping.delimiter', `must be one of , ; tab |`);
  }
  if (mapping.decimalSeparator !== '.' && mapping.decimalSeparator !== ',') {
    throw new StatementUnreadable('mapping.decimalSeparator', "must be '.' or ','");
  }
  if (!(DAY_FORMATS as readonly string[]).includes(mapping.dateFormat)) {
    throw new StatementUnreadable('mapping.dateFormat', `must be one of ${DAY_FORMATS.join(', ')}`);
  }
  if (!columns?.date) throw new StatementUnreadable('mapping.columns.date', 'names no date column');
  const signed = columns.amount !== undefined;
  const split = columns.debit !== undefined || columns.credit !== undefined;
  if (signed === split) {
    throw new StatementUnreadable(
      'mapping.columns.amount',
      'name either an amount column or debit and/or credit columns, not both or neither',
    );
  }
  return mapping;
}

/**
 * Line breaks inside a record's quoted fields: as a reader counts them (CRLF is one) and as
 * csv-parse's `info.lines` does (each CR and each LF is one).
 */
function breaksIn(record: string[]): { lines: number; counted: number } {
  let lines = 0;
  let counted = 0;
  for (const cell of record) {
    if (!/[\r\n]/.test(cell)) continue;
    lines += cell.match(/\r\n|\n|\r/g)?.length ?? 0;
    counted += cell.match(/[\r\n]/g)?.length ?? 0;
  }
  return { lines, counted };
}

export function parseCsv(content: string, options: { currency: string; mapping?: CsvMapping }): ParsedStatement {
  const mapping = checkMapping(options.mapping);
  if (content.replace(/^\ufeff/, '').trim() === '') throw new StatementUnreadable('file', 'is empty');
  const delimiter = mapping.delimiter ?? guessDelimiter(content, mapping.columns.date);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new StatementUnreadable('file', `is not a readable CSV file: ${(error as Error).message}`);
  }

  // Some banks put an account summary above the header: the header is the first record naming the
  // date column, within the first twenty.
  const dateHeader = normalise(mapping.columns.date);
  const headerAt = records.slice(0, 20).findIndex((r) => r.record.some((cell) => normalise(cell) === dateHeader));
  if (headerAt < 0) {
    const first = records[0]?.record.map((c) => c.trim()).join(`${delimiter} `) ?? '';
    throw new StatementUnreadable(
      'mapping.columns.date',
      `the file has no column '${mapping.columns.date}' (its first line reads: ${first.slice(0, 200)})`,
    );
  }
  const header = (records[headerAt] as (typeof records)[number]).record.map(normalise);
  const index = {} as Partial<Record<Column, number>>;
  for (const [key, name] of Object.entries(mapping.columns) as [Column, string | undefined][]) {
    if (name === undefined) continue;
    const at = header.indexOf(normalise(name));
    if (at < 0 && mapping.optionalColumnsMayBeAbsent && OPTIONAL_COLUMNS.includes(key)) continue;
    if (at < 0) {
      throw new StatementUnreadable(
        `mapping.columns.${key}`,
        `the file has no column '${name}' (its columns: ${header.join(', ')})`,
      );
    }
    index[key] = at;
  }

  const rows: StatementRow[] = [];
  const failures: RowFailure[] = [];
  const skipped: RowFailure[] = [];
  // How far csv-parse's line count has run ahead of the file's lines (see breaksIn).
  let ahead = 0;
  for (const [at, { record, info }] of records.entries()) {
    const breaks = breaksIn(record);
    ahead += breaks.counted - breaks.lines;
    if (at <= headerAt || record.every((cell) => cell.trim() === '')) continue;
    // csv-parse counts the line a record ends on; a record spans lines through its quoted breaks.
    const line = info.lines - ahead - breaks.lines;
    const cell = (key: Column) => (index[key] === undefined ? undefined : (record[index[key]] ?? '').trim());
    const fail = (reason: string) => failures.push({ line, reason: `line ${line}: ${reason}` });
    const extra = record.slice(header.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      fail(
        `has ${record.length} fields where the header has ${header.length} (an unquoted '${delimiter}' inside a field?)`,
      );
      continue;
    }
    const field = <T>(key: Column, read: () => T): T => {
      try {
        return read();
      } catch (error) {
        if (!(error instanceof FieldError)) throw error;
        throw new FieldError(`${mapping.columns[key]} ${error.message}`);
      }
    };
    try {
      const written = cell('currency');
      const currency = written ? written.toUpperCase() : options.currency;
      if (!isCurrency(currency)) throw new FieldError(`${mapping.columns.currency} '${written}' is not a currency`);
      const date = field('date', () => dayIn(mapping.dateFormat, cell('date') ?? ''));
      const amount = amountOf(cell, mapping, currency);
      if (amount === 0) {
        skipped.push({ line, reason: `line ${line}: the amount is zero, nothing to record` });
        continue;
      }
      rows.push({
        line,
        date,
        amount,
        currency,
        payee: cleanText(cell('payee')),
        note: cleanText(cell('note')),
        externalId: cleanText(cell('reference')),
      });
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      fail(error.message);
    }
  }
  return { rows, failures, skipped };
}

function amountOf(cell: (key: Column) => string | undefined, mapping: CsvMapping, currency: string): number {
  const read = (key: Column) => {
    const text = cell(key);
    if (!text) return undefined;
    try {
      return displayAmount(text, mapping.decimalSeparator, currency);
    } catch (error) {
      if (error instanceof FieldError) throw new FieldError(`${mapping.columns[key]} ${error.message}`);
      throw error;
    }
  };
  if (mapping.columns.amount !== undefined) {
    const amount = read('amount');
    if (amount === undefined) throw new FieldError(`${mapping.columns.amount} is empty`);
    return amount;
  }
  // Money out and money in: the bank writes both as positive numbers (some write out as negative).
  const out = read('debit') || 0;
  const into = read('credit') || 0;
  if (out !== 0 && into !== 0) {
    throw new FieldError(`both ${mapping.columns.debit} and ${mapping.columns.credit} have an amount`);
  }
  if (!cell('debit') && !cell('credit')) {
    const named = [mapping.columns.debit, mapping.columns.credit].filter((name) => name !== undefined);
    throw new FieldError(`${named.join(' and ')} ${named.length > 1 ? 'are' : 'is'} empty`);
  }
  return out !== 0 ? -Math.abs(out) : Math.abs(into);
}
