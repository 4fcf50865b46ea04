/** The events payee items become (see shared/kit/events/domain-events.ts). */
import { created, type DeriveEvents, derived, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { PayeeJobEntity, payeeJobItem } from './items';

export const payeesItemEvents = {
  // Payees themselves are reference data, not news: only their jobs are published, to drive them.
  // No REMOVE: a job is deleted only with its user's partition.
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
