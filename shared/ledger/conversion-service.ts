/**
 * Prices an amount as entered in the two currencies the ledger keeps: the account's (what its
 * balance moves by) and the user's home currency (what budgets count). Each conversion is recorded
 * with its rate, so it can be redone and explained: ECB reference rates of the transaction date
 * (the latest earlier day when that day has none: `fallback`), or the user's own figure — what the
 * bank charged — for currencies the ECB does not publish.
 *
 * `priceEntry` is pure: the caller fetches the day's rates (`ratesFor`) only when a currency differs.
 */
import { convertAtRate, crossRate, MissingRate, RATE_DECIMALS } from '../domain/conversion';
import { exponentOf } from '../domain/currencies';
import { formatDecimal, parseDecimal, type Rational } from '../domain/decimal';
import type { Money } from '../domain/money';
import { HttpProblem, ValidationFailed } from '../http/problems';
import type { RateProvider, RatesOnDay } from '../rates/rate-provider';
import type { Conversion } from './items';

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

export function priceEntry(request: PriceRequest): Priced {
  const { money, accountCurrency, homeCurrency, date, rates, explicitAccountAmount } = request;
  const explicitField = request.explicitField ?? 'accountAmount';

  let accountAmount: number;
  let accountConversion: Conversion | null;
  let userRate: Rational | undefined;
  if (money.currency === accountCurrency) {
    if (explicitAccountAmount !== undefined && explicitAccountAmount !== money.amount) {
      throw new ValidationFailed([
        { in: 'body', field: explicitField, message: 'must equal money.amount when money is in the account currency' },
      ]);
    }
    accountAmount = money.amount;
    accountConversion = null;
  } else if (explicitAccountAmount !== undefined) {
    // The bank's figure wins over any reference rate: it is what the balance really moved by.
    userRate = unitRate(money, { amount: explicitAccountAmount, currency: accountCurrency });
    accountAmount = explicitAccountAmount;
    accountConversion = {
      rate: formatDecimal(userRate, RATE_DECIMALS),
      source: 'user',
      rateDate: date,
      fallback: false,
    };
  } else {
    const converted = atReferenceRate(money, accountCurrency, rates, `Give ${explicitField}: what the bank charged.`);
    accountAmount = converted.amount;
    accountConversion = converted.conversion;
  }

  if (homeCurrency === money.currency) {
    return { accountAmount, accountConversion, homeAmount: money.amount, homeConversion: null };
  }
  if (homeCurrency === accountCurrency) {
    return { accountAmount, accountConversion, homeAmount: accountAmount, homeConversion: accountConversion };
  }
  if (userRate && !hasRate(rates, money.currency)) {
    // No reference rate for the entered currency, but the user told us its value in the account
    // currency: chain that through the account→home reference rate, recorded as one rate.
    const accountToHome = referenceRate(rates, accountCurrency, homeCurrency);
    const viaAccount = parseDecimal(accountToHome.rate);
    const rate = formatDecimal(
      {
        numerator: userRate.numerator * viaAccount.numerator,
        denominator: userRate.denominator * viaAccount.denominator,
      },
      RATE_DECIMALS,
    );
    return {
      accountAmount,
      accountConversion,
      homeAmount: convertAtRate(money, homeCurrency, rate).amount,
      homeConversion: { rate, source: 'user', rateDate: date, fallback: false },
    };
  }
  const home = atReferenceRate(money, homeCurrency, rates);
  return { accountAmount, accountConversion, homeAmount: home.amount, homeConversion: home.conversion };
}

/** Units of `to.currency` per unit of `from.currency`, exactly (exponents taken into account). */
function unitRate(from: Money, to: Money): Rational {
  return {
    numerator: BigInt(to.amount) * 10n ** BigInt(exponentOf(from.currency)),
    denominator: BigInt(from.amount) * 10n ** BigInt(exponentOf(to.currency)),
  };
}

function hasRate(rates: RatesOnDay | undefined, currency: string): boolean {
  return currency === 'EUR' || rates?.rates[currency] !== undefined;
}

function referenceRate(rates: RatesOnDay | undefined, from: string, to: string, hint?: string): Conversion {
  if (!rates) throw new NoExchangeRate(from, hint);
  try {
    return { rate: crossRate(rates, from, to), source: 'ECB', rateDate: rates.date, fallback: rates.fallback };
  } catch (error) {
    if (error instanceof MissingRate) throw new NoExchangeRate(error.currency, hint);
    throw error;
  }
}

function atReferenceRate(money: Money, to: string, rates: RatesOnDay | undefined, hint?: string) {
  const conversion = referenceRate(rates, money.currency, to, hint);
  return { amount: convertAtRate(money, to, conversion.rate).amount, conversion };
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
