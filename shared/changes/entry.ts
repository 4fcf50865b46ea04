/**
 * What one change becomes in the feed, decided from what the table holds now: the entity's current
 * item (or nothing: it is gone) and what the feed last said of it. Pure: the store reads, this
 * decides, the store writes.
 *
 * - The entry shows the entity as it is now, not as the event said: an edit delivered before its
 *   create, or a late edit after a delete, cannot leave a stale state as an entity's last entry.
 * - Nothing is written when the feed already says exactly that (same view, or already gone): a
 *   redelivered event, or an older event arriving after a newer one, writes nothing new.
 */
import { createHash } from 'node:crypto';
import { type CoveredEntity, coveredEntities, type FeedEntityType } from './catalogue';
import type { ChangeEntryItem, ChangeOperation, ChangeStateItem } from './items';

export type EntryDecision = { entry: ChangeEntryItem; state: ChangeStateItem };

/** A short, stable fingerprint of a view: same view, same digest. */
export function viewDigest(view: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(view)).digest('base64url');
}

/** The digest the state holds for a deleted entity. */
const GONE = 'deleted';

export function decideEntry(input: {
  entityType: FeedEntityType;
  entityId: string;
  /** The entity's item as the table holds it now; undefined when it is gone. */
  current: Record<string, unknown> | undefined;
  /** What the feed last said of the entity; undefined when it never did (or that was forgotten). */
  last: ChangeStateItem | undefined;
  /** The sequence this entry would get. */
  sequence: number;
  now: Date;
}): EntryDecision | undefined {
  const { entityType, entityId, current, last, sequence, now } = input;
  const covered: CoveredEntity = coveredEntities[entityType];
  const recordedAt = now.toISOString();
  if (!current) {
    // Already said gone. An entity the feed never spoke of still gets its tombstone: a client that
    // read it from a list route (before the feed existed, or on a resync) must learn it is gone.
    if (last?.deleted) return undefined;
    return {
      entry: { sequence, entityType, entityId, operation: 'deleted', recordedAt },
      state: { sequence, digest: GONE, deleted: true },
    };
  }
  const view = covered.view(current, recordedAt.slice(0, 10));
  const digest = viewDigest(view);
  if (last && !last.deleted && last.digest === digest) return undefined;
  const operation: ChangeOperation = last && !last.deleted ? 'updated' : 'created';
  return {
    entry: { sequence, entityType, entityId, operation, entity: view, recordedAt },
    state: { sequence, digest, deleted: false },
  };
}
