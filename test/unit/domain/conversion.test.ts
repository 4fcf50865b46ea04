import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { convertAtRate, crossRate, MissingRate } from '../../../shared/domain/conversion';
import { divideHalfEven } from '../../../shared/domain/decimal';
import { moneySchema, positiveMoneySchema } from '../../../shared/domain/money';
import { parseEcbCsv } from '../../../shared/rates/ecb-csv';

const april13 = { date: '2026-04-13', rates: { USD: '1.1684', JPY: '186.75', GBP: '0.87058' } };

describe('half-even rounding', () => {
  it.each([
    [5n, 2n, 2n], // 2.5 → 2
    [7n, 2n, 4n], // 3.5 → 4
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [26n, 10n, 3n],
    [24n, 10n, 2n],
  ])('%p / %p = %p', (n, d, expected) => {
    expect(divideHalfEven(n, d)).toBe(expected);
  });
});

describe('conversion through EUR', () => {
  it('converts USD cents to EUR cents at the ECB rate', () => {
    // $100.00 at 1.1684 USD/EUR = €85.5871… → €85.59
    const rate = crossRate(april13, 'USD', 'EUR');
    expect(convertAtRate({ amount: 10_000, currency: 'USD' }, 'EUR', rate)).toEqual({ amount: 8559, currency: 'EUR' });
  });

  it('handles currencies without minor units (JPY) in both directions', () => {
    // ¥1,000 → € at 186.75 JPY/EUR = €5.3547 → 535 cents
    expect(convertAtRate({ amount: 1000, currency: 'JPY' }, 'EUR', crossRate(april13, 'JPY', 'EUR'))).toEqual({
      amount: 535,
      currency: 'EUR',
    });
    // €10.00 → ¥1,867.5 → ¥1,868 (half-even rounds .5 to the even 1868)
    expect(convertAtRate({ amount: 1000, currency: 'EUR' }, 'JPY', crossRate(april13, 'EUR', 'JPY'))).toEqual({
      amount: 1868,
      currency: 'JPY',
    });
  });

  it('computes cross rates between two non-EUR currencies', () => {
    // GBP per USD = 0.87058 / 1.1684
    expect(crossRate(april13, 'USD', 'GBP')).toBe('0.745104416296');
    expect(convertAtRate({ amount: 10_000, currency: 'USD' }, 'GBP', crossRate(april13, 'USD', 'GBP'))).toEqual({
      amount: 7451,
      currency: 'GBP',
    });
  });

  it('names the currency that has no rate', () => {
    expect(() => crossRate(april13, 'AED', 'EUR')).toThrow(MissingRate);
  });

  it('is exact for any amount: converting with rate 1 returns the same number of minor units', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (amount) => {
        expect(convertAtRate({ amount, currency: 'USD' }, 'EUR', '1').amount).toBe(amount);
      }),
    );
  });
});

describe('money on the wire', () => {
  it('accepts integer minor units of a known currency', () => {
    expect(moneySchema.parse({ amount: 1234, currency: 'EUR' })).toEqual({ amount: 1234, currency: 'EUR' });
  });
  it.each([
    [{ amount: 12.34, currency: 'EUR' }, 'amount'],
    [{ amount: '1234', currency: 'EUR' }, 'amount'],
    [{ amount: 1e16, currency: 'EUR' }, 'amount'],
    [{ amount: 100, currency: 'XYZ' }, 'currency'],
    [{ amount: 100, currency: 'eur' }, 'currency'],
    [{ amount: 100, currency: 'EUR', fx: 1 }, ''],
  ])('refuses %p', (value, field) => {
    const result = moneySchema.safeParse(value);
    expect(result.success).toBe(false);
    if (field) expect(result.error?.issues[0]?.path).toEqual([field]);
  });
  it('refuses zero and negative amounts where a positive one is required', () => {
    expect(positiveMoneySchema.safeParse({ amount: 0, currency: 'EUR' }).success).toBe(false);
    expect(positiveMoneySchema.safeParse({ amount: -1, currency: 'EUR' }).success).toBe(false);
  });
});

describe('the bundled ECB snapshot', () => {
  const days = parseEcbCsv(readFileSync(join(__dirname, '../../../shared/rates/data/eurofxref-hist.csv'), 'utf8'));

  it('covers every business day from 1999-01-04 to 2026-04-13', () => {
    expect(days.length).toBe(6983);
    expect(days.at(-1)?.date).toBe('1999-01-04');
    expect(days[0]?.date).toBe('2026-04-13');
    expect(days[0]?.rates.USD).toBe('1.1684');
  });

  it('leaves out rates the ECB did not publish (BGN after Bulgaria joined the euro)', () => {
    expect(days[0]?.rates.BGN).toBeUndefined();
    expect(days.at(-1)?.rates.JPY).toBe('133.73');
  });
});
