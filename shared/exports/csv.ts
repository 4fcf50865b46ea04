/**
 * The CSV file: RFC 4180 (quoting by @fast-csv/format), UTF-8 with a BOM so spreadsheet programs
 * read it as UTF-8, CRLF line ends. Safe to open in a spreadsheet: a text cell that starts with
 * `=`, `+`, `-`, `@`, a TAB or a CR would be read as a formula, so it is prefixed with `'`
 * (OWASP, "CSV Injection"). Amounts are printed as plain decimals ("-12.50") and never prefixed:
 * they are numbers, not text.
 */
import { format } from '@fast-csv/format';
import { columnTitles, decimalString, type ExportRow } from './rows';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as printed: neutralised when a spreadsheet would take it for a formula. */
export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvRecord(row: ExportRow): string[] {
  return [
    row.date,
    row.kind,
    safeText(row.account),
    safeText(row.payee),
    safeText(row.category),
    safeText(row.note),
    safeText(row.tags),
    decimalString(row.entered),
    row.entered.currency,
    decimalString(row.accountMoney),
    row.accountMoney.currency,
    decimalString(row.home),
    row.home.currency,
    row.rate ?? '',
    row.rateDate ?? '',
    row.id,
    row.status,
  ];
}

export async function writeCsv(rows: Iterable<ExportRow>): Promise<Buffer> {
  const stream = format<string[], string[]>({ writeBOM: true, rowDelimiter: '\r\n', includeEndRowDelimiter: true });
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  stream.write([...columnTitles]);
  for (const row of rows) stream.write(csvRecord(row));
  stream.end();
  await done;
  return Buffer.concat(chunks);
}
