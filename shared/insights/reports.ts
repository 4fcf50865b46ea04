/**
 * The insight reports, computed from month items (./store.ts) and the few items that name their
 * groups: pure functions of what was read, so a report costs months × groups to read whatever the
 * number of transactions. Only months kept in the requested home currency count; months kept in
 * another one (recorded before the home currency changed) are named in `otherCurrencies`.
 */
import type { Money } from '../kit/money/money';
import type { Lines, MonthTotals } from './items';
import { combine, entriesOf, lineCount, lineValue, NONE, type SpendingGroupBy, spendingDimensions } from './lines';
import { addMonths, monthRange, monthsBetween } from './months';

const money = (amount: number, currency: string): Money => ({ amount, currency });

/** part / whole in percent, one decimal, half away from zero; null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const numerator = BigInt(part) * 1000n;
  const denominator = BigInt(Math.abs(whole));
  const quotient = numerator / denominator;
  const twiceRemainder = (numerator % denominator) * 2n;
  const rounded =
    twiceRemainder >= denominator ? quotient + 1n : twiceRemainder <= -denominator ? quotient - 1n : quotient;
  return Number(rounded) / 10;
}

/** The sum of the month items of `currency` whose month is in [from, to]. */
export function sumMonths(months: readonly MonthTotals[], currency: string, from: string, to: string): Lines {
  let sum: Lines = {};
  for (const month of months) {
    if (month.currency === currency && month.month >= from && month.month <= to) sum = combine(sum, month.lines);
  }
  return sum;
}

/**
 * Home currencies of months that still count something in another currency. A month item whose
 * every counter went back to 0 (its transactions restated into the new currency) holds nothing.
 */
export function otherCurrencies(months: readonly MonthTotals[], currency: string): string[] {
  const counting = months.filter(
    (month) => month.currency !== currency && Object.values(month.lines).some((value) => value !== 0),
  );
  return [...new Set(counting.map((month) => month.currency))].sort();
}

/** What a group is called: category names (and parents), payee display names, account names. */
export type GroupNames = {
  category: (id: string) => { name: string; parentId: string | null } | undefined;
  payee: (key: string) => string | undefined;
  account: (id: string) => string | undefined;
};

type Figure = { amount: number; count: number; previous: number };

type GroupView = {
  key: string | null;
  name: string | null;
  amount: Money;
  count: number;
  /** Of the period's total spending, percent with one decimal. */
  share: number | null;
  previous: Money;
  change: { amount: Money; percent: number | null };
  children?: GroupView[];
};

export function spendingReport(input: {
  months: readonly MonthTotals[];
  currency: string;
  from: string;
  to: string;
  groupBy: SpendingGroupBy;
  names: GroupNames;
}) {
  const { months, currency, from, to, groupBy, names } = input;
  const length = monthsBetween(from, to);
  const previousFrom = addMonths(from, -length);
  const previousTo = addMonths(from, -1);
  const current = sumMonths(months, currency, from, to);
  const previous = sumMonths(months, currency, previousFrom, previousTo);
  const dimension = spendingDimensions[groupBy];
  // Every spending transaction is in exactly one category line (tags may repeat or be absent).
  const total = sumOf(entriesOf(current, 'c'));
  const previousTotal = sumOf(entriesOf(previous, 'c'));

  const figures = new Map<string, Figure>();
  for (const [key, { amount, count }] of entriesOf(current, dimension))
    figures.set(key, { amount, count, previous: 0 });
  for (const [key, { amount }] of entriesOf(previous, dimension)) {
    const figure = figures.get(key) ?? { amount: 0, count: 0, previous: 0 };
    figure.previous = amount;
    figures.set(key, figure);
  }

  const view = (key: string, figure: Figure, children?: GroupView[]): GroupView => ({
    key: key === NONE && groupBy !== 'tag' ? null : key,
    name: nameOf(groupBy, key, names),
    amount: money(figure.amount, currency),
    count: figure.count,
    share: percent(figure.amount, total),
    previous: money(figure.previous, currency),
    change: {
      amount: money(figure.amount - figure.previous, currency),
      percent: percent(figure.amount - figure.previous, figure.previous),
    },
    ...(children ? { children } : {}),
  });

  let groups: GroupView[];
  if (groupBy === 'category') {
    // Subcategories roll up into their parent along the current tree.
    const tops = new Map<string, { figure: Figure; children: [string, Figure][] }>();
    for (const [key, figure] of figures) {
      const parentId = key === NONE ? null : (names.category(key)?.parentId ?? null);
      const top = parentId ?? key;
      const entry = tops.get(top) ?? { figure: { amount: 0, count: 0, previous: 0 }, children: [] };
      entry.figure.amount += figure.amount;
      entry.figure.count += figure.count;
      entry.figure.previous += figure.previous;
      if (parentId !== null) entry.children.push([key, figure]);
      tops.set(top, entry);
    }
    groups = [...tops].map(([key, { figure, children }]) =>
      view(key, figure, sorted(children.map(([child, childFigure]) => view(child, childFigure)))),
    );
  } else {
    groups = [...figures].map(([key, figure]) => view(key, figure));
  }

  return {
    from,
    to,
    groupBy,
    currency,
    total: money(total, currency),
    count: countOf(entriesOf(current, 'c')),
    previousPeriod: {
      from: previousFrom,
      to: previousTo,
      total: money(previousTotal, currency),
      count: countOf(entriesOf(previous, 'c')),
    },
    change: { amount: money(total - previousTotal, currency), percent: percent(total - previousTotal, previousTotal) },
    groups: sorted(groups),
    otherCurrencies: otherCurrencies(months, currency),
  };
}

function nameOf(groupBy: SpendingGroupBy, key: string, names: GroupNames): string | null {
  if (groupBy === 'tag') return key;
  if (key === NONE) return groupBy === 'category' ? 'Uncategorized' : null;
  if (groupBy === 'category') return names.category(key)?.name ?? null;
  if (groupBy === 'payee') return names.payee(key) ?? key;
  return names.account(key) ?? null;
}

/** Largest first; ties by name, so the order is stable. */
function sorted(groups: GroupView[]): GroupView[] {
  return groups.sort((a, b) => b.amount.amount - a.amount.amount || String(a.name).localeCompare(String(b.name)));
}

const sumOf = (entries: Map<string, { amount: number }>) => [...entries.values()].reduce((s, e) => s + e.amount, 0);
const countOf = (entries: Map<string, { count: number }>) => [...entries.values()].reduce((s, e) => s + e.count, 0);

export function cashFlowReport(input: { months: readonly MonthTotals[]; currency: string; from: string; to: string }) {
  const { months, currency, from, to } = input;
  const rows = monthRange(from, to).map((month) => {
    const lines = sumMonths(months, currency, month, month);
    return { month, ...flowOf(lines, currency) };
  });
  return {
    from,
    to,
    currency,
    months: rows,
    total: flowOf(sumMonths(months, currency, from, to), currency),
    otherCurrencies: otherCurrencies(months, currency),
  };
}

function flowOf(lines: Lines, currency: string) {
  const income = lineValue(lines, 'T', 'in');
  const expense = lineValue(lines, 'T', 'ex');
  return {
    income: money(income, currency),
    expense: money(expense, currency),
    net: money(income - expense, currency),
    transfers: money(lineValue(lines, 'T', 'tr'), currency),
    /** Net of income, percent with one decimal; null without income. */
    savingsRate: income > 0 ? percent(income - expense, income) : null,
    counts: {
      income: lineCount(lines, 'T', 'in'),
      expense: lineCount(lines, 'T', 'ex'),
      transfers: lineCount(lines, 'T', 'tr'),
    },
  };
}
