import { parseStatement, StatementUnreadable } from '../../../shared/imports/formats';
import { ofxToXml } from '../../../shared/imports/formats/ofx';
import { fixture, sums } from './formats-support';

describe('an OFX 1.02 (SGML) bank statement', () => {
  const parsed = parseStatement('ofx', fixture('bank-1.02.ofx'), { currency: 'EUR' });

  test('reads its ten entries in its CURDEF, whatever the account currency given', () => {
    expect(parsed.failures).toEqual([]);
    expect(parsed.skipped).toEqual([]);
    expect(sums(parsed.rows)).toEqual({ count: 10, out: -204464, in: 250123, net: 45659 });
    expect(new Set(parsed.rows.map((r) => r.currency))).toEqual(new Set(['USD']));
  });

  test('maps FITID, NAME and MEMO, and takes the day as written whatever the time zone', () => {
    expect(parsed.rows[0]).toEqual({
      line: 1,
      date: '2026-11-01',
      amount: -4567,
      currency: 'USD',
      payee: 'SAFEWAY #1234',
      note: 'POS PURCHASE 10/31 SAN FRANCISCO CA',
      externalId: '202611010001',
    });
    expect(parsed.rows[4]).toEqual({
      line: 5,
      date: '2026-11-07',
      amount: -6000,
      currency: 'USD',
      payee: 'ATM WITHDRAWAL',
      note: '1ST ST & MAIN SAN JOSE CA',
      externalId: '202611070001',
    });
  });

  test('decodes entities in names', () => {
    expect(parsed.rows.map((r) => r.payee)).toContain('AT&T WIRELESS');
    expect(parsed.rows.find((r) => r.externalId === '202611150001')).toMatchObject({ payee: 'PG&E', amount: -13248 });
  });

  test('keeps the FITID as written, leading zeros included', () => {
    const zeros = fixture('bank-1.02.ofx').replace('<FITID>202611010001', '<FITID>000017');
    expect(parseStatement('ofx', zeros, { currency: 'USD' }).rows[0]?.externalId).toBe('000017');
  });

  test('reads the same file the same way every time', () => {
    expect(JSON.stringify(parseStatement('ofx', fixture('bank-1.02.ofx'), { currency: 'EUR' }))).toBe(
      JSON.stringify(parsed),
    );
  });
});

describe('an OFX 2.x (XML) credit-card statement', () => {
  const parsed = parseStatement('ofx', fixture('card-2.x.ofx'), { currency: 'EUR' });

  test('reads charges as negative and payments and refunds as positive, in GBP', () => {
    expect(parsed.failures).toEqual([]);
    // The statement's own ledger balance is -856.17.
    expect(sums(parsed.rows)).toEqual({ count: 7, out: -137117, in: 51500, net: -85617 });
    expect(parsed.rows[1]).toEqual({
      line: 2,
      date: '2026-11-04',
      amount: -999,
      currency: 'GBP',
      payee: 'NETFLIX.COM',
      note: null,
      externalId: '2026110424692162',
    });
    expect(parsed.rows.find((r) => r.externalId === '2026112224692166')).toMatchObject({
      amount: 1500,
      note: 'REFUND',
    });
  });

  test('a foreign purchase stays in the card currency (ORIGCURRENCY only describes the original)', () => {
    expect(parsed.rows[3]).toMatchObject({ amount: -8620, currency: 'GBP', payee: 'HOTEL LE MARAIS PARIS' });
  });
});

describe('a QFX file with the quirks of real exports', () => {
  const parsed = parseStatement('ofx', fixture('checking.qfx'), { currency: 'USD' });

  test('reads entries whose </STMTTRN> is missing, raw & in names, and numeric entities', () => {
    expect(parsed.rows.map((r) => [r.line, r.date, r.amount, r.payee, r.note])).toEqual([
      [1, '2026-10-01', -1542, "TRADER JOE'S #123", 'PURCHASE AUTHORIZED ON 09/30'],
      [2, '2026-10-02', -7510, 'AT&T *PAYMENT', 'RECURRING PAYMENT'],
      [3, '2026-10-03', 183455, 'EMPLOYER INC DIR DEP', 'PAYROLL'],
      [4, '2026-10-04', -325, 'BLUE BOTTLE COFFEE', null],
      [8, '2026-10-07', -4200, 'ACME & SONS <HARDWARE>', null],
    ]);
  });

  test('reports the entries it cannot read with their position, FITID and field, and skips zero amounts', () => {
    expect(parsed.failures).toEqual([
      { line: 5, reason: "entry 5 (FITID 201610311): DTPOSTED '20261032120000[-7:MST]' is not a real day" },
      { line: 6, reason: "entry 6 (FITID 201610051): TRNAMT 'N/A' is not an amount" },
    ]);
    expect(parsed.skipped).toEqual([
      { line: 7, reason: 'entry 7 (FITID 201610061): the amount is zero, nothing to record' },
    ]);
  });
});

describe('OFX details', () => {
  const entry = (fields: string) =>
    `OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>JPY<BANKTRANLIST>` +
    `<STMTTRN>${fields}</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;

  test('the normaliser closes leaves and unclosed aggregates and re-escapes text', () => {
    expect(ofxToXml('HEADER:1\n<OFX><A><B>x & y<C>1</A><D>2</D></OFX>')).toBe(
      '<OFX><A><B>x &amp; y</B><C>1</C></A><D>2</D></OFX>',
    );
  });

  test('an empty leaf without an end tag does not swallow the fields after it', () => {
    const parsed = parseStatement('ofx', entry('<DTPOSTED>20260105<TRNAMT>-1<MEMO>\n<NAME>Shop<FITID>7'), {
      currency: 'EUR',
    });
    expect(parsed.rows[0]).toMatchObject({ payee: 'Shop', note: null, externalId: '7' });
  });

  test('entries are read when no STMTTRN of the file is ever closed', () => {
    const sgml =
      'OFXHEADER:100\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST>' +
      '<STMTTRN><DTPOSTED>20260105<TRNAMT>-1.00<FITID>a<STMTTRN><DTPOSTED>20260106<TRNAMT>2.00<FITID>b' +
      '</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>';
    expect(parseStatement('ofx', sgml, { currency: 'EUR' }).rows.map((r) => [r.externalId, r.amount])).toEqual([
      ['a', -100],
      ['b', 200],
    ]);
  });

  test('an entry in another currency (a CURRENCY aggregate) is read in that currency', () => {
    const parsed = parseStatement(
      'ofx',
      entry('<DTPOSTED>20260105<TRNAMT>-12.34<FITID>1<CURRENCY><CURRATE>150<CURSYM>USD</CURRENCY>'),
      { currency: 'EUR' },
    );
    expect(parsed.rows[0]).toMatchObject({ amount: -1234, currency: 'USD' });
  });

  test('amounts use the currency exponent, a decimal comma is accepted, and big amounts stay exact', () => {
    const amount = (written: string) => {
      const parsed = parseStatement('ofx', entry(`<DTPOSTED>20260105<TRNAMT>${written}<FITID>1`), { currency: 'EUR' });
      return parsed.rows[0]?.amount ?? parsed.failures[0]?.reason;
    };
    expect(amount('-1500')).toBe(-1500);
    expect(amount('-1500,00')).toBe(-1500);
    expect(amount('9007199254740')).toBe(9_007_199_254_740);
    expect(amount('9007199254741')).toMatch(/^entry 1 \(FITID 1\): TRNAMT '9007199254741' is beyond the largest/);
    expect(amount('1.5')).toBe("entry 1 (FITID 1): TRNAMT '1.5' has more decimals than JPY has (0)");
  });

  test('DTUSER stands in for a missing DTPOSTED, and NAME inside PAYEE is the payee', () => {
    const parsed = parseStatement('ofx', entry('<DTUSER>20260107<TRNAMT>-1<PAYEE><NAME>Shop</PAYEE>'), {
      currency: 'EUR',
    });
    expect(parsed.rows[0]).toEqual({
      line: 1,
      date: '2026-01-07',
      amount: -1,
      currency: 'JPY',
      payee: 'Shop',
      note: null,
      externalId: null,
    });
  });

  test('a file that is not OFX, or holds no bank or card statement, is refused with StatementUnreadable', () => {
    expect(() => parseStatement('ofx', fixture('eu-semicolon.csv'), { currency: 'EUR' })).toThrow(StatementUnreadable);
    expect(() => parseStatement('ofx', fixture('eu-semicolon.csv'), { currency: 'EUR' })).toThrow(
      'is not an OFX file (no <OFX> element)',
    );
    expect(() =>
      parseStatement('ofx', '<OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS></INVSTMTTRNRS></INVSTMTMSGSRSV1></OFX>', {
        currency: 'EUR',
      }),
    ).toThrow('holds no bank or credit-card statement');
  });
});
