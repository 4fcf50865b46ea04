/**
 * Where exchange rates come from. Conversion code depends on this interface only; the DynamoDB
 * rates table (shared/rates/store.ts), seeded from the bundled ECB snapshot, implements it; a
 * live daily feed would write into the same table.
 */
import type { EurReferenceRates } from '../kit/money/conversion';

export type RatesOnDay = EurReferenceRates & {
  /** The day asked for. `date` may be earlier: the latest published day on or before it. */
  requestedDate: string;
  /** True when `date` is earlier than `requestedDate` (a weekend, holiday, or beyond the data). */
  fallback: boolean;
  /**
   * True when the business day of `requestedDate` is after the newest publication: its own rate
   * is still to come, and what is converted now will be re-priced then.
   */
  provisional: boolean;
  source: 'ECB';
};

export interface RateProvider {
  /** The reference rates in force on `date` (YYYY-MM-DD), or undefined before the first day known. */
  ratesOn(date: string): Promise<RatesOnDay | undefined>;
}

/**
 * The provider, reading each day once however many accounts or users ask for it: for a request or
 * a run that values many balances on a few days.
 */
export function onceADay(provider: RateProvider): RateProvider {
  const days = new Map<string, Promise<RatesOnDay | undefined>>();
  return {
    ratesOn: (date: string) => {
      const day = days.get(date) ?? provider.ratesOn(date);
      days.set(date, day);
      return day;
    },
  };
}
