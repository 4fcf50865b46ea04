/**
 * The change feed's items, all in the user's partition (erased with it):
 *
 * - `CHANGE#<sequence>`: one entry per change the feed recorded, in the order of a per-user
 *   sequence (zero-padded, so the sort key orders it). Kept CHANGE_RETENTION_DAYS, then TTL.
 * - `CHANGES#HEAD`: the user's last sequence. Every entry is written in one TransactWriteItems with
 *   this counter, pinned to the value read, so sequences have no gap and no two entries share one.
 * - `CHGSTATE#<type>#<id>`: what the feed last said of one entity (a digest of its view, or that
 *   it is gone), so a redelivered or late event whose state the feed already holds writes nothing.
 *
 * None of these is a domain item (shared/app/events.ts): the stream publisher skips them, so the
 * feed publishes nothing and wakes no consumer.
 */
import { entity } from '../kit/dynamodb/keys';

/** Digits of a sequence in a sort key: 10^12 changes per user. */
const SEQUENCE_DIGITS = 12;
export const sequencePosition = (sequence: number): string => String(sequence).padStart(SEQUENCE_DIGITS, '0');

export const ChangeEntity = entity('CHANGE', 'CHANGE', sequencePosition);
export const ChangeHeadEntity = entity('CHANGE_HEAD', 'CHANGES', () => 'HEAD');
export const ChangeStateEntity = entity('CHANGE_STATE', 'CHGSTATE', (type: string, id: string) => `${type}#${id}`);

/** How long an entry is kept: DynamoDB's TTL deletes it after this (docs/changes.md). */
export const CHANGE_RETENTION_DAYS = 30;
export const CHANGE_RETENTION_SECONDS = CHANGE_RETENTION_DAYS * 86_400;

export const changeOperations = ['created', 'updated', 'deleted'] as const;
export type ChangeOperation = (typeof changeOperations)[number];

/** One entry as stored (besides its keys, `type` and `expiresAt`). */
export type ChangeEntryItem = {
  sequence: number;
  /** The entity type as the feed names it (`account`, `transaction` …: ./catalogue.ts). */
  entityType: string;
  entityId: string;
  operation: ChangeOperation;
  /** The entity as its routes show it when the entry was written; absent for a deletion. */
  entity?: Record<string, unknown>;
  /** When the entry was written (ISO): entries are in this order too. */
  recordedAt: string;
};

/** What the feed last said of one entity. */
export type ChangeStateItem = { sequence: number; digest: string; deleted: boolean };
