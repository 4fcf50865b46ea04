/**
 * What `npm run demo` records: a believable year of one person's money, as plain data computed from
 * the home currency and an anchor day (the day the demo first ran for this user), so the same user
 * always gets the same plan and every write has a stable key. No I/O here: bin/demo.ts writes it.
 *
 * The year: a salary, rent, utilities, a transit pass, groceries every week and a dinner out each
 * month, all in the home currency; a spring weekend in London and a summer trip to New York (two
 * other currencies, the second on a card in that currency); a monthly transfer to savings and a
 * contribution to a holiday goal that reaches its 25, 50 and 75 % milestones. The anchor month adds a
 * big grocery shop and a work trip, so the Food budget passes 80 % and 100 % and Travel passes 80 %
 * in the current period — the only period whose thresholds a new budget alerts about.
 */
import { HOURLY_EMAIL_CAP } from '../../shared/notifications/hourly-cap';

export type Money = { amount: number; currency: string };
export type AccountRef = 'everyday' | 'savings' | 'travelCard';

export type PlannedAccount = {
  ref: AccountRef;
  name: string;
  kind: 'checking' | 'savings' | 'credit_card';
  currency: string;
};

export type PlannedTransaction = {
  /** Unique in the plan: the Idempotency-Key and the externalId are built from it. */
  key: string;
  kind: 'expense' | 'income';
  account: AccountRef;
  money: Money;
  categoryId: string;
  payee: string;
  date: string;
};

export type PlannedTransfer = { key: string; from: AccountRef; to: AccountRef; money: Money; date: string };
export type PlannedContribution = { key: string; money: Money; date: string };

export type PlannedBudget = {
  key: string;
  name: string;
  categoryIds: string[] | null;
  limit: Money;
  thresholds: number[];
  startDate: string;
};

export type PlannedGoal = { key: string; name: string; target: Money; deadline: string };

export type DemoPlan = {
  anchor: string;
  currencies: [string, string, string];
  accounts: PlannedAccount[];
  transactions: PlannedTransaction[];
  transfers: PlannedTransfer[];
  goal: PlannedGoal;
  contributions: PlannedContribution[];
  budgets: PlannedBudget[];
};

/** The two other currencies of the year: the first two of these that are not the home currency. */
const FOREIGN = ['USD', 'GBP', 'CHF', 'EUR'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of the month `offset` months from the anchor's (negative: earlier). */
function monthOf(anchor: string, offset: number): { year: number; month: number } {
  const [year, month] = anchor.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A small deterministic wobble (0..spread-1) so months do not all look the same. */
const wobble = (seed: number, spread: number) => (seed * 7919 + 104_729) % spread;

/**
 * The plan for `months` months ending with the anchor's (12 = a year). Entries of the anchor month
 * dated after the anchor day are left out: the demo records nothing in the future.
 */
export function demoPlan(options: { homeCurrency: string; anchor: string; months?: number }): DemoPlan {
  const home = options.homeCurrency;
  const months = Math.min(12, Math.max(1, options.months ?? 12));
  const [foreignA, foreignB] = FOREIGN.filter((currency) => currency !== home) as [string, string];
  const anchorDay = Number(options.anchor.slice(8, 10));
  const money = (amount: number, currency = home): Money => ({ amount, currency });

  const accounts: PlannedAccount[] = [
    { ref: 'everyday', name: 'Everyday', kind: 'checking', currency: home },
    { ref: 'savings', name: 'Savings', kind: 'savings', currency: home },
    { ref: 'travelCard', name: `Travel card (${foreignA})`, kind: 'credit_card', currency: foreignA },
  ];
  const transactions: PlannedTransaction[] = [];
  const transfers: PlannedTransfer[] = [];
  const contributions: PlannedContribution[] = [];

  for (let offset = -(months - 1); offset <= 0; offset++) {
    const { year, month } = monthOf(options.anchor, offset);
    const period = `${year}-${pad(month)}`;
    const last = offset === 0 ? anchorDay : daysIn(year, month);
    const on = (day: number) => `${period}-${pad(Math.min(day, daysIn(year, month)))}`;
    const seed = year * 12 + month;
    const add = (day: number, entry: Omit<PlannedTransaction, 'date' | 'key'> & { key: string }) => {
      if (day <= last) transactions.push({ ...entry, key: `${period}-${entry.key}`, date: on(day) });
    };
    const expense = (day: number, key: string, amount: number, categoryId: string, payee: string) =>
      add(day, { key, kind: 'expense', account: 'everyday', money: money(amount), categoryId, payee });

    expense(1, 'rent', 115_000, 'rent', 'Hausverwaltung Nord');
    expense(2, 'transit', 4_900, 'transport', 'City Transit');
    expense(3, 'utilities', 7_400 + wobble(seed, 2_500), 'utilities', 'Stadtwerke');
    for (const [week, day] of [4, 11, 18, 25].entries()) {
      expense(day, `groceries-${week + 1}`, 6_200 + wobble(seed + week, 2_400), 'groceries', 'Fresh Market');
    }
    expense(14, 'dinner', 3_850 + wobble(seed, 1_800), 'restaurants', 'Trattoria Roma');
    add(25, {
      key: 'salary',
      kind: 'income',
      account: 'everyday',
      money: money(320_000),
      categoryId: 'salary',
      payee: 'Acme GmbH',
    });
    if (26 <= last) {
      transfers.push({ key: `${period}-savings`, from: 'everyday', to: 'savings', money: money(30_000), date: on(26) });
    }
    contributions.push({ key: `${period}-holiday`, money: money(20_000), date: on(1) });

    // Trips: London in spring (the second currency, paid from the everyday account), New York in
    // summer (the first, on the travel card), a train weekend in autumn (home currency).
    if (month === 4) {
      expense(17, 'london-train', 16_900, 'travel', 'Eurostar');
      add(18, {
        key: 'london-hotel',
        kind: 'expense',
        account: 'everyday',
        money: money(36_000, foreignB),
        categoryId: 'travel',
        payee: 'Covent Garden Hotel',
      });
      add(19, {
        key: 'london-pub',
        kind: 'expense',
        account: 'everyday',
        money: money(4_650, foreignB),
        categoryId: 'restaurants',
        payee: 'The Lamb & Flag',
      });
    }
    if (month === 7) {
      expense(8, 'nyc-flights', 62_000, 'travel', 'Lufthansa');
      for (const [index, [day, amount, categoryId, payee]] of (
        [
          [10, 89_000, 'travel', 'Hotel on Bleecker'],
          [11, 6_400, 'restaurants', 'Katz Delicatessen'],
          [12, 3_200, 'entertainment', 'MoMA'],
          [13, 5_800, 'restaurants', 'Joe’s Pizza'],
        ] as const
      ).entries()) {
        add(day, {
          key: `nyc-${index + 1}`,
          kind: 'expense',
          account: 'travelCard',
          money: money(amount, foreignA),
          categoryId,
          payee,
        });
      }
    }
    if (month === 10) expense(10, 'autumn-train', 12_000, 'travel', 'Deutsche Bahn');

    // The current period: a party's grocery shop, a work trip and a book ordered from London, on
    // the anchor day (so even a one-month demo has all three currencies).
    if (offset === 0) {
      add(anchorDay, {
        key: 'bookshop',
        kind: 'expense',
        account: 'everyday',
        money: money(2_400, foreignB),
        categoryId: 'shopping',
        payee: 'Foyles',
      });
      expense(anchorDay, 'party-groceries', 46_000, 'groceries', 'Fresh Market');
      expense(anchorDay, 'conference-train', 21_000, 'travel', 'Deutsche Bahn');
      add(anchorDay, {
        key: 'conference-hotel',
        kind: 'expense',
        account: 'travelCard',
        money: money(24_000, foreignA),
        categoryId: 'travel',
        payee: 'Conference Hotel',
      });
    }
  }

  transactions.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
  const first = monthOf(options.anchor, -(months - 1));
  const startDate = `${first.year}-${pad(first.month)}-01`;
  const deadline = monthOf(options.anchor, 6);
  return {
    anchor: options.anchor,
    currencies: [home, foreignA, foreignB],
    accounts,
    transactions,
    transfers,
    goal: {
      key: 'holiday-goal',
      name: 'Holiday in Japan',
      // The monthly contributions make 80 % of it: the 25, 50 and 75 % milestones, not the target.
      target: money((contributions.length * 20_000 * 5) / 4),
      deadline: `${deadline.year}-${pad(deadline.month)}-01`,
    },
    contributions,
    budgets: [
      { key: 'food', name: 'Food', categoryIds: ['food'], limit: money(45_000), thresholds: [80, 100], startDate },
      {
        key: 'travel',
        name: 'Travel',
        categoryIds: ['travel'],
        limit: money(50_000),
        thresholds: [80, 100],
        startDate,
      },
      { key: 'spending', name: 'All spending', categoryIds: null, limit: money(250_000), thresholds: [90], startDate },
    ],
  };
}

/**
 * The most emails one run can cause: the welcome mail, every budget threshold of the current
 * period, the goal's four milestones, and an unusual-spending mail per expense category used.
 */
export function emailBound(plan: DemoPlan): number {
  const thresholds = plan.budgets.reduce((sum, budget) => sum + budget.thresholds.length, 0);
  const categories = new Set(plan.transactions.filter((t) => t.kind === 'expense').map((t) => t.categoryId));
  return 1 + thresholds + 4 + categories.size;
}

export { HOURLY_EMAIL_CAP };
