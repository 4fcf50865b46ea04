/** The events payee items become (see shared/kit/events/domain-events.ts). */
import { created, type DeriveEvents, deleted, derived, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { PayeeEntity, payeeItem } from '../transactions/public';
import { PayeeJobEntity, payeeJobItem } from './items';

export const payeesItemEvents = {
  // A payee is created by its route or by the first transaction that names it; a merge deletes the
  // source once its transactions have moved.
  [PayeeEntity.type]: {
    idAttribute: 'payeeId',
    INSERT: 'PayeeCreated',
    MODIFY: 'PayeeUpdated',
    REMOVE: 'PayeeDeleted',
    // Each transaction recorded with it counts itself on it: that transaction's event says so.
    counters: { attributes: ['transactionCount', 'lastUsedAt'] },
  },
  // Jobs are published to drive them. No REMOVE: a job is deleted only with its user's partition.
  [PayeeJobEntity.type]: {
    idAttribute: 'jobId',
    INSERT: 'PayeeJobRequested',
    MODIFY: 'PayeeJobUpdated',
    // Each rebound transaction counts itself on the job: not a step of its own.
    counters: {
      attributes: ['changed'],
      reason: 'the count of a chunk in progress; the step that follows is the event',
    },
  },
} as const satisfies Record<string, ItemEvents>;

/** Two payees became one: what referenced `fromId` (invoices, …) should now reference `intoId`. */
const payeesMerged = z.lazily(() =>
  z.object({ jobId: z.string(), fromId: z.string(), intoId: z.string(), completedAt: z.string() }),
);

export const payeesEvents = {
  PayeeCreated: z.lazily(() => created(payeeItem())),
  PayeeUpdated: z.lazily(() => updated(payeeItem())),
  PayeeDeleted: z.lazily(() => deleted(payeeItem())),
  PayeeJobRequested: z.lazily(() => created(payeeJobItem())),
  PayeeJobUpdated: z.lazily(() => updated(payeeJobItem())),
  PayeesMerged: z.lazily(() => derived(payeesMerged())),
};

/** PayeesMerged, read off the write that finished a merge job (its last step, once). */
const mergesDone: DeriveEvents = ({ data, previous }) => {
  if (data?.status !== 'done' || previous?.status === 'done') return [];
  const job = z.safeParse(payeeJobItem(), data);
  if (!job.success || job.data.kind !== 'merge' || job.data.intoId === null) return [];
  const { jobId, payeeId, intoId, completedAt } = job.data;
  return [
    {
      detailType: 'PayeesMerged',
      key: 'merged',
      data: { jobId, fromId: payeeId, intoId, completedAt: completedAt ?? job.data.updatedAt },
    },
  ];
};

export const payeesDerivedEvents = {
  [PayeeJobEntity.type]: mergesDone,
} as const satisfies Record<string, DeriveEvents>;
