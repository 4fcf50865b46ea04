import { parseStatement, StatementUnreadable } from '../../../shared/imports/formats';
import { fixture, sums } from './formats-support';

describe('a camt.053.001.02 statement', () => {
  const parsed = parseStatement('camt053', fixture('camt053-001.02.xml'), { currency: 'USD' });
  const eur = parsed.rows.filter((r) => r.currency === 'EUR');

  test('reads the booked entries in the Ccy of each amount, over the account currency given', () => {
    expect(parsed.failures).toEqual([]);
    expect(sums(eur)).toEqual({ count: 8, out: -30790, in: 337345, net: 306555 });
    expect(parsed.rows.filter((r) => r.currency === 'CHF').map((r) => [r.amount, r.payee])).toEqual([
      [-3000, 'Parkhaus Basel SBB'],
    ]);
  });

  test('a debit is negative and its payee is the creditor; a credit is positive and its payee the debtor', () => {
    expect(parsed.rows[0]).toEqual({
      line: 1,
      date: '2026-11-03',
      amount: -4590,
      currency: 'EUR',
      payee: 'Buchhandlung Hugendubel GmbH & Co. KG',
      note: 'Rechnung 4711 vom 28.10.2026',
      externalId: '2026110300012345',
    });
    expect(parsed.rows[1]).toEqual({
      line: 2,
      date: '2026-11-27',
      amount: 325000,
      currency: 'EUR',
      payee: 'Arbeitgeber GmbH',
      note: 'LOHN/GEHALT 11/2026 PERSONALNR 000815',
      externalId: '2026112700054321',
    });
  });

  test('a batch whose transactions carry amounts becomes one row each, with its own or a derived id', () => {
    expect(
      parsed.rows.filter((r) => r.date === '2026-11-10').map((r) => [r.line, r.amount, r.payee, r.externalId]),
    ).toEqual([
      [3, -12000, 'Stadtwerke München', '2026111000077777-1'],
      [4, -8050, 'Telekom Deutschland GmbH', '2026111000077777-2'],
      [5, -4950, 'Sportverein Grün-Weiß e.V.', '2026111000077777/3'],
    ]);
  });

  test('a batch without amounts per transaction stays one row, described by the entry', () => {
    expect(parsed.rows.find((r) => r.externalId === '2026111500022222')).toEqual({
      line: 8,
      date: '2026-11-15',
      amount: 10000,
      currency: 'EUR',
      payee: null,
      note: 'SAMMEL-GUTSCHRIFT 2 POSTEN',
      externalId: '2026111500022222',
    });
    expect(parsed.rows.find((r) => r.externalId === '2026113000011111')).toMatchObject({
      amount: -1200,
      payee: null,
      note: 'Kontoführungsentgelt November',
    });
  });

  test('a pending entry is skipped, and says so', () => {
    expect(parsed.skipped).toEqual([
      {
        line: 6,
        reason: 'Ntry 4 (AcctSvcrRef 2026113000099999): status PDNG, not booked (BOOK); it comes again once booked',
      },
    ]);
    expect(parsed.rows.map((r) => r.externalId)).not.toContain('2026113000099999');
  });
});

describe('a camt.053.001.08 statement', () => {
  const parsed = parseStatement('camt053', fixture('camt053-001.08.xml'), { currency: 'EUR' });

  test('reads Sts/Cd, BookgDt/DtTm as the day written, Pty/Nm parties and amounts per transaction', () => {
    expect(sums(parsed.rows)).toEqual({ count: 5, out: -11170, in: 520000, net: 508830 });
    expect(parsed.rows[0]).toEqual({
      line: 1,
      date: '2026-12-01',
      amount: -6420,
      currency: 'CHF',
      payee: 'SBB CFF FFS',
      note: 'Halbtax-Abo Verlängerung',
      externalId: 'CH20261201-000001',
    });
    expect(parsed.rows[1]).toMatchObject({ amount: 520000, payee: 'Muster AG', note: 'Lohn Dezember 2026' });
    expect(parsed.rows.filter((r) => r.date === '2026-12-10').map((r) => [r.amount, r.payee, r.externalId])).toEqual([
      [-2500, 'Migros', 'CH20261210-000007/1'],
      [-1500, 'Coop', 'CH20261210-000007/2'],
    ]);
  });

  test('falls back to the value day when there is no booking day', () => {
    expect(parsed.rows.find((r) => r.externalId === 'CH20261206-000005')).toMatchObject({
      date: '2026-12-06',
      note: 'Kartenbezug Bancomat',
    });
  });

  test('reports entries it cannot read, with their position, reference and field', () => {
    expect(parsed.failures).toEqual([
      { line: 4, reason: "Ntry 4 (AcctSvcrRef CH20261205-000004): Amt '12.345' has more decimals than CHF has (2)" },
      { line: 6, reason: 'Ntry 6 (AcctSvcrRef CH20261207-000006): has neither BookgDt nor ValDt' },
    ]);
    expect(parsed.skipped?.map((s) => s.line)).toEqual([3]);
  });
});

describe('CAMT details', () => {
  const entry = (amt: string, extra = '') =>
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Acct><Ccy>EUR</Ccy></Acct>` +
    `<Ntry>${amt}<Sts>BOOK</Sts><BookgDt><Dt>2026-01-05</Dt></BookgDt>${extra}</Ntry></Stmt></BkToCstmrStmt></Document>`;

  test('big amounts stay exact; beyond a transaction they fail; a missing Ccy is the account currency', () => {
    const one = (xml: string) => {
      const parsed = parseStatement('camt053', xml, { currency: 'USD' });
      return parsed.rows[0] ?? parsed.failures[0]?.reason;
    };
    expect(one(entry('<Amt>90071992547.40</Amt><CdtDbtInd>CRDT</CdtDbtInd>'))).toMatchObject({
      amount: 9_007_199_254_740,
      currency: 'EUR',
    });
    expect(one(entry('<Amt Ccy="EUR">90071992547.41</Amt><CdtDbtInd>DBIT</CdtDbtInd>'))).toMatch(
      /^Ntry 1: Amt '90071992547.41' is beyond the largest amount/,
    );
    expect(one(entry('<Amt Ccy="EUR">1.00</Amt><CdtDbtInd>X</CdtDbtInd>'))).toBe(
      "Ntry 1: CdtDbtInd 'X' is neither CRDT nor DBIT",
    );
  });

  test('namespace prefixes are read like the default namespace', () => {
    const prefixed = fixture('camt053-001.08.xml')
      .replace(/<(\/?)(\w)/g, '<$1c:$2')
      .replace('<c:Document xmlns=', '<c:Document xmlns:c=');
    expect(parseStatement('camt053', prefixed, { currency: 'EUR' })).toEqual(
      parseStatement('camt053', fixture('camt053-001.08.xml'), { currency: 'EUR' }),
    );
  });

  test('a file that is not a CAMT.053 statement is refused with StatementUnreadable', () => {
    expect(() => parseStatement('camt053', fixture('card-2.x.ofx'), { currency: 'EUR' })).toThrow(StatementUnreadable);
    expect(() => parseStatement('camt053', fixture('eu-semicolon.csv'), { currency: 'EUR' })).toThrow(
      'is not a CAMT.053 statement (no Document/BkToCstmrStmt)',
    );
    expect(() =>
      parseStatement('camt053', '<Document><BkToCstmrAcctRpt><Rpt/></BkToCstmrAcctRpt></Document>', {
        currency: 'EUR',
      }),
    ).toThrow('(it is a camt.052 account report)');
  });
});
