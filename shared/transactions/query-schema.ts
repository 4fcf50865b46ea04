/**
 * What the transaction read routes accept: the `{id}` path of GET /v1/transactions/{id} and the
 * query string of GET /v1/transactions. Strict objects, so an unknown parameter is a 400 naming it.
 */
import { pageQuery } from '../kit/http/cursor';
import { entityId } from '../kit/http/fields';
import * as z from '../kit/schema';
import { transactionKinds } from './items';

const isoDate = z.lazily(() => z.iso.date('must be a date such as 2026-01-31'));

export const transactionListQuery = z.lazily(() =>
  z
    .strictObject({
      from: z.optional(isoDate()).check(z.describe('First day included (YYYY-MM-DD)')),
      to: z.optional(isoDate()).check(z.describe('Last day included (YYYY-MM-DD)')),
      accountId: z.optional(entityId()).check(z.describe('Only this account (404 if you have no such account)')),
      categoryId: z
        .optional(entityId())
        .check(z.describe('Only this category and its subcategories (404 if you have no such category)')),
      kind: z.optional(z.enum(transactionKinds)),
      // Tags are stored trimmed and lower-cased (transaction-schemas.ts), so the filter is folded the same way.
      tag: z
        .optional(z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(50)))
        .check(z.describe('Only transactions carrying this tag (case-insensitive)')),
      q: z
        .optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100)))
        .check(z.describe('Case-insensitive text in the payee or the note')),
      ...pageQuery(),
    })
    .check(
      z.refine((query) => !query.from || !query.to || query.from <= query.to, {
        path: ['to'],
        message: 'must not be before from',
      }),
    ),
);
export type TransactionListQuery = z.infer<ReturnType<typeof transactionListQuery>>;

/** The filters of a list request, without paging. */
export type TransactionFilter = Omit<TransactionListQuery, 'limit' | 'cursor'>;
