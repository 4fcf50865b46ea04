/**
 * QIF (Quicken Interchange Format): no well-kept library exists, and the format is small. A file is
 * `!Type:` sections of records, one field a line (a code letter, then the value), each record ending
 * with `^`. Bank, cash, credit-card and other-asset/liability registers are read; every other
 * section (categories, classes, memorised payees, investments, the account list) is skipped and
 * said so.
 *
 * Fields read: `D` day, `T` (or `U`) amount, `P` payee, `M` memo → note, `N` a cheque number →
 * externalId when it is a number (text such as ATM or EFT is not an id). Categories (`L`) and
 * splits (`S`/`E`/`$`) are left to the rules; the record's `T` is its amount.
 */
import { displayAmount } from './amount';
import { isoDay } from './dates';
import { FieldError, StatementUnreadable } from './errors';
import { cleanText } from './text';
import type { ParsedStatement, RowFailure, StatementRow } from './types';

export type DateOrder = 'DMY' | 'MDY';

const REGISTERS = new Set(['bank', 'cash', 'ccard', 'oth a', 'oth l']);

/** `12/25'26`, ` 1/ 5'26`, `12/25/2026`, `25.12.2026`, `2026-12-25`: the parts of a QIF day. */
function dayParts(written: string): { first: number; second: number; year: number; dotted: boolean } | 'iso' | null {
  const value = written.replace(/\s+/g, '');
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(value)) return 'iso';
  const match = /^(\d{1,2})([/.-])(\d{1,2})([/.'-])(\d{4}|\d{2})$/.exec(value);
  if (!match) return null;
  const digits = match[5] as string;
  let year = Number(digits);
  if (digits.length === 2) {
    // Quicken writes years from 2000 after an apostrophe; after a slash, a two-digit year is read
    // with a pivot (00-69 → 20xx), as in most spreadsheets.
    year += match[4] === "'" || year < 70 ? 2000 : 1900;
  }
  return { first: Number(match[1]), second: Number(match[3]), year, dotted: match[2] === '.' };
}

export function qifDay(written: string, order: DateOrder): string {
  const parts = dayParts(written);
  if (parts === 'iso') {
    const [y, m, d] = written.trim().split('-').map(Number) as [number, number, number];
    return isoDay(y, m, d, written.trim());
  }
  if (parts === null) throw new FieldError(`'${written.trim()}' is not a QIF day`);
  // Dotted days are day-first wherever they are written.
  const dayFirst = parts.dotted || order === 'DMY';
  const [day, month] = dayFirst ? [parts.first, parts.second] : [parts.second, parts.first];
  return isoDay(parts.year, month, day, written.trim());
}

/**
 * The date order of a file whose reader did not say: month-first (Quicken's own) unless some day
 * of the file can only be day-first (a first number above 12) and none can only be month-first.
 */
function inferredOrder(days: string[]): DateOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const day of days) {
    const parts = dayParts(day);
    if (parts === null || parts === 'iso' || parts.dotted) continue;
    if (parts.first > 12 && parts.second <= 12) dayFirst = true;
    if (parts.second > 12 && parts.first <= 12) monthFirst = true;
  }
  return dayFirst && !monthFirst ? 'DMY' : 'MDY';
}

/**
 * QIF amounts: `-1,234.56` as Quicken writes them, and `-1.234,56` or `-12,50` from European
 * exporters. The decimal separator is the last of `.`/`,` when both occur; a lone comma is
 * a thousands separator only in groups of three (`1,234`), else a decimal comma (`12,50`).
 */
function qifAmount(written: string, currency: string): number {
  const value = written.trim();
  const lastDot = value.lastIndexOf('.');
  const lastComma = value.lastIndexOf(',');
  let separator: '.' | ',' = '.';
  if (lastDot >= 0 && lastComma >= 0) separator = lastComma > lastDot ? ',' : '.';
  else if (lastComma >= 0 && !/^[-+]?\d{1,3}(,\d{3})+$/.test(value)) separator = ',';
  return displayAmount(value, separator, currency);
}

type QifRecord = { line: number; fields: Map<string, string> };

export function parseQif(content: string, options: { currency: string; dateOrder?: DateOrder }): ParsedStatement {
  const lines = content.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  const records: QifRecord[] = [];
  const skipped: RowFailure[] = [];
  let sawHeader = false;
  let sawRegister = false;
  let register = false;
  let current: QifRecord | undefined;
  const end = () => {
    if (current && register) records.push(current);
    current = undefined;
  };
  for (const [i, raw] of lines.entries()) {
    const text = raw.trim();
    if (text === '') continue;
    const line = i + 1;
    if (text.startsWith('!')) {
      end();
      const header = text.slice(1).toLowerCase();
      // !Option:AutoSwitch and !Clear:AutoSwitch only bracket the account list.
      if (header.startsWith('option:') || header.startsWith('clear:')) continue;
      sawHeader = true;
      register = header.startsWith('type:') && REGISTERS.has(header.slice(5).trim());
      sawRegister ||= register;
      if (!register) {
        skipped.push({ line, reason: `line ${line}: the ${text} section is not a bank, cash or card register` });
      }
      continue;
    }
    if (text === '^') {
      end();
      continue;
    }
    current ??= { line, fields: new Map() };
    const code = text[0] as string;
    // The first of a repeated code counts (splits repeat S, E and $; addresses repeat A).
    if (!current.fields.has(code)) current.fields.set(code, text.slice(1));
  }
  end();
  if (!sawHeader) throw new StatementUnreadable('file', 'is not a QIF file (no !Type: header)');
  if (!sawRegister) {
    throw new StatementUnreadable('file', 'holds no bank, cash or card register');
  }

  const order = options.dateOrder ?? inferredOrder(records.map((r) => r.fields.get('D') ?? ''));
  const rows: StatementRow[] = [];
  const failures: RowFailure[] = [];
  for (const { line, fields } of records) {
    try {
      const written = fields.get('D');
      if (written === undefined) throw new FieldError('has no D (date) line');
      let date: string;
      try {
        date = qifDay(written, order);
      } catch (error) {
        throw new FieldError(`D (date) ${(error as Error).message}`);
      }
      const money = fields.get('T') ?? fields.get('U');
      if (money === undefined) throw new FieldError('has no T (amount) line');
      let amount: number;
      try {
        amount = qifAmount(money, options.currency);
      } catch (error) {
        throw new FieldError(`T (amount) ${(error as Error).message}`);
      }
      if (amount === 0) {
        skipped.push({ line, reason: `line ${line}: the amount is zero, nothing to record` });
        continue;
      }
      const number = cleanText(fields.get('N'));
      rows.push({
        line,
        date,
        amount,
        currency: options.currency,
        payee: cleanText(fields.get('P')),
        note: cleanText(fields.get('M')),
        externalId: number !== null && /^\d+$/.test(number) ? number : null,
      });
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      failures.push({ line, reason: `line ${line}: ${error.message}` });
    }
  }
  return { rows, failures, skipped };
}
