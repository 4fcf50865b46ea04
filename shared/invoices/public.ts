/** What other features may use of invoices: everything else in this folder is its own business. */

export { invoicesEvents, invoicesItemEvents } from './events';
export { invoiceExists } from './exists';
export { InvoiceEntity, type InvoiceItem, type InvoiceReminderItem, invoiceItem } from './items';
export { InvoiceLinkRefused, invoiceLinkCheck, paidBy } from './link';
export { invoiceStatus, openAmount } from './status';
// For the change feed: an entry shows what the routes show.
export { toInvoiceView } from './views';
