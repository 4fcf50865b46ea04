/** The events accounts' items become (see shared/kit/events/domain-events.ts). */
import { created, deleted, type ItemEvents, updated } from '../kit/events/domain-events';
import { AccountEntity, accountItem } from './items';

export const accountsItemEvents = {
  [AccountEntity.type]: {
    idAttribute: 'accountId',
    INSERT: 'AccountCreated',
    MODIFY: 'AccountUpdated',
    REMOVE: 'AccountDeleted',
  },
} as const satisfies Record<string, ItemEvents>;

export const accountsEvents = {
  AccountCreated: created(accountItem),
  AccountUpdated: updated(accountItem),
  AccountDeleted: deleted(accountItem),
};
