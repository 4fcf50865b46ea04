/**
 * The summary of the month gone by (kind `monthlySummary`), on the 1st of the next month: spending
 * by top category against the month before, how each budget's period ended, each goal's progress
 * and the change in net worth. Every figure is the fact's, as written when the month closed.
 */
import type { MonthlySummaryItem } from '../../summaries/public';
import { type EmailContent, type RenderedEmail, renderEmail } from './email';
import { formatDay, formatMoney, formatPercent, formatPeriod, oneLine } from './format';
import { alertFooter } from './settings-footer';

export function monthlySummaryEmail(fact: MonthlySummaryItem, appName: string): RenderedEmail {
  const money = (amount: number, currency = fact.currency) => formatMoney({ amount, currency });
  const signed = (amount: number, currency = fact.currency) =>
    `${amount > 0 ? '+' : amount < 0 ? '−' : ''}${money(Math.abs(amount), currency)}`;
  const monthName = formatPeriod(fact.month, `${fact.month}-01`);
  const { spending, netWorth } = fact;

  const blocks: EmailContent['blocks'] = [
    {
      paragraph: [
        `In ${monthName} you spent ${money(spending.total)} in ${spending.count} ${spending.count === 1 ? 'transaction' : 'transactions'} (${signed(spending.total - spending.previousTotal)} against the month before), and your net worth changed by ${signed(netWorth.change)}.`,
      ],
    },
  ];
  if (spending.top.length > 0) {
    blocks.push({ paragraph: ['Where the money went:'] });
    blocks.push({
      facts: [
        ...spending.top.map((group): [string, string] => [group.name ?? 'A deleted category', money(group.amount)]),
        ...(spending.other !== 0 ? [['Everything else', money(spending.other)] as [string, string]] : []),
      ],
    });
  }
  if (fact.budgets.length > 0) {
    blocks.push({ paragraph: ['How your budgets ended:'] });
    blocks.push({
      list: fact.budgets.map((budget) => [
        `${budget.name} (${formatPeriod(periodIdOf(budget), budget.start)}): ${money(budget.spent, budget.currency)} of ${money(budget.effectiveLimit, budget.currency)}, ${formatPercent(budget.percent)}${budget.spent > budget.effectiveLimit ? ', over the limit' : ''}`,
      ]),
    });
  }
  if (fact.goals.length > 0) {
    blocks.push({ paragraph: ['Your goals:'] });
    blocks.push({
      list: fact.goals.map((goal) => [
        `${goal.name}: ${money(goal.saved, goal.currency)} of ${money(goal.target, goal.currency)} saved (${formatPercent(goal.percent)})${goal.deadline ? `, by ${formatDay(goal.deadline)}` : ''}`,
      ]),
    });
  }
  blocks.push({
    facts: [
      [`Net worth on ${formatDay(lastDay(fact.month, -1))}`, money(netWorth.start)],
      [`Net worth on ${formatDay(lastDay(fact.month, 0))}`, money(netWorth.end)],
      ['Change', signed(netWorth.change)],
    ],
  });

  const content: EmailContent = {
    subject: `Your ${oneLine(monthName)} summary: ${money(spending.total)} spent, net worth ${signed(netWorth.change)}`,
    preheader: `Spending, budgets, goals and net worth for ${monthName}.`,
    blocks,
    footer: alertFooter(appName, 'monthly summaries', 'monthlySummary'),
  };
  return renderEmail(content);
}

/** A monthly budget's period id is its month; other periods read from their start (formatPeriod). */
function periodIdOf(budget: MonthlySummaryItem['budgets'][number]): string {
  if (budget.period === 'monthly') return budget.start.slice(0, 7);
  if (budget.period === 'yearly') return budget.start.slice(0, 4);
  return `${budget.start.slice(0, 4)}-W00`;
}

/** The last day of `month` shifted by `offset` months. */
function lastDay(month: string, offset: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number + offset, 0)).toISOString().slice(0, 10);
}
