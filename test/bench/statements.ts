/**
 * Statement parsing throughput (no cloud): a generated 20,000-row semicolon CSV (the eu-semicolon
 * preset: BOM, decimal commas, day-first days, a quoted field in every tenth row) and a 5,000-entry
 * OFX 1.02 SGML file, each parsed a few times after a warm-up. Printed: rows per second (median run)
 * and the file sizes. Parsing is pure, so the figure is the parser's, not the import job's.
 */
import { csvPresets, parseStatement } from '../../shared/imports/formats';

const CSV_ROWS = 20_000;
const OFX_ENTRIES = 5_000;
const RUNS = 5;

const day = (i: number) => {
  const d = new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000);
  return { d: d.getUTCDate(), m: d.getUTCMonth() + 1, y: d.getUTCFullYear() };
};
const pad = (n: number) => String(n).padStart(2, '0');

export function generatedCsv(rows: number): string {
  const lines = ['\ufeffDate;Payee;Description;Amount;Currency;Reference'];
  for (let i = 0; i < rows; i++) {
    const { d, m, y } = day(i);
    const cents = 1 + ((i * 7919) % 250_000);
    const amount = `${i % 9 === 0 ? '' : '-'}${Math.floor(cents / 100).toLocaleString('de-DE')},${pad(cents % 100)}`;
    const note = i % 10 === 0 ? `"Rechnung ${i}; Kundennr ${i * 3}"` : `Kartenzahlung ${i}`;
    lines.push(`${pad(d)}.${pad(m)}.${y};Händler ${i % 300};${note};${amount};EUR;REF${String(i).padStart(8, '0')}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function generatedOfx(entries: number): string {
  const out = [
    'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n',
    '<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>1<ACCTID>2<ACCTTYPE>CHECKING</BANKACCTFROM>',
    '<BANKTRANLIST><DTSTART>20260101<DTEND>20261231',
  ];
  for (let i = 0; i < entries; i++) {
    const { d, m, y } = day(i);
    const cents = 1 + ((i * 7919) % 250_000);
    const amount = `${i % 9 === 0 ? '' : '-'}${Math.floor(cents / 100)}.${pad(cents % 100)}`;
    out.push(
      `<STMTTRN>\n<TRNTYPE>${i % 9 === 0 ? 'CREDIT' : 'DEBIT'}\n<DTPOSTED>${y}${pad(m)}${pad(d)}120000.000[-5:EST]\n` +
        `<TRNAMT>${amount}\n<FITID>${y}${String(i).padStart(8, '0')}\n<NAME>PAYEE ${i % 300} &amp; CO\n<MEMO>POS PURCHASE ${i}\n</STMTTRN>`,
    );
  }
  out.push(
    '</BANKTRANLIST><LEDGERBAL><BALAMT>0<DTASOF>20261231</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n',
  );
  return out.join('\n');
}

function throughput(name: string, expected: number, parse: () => { rows: unknown[]; failures: unknown[] }) {
  parse();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const parsed = parse();
    times.push(performance.now() - started);
    if (parsed.rows.length !== expected || parsed.failures.length > 0) {
      throw new Error(
        `${name}: ${parsed.rows.length} rows and ${parsed.failures.length} failures, expected ${expected} rows`,
      );
    }
  }
  const median = (times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number) / 1000;
  return { file: name, rows: expected, 'median s': Number(median.toFixed(3)), 'rows/s': Math.round(expected / median) };
}

export function measureStatements(): void {
  const csv = generatedCsv(CSV_ROWS);
  const ofx = generatedOfx(OFX_ENTRIES);
  const kib = (text: string) => Math.round(Buffer.byteLength(text) / 1024);
  const results = [
    throughput(`semicolon CSV (${kib(csv)} KiB)`, CSV_ROWS, () =>
      parseStatement('csv', csv, { currency: 'EUR', mapping: csvPresets['eu-semicolon'] }),
    ),
    throughput(`OFX 1.02 SGML (${kib(ofx)} KiB)`, OFX_ENTRIES, () => parseStatement('ofx', ofx, { currency: 'USD' })),
  ];
  console.log(`\nParsing only, in this process (median of ${RUNS} runs after a warm-up):\n`);
  console.table(results);
  for (const [key, r] of [
    ['csv', results[0]],
    ['ofx', results[1]],
  ] as const) {
    console.log(`statements.${key}_rows_per_second=${r?.['rows/s']}`);
  }
}
