/**
 * Building blocks of the documented response shapes (operation declarations, ./operation.ts).
 * Functions, not constants: response schemas are built only when documentation or a test asks,
 * never at a handler's cold start.
 */
import * as z from '../schema';

/** Money as every view shows it. */
export const moneySchema = () =>
  z.strictObject({
    amount: z.int().check(z.describe('Integer minor units (1234 is 12.34 EUR; JPY has none, BHD three).')),
    currency: z.string().check(z.describe('ISO 4217 code')),
  });

/** The fields every versioned resource's view ends with. */
export const timestampFields = () => ({
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int().check(z.positive()),
});

/** A page of a list: its items and the cursor of the next page. */
export const pageOf = <T extends z.Schema>(item: T) =>
  z.strictObject({
    items: z.array(item),
    nextCursor: z.nullable(z.string()).check(z.describe('Pass as `cursor` for the next page; null on the last page.')),
  });
