/** The events rule items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { RuleEntity, RuleJobEntity, ruleItem, ruleJobItem } from './items';

export const rulesItemEvents = {
  // A rule's place in the order is the order item's (RULE#!order), not the rule's: a reorder
  // changes no rule, and is no event (GET /v1/rules lists rules in order).
  [RuleEntity.type]: { idAttribute: 'ruleId', INSERT: 'RuleCreated', MODIFY: 'RuleUpdated', REMOVE: 'RuleDeleted' },
  // Apply jobs are published to drive them. No REMOVE: a job is deleted only with its user's partition.
  [RuleJobEntity.type]: { idAttribute: 'jobId', INSERT: 'RuleApplyRequested', MODIFY: 'RuleApplyUpdated' },
} as const satisfies Record<string, ItemEvents>;

export const rulesEvents = {
  RuleCreated: z.lazily(() => created(ruleItem())),
  RuleUpdated: z.lazily(() => updated(ruleItem())),
  RuleDeleted: z.lazily(() => deleted(ruleItem())),
  RuleApplyRequested: z.lazily(() => created(ruleJobItem())),
  RuleApplyUpdated: z.lazily(() => updated(ruleJobItem())),
};
