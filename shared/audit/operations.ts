/** The audit trail's route, declared once (shared/kit/http/operation.ts). */

import { defineOperation } from '../kit/http/operation';
import { pageOf } from '../kit/http/response-schemas';
import { auditEntryView, auditListQuery } from './views';

export const auditList = defineOperation({
  function: 'audit-list',
  feature: 'audit',
  entry: 'functions/api/audit/list.ts',
  method: 'GET',
  path: '/v1/audit',
  auth: 'user',
  functionDescription: "Lists the caller's audit trail",
  summary: "List the caller's audit trail, newest first",
  description:
    'Every change of your data: which entity, created, updated (the fields that changed, before and after) or deleted, ' +
    'who made it (`user`, or the process: `budget-evaluator`, `goal-tracker`, `ledger-cleaner`, `rates-fetcher`) and ' +
    "the request's correlation id (`x-correlation-id` when you sent one). Entries are kept 400 days.",
  grants: { table: 'read' },
  request: { query: auditListQuery },
  response: { status: 200, description: 'A page of audit entries', schema: () => pageOf(auditEntryView()) },
});

export const auditOperations = [auditList] as const;
