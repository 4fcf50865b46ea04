/**
 * Where spending is heading: spent so far projected linearly to the period's end by the days
 * elapsed in the user's timezone (today counts as elapsed). A past period projects to what it
 * spent; one that has not started yet projects to what is already booked in it.
 */
import { daysBetween } from './periods';
import type { PeriodFigures } from './rollover';
import { percentOf, roundedQuotient } from './thresholds';

export type Forecast = { projectedSpent: number; projectedPercent: number; onPace: boolean };

export function forecast(figures: PeriodFigures, today: string): Forecast {
  const total = daysBetween(figures.start, figures.end) + 1;
  const elapsed = Math.min(total, Math.max(1, daysBetween(figures.start, today) + 1));
  const started = today >= figures.start;
  const projectedSpent = started
    ? roundedQuotient(BigInt(figures.spent) * BigInt(total), BigInt(elapsed))
    : figures.spent;
  return {
    projectedSpent,
    projectedPercent: percentOf(projectedSpent, figures.effectiveLimit),
    onPace: projectedSpent <= figures.effectiveLimit,
  };
}
