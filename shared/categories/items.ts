/** A category as stored (without key attributes): what the store writes and Category* events carry. */
import * as z from 'zod';
import { byId, entity } from '../kit/dynamodb/keys';

export const CategoryEntity = entity('CATEGORY', 'CATEGORY', byId);

const timestamps = { createdAt: z.string(), updatedAt: z.string(), version: z.number().int().positive() };

export const categoryKinds = ['expense', 'income'] as const;

export const categoryItem = z.object({
  type: z.literal(CategoryEntity.type),
  categoryId: z.string().min(1),
  name: z.string(),
  kind: z.enum(categoryKinds),
  /** null for a top-level category; one level of subcategories. */
  parentId: z.string().nullable(),
  transactionCount: z.number().int().nonnegative(),
  archived: z.boolean(),
  ...timestamps,
});
export type CategoryItem = z.infer<typeof categoryItem>;
