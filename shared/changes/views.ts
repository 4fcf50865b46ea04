/**
 * What `GET /v1/changes` accepts and answers. An entry shows its entity as the entity's own routes
 * do (./catalogue.ts); the schemas below describe the envelope, the entity being one of those views.
 */
import * as z from '../kit/schema';
import { feedEntityTypes } from './catalogue';
import { changeOperations } from './items';
import type { StoredEntry } from './store';
import { MAX_TOKEN_LENGTH } from './token';

export const changesQuery = z.lazily(() =>
  z.strictObject({
    since: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_TOKEN_LENGTH))),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
  }),
);

export const changeView = z.lazily(() =>
  z.strictObject({
    sequence: z.int().check(z.positive()),
    type: z.enum(feedEntityTypes as unknown as [string, ...string[]]),
    id: z.string(),
    op: z.enum(changeOperations),
    /** The entity as its routes show it (less the fields docs/changes.md lists); absent when deleted. */
    entity: z.optional(z.record(z.string(), z.unknown())),
    /** Present (true) only on a tombstone. */
    deleted: z.optional(z.literal(true)),
    recordedAt: z.string(),
  }),
);

export const changesPage = z.lazily(() =>
  z.strictObject({
    changes: z.array(changeView()),
    /** Where to continue: pass it as `since` next time (also when `changes` is empty). */
    next: z.string(),
    /** More entries follow `next` already: ask again at once. */
    hasMore: z.boolean(),
  }),
);

export function toChangeView(entry: StoredEntry) {
  return {
    sequence: entry.sequence,
    type: entry.entityType,
    id: entry.entityId,
    op: entry.operation,
    ...(entry.operation === 'deleted' ? { deleted: true as const } : { entity: entry.entity }),
    recordedAt: entry.recordedAt,
  };
}
