/**
 * How a feature declares the domain events its items become. Events are born in one place only:
 * the stream publisher turns a stream record of a domain item into the event its feature names
 * for that item type and change (INSERT/MODIFY/REMOVE). Consumers parse with the same schemas.
 */
import * as z from '../schema';

export const EVENT_SOURCE = 'moneta';

/**
 * Attributes that other writes keep current as a side effect (the ledger ADDs to an account's
 * balance and count in the same transaction as the entry). A MODIFY that changes nothing else is
 * not a fact of its own: the event of the write that moved them (TransactionCreated …) already says
 * what happened and carries the amounts, so publishing it again would only cost an event and wake
 * every consumer a second time. `publishedWhen` names the items whose counter moves still are
 * events, because a consumer follows them (an account that funds a goal).
 */
export type Counters = {
  attributes: readonly string[];
  /** Why a change of them alone is no event, for the catalogue; by default, another write's event says it. */
  reason?: string;
  publishedWhen?: { test: (item: Record<string, unknown>) => boolean; description: string };
};

/** Which event each change of one item type becomes, and which attribute is the entity's id. */
export type ItemEvents = {
  idAttribute: string;
  INSERT?: string;
  MODIFY?: string;
  REMOVE?: string;
  counters?: Counters;
  /**
   * Attributes never put in an event (`data`, `previous`), and whose change alone is no event: key
   * material an item keeps for its own use (a webhook's sealed signing secrets). Consumers that
   * need them read the item.
   */
  unpublished?: readonly string[];
  /**
   * A deletion by TTL is published too (as REMOVE's event, with the actor `expiry`): for items the
   * user sees that expire (an unrecorded capture), so the change feed and the audit trail learn
   * they are gone. Other TTL deletions (counters, markers) are housekeeping, never events.
   */
  expiryPublished?: boolean;
};

/** The actor of a deletion made by TTL expiry (ItemEvents.expiryPublished). */
export const EXPIRY_ACTOR = 'expiry';

/**
 * Event name → detail schema, built on first use (`z.lazily`): a consumer builds the schemas of the
 * events it receives, not all of them when it loads.
 */
export type EventSchemas = Record<string, () => z.Schema>;

/** The parsed detail of event `N` of a schema map. */
export type DetailOf<S extends EventSchemas, N extends keyof S> = z.infer<ReturnType<S[N]>>;

/** Fields every event detail carries. Deduplicate on `sourceEventId`, never on the envelope id. */
const detailBase = z.lazily(() =>
  z.object({
    /** The DynamoDB stream record's eventID: stable across publisher retries. */
    sourceEventId: z.string().check(z.minLength(1)),
    userId: z.string().check(z.minLength(1)),
    /** The entity's own id (for a user, the user id). */
    id: z.string().check(z.minLength(1)),
    version: z.int().check(z.nonnegative()),
    occurredAt: z.iso.datetime({ offset: true }),
    /**
     * Who made the change: `user`, or the process (a consumer's function name, `rates-fetcher`),
     * and the request it was made for (shared/kit/dynamodb/write-context.ts). Absent for items
     * written before writes were stamped.
     */
    actor: z.optional(z.string().check(z.minLength(1))),
    correlationId: z.optional(z.string().check(z.minLength(1))),
  }),
);

/** An item was written for the first time: `data` is the new item. */
export const created = <T extends z.Schema>(data: T) => z.extend(detailBase(), { data });
/** An item changed: `data` is the new item, `previous` the old one. */
export const updated = <T extends z.Schema>(data: T) => z.extend(detailBase(), { data, previous: data });
/** A fact read off an item's change (no item of its own): `data` is the fact. */
export const derived = <T extends z.Schema>(data: T) => z.extend(detailBase(), { data });

/** An item's change as the publisher sees it: the new image (not for a deletion), the old (not for a creation). */
export type ItemChange = { userId: string; data?: Record<string, unknown>; previous?: Record<string, unknown> };

/**
 * The further facts one change of an item stands for, each with a key unique within the change
 * (its event's sourceEventId is the record's plus this key, so consumers deduplicate it too).
 */
export type DeriveEvents = (change: ItemChange) => { detailType: string; key: string; data: Record<string, unknown> }[];

/** An item was deleted: `previous` is what it was. */
export const deleted = <T extends z.Schema>(data: T) => z.extend(detailBase(), { previous: data });
