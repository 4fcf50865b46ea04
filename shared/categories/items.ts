/** A category as stored (without key attributes): what the store writes and Category* events carry. */
import { byId, entity } from '../kit/dynamodb/keys';
import * as z from '../kit/schema';

export const CategoryEntity = entity('CATEGORY', 'CATEGORY', byId);

const timestamps = z.lazily(() => ({
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int().check(z.positive()),
}));

export const categoryKinds = ['expense', 'income'] as const;

export const categoryItem = z.lazily(() =>
  z.object({
    type: z.literal(CategoryEntity.type),
    categoryId: z.string().check(z.minLength(1)),
    name: z.string(),
    kind: z.enum(categoryKinds),
    /** null for a top-level category; one level of subcategories. */
    parentId: z.nullable(z.string()),
    transactionCount: z.int().check(z.nonnegative()),
    archived: z.boolean(),
    ...timestamps(),
  }),
);
export type CategoryItem = z.infer<ReturnType<typeof categoryItem>>;
