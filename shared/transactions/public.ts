/** What other features may use of transactions: everything else in this folder is its own business. */
export { transactionIndexPk } from './items';
