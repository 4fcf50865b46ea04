/** The events rule items become (see shared/kit/events/domain-events.ts). */
import { created, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { RuleJobEntity, ruleJobItem } from './items';

export const rulesItemEvents = {
  // Rules themselves are configuration, not news: only apply jobs are published, to drive them.
  // No REMOVE: a job is deleted only with its user's partition.
  [RuleJobEntity.type]: { idAttribute: 'jobId', INSERT: 'RuleApplyRequested', MODIFY: 'RuleApplyUpdated' },
} as const satisfies Record<string, ItemEvents>;

export const rulesEvents = {
  RuleApplyRequested: z.lazily(() => created(ruleJobItem())),
  RuleApplyUpdated: z.lazily(() => updated(ruleJobItem())),
};
