/** The change feed's route, declared once (shared/kit/http/operation.ts). */

import { defineOperation } from '../kit/http/operation';
import { CHANGE_RETENTION_DAYS } from './items';
import { changesPage, changesQuery } from './views';

export const changesList = defineOperation({
  function: 'changes-list',
  feature: 'changes',
  entry: 'functions/api/changes/list.ts',
  method: 'GET',
  path: '/v1/changes',
  auth: 'user',
  functionDescription: "Lists the changes of the caller's entities since a position (delta sync)",
  summary: "List what changed in the caller's data since a token, oldest first",
  description:
    'Every entity of yours created, changed or deleted since `since` (a token from an earlier answer), in order: ' +
    'accounts, categories, transactions, budgets, goals and their contributions, invoices, payments and your profile. ' +
    'Each change shows the entity as its routes do (`entity`), a deletion is a tombstone (`deleted: true`). Pass `next` ' +
    'as `since` to continue; while `hasMore` is true, more are waiting. Without `since` the feed is read from its ' +
    `start. Entries are kept ${CHANGE_RETENTION_DAYS} days: a token older than that (or no \`since\` once the first ` +
    'entries have expired) answers 410 `resync`, with a `next` token to continue from after reading everything ' +
    'again from the list routes. The feed follows writes by a few seconds. See docs/changes.md.',
  grants: { table: 'read' },
  request: { query: changesQuery },
  response: { status: 200, description: 'A page of changes and the token to continue from', schema: changesPage },
  problems: [
    {
      status: 410,
      description:
        'The token (or the start of the feed) is older than the retained window: read everything again, then continue from the `next` token in the problem',
    },
  ],
});

export const changesOperations = [changesList] as const;
