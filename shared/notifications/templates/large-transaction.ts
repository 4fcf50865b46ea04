/**
 * A transaction at or above the user's large-transaction amount (kind `largeTransaction`): the
 * money as entered, what it came to in the home currency when that differs, the account, the
 * payee and the day.
 */
import type { Money } from '../../kit/money/money';
import { type EmailContent, type RenderedEmail, renderEmail } from './email';
import { formatDay, formatMoney, oneLine } from './format';
import { alertFooter } from './settings-footer';

export type LargeTransactionInput = {
  kind: 'expense' | 'income';
  /** As entered (positive). */
  amount: Money;
  /** Magnitude in the home currency, shown when the entered currency is another one. */
  homeAmount: Money;
  /** Undefined when the account is gone (deleted since). */
  accountName: string | undefined;
  payee: string | null;
  date: string;
  /** The user's setting that this amount reached. */
  threshold: Money;
};

export function largeTransactionEmail(input: LargeTransactionInput, appName: string): RenderedEmail {
  const amount = formatMoney(input.amount);
  const noun = input.kind === 'expense' ? 'expense' : 'income';
  const day = formatDay(input.date);
  const account = input.accountName ?? 'an account that has since been deleted';
  const payee = input.payee?.trim() ? input.payee.trim() : undefined;
  const converted = input.amount.currency !== input.homeAmount.currency ? formatMoney(input.homeAmount) : undefined;

  const rows: [string, string][] = [
    ['Amount', amount],
    ...(converted ? ([[`In ${input.homeAmount.currency}`, converted]] as [string, string][]) : []),
    ['Type', noun === 'expense' ? 'Expense' : 'Income'],
    ['Account', account],
    ...(payee ? ([['Payee', payee]] as [string, string][]) : []),
    ['Date', day],
  ];
  const content: EmailContent = {
    subject: `Large ${noun}: ${amount}${payee ? ` ${input.kind === 'expense' ? 'to' : 'from'} ${oneLine(payee)}` : ''}`,
    preheader: `${amount} on ${day}.`,
    blocks: [
      {
        paragraph: [
          `A${noun === 'expense' ? 'n expense' : 'n income'} of ${amount}${converted ? ` (${converted})` : ''} was recorded on ${day} in ${input.accountName === undefined ? account : `"${account}"`}${payee ? `, ${input.kind === 'expense' ? 'to' : 'from'} ${payee}` : ''}.`,
        ],
      },
      { facts: rows },
      {
        paragraph: [
          `You are told about transactions of ${formatMoney(input.threshold)} or more. If you did not make this one, check the account.`,
        ],
      },
    ],
    footer: alertFooter(appName, 'large transaction alerts', 'largeTransaction'),
  };
  return renderEmail(content);
}
