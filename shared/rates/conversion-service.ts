/**
 * Prices an amount as entered in the two currencies the ledger keeps: the account's (what its
 * balance moves by) and the user's home currency (what budgets count). Each conversion is recorded
 * with its rate, so it can be redone and explained: ECB reference rates of the transaction date
 * (the latest earlier day when that day has none: `fallback`), or the user's own figure — what the
 * bank charged — for currencies the ECB does not publish.
 *
 * Every conversion multiplies by an exact rational and rounds half-even once (shared/kit/money/
 * conversion.ts); every amount it produces must fit a transaction (MAX_AMOUNT) or the write is
 * refused with 422 naming the field the amount came from.
 *
 * `priceEntry` is pure: the caller fetches the day's rates (`ratesIfNeeded`) only when a currency differs.
 */

import { AmountOutOfRange, HttpProblem, ValidationFailed } from '../kit/http/problems';
import {
  convertExactly,
  crossRatio,
  MissingRate,
  multiply,
  rateText,
  ratioOf,
  ratioText,
} from '../kit/money/conversion';
import type { Rational } from '../kit/money/decimal';
import { MAX_AMOUNT, type Money, withinTransactionRange } from '../kit/money/money';
import { daysBetween } from './business-days';
import type { Conversion } from './items';
import type { RateProvider, RatesOnDay } from './rate-provider';

/** 422: a conversion is needed and no rate exists for it. Names `money.currency`. */
export class NoExchangeRate extends HttpProblem {
  constructor(currency: string, hint?: string) {
    super(
      422,
      'no-exchange-rate',
      'No exchange rate',
      `There is no reference rate for ${currency} on that date.${hint ? ` ${hint}` : ''}`,
      [{ in: 'body', field: 'money.currency', message: `has no reference rate for this conversion` }],
    );
  }
}

/** A converted amount as a safe number, or 422 naming the field whose amount it came from. */
export function transactionAmount(amount: bigint, currency: string, field: string): number {
  if (!withinTransactionRange(amount)) {
    throw new AmountOutOfRange(
      field,
      `is ${amount} minor units of ${currency} once converted; one transaction may carry at most ${MAX_AMOUNT}`,
    );
  }
  return Number(amount);
}

/** Magnitudes (≥ 0): the transaction's kind gives the sign. */
export type Priced = {
  accountAmount: number;
  accountConversion: Conversion | null;
  homeAmount: number;
  homeConversion: Conversion | null;
};

export type PriceRequest = {
  money: Money;
  accountCurrency: string;
  homeCurrency: string;
  /** The transaction date: the day whose rates apply, and the rateDate of a user's figure. */
  date: string;
  /** The day's reference rates; undefined when none were needed or none exist. */
  rates: RatesOnDay | undefined;
  /** What the bank charged, in the account currency (positive minor units), if the client said. */
  explicitAccountAmount?: number | undefined;
  /** The body field the explicit amount came from, for error messages (`accountAmount`, `toAmount`). */
  explicitField?: string;
};

/** A figure the user gave: final, and as old as the transaction. */
function given(ratio: Rational, date: string): Conversion {
  return {
    rate: rateText(ratio),
    exactRate: ratioText(ratio),
    source: 'user',
    rateDate: date,
    fallback: false,
    provisional: false,
    rateAgeDays: 0,
  };
}

export function priceEntry(request: PriceRequest): Priced {
  const { money, accountCurrency, homeCurrency, date, rates, explicitAccountAmount } = request;
  const explicitField = request.explicitField ?? 'accountAmount';

  // The rate from the entered money to the account currency, and the account amount it gives.
  let toAccount: { ratio: Rational; conversion: Conversion } | null;
  let accountAmount: number;
  if (money.currency === accountCurrency) {
    if (explicitAccountAmount !== undefined && explicitAccountAmount !== money.amount) {
      throw new ValidationFailed([
        { in: 'body', field: explicitField, message: 'must equal money.amount when money is in the account currency' },
      ]);
    }
    toAccount = null;
    accountAmount = money.amount;
  } else if (explicitAccountAmount !== undefined) {
    // The bank's figure wins over any reference rate: it is what the balance really moved by.
    const ratio = ratioOf(money, { amount: explicitAccountAmount, currency: accountCurrency });
    toAccount = { ratio, conversion: given(ratio, date) };
    accountAmount = explicitAccountAmount;
  } else {
    const ratio = referenceRatio(
      rates,
      money.currency,
      accountCurrency,
      `Give ${explicitField}: what the bank charged.`,
    );
    toAccount = { ratio, conversion: reference(ratio, rates as RatesOnDay) };
    accountAmount = transactionAmount(convertExactly(money, accountCurrency, ratio), accountCurrency, 'money.amount');
  }
  const priced = (homeAmount: number, homeConversion: Conversion | null): Priced => ({
    accountAmount,
    accountConversion: toAccount?.conversion ?? null,
    homeAmount,
    homeConversion,
  });

  if (homeCurrency === money.currency) return priced(money.amount, null);
  if (homeCurrency === accountCurrency) return priced(accountAmount, toAccount?.conversion ?? null);
  if (toAccount?.conversion.source === 'user' && !hasRate(rates, money.currency)) {
    // No reference rate for the entered currency, but the user told us its value in the account
    // currency: chain that through the account→home reference rate, recorded as one exact rate.
    const ratio = multiply(toAccount.ratio, referenceRatio(rates, accountCurrency, homeCurrency));
    const home = transactionAmount(convertExactly(money, homeCurrency, ratio), homeCurrency, 'money.amount');
    return priced(home, given(ratio, date));
  }
  const ratio = referenceRatio(rates, money.currency, homeCurrency);
  const home = transactionAmount(convertExactly(money, homeCurrency, ratio), homeCurrency, 'money.amount');
  return priced(home, reference(ratio, rates as RatesOnDay));
}

function hasRate(rates: RatesOnDay | undefined, currency: string): boolean {
  return currency === 'EUR' || rates?.rates[currency] !== undefined;
}

function reference(ratio: Rational, rates: RatesOnDay): Conversion {
  return {
    rate: rateText(ratio),
    exactRate: ratioText(ratio),
    source: 'ECB',
    rateDate: rates.date,
    fallback: rates.fallback,
    provisional: rates.provisional,
    rateAgeDays: daysBetween(rates.date, rates.requestedDate),
  };
}

function referenceRatio(rates: RatesOnDay | undefined, from: string, to: string, hint?: string): Rational {
  if (!rates) throw new NoExchangeRate(from, hint);
  try {
    return crossRatio(rates, from, to);
  } catch (error) {
    if (error instanceof MissingRate) throw new NoExchangeRate(error.currency, hint);
    throw error;
  }
}

/**
 * `money` in `currency` at the reference rates of `date`, for amounts kept outside the ledger (goal
 * contributions, account-funded goals): the same exact conversion, through the same rate lookup as
 * priceEntry. Undefined without a rate.
 */
export async function convertOn(
  provider: RateProvider,
  money: Money,
  currency: string,
  date: string,
): Promise<bigint | undefined> {
  if (money.currency === currency) return BigInt(money.amount);
  try {
    return convertExactly(money, currency, referenceRatio(await provider.ratesOn(date), money.currency, currency));
  } catch (error) {
    if (error instanceof NoExchangeRate) return undefined;
    throw error;
  }
}

/** True when pricing `money` into these currencies needs the day's reference rates. */
export function needsRates(moneyCurrency: string, ...targetCurrencies: string[]): boolean {
  return targetCurrencies.some((currency) => currency !== moneyCurrency);
}

/**
 * The reference rates of `date`, fetched only when a conversion needs them; undefined otherwise
 * (or when none exist, and priceEntry then answers 422 if it needs them).
 */
export async function ratesIfNeeded(
  provider: RateProvider,
  date: string,
  moneyCurrency: string,
  targetCurrencies: string[],
): Promise<RatesOnDay | undefined> {
  return needsRates(moneyCurrency, ...targetCurrencies) ? provider.ratesOn(date) : undefined;
}
