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
  }),
);
export type Conversion = z.infer<ReturnType<typeof conversion>>;
