/**
 * A budget crossed one of its thresholds (kind `budgetThreshold`) or its limit (`budgetExceeded`,
 * threshold ≥ 100). The numbers are the alert's snapshot when it was crossed: spending that moved
 * since is the budget's current state, not this fact's.
 */
import type { BudgetAlertItem } from '../../budgets/public';
import { type EmailContent, type RenderedEmail, renderEmail } from './email';
import { formatMoney, formatPercent, formatPeriod, oneLine, percentOf } from './format';
import { alertFooter } from './settings-footer';

type BudgetAlertInput = Pick<
  BudgetAlertItem,
  'budgetName' | 'periodId' | 'periodStart' | 'threshold' | 'spent' | 'limit' | 'currency' | 'percent' | 'exceeded'
>;

export function budgetAlertEmail(alert: BudgetAlertInput, appName: string): RenderedEmail {
  const money = (amount: number) => formatMoney({ amount, currency: alert.currency });
  const period = formatPeriod(alert.periodId, alert.periodStart);
  const spent = money(alert.spent);
  const limit = money(alert.limit);
  // From the snapshot's integers, rounded down; a rollover can leave no limit at all, and then the
  // evaluator's own figure is the only meaningful one.
  const used = formatPercent(alert.limit > 0 ? percentOf(alert.spent, alert.limit) : alert.percent);
  // A jump can pass several thresholds at once, so even a threshold alert may be over the limit.
  const over = alert.spent > alert.limit;
  const remainder: [string, string] = over
    ? ['Over by', money(alert.spent - alert.limit)]
    : ['Left', money(alert.limit - alert.spent)];
  const remainderPhrase = over ? `${remainder[1]} over` : `${remainder[1]} left`;
  const name = alert.budgetName;
  const subjectName = oneLine(name);

  const rows: [string, string][] = [
    ['Budget', name],
    ['Period', period],
    ['Spent', spent],
    ['Limit', limit],
    ['Used', used],
  ];
  const content: EmailContent = alert.exceeded
    ? {
        subject: `Budget "${subjectName}" ${over ? 'exceeded' : 'used up'} for ${period}`,
        preheader: `${spent} spent of ${limit} (${used}).`,
        blocks: [
          {
            paragraph: [
              `Your budget "${name}" ${over ? 'is over' : 'has reached'} its limit for ${period}: you have spent ${spent} of ${limit} (${used}), ${remainderPhrase}.`,
            ],
          },
          { facts: [...rows, remainder] },
        ],
        footer: alertFooter(appName, 'budget exceeded alerts', 'budgetExceeded'),
      }
    : {
        subject: `Budget "${subjectName}": ${used} used for ${period}`,
        preheader: `${spent} spent of ${limit}.`,
        blocks: [
          {
            paragraph: [
              `Your budget "${name}" has passed ${alert.threshold}% of its limit for ${period}: you have spent ${spent} of ${limit} (${used}), ${remainderPhrase}.`,
            ],
          },
          { facts: [...rows, remainder] },
        ],
        footer: alertFooter(appName, 'budget threshold alerts', 'budgetThreshold'),
      };
  return renderEmail(content);
}
