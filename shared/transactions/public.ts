/** What other features may use of transactions: everything else in this folder is its own business. */

export { transactionsEvents } from './events';
export {
  ExternalIdEntity,
  type TransactionItem,
  transactionIndexPk,
  transactionItem,
  transactionKinds,
} from './items';
export { createPayeeStore, normalizePayee } from './payee-store';
export { planDelete } from './plan';
export {
  createTransactionRecorder,
  type InvoiceLinkCheck,
  type LedgerGuards,
  type PlannedTransaction,
  type PlannedTransfer,
  type RecordingProfile,
  type TransactionRecorder,
} from './record';
export { type RestateOutcome, repriceProvisional, restateHome } from './reprice';
export {
  type CreateTransactionBody,
  type CreateTransferBody,
  createTransactionBody,
  MAX_TAGS,
  noteSchema,
  oneYearAfter,
  payeeSchema,
  type TransactionPatch,
  tagsSchema,
  todayIn,
  transactionDate,
} from './schemas';
export { createTransactionStore, StaleTransaction, type TransactionStore } from './store';
export { createTransactionUpdater, type TransactionUpdater } from './updater';
