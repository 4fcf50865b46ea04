/** What other features may use of accounts: everything else in this folder is its own business. */
export { AccountEntity, type AccountItem, accountItem } from './items';
// For outbound webhooks: an event's payload shows what the API shows.
export { toAccountView } from './views';
