/**
 * The figures of one user's summary of one month, read from what other features already keep:
 * the insights month counters (spending, net worth), the budget period counters, the goals' saved
 * amounts. Each read is O(1) in the user's transactions: months, budgets and goals, never rows.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type BudgetItem, createBudgetStore, figuresFor, percentOf, periodOf } from '../budgets/public';
import { createCategoryStore } from '../categories/public';
import { GoalEntity, goalItem, percentSaved } from '../goals/public';
import type { Profile } from '../identity/public';
import { addMonths, createInsightStore, lastDayOf, netWorthOn, spendingReport } from '../insights/public';
import { userPk } from '../kit/dynamodb/keys';
import { queryAll } from '../kit/dynamodb/prefix-page';
import { createRateStore, onceADay } from '../rates/public';
import { MAX_LISTED, MonthlySummaryEntity, type MonthlySummaryItem, TOP_CATEGORIES } from './items';

export type SummarySources = ReturnType<typeof createSummarySources>;

export function createSummarySources({ db, tableName }: { db: DynamoDBDocumentClient; tableName: string }) {
  const insights = createInsightStore({ db, tableName });
  const categories = createCategoryStore({ db, tableName });
  const budgets = createBudgetStore({ db, tableName });
  const rateStore = createRateStore({ db, tableName });
  // One read of a day's rates per run, however many users and accounts need them.
  const rates = onceADay(rateStore);
  return {
    insights,
    categories,
    budgets,
    rates,
    goals: async (userId: string) =>
      (await queryAll(db, { tableName, pk: userPk(userId), prefix: GoalEntity.prefix })).map((item) =>
        goalItem().parse(item),
      ),
  };
}

export async function composeSummary(
  sources: SummarySources,
  input: { profile: Profile; month: string; asOf: string; now: Date },
): Promise<MonthlySummaryItem> {
  const { profile, month, asOf, now } = input;
  const { userId, homeCurrency: currency } = profile;
  const [spending, budgets, goals, netWorth] = await Promise.all([
    spendingOf(sources, userId, currency, month),
    budgetsOf(sources, userId, month),
    goalsOf(sources, userId),
    netWorthOf(sources, userId, currency, month),
  ]);
  return {
    type: MonthlySummaryEntity.type,
    factId: month,
    month,
    asOf,
    timezone: profile.timezone,
    currency,
    spending,
    budgets,
    goals,
    netWorth,
    createdAt: now.toISOString(),
    version: 1,
  };
}

/** The month's spending by top-level category (the spending report's own figures), largest first. */
async function spendingOf(sources: SummarySources, userId: string, currency: string, month: string) {
  const [months, categories] = await Promise.all([
    sources.insights.months(userId, { from: addMonths(month, -1), to: month }),
    sources.categories.listAll(userId),
  ]);
  const byId = new Map(categories.map((category) => [category.categoryId, category]));
  const report = spendingReport({
    months,
    currency,
    from: month,
    to: month,
    groupBy: 'category',
    names: { category: (id) => byId.get(id), payee: () => undefined, account: () => undefined },
  });
  const top = report.groups.slice(0, TOP_CATEGORIES).map((group) => ({
    categoryId: group.key,
    name: group.name,
    amount: group.amount.amount,
    count: group.count,
    share: group.share,
  }));
  return {
    total: report.total.amount,
    count: report.count,
    previousTotal: report.previousPeriod.total.amount,
    top,
    other: report.total.amount - top.reduce((sum, group) => sum + group.amount, 0),
  };
}

/**
 * The budgets whose period ended with the month (every monthly one; a weekly one whose week ended
 * on the month's last day; a yearly one in December), with rollover as the budget's own view has it.
 */
async function budgetsOf(sources: SummarySources, userId: string, month: string) {
  const lastDay = lastDayOf(month);
  const ended = (await sources.budgets.listAll(userId))
    .filter((budget) => budget.startDate <= lastDay && periodOf(budget.period, lastDay).end === lastDay)
    .slice(0, MAX_LISTED);
  return Promise.all(
    ended.map(async (budget: BudgetItem) => {
      const spent = await sources.budgets.spentByPeriod(userId, budget.budgetId);
      const [figures] = figuresFor(budget, (periodId) => spent.get(periodId) ?? 0, [periodOf(budget.period, lastDay)]);
      if (!figures) throw new Error('figuresFor returned no figures for the period asked');
      return {
        budgetId: budget.budgetId,
        name: budget.name,
        period: budget.period,
        start: figures.start,
        end: figures.end,
        currency: budget.currency,
        spent: figures.spent,
        effectiveLimit: figures.effectiveLimit,
        percent: percentOf(figures.spent, figures.effectiveLimit),
      };
    }),
  );
}

/** Goals as they stand when the summary is written: the tracker keeps only the current amount saved. */
async function goalsOf(sources: SummarySources, userId: string) {
  return (await sources.goals(userId)).slice(0, MAX_LISTED).map((goal) => ({
    goalId: goal.goalId,
    name: goal.name,
    currency: goal.currency,
    saved: goal.saved,
    target: goal.target,
    percent: percentSaved(goal.saved, goal.target),
    deadline: goal.deadline,
  }));
}

/** Net worth on the last day of the month before and of the month (a month's last day reads no transactions). */
async function netWorthOf(sources: SummarySources, userId: string, currency: string, month: string) {
  const [accounts, months] = await Promise.all([sources.insights.accounts(userId), sources.insights.months(userId)]);
  const on = async (date: string) =>
    (
      await netWorthOn({
        date,
        currency,
        accounts,
        months,
        laterInMonth: await sources.insights.laterInMonth(userId, date),
        rates: sources.rates,
      })
    ).total.amount;
  const start = await on(lastDayOf(addMonths(month, -1)));
  const end = await on(lastDayOf(month));
  return { start, end, change: end - start };
}
