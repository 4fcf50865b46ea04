/**
 * A category's month-to-date spending ran far above its usual level (kind `unusualSpending`): how
 * much, against what the previous six months would have led to expect by this day.
 */
import type { UnusualSpendingItem } from '../../insights/public';
import { type EmailContent, type RenderedEmail, renderEmail } from './email';
import { formatDay, formatMoney, oneLine } from './format';
import { alertFooter } from './settings-footer';

type UnusualSpendingInput = Pick<
  UnusualSpendingItem,
  'categoryName' | 'month' | 'asOf' | 'currency' | 'spent' | 'usual' | 'threshold'
>;

export function unusualSpendingEmail(fact: UnusualSpendingInput, appName: string): RenderedEmail {
  const money = (amount: number) => formatMoney({ amount, currency: fact.currency });
  const name = fact.categoryName ?? 'A category that has since been deleted';
  const content: EmailContent = {
    subject: `Unusual spending: ${oneLine(fact.categoryName ?? 'a deleted category')} at ${money(fact.spent)} this month`,
    preheader: `Usually about ${money(fact.usual)} by ${formatDay(fact.asOf)}.`,
    blocks: [
      {
        paragraph: [
          `${name}: you have spent ${money(fact.spent)} this month up to ${formatDay(fact.asOf)}, well above the ${money(fact.usual)} the previous six months would lead to expect by this day.`,
        ],
      },
      {
        facts: [
          ['Category', name],
          ['Spent this month', money(fact.spent)],
          ['Usual by this day', money(fact.usual)],
          ['Unusual above', money(fact.threshold)],
        ],
      },
    ],
    footer: alertFooter(appName, 'unusual spending emails', 'unusualSpending'),
  };
  return renderEmail(content);
}
