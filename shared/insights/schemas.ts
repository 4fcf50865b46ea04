/** What the insight routes accept. Months are `YYYY-MM` on the user's calendar (profile timezone). */
import { ValidationFailed } from '../kit/http/problems';
import * as z from '../kit/schema';
import { transactionDate } from '../transactions/public';
import { yearMonth } from './items';
import { spendingDimensions } from './lines';
import { monthsBetween } from './months';

/** The longest range a report covers: ten years of months. */
export const MAX_MONTHS = 120;

const month = z.lazily(() => yearMonth().check(z.describe('A calendar month, `YYYY-MM`')));

export const spendingQuery = z.lazily(() =>
  z.strictObject({
    from: z.optional(month()),
    to: z.optional(month()),
    groupBy: z._default(
      z.enum(
        Object.keys(spendingDimensions) as [keyof typeof spendingDimensions, ...(keyof typeof spendingDimensions)[]],
      ),
      'category',
    ),
  }),
);

export const cashFlowQuery = z.lazily(() =>
  z.strictObject({
    months: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_MONTHS)), 12),
  }),
);

export const netWorthQuery = z.lazily(() =>
  z.strictObject({
    date: z.optional(transactionDate()),
    from: z.optional(month()),
    to: z.optional(month()),
    interval: z.optional(z.enum(['month'])),
  }),
);

/** `from`..`to` in order and at most MAX_MONTHS long: 400 naming the field at fault. */
export function checkMonthRange(from: string, to: string): void {
  const problem = (field: string, message: string) => new ValidationFailed([{ in: 'query', field, message }]);
  if (to < from) throw problem('to', `must not be before from (${from})`);
  if (monthsBetween(from, to) > MAX_MONTHS) throw problem('to', `must be at most ${MAX_MONTHS} months after from`);
}

/** `date`, or `from`/`to` with `interval=month`, never both. */
export function checkNetWorthQuery(query: { date?: string; from?: string; to?: string; interval?: string }): void {
  const problem = (field: string, message: string) => new ValidationFailed([{ in: 'query', field, message }]);
  const series = query.from !== undefined || query.to !== undefined || query.interval !== undefined;
  if (query.date !== undefined && series) throw problem('date', 'give either date, or from, to and interval');
  if (series) {
    if (query.from === undefined) throw problem('from', 'is required with to and interval');
    if (query.to === undefined) throw problem('to', 'is required with from and interval');
    if (query.interval === undefined) throw problem('interval', 'is required with from and to');
    checkMonthRange(query.from, query.to);
  }
}
