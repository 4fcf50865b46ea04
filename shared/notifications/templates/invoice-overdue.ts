/**
 * An invoice went overdue (kind `invoiceReminders`), once per invoice and due date. The wording
 * follows who owes whom: a `received` bill is the user's to pay (to the supplier); an `issued`
 * invoice is the customer's to pay (to the user). The amounts are the reminder's snapshot: what was
 * still open when the sweep found it overdue.
 */
import type { InvoiceReminderItem } from '../../invoices/public';
import { type EmailContent, type RenderedEmail, renderEmail } from './email';
import { formatDay, formatMoney, oneLine } from './format';
import { alertFooter } from './settings-footer';

type OverdueInput = Pick<
  InvoiceReminderItem,
  'invoiceId' | 'direction' | 'number' | 'payeeName' | 'dueDate' | 'currency' | 'gross' | 'paidAmount' | 'openAmount'
>;

export function invoiceOverdueEmail(
  reminder: OverdueInput,
  options: { appName: string; apiUrl: string },
): RenderedEmail {
  const money = (amount: number) => formatMoney({ amount, currency: reminder.currency });
  const open = money(reminder.openAmount);
  const due = formatDay(reminder.dueDate);
  const number = reminder.number;
  const url = `${options.apiUrl}/v1/invoices/${reminder.invoiceId}`;
  const facts: [string, string][] = [
    ['Invoice', number],
    [reminder.direction === 'received' ? 'Supplier' : 'Customer', reminder.payeeName ?? '(not named)'],
    ['Due', due],
    ['Total', money(reminder.gross)],
    ['Paid', money(reminder.paidAmount)],
    ['Open', open],
  ];
  const received = reminder.direction === 'received';
  const from = reminder.payeeName ? ` from ${reminder.payeeName}` : '';
  const to = reminder.payeeName ? ` to ${reminder.payeeName}` : '';
  const content: EmailContent = received
    ? {
        subject: `Bill ${oneLine(number)} is overdue: you owe ${open}`,
        preheader: `It was due on ${due}.`,
        blocks: [
          {
            paragraph: [
              `The bill ${number}${from} was due on ${due} and is not fully paid: you still owe ${open}. `,
              'Once you pay it, record the payment as an expense linked to the bill and it will show as paid.',
            ],
          },
          { facts },
          { paragraph: ['See it (signed in as you) at ', { link: url }] },
        ],
        footer: alertFooter(options.appName, 'invoice reminders', 'invoiceReminders'),
      }
    : {
        subject: `Invoice ${oneLine(number)} is overdue: ${open} still to collect`,
        preheader: `It was due on ${due}.`,
        blocks: [
          {
            paragraph: [
              `Your invoice ${number}${to} was due on ${due} and is not fully paid: the customer still owes you ${open}. `,
              'You may want to remind them, or send them a fresh payment link.',
            ],
          },
          { facts },
          { paragraph: ['See it (signed in as you) at ', { link: url }] },
        ],
        footer: alertFooter(options.appName, 'invoice reminders', 'invoiceReminders'),
      };
  return renderEmail(content);
}
