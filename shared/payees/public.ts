/** What other features may use of payees: everything else in this folder is its own business. */

// For the change feed: an entry shows what the routes show.
export { toPayeeView } from './views';
