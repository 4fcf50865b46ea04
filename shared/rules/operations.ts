/** The rule routes, declared once (shared/kit/http/operation.ts). */

import { idPath } from '../kit/http/fields';
import { defineOperation, ifMatchHeader, noParams } from '../kit/http/operation';
import {
  jobPath,
  ruleApplySchema,
  ruleCreateSchema,
  ruleOrderSchema,
  rulePatchSchema,
  suggestionDismissalBody,
} from './schemas';
import { jobView, ruleListView, ruleView, suggestionDismissalView, suggestionsView } from './views';

const patternProblem = {
  status: 422,
  description: 'A regex the linear-time engine refuses, or a category in actions you do not have',
};

export const rulesCreate = defineOperation({
  function: 'rules-create',
  feature: 'rules',
  entry: 'functions/api/rules/create.ts',
  method: 'POST',
  path: '/v1/rules',
  auth: 'user',
  functionDescription: 'Creates a categorisation rule',
  summary: 'Create a categorisation rule',
  description:
    'Rules apply, in order, to transactions created without a category (API, captures, imports); the first rule that sets a field wins it. `position` (1-based) places it; default last. At most 200 rules.',
  grants: { table: 'readWrite' },
  request: { body: ruleCreateSchema, query: noParams },
  response: { status: 201, description: 'The new rule', schema: () => ruleView(), etag: true, location: true },
  problems: [{ status: 409, description: 'You have 200 rules already' }, patternProblem],
});

export const rulesList = defineOperation({
  function: 'rules-list',
  feature: 'rules',
  entry: 'functions/api/rules/list.ts',
  method: 'GET',
  path: '/v1/rules',
  auth: 'user',
  functionDescription: "Lists the caller's rules in evaluation order",
  summary: "List the caller's rules, in the order they are evaluated (all of them: at most 200)",
  grants: { table: 'read' },
  request: { query: noParams },
  response: { status: 200, description: 'The rules, first evaluated first', schema: () => ruleListView() },
});

export const rulesGet = defineOperation({
  function: 'rules-get',
  feature: 'rules',
  entry: 'functions/api/rules/get.ts',
  method: 'GET',
  path: '/v1/rules/{id}',
  auth: 'user',
  functionDescription: 'Reads a rule',
  summary: 'Read a rule with its place in the order',
  grants: { table: 'read' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: 'The rule', schema: () => ruleView(), etag: true },
  problems: [404],
});

export const rulesUpdate = defineOperation({
  function: 'rules-update',
  feature: 'rules',
  entry: 'functions/api/rules/update.ts',
  method: 'PATCH',
  path: '/v1/rules/{id}',
  auth: 'user',
  functionDescription: 'Changes a rule or moves it in the order',
  summary: "Change a rule's name, conditions, actions or enabled switch, or move it (`position`)",
  description: 'Never re-applies anything by itself: use POST /v1/rules/{id}/apply for existing transactions.',
  grants: { table: 'readWrite' },
  request: { path: idPath, body: rulePatchSchema, query: noParams, headers: { 'if-match': ifMatchHeader } },
  response: { status: 200, description: 'The changed rule', schema: () => ruleView(), etag: true },
  problems: [404, 412, patternProblem],
});

export const rulesDelete = defineOperation({
  function: 'rules-delete',
  feature: 'rules',
  entry: 'functions/api/rules/delete.ts',
  method: 'DELETE',
  path: '/v1/rules/{id}',
  auth: 'user',
  functionDescription: 'Deletes a rule',
  summary: 'Delete a rule (what it categorised stays as it is)',
  grants: { table: 'readWrite' },
  request: { path: idPath, query: noParams },
  response: { status: 204, description: 'Deleted' },
  problems: [404],
});

export const rulesOrder = defineOperation({
  function: 'rules-order',
  feature: 'rules',
  entry: 'functions/api/rules/order.ts',
  method: 'PUT',
  path: '/v1/rules/order',
  auth: 'user',
  functionDescription: 'Sets the evaluation order of all rules',
  summary: 'Set the order of every rule at once: `ids`, first evaluated first',
  grants: { table: 'readWrite' },
  request: { body: ruleOrderSchema, query: noParams },
  response: { status: 200, description: 'The rules in their new order', schema: () => ruleListView() },
});

export const rulesApply = defineOperation({
  function: 'rules-apply',
  feature: 'rules',
  entry: 'functions/api/rules/apply.ts',
  method: 'POST',
  path: '/v1/rules/{id}/apply',
  auth: 'user',
  limit: 'jobs',
  functionDescription: 'Queues applying one rule to existing transactions',
  summary: 'Apply one rule to existing transactions (a background job with progress)',
  description:
    'Transactions of the range (default: all) that the rule matches are changed as a PATCH would (versioned; balances, budgets and insights follow). `onlyUncategorised` (default true) leaves categorised ones alone. Follow GET /v1/rules/{id}/apply/{jobId}.',
  grants: { table: 'readWrite' },
  request: { path: idPath, body: ruleApplySchema, query: noParams },
  response: { status: 202, description: 'The queued job', schema: () => jobView(), location: true },
  problems: [404],
});

export const rulesApplyGet = defineOperation({
  function: 'rules-apply-get',
  feature: 'rules',
  entry: 'functions/api/rules/apply-get.ts',
  method: 'GET',
  path: '/v1/rules/{id}/apply/{jobId}',
  auth: 'user',
  functionDescription: "Reads a rule apply job's progress",
  summary: 'Read an apply job: status (queued, running, done, failed) and progress (total, scanned, changed)',
  grants: { table: 'read' },
  request: { path: jobPath, query: noParams },
  response: { status: 200, description: 'The job', schema: () => jobView() },
  problems: [404],
});

export const rulesSuggestions = defineOperation({
  function: 'rules-suggestions',
  feature: 'rules',
  entry: 'functions/api/rules/suggestions.ts',
  method: 'GET',
  path: '/v1/rules/suggestions',
  auth: 'user',
  functionDescription: 'Proposes rules from consistent re-categorisations',
  summary: 'Rules worth making: payees whose transactions you re-categorised to one category at least 3 times',
  description: 'Each comes with a body ready to POST to /v1/rules. Payees a rule already covers are left out.',
  grants: { table: 'read' },
  request: { query: noParams },
  response: { status: 200, description: 'The suggestions, most re-categorised first', schema: () => suggestionsView() },
});

export const rulesDismissSuggestion = defineOperation({
  function: 'rules-dismiss-suggestion',
  feature: 'rules',
  entry: 'functions/api/rules/dismiss-suggestion.ts',
  method: 'POST',
  path: '/v1/rules/suggestions/dismissals',
  auth: 'user',
  functionDescription: 'Turns down a rule suggestion for good',
  summary: 'Turn down a suggestion: that payee is not proposed for that category again',
  description:
    'Takes the `payee` and `categoryId` of a suggestion. Payees are compared as rules compare them (case and spacing folded). Dismissing again answers the first dismissal.',
  grants: { table: 'readWrite' },
  request: { body: suggestionDismissalBody, query: noParams },
  response: { status: 200, description: 'The dismissal', schema: () => suggestionDismissalView() },
});

export const rulesOperations = [
  rulesCreate,
  rulesList,
  rulesSuggestions,
  rulesDismissSuggestion,
  rulesOrder,
  rulesGet,
  rulesUpdate,
  rulesDelete,
  rulesApply,
  rulesApplyGet,
] as const;
