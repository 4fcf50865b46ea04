/**
 * What the export routes accept. Strict objects: an unknown field is a 400 naming it. The range is
 * calendar days, both included, at most MAX_RANGE_DAYS long.
 */
import { pageQuery } from '../kit/http/cursor';
import { entityId } from '../kit/http/fields';
import { HttpProblem } from '../kit/http/problems';
import * as z from '../kit/schema';
import { transactionKinds } from '../transactions/public';
import { exportFormats } from './items';

/** Ten years: a tax archive, yet still a range whose rows fit MAX_EXPORT_ROWS for most people. */
export const MAX_RANGE_DAYS = 3660;
/** Filters become an `IN (…)` of a FilterExpression, which takes at most 100 values (subcategories included). */
export const MAX_FILTER_IDS = 20;

const isoDate = z.lazily(() => z.iso.date('must be a date such as 2026-01-31'));
const idList = z.lazily(() =>
  z
    .array(entityId())
    .check(
      z.minLength(1, 'must name at least one id'),
      z.maxLength(MAX_FILTER_IDS, `must hold at most ${MAX_FILTER_IDS} ids`),
    ),
);

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export const exportCreateSchema = z.lazily(() =>
  z
    .strictObject({
      format: z.enum(exportFormats),
      from: isoDate(),
      to: isoDate(),
      accountIds: z.optional(idList()),
      categoryIds: z.optional(idList()),
      kind: z.optional(z.enum(transactionKinds)),
    })
    .check(
      z.refine((body) => body.from <= body.to, { path: ['to'], message: 'must not be before from' }),
      z.refine((body) => dayNumber(body.to) - dayNumber(body.from) < MAX_RANGE_DAYS, {
        path: ['to'],
        message: `must be less than ${MAX_RANGE_DAYS} days after from`,
      }),
    ),
);
export type ExportCreate = z.infer<ReturnType<typeof exportCreateSchema>>;

export const exportListQuery = z.lazily(() => z.strictObject({ ...pageQuery() }));

/** 422: the request is well formed but names ids the caller does not have. */
export class UnknownReference extends HttpProblem {
  constructor(field: 'accountIds' | 'categoryIds', ids: string[]) {
    super(422, 'unknown-reference', 'Unknown reference', 'The request names ids you do not have.', [
      { in: 'body', field, message: `${ids.length === 1 ? 'is' : 'are'} not yours: ${ids.join(', ')}` },
    ]);
  }
}
