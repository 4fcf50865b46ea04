/**
 * The two export formats, read back the way a user's spreadsheet would: the CSV as bytes (BOM,
 * CRLF, RFC 4180 quoting, formula injection neutralised, amounts as plain numbers) and the
 * workbook with exceljs (typed cells, per-currency decimals, frozen header, autofilter, Summary).
 */
import ExcelJS from 'exceljs';
import { safeText, writeCsv } from '../../../shared/exports/csv';
import { decimalString, type ExportRow, exportRowOf, type StoredRow } from '../../../shared/exports/rows';
import { numberFormatOf, summaryOf, writeWorkbook } from '../../../shared/exports/workbook';

function row(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    id: '01KE0000000000000000000001',
    date: '2026-01-05',
    kind: 'expense',
    account: 'Checking',
    payee: 'Corner Shop',
    category: 'Food / Groceries',
    note: '',
    tags: '',
    entered: { amount: 1250, currency: 'EUR' },
    accountMoney: { amount: -1250, currency: 'EUR' },
    home: { amount: -1250, currency: 'EUR' },
    rate: null,
    rateDate: null,
    status: 'cleared',
    ...overrides,
  };
}

describe('the Status column', () => {
  const stored: StoredRow = {
    id: 'x',
    date: '2026-01-05',
    kind: 'expense',
    accountId: 'acc',
    categoryId: null,
    payee: null,
    note: null,
    tags: [],
    amount: 100,
    currency: 'EUR',
    accountAmount: -100,
    accountCurrency: 'EUR',
    homeAmount: -100,
    homeCurrency: 'EUR',
    rate: null,
    rateDate: null,
  };
  const names = { accounts: new Map(), categories: new Map() };

  test.each(['pending', 'cleared', 'reconciled', 'void'] as const)('prints a %s movement as such', async (status) => {
    const printed = exportRowOf({ ...stored, status, ...(status === 'void' ? { void: true as const } : {}) }, names);
    expect(printed.status).toBe(status);
    const text = (await writeCsv([printed])).toString('utf8');
    expect(text.split('\r\n')[1]!.split(',').at(-1)).toBe(status);
  });

  test('a row of a chunk written before statuses reads as cleared, or void when it was void', () => {
    expect(exportRowOf(stored, names).status).toBe('cleared');
    expect(exportRowOf({ ...stored, void: true }, names).status).toBe('void');
  });
});

describe('decimalString', () => {
  test('prints minor units with the currency’s ISO 4217 decimals, exactly', () => {
    expect(decimalString({ amount: -1250, currency: 'EUR' })).toBe('-12.50');
    expect(decimalString({ amount: 5, currency: 'EUR' })).toBe('0.05');
    expect(decimalString({ amount: 700, currency: 'JPY' })).toBe('700');
    expect(decimalString({ amount: -1234, currency: 'KWD' })).toBe('-1.234');
  });
});

describe('the CSV file', () => {
  test('is UTF-8 with a BOM, CRLF line ends, a header and one record per row', async () => {
    const bytes = await writeCsv([row(), row({ id: 'b', payee: 'Café Zoë' })]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'Date,Kind,Account,Payee,Category,Note,Tags,Amount,Currency,Account amount,Account currency,Home amount,Home currency,Rate,Rate date,Transaction id,Status',
    );
    expect(lines[1]).toBe(
      '2026-01-05,expense,Checking,Corner Shop,Food / Groceries,,,12.50,EUR,-12.50,EUR,-12.50,EUR,,,01KE0000000000000000000001,cleared',
    );
    expect(lines[2]).toContain('Café Zoë');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  test('quotes fields with commas, quotes and line breaks (RFC 4180)', async () => {
    const text = (await writeCsv([row({ note: 'one, "two"\nthree' })])).toString('utf8');
    expect(text).toContain(',"one, ""two""\nthree",');
  });

  test('neutralises text that a spreadsheet would run as a formula, and leaves amounts numeric', async () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(safeText(`${start}x`)).toBe(`'${start}x`);
    expect(safeText('plain')).toBe('plain');
    const text = (
      await writeCsv([row({ note: '=HYPERLINK("http://evil.example","click")', payee: '@SUM(A1)', account: '-1+1' })])
    ).toString('utf8');
    const record = text.split('\r\n')[1]!;
    expect(record).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(record).toContain(",'@SUM(A1),");
    expect(record).toContain(",'-1+1,");
    // The negative amounts are still bare numbers.
    expect(record).toContain(',12.50,EUR,-12.50,EUR,-12.50,EUR,');
  });
});

async function readWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('the workbook', () => {
  const rows = [
    row({ id: 'a', date: '2026-02-10', home: { amount: -1250, currency: 'EUR' } }),
    row({
      id: 'b',
      date: '2026-02-01',
      category: 'Travel',
      entered: { amount: 3400, currency: 'JPY' },
      accountMoney: { amount: -3400, currency: 'JPY' },
      home: { amount: -2099, currency: 'EUR' },
      rate: '0.0061738',
      rateDate: '2026-01-30',
    }),
    row({
      id: 'c',
      date: '2026-01-20',
      kind: 'income',
      status: 'reconciled',
      category: '',
      entered: { amount: 12345, currency: 'KWD' },
      accountMoney: { amount: 12345, currency: 'KWD' },
      home: { amount: 36789, currency: 'EUR' },
    }),
  ];

  test('number formats follow the currency’s decimals', () => {
    expect(numberFormatOf('JPY')).toBe('#,##0');
    expect(numberFormatOf('EUR')).toBe('#,##0.00');
    expect(numberFormatOf('KWD')).toBe('#,##0.000');
  });

  test('has a Transactions sheet of typed cells with a frozen, filtered header', async () => {
    const workbook = await readWorkbook(await writeWorkbook(rows));
    const sheet = workbook.getWorksheet('Transactions')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(1).value).toBe('Date');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(3).width).toBeGreaterThan(10);

    const jpy = sheet.getRow(3);
    expect(jpy.getCell(1).value).toEqual(new Date('2026-02-01T00:00:00Z'));
    expect(jpy.getCell(8).value).toBe(3400);
    expect(jpy.getCell(8).numFmt).toBe('#,##0');
    expect(jpy.getCell(12).value).toBe(-20.99);
    expect(jpy.getCell(12).numFmt).toBe('#,##0.00');
    expect(jpy.getCell(14).value).toBe(0.0061738);
    expect(jpy.getCell(15).value).toEqual(new Date('2026-01-30T00:00:00Z'));
    const kwd = sheet.getRow(4);
    expect(kwd.getCell(8).value).toBe(12.345);
    expect(kwd.getCell(8).numFmt).toBe('#,##0.000');
    expect(kwd.getCell(16).value).toBe('c');
    expect(kwd.getCell(17).value).toBe('reconciled');
    expect(sheet.getRow(1).getCell(17).value).toBe('Status');
  });

  test('has a Summary sheet of home-currency totals by category and by month', async () => {
    const summary = summaryOf(rows);
    expect(summary.byCategory).toEqual([
      { key: '(uncategorised)', currency: 'EUR', amount: 36789 },
      { key: 'Food / Groceries', currency: 'EUR', amount: -1250 },
      { key: 'Travel', currency: 'EUR', amount: -2099 },
    ]);
    expect(summary.byMonth).toEqual([
      { key: '2026-01', currency: 'EUR', amount: 36789 },
      { key: '2026-02', currency: 'EUR', amount: -3349 },
    ]);
    const sheet = (await readWorkbook(await writeWorkbook(rows))).getWorksheet('Summary')!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '(uncategorised)',
      'EUR',
      367.89,
      undefined,
      '2026-01',
      'EUR',
      367.89,
    ]);
    expect(sheet.getRow(3).getCell(7).value).toBe(-33.49);
    expect(sheet.getRow(4).getCell(1).value).toBe('Travel');
  });
});
