import { csvPresets, parseStatement, StatementUnreadable } from '../../../shared/imports/formats';
import type { CsvMapping } from '../../../shared/imports/formats/types';
import { fixture, sums } from './formats-support';

const euSemicolon = csvPresets['eu-semicolon'];

describe('the semicolon CSV with a BOM, decimal commas and day-first days', () => {
  const parsed = parseStatement('csv', fixture('eu-semicolon.csv'), { currency: 'EUR', mapping: euSemicolon });

  test('reads every row, with nothing failed or skipped', () => {
    expect(parsed.failures).toEqual([]);
    expect(parsed.skipped).toEqual([]);
    expect(sums(parsed.rows)).toEqual({ count: 15, out: -170175, in: 368787, net: 198612 });
  });

  test('reads the first column despite the BOM, and umlauts as written', () => {
    expect(parsed.rows[0]).toEqual({
      line: 2,
      date: '2026-11-01',
      amount: -480,
      currency: 'EUR',
      payee: 'Bäckerei Müller',
      note: 'Kartenzahlung Filiale Südstadt',
      externalId: 'DE26110100001',
    });
  });

  test('keeps a quoted semicolon and quoted quotes inside their field', () => {
    expect(parsed.rows.find((r) => r.externalId === 'DE26110400001')).toEqual({
      line: 6,
      date: '2026-11-04',
      amount: -8500,
      currency: 'EUR',
      payee: 'Stadtwerke Köln',
      note: 'Strom; Abschlag November',
      externalId: 'DE26110400001',
    });
    expect(parsed.rows.find((r) => r.line === 14)?.note).toBe('Haftpflicht "Privat Plus" Jahresbeitrag');
  });

  test('reads thousands dots and decimal commas exactly', () => {
    expect(parsed.rows.find((r) => r.line === 3)).toMatchObject({ date: '2026-11-02', amount: 325000 });
    expect(parsed.rows.find((r) => r.line === 4)).toMatchObject({ amount: -115000, payee: 'Hausverwaltung Schröder' });
  });

  test('guesses the semicolon from the header line when the mapping names no delimiter', () => {
    const { delimiter: _, ...guessing } = euSemicolon;
    const guessed = parseStatement('csv', fixture('eu-semicolon.csv'), { currency: 'EUR', mapping: guessing });
    expect(guessed).toEqual(parsed);
  });

  test('reads the same file the same way every time', () => {
    const again = parseStatement('csv', fixture('eu-semicolon.csv'), { currency: 'EUR', mapping: euSemicolon });
    expect(JSON.stringify(again)).toBe(JSON.stringify(parsed));
  });
});

describe('the UK CSV with paid-out and paid-in columns', () => {
  const parsed = parseStatement('csv', fixture('uk-debit-credit.csv'), {
    currency: 'GBP',
    mapping: csvPresets['uk-debit-credit'],
  });

  test('skips the account summary above the header and signs paid out negative', () => {
    expect(parsed.failures).toEqual([]);
    expect(sums(parsed.rows)).toEqual({ count: 8, out: -146024, in: 110240, net: -35784 });
    expect(parsed.rows[0]).toEqual({
      line: 6,
      date: '2026-11-03',
      amount: -645,
      currency: 'GBP',
      payee: 'PRET A MANGER',
      note: 'Contactless Payment',
      externalId: null,
    });
    expect(parsed.rows.find((r) => r.payee === 'J SMITH')).toMatchObject({ date: '2026-11-14', amount: 100000 });
    expect(parsed.rows.find((r) => r.payee === 'RENT - FLAT 2B')).toMatchObject({ amount: -125000 });
  });
});

describe('a CSV with broken rows', () => {
  const parsed = parseStatement('csv', fixture('broken.csv'), { currency: 'USD', mapping: csvPresets.iso });

  test('reads the good rows, skips the empty line, and reports each bad one with its line and field', () => {
    expect(parsed.rows.map((r) => [r.line, r.amount, r.payee])).toEqual([
      [2, -320, 'Corner Shop'],
      [4, 240000, 'Big Employer'],
      [10, -1250, 'Refund Ltd'],
      [11, -1250, 'Trailing Ltd'],
      [12, -100510, 'Dollar Ltd'],
    ]);
    expect(parsed.failures).toEqual([
      { line: 5, reason: 'line 5: Date is empty' },
      { line: 6, reason: 'line 6: Amount is empty' },
      { line: 7, reason: "line 7: Date '2026-02-30' is not a real day" },
      { line: 8, reason: "line 8: Amount '-12.5O' is not an amount with '.' as the decimal separator" },
      { line: 9, reason: "line 9: has 5 fields where the header has 4 (an unquoted ',' inside a field?)" },
    ]);
  });
});

describe('amounts as banks write them', () => {
  const mapping = (decimalSeparator: '.' | ','): CsvMapping => ({
    delimiter: ';',
    decimalSeparator,
    dateFormat: 'YYYY-MM-DD',
    columns: { date: 'Date', amount: 'Amount' },
  });
  const amountOf = (written: string, decimal: '.' | ',' = ',', currency = 'EUR') => {
    const { rows, failures } = parseStatement('csv', `Date;Amount\n2026-01-05;${written}\n`, {
      currency,
      mapping: mapping(decimal),
    });
    return rows[0]?.amount ?? failures[0]?.reason;
  };

  test.each([
    ['1.234,56', ',', 123456],
    ['-12,50', ',', -1250],
    ['12,50-', ',', -1250],
    ['€ -1.234,5', ',', -123450],
    ['1 234,56', ',', 123456],
    ['(12.50)', '.', -1250],
    ['-$1,234.56', '.', -123456],
    ['$-7.00', '.', -700],
    ['1,234,567.89', '.', 123456789],
    ['12.50 EUR', '.', 1250],
    ['+0.01', '.', 1],
    ['−3.10', '.', -310],
  ] as const)('%s with %s decimals is %d', (written, decimal, expected) => {
    expect(amountOf(written, decimal)).toBe(expected);
  });

  test('a currency is read with its own exponent, and more decimals than it has fail', () => {
    const jpy = (written: string) =>
      parseStatement('csv', `Date;Amount\n2026-01-05;${written}\n`, { currency: 'JPY', mapping: mapping('.') });
    expect(jpy('-1,500').rows[0]?.amount).toBe(-1500);
    expect(jpy('12.5').failures).toEqual([
      { line: 2, reason: "line 2: Amount '12.5' has more decimals than JPY has (0)" },
    ]);
    expect(amountOf('12,345')).toBe("line 2: Amount '12,345' has more decimals than EUR has (2)");
    expect(amountOf('1.000,500')).toBe(100050);
  });

  test('a number grouped for the other decimal separator fails rather than changing its value', () => {
    expect(amountOf('1.5')).toBe("line 2: Amount '1.5' is not an amount with ',' as the decimal separator");
    expect(amountOf('12.50 USD', '.')).toBe("line 2: Amount '12.50 USD' is in USD, not EUR");
  });

  test('big amounts stay exact to the last minor unit, and beyond a transaction’s range they fail', () => {
    expect(amountOf('90.071.992.547,40')).toBe(9_007_199_254_740);
    expect(amountOf('-90.071.992.547,40')).toBe(-9_007_199_254_740);
    expect(amountOf('12345678901,23')).toBe(1_234_567_890_123);
    expect(amountOf('90.071.992.547,41')).toBe(
      "line 2: Amount '90.071.992.547,41' is beyond the largest amount of one transaction (9007199254740 minor units)",
    );
    expect(amountOf('99999999999999999999,99')).toMatch(/is beyond the largest amount/);
  });

  test('a zero amount is skipped with the reason, not recorded', () => {
    const parsed = parseStatement('csv', 'Date;Amount\n2026-01-05;0,00\n', { currency: 'EUR', mapping: mapping(',') });
    expect(parsed.rows).toEqual([]);
    expect(parsed.skipped).toEqual([{ line: 2, reason: 'line 2: the amount is zero, nothing to record' }]);
  });
});

describe('days', () => {
  const dayOf = (dateFormat: CsvMapping['dateFormat'], written: string) => {
    const mapping: CsvMapping = { decimalSeparator: '.', dateFormat, columns: { date: 'Date', amount: 'Amount' } };
    const { rows, failures } = parseStatement('csv', `Date,Amount\n${written},1.00\n`, { currency: 'USD', mapping });
    return rows[0]?.date ?? failures[0]?.reason;
  };

  test.each([
    ['YYYY-MM-DD', '2026-03-01', '2026-03-01'],
    ['YYYY-MM-DD', '2026-03-01 14:05:00', '2026-03-01'],
    ['YYYY-MM-DD', '2026-03-01T23:30:00-08:00', '2026-03-01'],
    ['DD/MM/YYYY', '01/03/2026', '2026-03-01'],
    ['MM/DD/YYYY', '3/1/2026', '2026-03-01'],
    ['DD.MM.YYYY', '1.3.26', '2026-03-01'],
    ['DD-MM-YYYY', '29-02-2028', '2028-02-29'],
    ['YYYYMMDD', '20260301', '2026-03-01'],
  ] as const)('%s reads %s as %s', (format, written, expected) => {
    expect(dayOf(format, written)).toBe(expected);
  });

  test('a day in another format or not in the calendar fails, naming the column', () => {
    expect(dayOf('DD/MM/YYYY', '2026-03-01')).toBe("line 2: Date '2026-03-01' is not a DD/MM/YYYY day");
    expect(dayOf('MM/DD/YYYY', '13/01/2026')).toBe("line 2: Date '13/01/2026' is not a real day");
    expect(dayOf('DD-MM-YYYY', '29-02-2026')).toBe("line 2: Date '29-02-2026' is not a real day");
  });
});

describe('CSV files that cannot be read', () => {
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(StatementUnreadable);
      return { field: (error as StatementUnreadable).field, message: (error as Error).message };
    }
    throw new Error('expected StatementUnreadable');
  };

  test('a file without the mapped columns is refused, naming the column and the columns it has', () => {
    expect(
      refusal(() => parseStatement('csv', fixture('bank-1.02.ofx'), { currency: 'USD', mapping: csvPresets.iso })),
    ).toMatchObject({ field: 'mapping.columns.date' });
    expect(
      refusal(() =>
        parseStatement('csv', 'Date,Payee,Value\n2026-01-01,A,1\n', { currency: 'USD', mapping: csvPresets.iso }),
      ),
    ).toEqual({
      field: 'mapping.columns.amount',
      message: "the file has no column 'Amount' (its columns: date, payee, value)",
    });
  });

  test('a CSV without a mapping, an empty file and a mapping without money columns are refused', () => {
    expect(refusal(() => parseStatement('csv', 'a,b\n', { currency: 'USD' }))).toMatchObject({ field: 'mapping' });
    expect(refusal(() => parseStatement('csv', '\ufeff\r\n', { currency: 'USD', mapping: csvPresets.iso }))).toEqual({
      field: 'file',
      message: 'is empty',
    });
    const mapping: CsvMapping = { decimalSeparator: '.', dateFormat: 'YYYY-MM-DD', columns: { date: 'Date' } };
    expect(refusal(() => parseStatement('csv', 'Date\n2026-01-01\n', { currency: 'USD', mapping }))).toMatchObject({
      field: 'mapping.columns.amount',
    });
  });

  test('a mapping with an unknown day format, decimal separator or delimiter is refused, naming it', () => {
    const bad = (change: object) =>
      refusal(() =>
        parseStatement('csv', 'Date,Amount\n', {
          currency: 'USD',
          mapping: { ...csvPresets.iso, ...change } as CsvMapping,
        }),
      ).field;
    expect(bad({ dateFormat: 'D/M/Y' })).toBe('mapping.dateFormat');
    expect(bad({ decimalSeparator: ' ' })).toBe('mapping.decimalSeparator');
    expect(bad({ delimiter: ':' })).toBe('mapping.delimiter');
  });

  test('an unknown account currency is refused', () => {
    expect(refusal(() => parseStatement('csv', 'Date\n', { currency: 'XYZ', mapping: csvPresets.iso }))).toMatchObject({
      field: 'currency',
    });
  });
});

test('a row after a quoted field with line breaks is reported at the line it starts on', () => {
  const csv = 'Date,Payee,Description,Amount\n2026-01-02,A,"two\nlines",-1.00\n2026-01-03,B,"three\r\nlines\rhere",x\n';
  const parsed = parseStatement('csv', csv, { currency: 'USD', mapping: csvPresets.iso });
  expect(parsed.rows).toEqual([
    { line: 2, date: '2026-01-02', amount: -100, currency: 'USD', payee: 'A', note: 'two lines', externalId: null },
  ]);
  expect(parsed.failures).toEqual([
    { line: 4, reason: "line 4: Amount 'x' is not an amount with '.' as the decimal separator" },
  ]);
  const crlf = 'Date,Payee,Description,Amount\r\n2026-01-02,A,"two\r\nlines",-1.00\r\n2026-01-03,B,,x\r\n';
  expect(parseStatement('csv', crlf, { currency: 'USD', mapping: csvPresets.iso }).failures.map((f) => f.line)).toEqual(
    [4],
  );
});

test('the delimiter is guessed from the header line, not from a summary line above it', () => {
  const mapping = { ...csvPresets.iso, delimiter: undefined };
  const tabs =
    'Statement date: 2026-01-31, account 1\n\nDate\tPayee\tDescription\tAmount\n2026-01-02\tA, B\tx\t"-1,234.50"\n';
  expect(parseStatement('csv', tabs, { currency: 'USD', mapping }).rows).toEqual([
    { line: 4, date: '2026-01-02', amount: -123450, currency: 'USD', payee: 'A, B', note: 'x', externalId: null },
  ]);
  const pipes = 'date|payee|description|amount\n2026-01-02|A;B|x|3.00\n';
  expect(parseStatement('csv', pipes, { currency: 'USD', mapping }).rows[0]).toMatchObject({
    payee: 'A;B',
    amount: 300,
  });
});

describe('columns a file leaves out', () => {
  const shortFile = 'Date;Payee;Amount\n06.04.2026;REWE Markt;-12,50\n';

  test('a preset reads a file without its optional columns (note, currency, reference)', () => {
    const parsed = parseStatement('csv', shortFile, { currency: 'EUR', mapping: csvPresets['eu-semicolon'] });
    expect(parsed.rows).toEqual([
      {
        line: 2,
        date: '2026-04-06',
        amount: -1250,
        currency: 'EUR',
        payee: 'REWE Markt',
        note: null,
        externalId: null,
      },
    ]);
  });

  test("the user's own mapping must name columns the file has", () => {
    const { optionalColumnsMayBeAbsent: _, ...own } = csvPresets['eu-semicolon'];
    expect(() => parseStatement('csv', shortFile, { currency: 'EUR', mapping: own })).toThrow(StatementUnreadable);
  });
});
