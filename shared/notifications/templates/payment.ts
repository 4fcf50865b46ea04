/**
 * Payments through Stripe: the receipt when an invoice is paid (kind `paymentReceipt`), and a
 * payment that did not go through (kind `paymentFailed`: a declined attempt, a cancellation, an
 * expired payment page) with how to send the payer a fresh link. Card details never reach Moneta,
 * so none can appear here; Stripe's decline message is shown as Stripe wrote it.
 */
import type { PaymentNotPaidFact, PaymentSucceededFact } from '../../payments/public';
import { type EmailContent, type RenderedEmail, renderEmail } from './email';
import { formatMoney, oneLine } from './format';
import { alertFooter } from './settings-footer';

export function paymentReceiptEmail(
  fact: PaymentSucceededFact,
  options: { appName: string; apiUrl: string },
): RenderedEmail {
  const amount = formatMoney(fact.money);
  const content: EmailContent = {
    subject: `Invoice paid: ${amount}`,
    preheader: `Your customer paid ${amount} through Stripe.`,
    blocks: [
      { paragraph: [`Your customer paid ${amount} through Stripe; the income is recorded in ${options.appName}.`] },
      fact.receiptUrl
        ? { paragraph: ["Stripe's receipt: ", { link: fact.receiptUrl }] }
        : { paragraph: ["Stripe's receipt is in your Stripe dashboard."] },
      { paragraph: ['The invoice: ', { link: `${options.apiUrl}/v1/invoices/${fact.invoiceId}` }] },
    ],
    footer: alertFooter(options.appName, 'payment receipts', 'paymentReceipt'),
  };
  return renderEmail(content);
}

const what = {
  failed: 'was declined',
  canceled: 'was canceled',
  expired: 'expired before it was paid',
} as const;

export function paymentFailedEmail(
  fact: PaymentNotPaidFact,
  options: { appName: string; apiUrl: string },
): RenderedEmail {
  const amount = formatMoney(fact.money);
  const invoice = `${options.apiUrl}/v1/invoices/${fact.invoiceId}`;
  const reason = fact.failure?.message ? oneLine(fact.failure.message, 120) : undefined;
  const content: EmailContent = {
    subject: `A payment of ${amount} ${what[fact.outcome]}`,
    preheader: `The Stripe payment of ${amount} for your invoice ${what[fact.outcome]}.`,
    blocks: [
      { paragraph: [`The Stripe payment of ${amount} for your invoice ${what[fact.outcome]}.`] },
      ...(reason ? [{ paragraph: [`Stripe says: ${reason}`] }] : []),
      {
        paragraph:
          fact.outcome === 'failed'
            ? [
                'The payer can try again on the same payment page; ',
                { code: `POST ${invoice}/payments` },
                ' gives you its link again to send them.',
              ]
            : ['To send the payer a fresh payment link, ask for one with ', { code: `POST ${invoice}/payments` }, '.'],
      },
    ],
    footer: alertFooter(options.appName, 'payment problem emails', 'paymentFailed'),
  };
  return renderEmail(content);
}
