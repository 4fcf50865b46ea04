/** What other features may use of payments: everything else in this folder is its own business. */
export { PaymentEntity, type PaymentItem, type PaymentStatus } from './items';
