import { parseStatement, StatementUnreadable } from '../../../shared/imports/formats';
import { fixture, sums } from './formats-support';

describe('a QIF bank register as Quicken writes it', () => {
  const parsed = parseStatement('qif', fixture('checking.qif'), { currency: 'USD' });

  test('reads every record of the !Type:Bank section', () => {
    expect(sums(parsed.rows)).toEqual({ count: 10, out: -255837, in: 300000, net: 44163 });
    expect(parsed.rows[0]).toEqual({
      line: 17,
      date: '2026-12-01',
      amount: -123456,
      currency: 'USD',
      payee: 'Greenfield Property Mgmt',
      note: 'December rent',
      externalId: '1051',
    });
  });

  test("reads padded days with the apostrophe year (12/ 5'26, 1/ 2'27) and slash years", () => {
    expect(parsed.rows.map((r) => r.date)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-05',
      '2026-12-09',
      '2026-12-12',
      '2026-12-15',
      '2026-12-25',
      '2026-12-28',
      '2027-01-02',
    ]);
  });

  test('takes a cheque number as the id but not text such as DEP or ATM; a split record is one row of its total', () => {
    expect(parsed.rows.map((r) => r.externalId)).toEqual([
      '1051',
      null,
      null,
      '1052',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(parsed.rows.find((r) => r.payee === 'Costco')).toMatchObject({ amount: -8640, note: 'Split purchase' });
    expect(parsed.rows.find((r) => r.payee === 'Holding Account')).toMatchObject({ amount: -100000 });
  });

  test('reads the last record even without its closing ^', () => {
    expect(parsed.rows.at(-1)).toMatchObject({ line: 89, payee: 'Blue Bottle Coffee', amount: -725 });
  });

  test('reports bad records with their first line and field, and says what it skipped', () => {
    expect(parsed.failures).toEqual([
      { line: 71, reason: "line 71: T (amount) '-12.5O' is not an amount with '.' as the decimal separator" },
      { line: 75, reason: "line 75: D (date) '13/24'26' is not a real day" },
    ]);
    expect(parsed.skipped).toEqual([
      { line: 2, reason: 'line 2: the !Account section is not a bank, cash or card register' },
      { line: 8, reason: 'line 8: the !Type:Cat section is not a bank, cash or card register' },
      { line: 67, reason: 'line 67: the amount is zero, nothing to record' },
    ]);
  });
});

describe('the date order of QIF days', () => {
  const card = fixture('card-dmy.qif');

  test('a file whose days can only be day-first is read day-first, with its decimal commas', () => {
    const parsed = parseStatement('qif', card, { currency: 'EUR' });
    expect(parsed.failures).toEqual([]);
    expect(parsed.rows.map((r) => [r.date, r.amount, r.payee])).toEqual([
      ['2026-12-03', -4590, 'Buchhandlung Hugendubel'],
      ['2026-12-25', -129900, 'MediaMarkt'],
      ['2026-12-28', 15000, 'Zahlung danke'],
    ]);
    expect(parsed.rows[0]?.note).toBe('Bücher');
  });

  test('the dateOrder option decides: MDY turns 25/12/2026 into a failure and 03/12 into 12 March', () => {
    const parsed = parseStatement('qif', card, { currency: 'EUR', dateOrder: 'MDY' });
    expect(parsed.rows.map((r) => r.date)).toEqual(['2026-03-12', '2026-12-28']);
    expect(parsed.failures).toEqual([{ line: 7, reason: "line 7: D (date) '25/12/2026' is not a real day" }]);
  });

  test('a date order other than DMY or MDY is refused', () => {
    expect(() => parseStatement('qif', card, { currency: 'EUR', dateOrder: 'YMD' as unknown as 'DMY' })).toThrow(
      StatementUnreadable,
    );
  });

  test('an ambiguous file is month-first unless told otherwise', () => {
    const qif = '!Type:Bank\nD03/04/2026\nT-1.00\n^\n';
    expect(parseStatement('qif', qif, { currency: 'USD' }).rows[0]?.date).toBe('2026-03-04');
    expect(parseStatement('qif', qif, { currency: 'USD', dateOrder: 'DMY' }).rows[0]?.date).toBe('2026-04-03');
  });
});

describe('QIF details', () => {
  const one = (lines: string, currency = 'USD') => {
    const parsed = parseStatement('qif', `!Type:Bank\n${lines}\n^\n`, { currency });
    return parsed.rows[0] ?? parsed.failures[0]?.reason;
  };

  test('amounts: comma thousands, U when T is absent, the currency exponent, exact big amounts', () => {
    expect(one('D2026-01-05\nT-1,234,567.89')).toMatchObject({ amount: -123456789, date: '2026-01-05' });
    expect(one('D01/05/2026\nU-12.30')).toMatchObject({ amount: -1230 });
    expect(one('D01/05/2026\nT-1,234', 'JPY')).toMatchObject({ amount: -1234 });
    expect(one('D01/05/2026\nT90,071,992,547.40')).toMatchObject({ amount: 9_007_199_254_740 });
    expect(one('D01/05/2026\nT90,071,992,547.41')).toMatch(/^line 2: T \(amount\) .* is beyond the largest amount/);
  });

  test('a record without a day or an amount is a failure naming the missing line', () => {
    expect(one('T-1.00\nPNo day')).toBe('line 2: has no D (date) line');
    expect(one('D01/05/2026\nPNo amount')).toBe('line 2: has no T (amount) line');
  });

  test('a file that is not QIF, or has no register, is refused with StatementUnreadable', () => {
    expect(() => parseStatement('qif', fixture('bank-1.02.ofx'), { currency: 'USD' })).toThrow(StatementUnreadable);
    expect(() => parseStatement('qif', 'D01/05/2026\nT-1\n^\n', { currency: 'USD' })).toThrow(
      'is not a QIF file (no !Type: header)',
    );
    expect(() => parseStatement('qif', '!Type:Invst\nD01/05/2026\nNBuy\n^\n', { currency: 'USD' })).toThrow(
      'holds no bank, cash or card register',
    );
  });
});
