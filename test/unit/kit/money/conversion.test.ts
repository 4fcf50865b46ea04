import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  convertAtReference,
  convertExactly,
  crossRate,
  crossRatio,
  type EurReferenceRates,
  MissingRate,
  parseRatio,
  ratioText,
} from '../../../../shared/kit/money/conversion';
import { divideHalfEven } from '../../../../shared/kit/money/decimal';
import { MAX_AMOUNT, moneySchema, positiveMoneySchema } from '../../../../shared/kit/money/money';
import { parseEcbCsv } from '../../../../shared/rates/ecb-csv';

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
  const at = (amount: number, from: string, to: string, reference: EurReferenceRates = april13) =>
    convertAtReference({ amount, currency: from }, to, reference);

  it('converts USD cents to EUR cents at the ECB rate', () => {
    // $100.00 at 1.1684 USD/EUR = €85.5871… → €85.59
    expect(at(10_000, 'USD', 'EUR')).toBe(8559n);
  });

  it('handles currencies without minor units (JPY) in both directions', () => {
    // ¥1,000 → € at 186.75 JPY/EUR = €5.3547 → 535 cents
    expect(at(1000, 'JPY', 'EUR')).toBe(535n);
    // €10.00 → ¥1,867.5 → ¥1,868 (half-even rounds .5 to the even 1868)
    expect(at(1000, 'EUR', 'JPY')).toBe(1868n);
  });

  it('computes cross rates between two non-EUR currencies, readable and exact', () => {
    // GBP per USD = 0.87058 / 1.1684
    expect(crossRate(april13, 'USD', 'GBP')).toBe('0.745104416296');
    expect(ratioText(crossRatio(april13, 'USD', 'GBP'))).toBe('43529/58420');
    expect(at(10_000, 'USD', 'GBP')).toBe(7451n);
  });

  it('names the currency that has no rate', () => {
    expect(() => crossRate(april13, 'AED', 'EUR')).toThrow(MissingRate);
  });

  describe('rounds the exact value once, never a rounded rate', () => {
    const july15 = { date: '2025-07-15', rates: { JPY: '172.58', GBP: '0.8679', ISK: '142.4' } };

    it('¥25,887 → £130.185 exactly, half-even £130.18', () => {
      expect(at(25_887, 'JPY', 'GBP', july15)).toBe(13_018n);
    });
    it('ISK 267 → €1.875 exactly, half-even €1.88', () => {
      expect(at(267, 'ISK', 'EUR', july15)).toBe(188n);
    });
    it('¥1,000,000,000,000 → GBP to the penny', () => {
      // 10^12 × 0.8679 / 172.58 = £5,028,972,070.9236… → 502,897,207,092 pence
      expect(at(1_000_000_000_000, 'JPY', 'GBP', july15)).toBe(502_897_207_092n);
    });
    it('the recorded fraction reproduces the amount', () => {
      const ratio = parseRatio(ratioText(crossRatio(july15, 'JPY', 'GBP')));
      expect(convertExactly({ amount: 25_887, currency: 'JPY' }, 'GBP', ratio)).toBe(13_018n);
    });
  });

  it('is exact for any amount: converting with rate 1 returns the same number of minor units', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_AMOUNT, max: MAX_AMOUNT }), (amount) => {
        expect(convertExactly({ amount, currency: 'USD' }, 'EUR', parseRatio('1'))).toBe(BigInt(amount));
      }),
    );
  });
});

describe('money on the wire', () => {
  it('accepts integer minor units of a known currency', () => {
    expect(moneySchema().parse({ amount: 1234, currency: 'EUR' })).toEqual({ amount: 1234, currency: 'EUR' });
  });
  it.each([
    [{ amount: 12.34, currency: 'EUR' }, 'amount'],
    [{ amount: '1234', currency: 'EUR' }, 'amount'],
    [{ amount: MAX_AMOUNT + 1, currency: 'EUR' }, 'amount'],
    [{ amount: 100, currency: 'XYZ' }, 'currency'],
    [{ amount: 100, currency: 'eur' }, 'currency'],
    [{ amount: 100, currency: 'EUR', fx: 1 }, ''],
  ])('refuses %p', (value, field) => {
    const result = moneySchema().safeParse(value);
    expect(result.success).toBe(false);
    if (field) expect(result.error?.issues[0]?.path).toEqual([field]);
  });
  it('refuses zero and negative amounts where a positive one is required', () => {
    expect(positiveMoneySchema().safeParse({ amount: 0, currency: 'EUR' }).success).toBe(false);
    expect(positiveMoneySchema().safeParse({ amount: -1, currency: 'EUR' }).success).toBe(false);
  });
});

describe('the bundled ECB snapshot', () => {
  const days = parseEcbCsv(readFileSync(join(__dirname, '../../../../shared/rates/data/eurofxref-hist.csv'), 'utf8'));

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
