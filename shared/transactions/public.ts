/** What other features may use of transactions: everything else in this folder is its own business. */

export { transactionsEvents } from './events';
export { type TransactionItem, transactionIndexPk, transactionItem, transactionKinds } from './items';
export { createPayeeStore, normalizePayee } from './payee-store';
export { type RestateOutcome, repriceProvisional, restateHome } from './reprice';
export { noteSchema, oneYearAfter, todayIn, transactionDate } from './schemas';
export { createTransactionStore, type TransactionStore } from './store';
