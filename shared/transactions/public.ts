/** What other features may use of transactions: everything else in this folder is its own business. */

export { transactionsEvents } from './events';
export { transactionExists } from './exists';
export {
  countsInTotals,
  ExternalIdEntity,
  PayeeEntity,
  type PayeeItem,
  PayeeNameEntity,
  type PayeeNameItem,
  payeeItem,
  payeeKinds,
  payeeNameItem,
  statusOf,
  TransactionEntity,
  type TransactionItem,
  type TransactionStatus,
  transactionIndexPk,
  transactionItem,
  transactionKinds,
} from './items';
export {
  createPayeeResolver,
  displayPayeeName,
  newPayeeItem,
  normalizePayee,
  normalizePayeePrefix,
  type PayeeBinding,
  PayeeMerging,
  PayeeNameTaken,
  type PayeeResolver,
  rebindTransactionWrite,
} from './payee-store';
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
export { RefundRefused } from './refunds';
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
// For outbound webhooks: an event's payload shows what the API shows.
export { toTransactionView } from './views';
