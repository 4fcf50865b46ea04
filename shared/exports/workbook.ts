/**
 * The Excel workbook, written with exceljs's streaming writer (rows are committed as they go, so
 * 100,000 rows do not sit in memory as cell objects):
 *
 * - Transactions: one row per transaction, typed cells (dates as dates, amounts as numbers in a
 *   number format with the currency's decimals, ISO 4217: JPY 0, EUR 2, KWD 3), a frozen header
 *   row, an autofilter and column widths.
 * - Summary: home-currency totals by category and by month. Totals are summed in integer minor
 *   units, then printed; a range that spans a change of home currency gets one line per currency.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { exponentOf } from '../kit/money/currencies';
import { columnTitles, decimalNumber, type ExportRow, type Money } from './rows';

const widths = [12, 10, 22, 26, 28, 36, 20, 14, 9, 16, 9, 14, 9, 12, 12, 28, 12];

/** `#,##0.00` for EUR, `#,##0` for JPY, `#,##0.000` for KWD. */
export function numberFormatOf(currency: string): string {
  const decimals = exponentOf(currency);
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}

/** A calendar day as the Date exceljs stores for it (midnight UTC, so no time zone moves it). */
const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);

type Total = { key: string; currency: string; amount: number };

function addTo(totals: Map<string, Total>, key: string, money: Money) {
  const id = `${key}\u0000${money.currency}`;
  const total = totals.get(id) ?? { key, currency: money.currency, amount: 0 };
  total.amount += money.amount;
  totals.set(id, total);
}

/** Home-currency totals by category path and by month (`YYYY-MM`), in minor units, sorted by key. */
export function summaryOf(rows: Iterable<ExportRow>) {
  const byCategory = new Map<string, Total>();
  const byMonth = new Map<string, Total>();
  for (const row of rows) {
    if (row.void) continue;
    addTo(byCategory, row.category || '(uncategorised)', row.home);
    addTo(byMonth, row.date.slice(0, 7), row.home);
  }
  const sorted = (totals: Map<string, Total>) =>
    [...totals.values()].sort((a, b) =>
      a.key === b.key ? a.currency.localeCompare(b.currency) : a.key < b.key ? -1 : 1,
    );
  return { byCategory: sorted(byCategory), byMonth: sorted(byMonth) };
}

export async function writeWorkbook(rows: readonly ExportRow[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });

  const sheet = workbook.addWorksheet('Transactions', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columnTitles.map((header, index) => ({ header, width: widths[index] }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnTitles.length } };
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const row of rows) {
    const added = sheet.addRow([
      dayOf(row.date),
      row.kind,
      row.account,
      row.payee,
      row.category,
      row.note,
      row.tags,
      decimalNumber(row.entered),
      row.entered.currency,
      decimalNumber(row.accountMoney),
      row.accountMoney.currency,
      decimalNumber(row.home),
      row.home.currency,
      row.rate === null ? null : Number(row.rate),
      row.rateDate === null ? null : dayOf(row.rateDate),
      row.id,
      row.status,
    ]);
    added.getCell(1).numFmt = 'yyyy-mm-dd';
    added.getCell(8).numFmt = numberFormatOf(row.entered.currency);
    added.getCell(10).numFmt = numberFormatOf(row.accountMoney.currency);
    added.getCell(12).numFmt = numberFormatOf(row.home.currency);
    if (row.rateDate !== null) added.getCell(15).numFmt = 'yyyy-mm-dd';
    added.commit();
  }
  sheet.commit();

  const { byCategory, byMonth } = summaryOf(rows);
  const summary = workbook.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = [
    { header: 'Category', width: 32 },
    { header: 'Currency', width: 10 },
    { header: 'Total', width: 16 },
    { header: '', width: 4 },
    { header: 'Month', width: 10 },
    { header: 'Currency', width: 10 },
    { header: 'Total', width: 16 },
  ];
  summary.getRow(1).font = { bold: true };
  summary.getRow(1).commit();
  for (let index = 0; index < Math.max(byCategory.length, byMonth.length); index++) {
    const category = byCategory[index];
    const month = byMonth[index];
    const values: (string | number | null)[] = [
      category?.key ?? null,
      category?.currency ?? null,
      category ? decimalNumber(category) : null,
      null,
      month?.key ?? null,
      month?.currency ?? null,
      month ? decimalNumber(month) : null,
    ];
    const added = summary.addRow(values);
    if (category) added.getCell(3).numFmt = numberFormatOf(category.currency);
    if (month) added.getCell(7).numFmt = numberFormatOf(month.currency);
    added.commit();
  }
  summary.commit();

  await workbook.commit();
  return Buffer.concat(chunks);
}
