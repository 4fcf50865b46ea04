/**
 * What the category routes accept. A category is an expense or an income category, top level
 * (`parentId` null) or one level below a top-level category of the same kind. The kind never
 * changes: transactions already counted under it would change meaning.
 */
import { pageQuery } from '../kit/http/cursor';
import { entityId, entityName, queryBoolean } from '../kit/http/fields';
import * as z from '../kit/schema';
import { categoryKinds } from './items';

export const categoryCreateSchema = z.lazily(() =>
  z.strictObject({
    name: entityName(),
    kind: z.enum(categoryKinds),
    /** An existing top-level category of the same kind; absent or null for a top-level category. */
    parentId: z.optional(z.nullable(entityId())),
  }),
);
export type CategoryCreate = z.infer<ReturnType<typeof categoryCreateSchema>>;

export const categoryPatchSchema = z.lazily(() =>
  z
    .strictObject({
      name: z.optional(entityName()),
      /** Moves the category under another top-level category, or to the top level with null. */
      parentId: z.optional(z.nullable(entityId())),
      archived: z.optional(z.boolean()),
    })
    .check(
      z.refine((patch) => Object.values(patch).some((value) => value !== undefined), {
        message: 'must change at least one field',
      }),
    ),
);
export type CategoryPatch = z.infer<ReturnType<typeof categoryPatchSchema>>;

export const categoryListQuery = z.lazily(() =>
  z.strictObject({
    includeArchived: z._default(queryBoolean(), false),
    ...pageQuery(),
  }),
);
