/** What other features may use of rates: converting at a day's recorded rate, and what a conversion records. */

export { businessDayOnOrBefore, daysBetween } from './business-days';
export {
  convertOn,
  NoExchangeRate,
  type Priced,
  priceEntry,
  ratesIfNeeded,
  transactionAmount,
} from './conversion-service';
export { type Conversion, type ConversionView, conversion, conversionView } from './items';
export { onceADay, type RateProvider, type RatesOnDay } from './rate-provider';
export { createRateStore } from './store';
