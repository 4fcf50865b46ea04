import type { StatementFormat, StatementOptions } from '../../../shared/imports/formats';
import { csvPresets, parseStatement, StatementUnreadable } from '../../../shared/imports/formats';
import { fixture } from './formats-support';

/** Each fixture with the format and options it is read with. */
const fixtures: [string, StatementFormat, StatementOptions][] = [
  ['bank-1.02.ofx', 'ofx', { currency: 'USD' }],
  ['card-2.x.ofx', 'ofx', { currency: 'GBP' }],
  ['checking.qfx', 'ofx', { currency: 'USD' }],
  ['checking.qif', 'qif', { currency: 'USD' }],
  ['card-dmy.qif', 'qif', { currency: 'EUR' }],
  ['camt053-001.02.xml', 'camt053', { currency: 'EUR' }],
  ['camt053-001.08.xml', 'camt053', { currency: 'CHF' }],
  ['eu-semicolon.csv', 'csv', { currency: 'EUR', mapping: csvPresets['eu-semicolon'] }],
  ['uk-debit-credit.csv', 'csv', { currency: 'GBP', mapping: csvPresets['uk-debit-credit'] }],
  ['broken.csv', 'csv', { currency: 'USD', mapping: csvPresets.iso }],
];

test.each(fixtures)('%s reads the same rows every time, each with a distinct line', (name, format, options) => {
  const first = parseStatement(format, fixture(name), options);
  expect(JSON.stringify(parseStatement(format, fixture(name), options))).toBe(JSON.stringify(first));
  const lines = [...first.rows, ...first.failures, ...(first.skipped ?? [])].map((r) => r.line);
  expect(new Set(lines).size).toBe(lines.length);
  expect(first.rows.every((r) => Number.isSafeInteger(r.amount) && r.amount !== 0)).toBe(true);
});

const readers: [StatementFormat, StatementOptions][] = [
  ['ofx', { currency: 'USD' }],
  ['qif', { currency: 'USD' }],
  ['camt053', { currency: 'USD' }],
  ['csv', { currency: 'USD', mapping: csvPresets.iso }],
  ['csv', { currency: 'USD', mapping: csvPresets['eu-semicolon'] }],
];

describe.each(readers)('read as %s', (format, options) => {
  const others = fixtures.filter(
    ([, own, ownOptions]) => own !== format || (format === 'csv' && ownOptions.mapping !== options.mapping),
  );
  test.each(others.map(([name]) => name))('%s is refused as not that format', (name) => {
    expect(() => parseStatement(format, fixture(name), options)).toThrow(StatementUnreadable);
  });
});
