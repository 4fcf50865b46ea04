/** The events accounts' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import * as z from '../kit/schema';
import { AccountEntity, accountItem } from './items';

export const accountsItemEvents = {
  [AccountEntity.type]: {
    idAttribute: 'accountId',
    INSERT: 'AccountCreated',
    MODIFY: 'AccountUpdated',
    REMOVE: 'AccountDeleted',
    // An account without `fundsGoal` predates the flag: it keeps publishing, as it always did.
    counters: {
      attributes: ['balance', 'pendingBalance', 'reconciledBalance', 'transactionCount'],
      publishedWhen: {
        test: (item) => item.fundsGoal !== false,
        description: '`fundsGoal` is not `false` (a goal follows its balance)',
      },
    },
  },
} as const satisfies Record<string, ItemEvents>;

export const accountsEvents = {
  AccountCreated: z.lazily(() => created(accountItem())),
  AccountUpdated: z.lazily(() => updated(accountItem())),
  AccountDeleted: z.lazily(() => deleted(accountItem())),
};
