/**
 * What the rates feature stores and records: a day's reference rates (not a user's item: shared by
 * everyone), and the conversion a transaction or contribution records.
 */
import type { Key } from '../kit/dynamodb/keys';
import * as z from '../kit/schema';

/** A day's reference rates (units per 1 EUR) from one source. */
export const RatesEntity = {
  type: 'RATES',
  key: (source: string, date: string): Key => ({ pk: `RATES#${source}`, sk: date }),
} as const;

const isoDate = z.lazily(() => z.iso.date());

/** How an amount was converted: the recorded rate it was converted at, and where it came from. */
export const conversion = z.lazily(() =>
  z.object({
    /** Units of the target currency per unit of the source currency, decimal string (readable). */
    rate: z.string(),
    /**
     * The same rate exactly, as `numerator/denominator`: the converted amount is the entered amount
     * times this fraction, rounded half-even once. Absent on conversions recorded before fractions
     * were kept (their `rate` was exact as written).
     */
    exactRate: z.optional(z.string()),
    source: z.enum(['ECB', 'user']),
    /** The day whose rate was used (ECB), or the transaction date (user). */
    rateDate: isoDate(),
    /** True when the transaction date had no published rate and the latest earlier day's was used. */
    fallback: z.boolean(),
    /**
     * True while the ECB has not yet published the rate of the date's business day (a conversion
     * dated today before 16:00 CET, or while the feed is down): the amounts are re-priced once,
     * when that rate arrives. Weekends and holidays take the previous business day's rate, final.
     * Absent on conversions recorded before the daily feed (they are final).
     */
    provisional: z.optional(z.boolean()),
    /** Calendar days between rateDate and the date converted: how old the rate is. Absent on older conversions. */
    rateAgeDays: z.optional(z.int().check(z.nonnegative())),
  }),
);
export type Conversion = z.infer<ReturnType<typeof conversion>>;

/** A conversion as the API shows it: how old its rate is and whether it may still change, always said. */
export const conversionView = z.lazily(() =>
  z.extend(conversion(), {
    provisional: z.boolean(),
    rateAgeDays: z.int().check(z.nonnegative()),
  }),
);
export type ConversionView = z.infer<ReturnType<typeof conversionView>>;
