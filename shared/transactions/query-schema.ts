/**
 * What the transaction read routes accept: the `{id}` path of GET /v1/transactions/{id} and the
 * query string of GET /v1/transactions. Strict objects, so an unknown parameter is a 400 naming it.
 */
import * as z from 'zod';
import { pageQuery } from '../kit/http/cursor';
import { entityId } from '../kit/http/fields';
import { transactionKinds } from './items';

const isoDate = z.iso.date('must be a date such as 2026-01-31');

export const transactionListQuery = z
  .strictObject({
    from: isoDate.optional().describe('First day included (YYYY-MM-DD)'),
    to: isoDate.optional().describe('Last day included (YYYY-MM-DD)'),
    accountId: entityId.optional().describe('Only this account (404 if you have no such account)'),
    categoryId: entityId
      .optional()
      .describe('Only this category and its subcategories (404 if you have no such category)'),
    kind: z.enum(transactionKinds).optional(),
    // Tags are stored trimmed and lower-cased (transaction-schemas.ts), so the filter is folded the same way.
    tag: z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(50)
      .optional()
      .describe('Only transactions carrying this tag (case-insensitive)'),
    q: z.string().trim().min(1).max(100).optional().describe('Case-insensitive text in the payee or the note'),
    ...pageQuery,
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'must not be before from',
  });
export type TransactionListQuery = z.infer<typeof transactionListQuery>;

/** The filters of a list request, without paging. */
export type TransactionFilter = Omit<TransactionListQuery, 'limit' | 'cursor'>;
