/**
 * Every conversion the ledger records is the exact value rounded half-even once, and the recorded
 * rate reproduces it. The oracle below shares no code with the ledger: it scales the published
 * decimal strings to integers itself and rounds with floor division.
 */
import fc from 'fast-check';
import { HttpProblem } from '../../../../shared/kit/http/problems';
import { convertExactly, parseRatio } from '../../../../shared/kit/money/conversion';
import { exponentOf } from '../../../../shared/kit/money/currencies';
import { MAX_AMOUNT } from '../../../../shared/kit/money/money';
import { priceEntry } from '../../../../shared/rates/conversion-service';
import type { Conversion } from '../../../../shared/rates/items';
import type { RatesOnDay } from '../../../../shared/rates/rate-provider';

/** 0-, 2- and 3-decimal currencies, with rates from tiny (KWD) to huge (IDR) per EUR. */
const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'KRW', 'ISK', 'IDR', 'BHD', 'KWD', 'CHF'] as const;

/** A decimal string with up to 6 integer and 6 fraction digits, never zero. */
const decimalRate = fc
  .tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 6 }))
  .map(([whole, fraction, places]) =>
    places === 0 ? String(whole) : `${whole}.${String(fraction).padStart(6, '0').slice(0, places)}`,
  )
  .filter((text) => /[1-9]/.test(text));

/** A rates day where some currencies (never EUR) may lack a rate. */
const ratesDay = fc
  .record(Object.fromEntries(CURRENCIES.filter((c) => c !== 'EUR').map((c) => [c, fc.option(decimalRate)])))
  .map(
    (rates): RatesOnDay => ({
      date: '2026-01-05',
      requestedDate: '2026-01-05',
      fallback: false,
      provisional: false,
      source: 'ECB',
      rates: Object.fromEntries(Object.entries(rates).filter((entry): entry is [string, string] => entry[1] !== null)),
    }),
  );

/** p/q of a decimal string, by string scaling (independent of the ledger's parser). */
function fraction(text: string): [bigint, bigint] {
  const [whole, part = ''] = text.split('.');
  return [BigInt(`${whole}${part}`), 10n ** BigInt(part.length)];
}

function perEur(day: RatesOnDay, currency: string): [bigint, bigint] | undefined {
  if (currency === 'EUR') return [1n, 1n];
  const text = day.rates[currency];
  return text === undefined ? undefined : fraction(text);
}

/** Half-even of p/q (q > 0) by floor division. */
function roundHalfEven(p: bigint, q: bigint): bigint {
  const floor = p >= 0n ? p / q : -((-p + q - 1n) / q);
  const twice = 2n * (p - floor * q);
  if (twice > q || (twice === q && floor % 2n !== 0n)) return floor + 1n;
  return floor;
}

/** `amount` minor units of `from` times (num/den units of `to` per unit of `from`), rounded once. */
function oracle(amount: bigint, from: string, to: string, num: bigint, den: bigint): bigint {
  return roundHalfEven(amount * num * 10n ** BigInt(exponentOf(to)), den * 10n ** BigInt(exponentOf(from)));
}

/** The recorded conversion, redone from its own fraction. */
function redo(amount: number, from: string, to: string, conversion: Conversion | null): bigint {
  if (!conversion) return BigInt(amount);
  return convertExactly({ amount, currency: from }, to, parseRatio(conversion.exactRate as string));
}

const currency = fc.constantFrom(...CURRENCIES);

test('account and home amounts are the exact value rounded half-even once, reproducible from the record', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: MAX_AMOUNT }),
      currency,
      currency,
      currency,
      ratesDay,
      fc.option(fc.integer({ min: 1, max: MAX_AMOUNT })),
      (amount, moneyCurrency, accountCurrency, homeCurrency, day, bankAmount) => {
        const explicit = moneyCurrency !== accountCurrency && bankAmount !== null ? bankAmount : undefined;
        let priced: ReturnType<typeof priceEntry>;
        try {
          priced = priceEntry({
            money: { amount, currency: moneyCurrency },
            accountCurrency,
            homeCurrency,
            date: day.date,
            rates: day,
            explicitAccountAmount: explicit,
          });
        } catch (error) {
          // Refused only for a missing rate or an amount past the range, and always as a 4xx.
          expect(error).toBeInstanceOf(HttpProblem);
          expect([422]).toContain((error as HttpProblem).status);
          return;
        }
        const big = BigInt(amount);
        // Account amount.
        if (moneyCurrency === accountCurrency) expect(priced.accountAmount).toBe(amount);
        else if (explicit !== undefined) expect(priced.accountAmount).toBe(explicit);
        else {
          const [fn, fd] = perEur(day, moneyCurrency) as [bigint, bigint];
          const [tn, td] = perEur(day, accountCurrency) as [bigint, bigint];
          expect(BigInt(priced.accountAmount)).toBe(oracle(big, moneyCurrency, accountCurrency, tn * fd, td * fn));
        }
        expect(redo(amount, moneyCurrency, accountCurrency, priced.accountConversion)).toBe(
          BigInt(priced.accountAmount),
        );
        // Home amount.
        if (homeCurrency === moneyCurrency) expect(priced.homeAmount).toBe(amount);
        else if (homeCurrency === accountCurrency) expect(priced.homeAmount).toBe(priced.accountAmount);
        else {
          const from = perEur(day, moneyCurrency);
          const [hn, hd] = perEur(day, homeCurrency) as [bigint, bigint];
          let expected: bigint;
          if (from) {
            expected = oracle(big, moneyCurrency, homeCurrency, hn * from[1], hd * from[0]);
          } else {
            // No rate for the entered currency: the bank's account amount, valued at home.
            const [an, ad] = perEur(day, accountCurrency) as [bigint, bigint];
            expected = oracle(BigInt(priced.accountAmount), accountCurrency, homeCurrency, hn * ad, hd * an);
          }
          expect(BigInt(priced.homeAmount)).toBe(expected);
        }
        expect(redo(amount, moneyCurrency, homeCurrency, priced.homeConversion)).toBe(BigInt(priced.homeAmount));
        expect(Math.abs(priced.accountAmount)).toBeLessThanOrEqual(MAX_AMOUNT);
        expect(Math.abs(priced.homeAmount)).toBeLessThanOrEqual(MAX_AMOUNT);
      },
    ),
    { numRuns: 2000 },
  );
});
