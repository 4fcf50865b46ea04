/**
 * Budget rules that need the caller's data, checked after reading it: the limit is in the budget's
 * currency (the home currency at creation), the covered categories exist and hold spending, and
 * the startDate is the first day of a period near today. Each refusal is a 400 naming the field.
 */

import type { CategoryItem } from '../categories/public';
import { ValidationFailed } from '../kit/http/problems';
import type { Money } from '../kit/money/money';
import { oneYearAfter } from '../transactions/public';
import type { BudgetPeriod } from './items';
import { addDays, isPeriodStart, periodOf } from './periods';

const invalid = (field: string, message: string) => new ValidationFailed([{ in: 'body', field, message }]);

export function checkLimitCurrency(limit: Money, currency: string, why: string): void {
  if (limit.currency !== currency) throw invalid('limit.currency', `must be ${currency} (${why})`);
}

/** Every id names an existing expense category of the caller (a budget counts spending). */
export function checkCategories(categoryIds: readonly string[] | null, categories: readonly CategoryItem[]): void {
  if (categoryIds === null) return;
  const byId = new Map(categories.map((category) => [category.categoryId, category]));
  for (const id of categoryIds) {
    const category = byId.get(id);
    if (!category) throw invalid('categoryIds', `"${id}" is not an existing category`);
    if (category.kind !== 'expense')
      throw invalid('categoryIds', `"${id}" is an income category; a budget covers spending`);
  }
}

/**
 * The startDate: by default the first day of the current period. One given must be the first day
 * of a period (what the counters are keyed by) and at most a year before or after today, which
 * bounds the backfill of a new budget.
 */
export function resolveStartDate(period: BudgetPeriod, startDate: string | undefined, today: string): string {
  if (startDate === undefined) return periodOf(period, today).start;
  if (!isPeriodStart(period, startDate)) {
    throw invalid(
      'startDate',
      `must be the first day of a ${period} period, such as ${periodOf(period, startDate).start}`,
    );
  }
  const earliest = addDays(today, -366);
  if (startDate < earliest) throw invalid('startDate', `must not be before ${earliest}`);
  const latest = oneYearAfter(today);
  if (startDate > latest) throw invalid('startDate', `must not be after ${latest}`);
  return startDate;
}
