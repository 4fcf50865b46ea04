/**
 * GET /v1/rates?base=USD&date=2026-01-05: the ECB reference rates in force on a day, as cross
 * rates from `base` (units of each currency per 1 unit of base). A day without publication
 * (weekend, holiday, today before 16:00 CET) answers the latest earlier day, with `fallback: true`.
 */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { HttpProblem, ValidationFailed } from '../../../shared/kit/http/problems';
import { crossRate } from '../../../shared/kit/money/conversion';
import { isCurrency } from '../../../shared/kit/money/currencies';
import { ratesGet } from '../../../shared/rates/operations';
import { createRateStore, FIRST_RATE_DATE } from '../../../shared/rates/store';

const rates = createRateStore({ db: documentClient(), tableName: requireEnv('TABLE_NAME') });

export const handler = userRoute(ratesGet, async ({ query }) => {
  const requestedDate = query.date ?? new Date().toISOString().slice(0, 10);
  const day = await rates.ratesOn(requestedDate);
  if (!day) {
    throw new HttpProblem(
      404,
      'no-rates',
      'No rates for that date',
      `The ECB published its first euro reference rates on ${FIRST_RATE_DATE}.`,
    );
  }
  const { base } = query;
  if (base !== 'EUR' && day.rates[base] === undefined) {
    throw new ValidationFailed([{ in: 'query', field: 'base', message: `has no ECB reference rate on ${day.date}` }]);
  }
  // Only currencies Moneta accepts (a feed may carry codes Moneta does not know).
  const codes = ['EUR', ...Object.keys(day.rates)].filter(isCurrency).sort();
  return {
    status: 200,
    body: {
      base,
      requestedDate,
      date: day.date,
      fallback: day.fallback,
      source: day.source,
      rates: Object.fromEntries(codes.map((code) => [code, crossRate(day, base, code)])),
    },
  };
});
