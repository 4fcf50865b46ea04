/**
 * What a contribution adds to its goal, in the goal currency: the money as entered, converted at
 * the reference rate of its date by the one conversion of the rates feature (`convertOn`), and
 * refused when there is no rate, when it is less than one minor unit once converted, or when it
 * would not fit one transaction.
 */
import { InvalidInput } from '../kit/errors';
import type { Money } from '../kit/money/money';
import { convertOn, NoExchangeRate, type RateProvider, transactionAmount } from '../rates/public';

export async function contributionAmount(
  rates: RateProvider,
  money: Money,
  currency: string,
  date: string,
): Promise<number> {
  const amount = await convertOn(rates, money, currency, date);
  if (amount === undefined) throw new NoExchangeRate(money.currency);
  if (amount === 0n)
    throw new InvalidInput('money.amount', `is less than one minor unit of ${currency} once converted`);
  return transactionAmount(amount, currency, 'money.amount');
}
