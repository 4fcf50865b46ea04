/** What other features may use of payments: everything else in this folder is its own business. */
export {
  type PaymentNotPaidFact,
  type PaymentSucceededFact,
  paymentsDerivedEvents,
  paymentsEvents,
  paymentsItemEvents,
} from './events';
export { PaymentEntity, type PaymentItem, type PaymentStatus } from './items';
export { SavedMethodEntity, type SavedMethodItem } from './methods-items';
export { toSavedMethodView } from './methods-views';
// For the change feed: an entry shows what the routes show.
export { toPaymentView } from './views';
