/**
 * The ECB's publication calendar and its XML files: which days are business days (and so which
 * conversions can still change), and what the fetcher accepts as a file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatEcbXml } from '../../../lib/local/ecb';
import {
  businessDayOnOrBefore,
  businessDaysBetween,
  expectedNewestPublication,
  isBusinessDay,
  targetHolidays,
} from '../../../shared/rates/business-days';
import { parseEcbCsv } from '../../../shared/rates/ecb-csv';
import { MalformedRatesFile, parseEcbXml } from '../../../shared/rates/ecb-xml';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/ecb', name), 'utf8');
const snapshot = parseEcbCsv(readFileSync(join(__dirname, '../../../shared/rates/data/eurofxref-hist.csv'), 'utf8'));

describe('TARGET business days', () => {
  test('the closing days of 2026: New Year, Good Friday, Easter Monday, 1 May, Christmas', () => {
    expect(targetHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(targetHolidays(2019)).toContain('2019-04-19'); // Good Friday
    expect(targetHolidays(2019)).toContain('2019-04-22'); // Easter Monday
  });

  test('every day the ECB published since 2002 is a business day, and every business day of 2025 was published', () => {
    const published = new Set(snapshot.map((day) => day.date));
    const since2002 = snapshot.filter((day) => day.date >= '2002-01-01');
    expect(since2002.filter((day) => !isBusinessDay(day.date)).map((day) => day.date)).toEqual([]);
    const missing: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2025, 11, 31); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (isBusinessDay(date) && !published.has(date)) missing.push(date);
    }
    expect(missing).toEqual([]);
  });

  test("weekends and holidays take the previous business day's rates", () => {
    expect(businessDayOnOrBefore('2026-04-13')).toBe('2026-04-13');
    expect(businessDayOnOrBefore('2026-04-12')).toBe('2026-04-10'); // Sunday
    expect(businessDayOnOrBefore('2026-04-06')).toBe('2026-04-02'); // Easter Monday, Good Friday, weekend
    expect(businessDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
    expect(businessDaysBetween('2026-04-10', '2026-04-10')).toBe(0);
  });

  test('the newest publication due: today after 16:00 Frankfurt time, else the business day before', () => {
    expect(expectedNewestPublication(new Date('2026-04-14T13:59:00Z'))).toBe('2026-04-13'); // 15:59 CEST
    expect(expectedNewestPublication(new Date('2026-04-14T14:00:00Z'))).toBe('2026-04-14'); // 16:00 CEST
    expect(expectedNewestPublication(new Date('2026-12-07T15:30:00Z'))).toBe('2026-12-07'); // 16:30 CET
    expect(expectedNewestPublication(new Date('2026-12-07T14:30:00Z'))).toBe('2026-12-04'); // Monday 15:30 CET
    expect(expectedNewestPublication(new Date('2026-12-27T18:00:00Z'))).toBe('2026-12-24'); // Sunday after Christmas
  });
});

describe('the ECB XML files', () => {
  test("the real daily file: one day, single quotes and tabs, equal to the CSV's row", () => {
    const days = parseEcbXml(fixture('eurofxref-daily.2022-07-08.xml'));
    expect(days).toHaveLength(1);
    const csvRow = snapshot.find((day) => day.date === '2022-07-08');
    expect(days[0]?.date).toBe('2022-07-08');
    expect(days[0]?.rates.USD).toBe('1.0163');
    expect(days[0]?.rates.PLN).toBe('4.7630'); // the decimal as written, never a float
    const inBoth = Object.keys(csvRow?.rates ?? {});
    expect(inBoth.length).toBeGreaterThan(25);
    for (const currency of inBoth) expect(Number(days[0]?.rates[currency])).toBe(Number(csvRow?.rates[currency]));
  });

  test('the real 90-day file: several days, double quotes, one line each', () => {
    const days = parseEcbXml(fixture('eurofxref-hist-90d.first-2-days-of-2017-03-03.xml'));
    expect(days.map((day) => day.date)).toEqual(['2017-03-03', '2017-03-02']);
    expect(days[0]?.rates.JPY).toBe('120.83');
  });

  test('what the local ECB serves parses back to the same days', () => {
    const days = snapshot.slice(0, 3);
    expect(parseEcbXml(formatEcbXml(days))).toEqual([...days].sort((a, b) => (a.date < b.date ? 1 : -1)));
  });

  test.each([
    ['a file cut off mid-element', fixture('eurofxref-daily.2022-07-08.xml').slice(0, 700)],
    ['an HTML error page', '<html><body>Service Unavailable</body></html>'],
    ['no days', '<gesmes:Envelope xmlns:gesmes="g"><Cube></Cube></gesmes:Envelope>'],
    ['a rate that is not a decimal', formatEcbXml([{ date: '2026-04-14', rates: { USD: '1,17' } }])],
    ['a day that is not a date', formatEcbXml([{ date: '14/04/2026', rates: { USD: '1.17' } }])],
  ])('refuses %s as a whole', (_, text) => {
    expect(() => parseEcbXml(text)).toThrow(MalformedRatesFile);
  });
});
