/**
 * The monthly summary end to end: a user in Kathmandu (UTC+05:45) with last month's transactions,
 * a monthly budget and a goal; the hourly schedule run as of 08:45 on their 1st sends exactly one
 * email whose figures match what the API lists (computed here independently), and a second run
 * sends nothing more. A user whose 1st has not come yet, and one who opted out, get nothing.
 */

import { contribute, createBudget, createGoal } from './support/alerts';
import { api } from './support/api-client';
import { computedInsights } from './support/insights';
import { createAccount, createTransaction, expectOk, type LedgerUser, ledgerUser } from './support/ledger';
import { mailsTo } from './support/mailbox';
import { runSchedule } from './support/schedules';
import { settle } from './support/settle';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(180_000);

const now = new Date();
const thisMonth = now.toISOString().slice(0, 7);
const monthsBack = (count: number) => {
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  const index = y * 12 + m - 1 - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
const lastMonth = monthsBack(1);
const monthBefore = monthsBack(2);
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
/** 03:00 UTC on this month's 1st: 08:45 in Kathmandu, 08:30 in Kolkata, 19:00 or 20:00 the day before in Los Angeles. */
const kathmanduFirst = `${thisMonth}-01T03:00:00Z`;

const euros = (amount: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(amount / 100);
const monthName = (month: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

const summaryMails = async (user: LedgerUser) =>
  (await mailsTo(user.email)).filter((mail) => mail.subject.startsWith(`Your ${monthName(lastMonth)} summary`));

type RunOutcome = { zones: string[]; written: number; existing: number; optedOut: number; failed: number };
const runSummaries = () => runSchedule<RunOutcome>('monthly-summary', kathmanduFirst);

async function optOut(user: LedgerUser) {
  const me = expectOk(await api.get('/v1/me', { token: user.token }), 200, 'me');
  expectOk(
    await api.patch(
      '/v1/me',
      { notifications: { monthlySummary: false } },
      { token: user.token, headers: { 'if-match': me.headers.get('etag') ?? '' } },
    ),
    200,
    'opt out',
  );
}

async function spendLastMonth(user: LedgerUser) {
  const account = await createAccount(user, { name: 'Everyday', currency: 'EUR' });
  await createTransaction(user, {
    kind: 'income',
    accountId: account.id,
    money: { amount: 300_000, currency: 'EUR' },
    date: `${monthBefore}-25`,
    categoryId: 'salary',
  });
  const spend = [
    { amount: 95_000, categoryId: 'rent', day: '03' },
    { amount: 12_345, categoryId: 'groceries', day: '08' },
    { amount: 4_500, categoryId: 'restaurants', day: '14' },
    { amount: 6_000, categoryId: 'transport', day: '15' },
    { amount: 2_500, categoryId: null, day: '20' },
    { amount: 1_999, categoryId: 'entertainment', day: '21' },
    { amount: 1_200, categoryId: 'health', day: '22' },
  ];
  for (const { amount, categoryId, day } of spend) {
    await createTransaction(user, {
      accountId: account.id,
      money: { amount, currency: 'EUR' },
      date: `${lastMonth}-${day}`,
      categoryId,
    });
  }
  return account;
}

describeWithMailbox('the monthly summary', () => {
  let user: LedgerUser;
  let notYet: LedgerUser;
  let optedOut: LedgerUser;

  beforeAll(async () => {
    [user, notYet, optedOut] = await Promise.all([
      ledgerUser({ timezone: 'Asia/Kathmandu' }),
      ledgerUser({ timezone: 'America/Los_Angeles' }),
      ledgerUser({ timezone: 'Asia/Kathmandu' }),
    ]);
    await optOut(optedOut);
    await Promise.all([spendLastMonth(user), spendLastMonth(notYet), spendLastMonth(optedOut)]);
    await createBudget(user, {
      name: 'Everything',
      limit: { amount: 100_000, currency: 'EUR' },
      period: 'monthly',
      startDate: `${lastMonth}-01`,
    });
    const goal = await createGoal(user, {
      name: 'Holiday',
      target: { amount: 200_000, currency: 'EUR' },
      funding: { kind: 'contributions' },
    });
    await contribute(user, goal.id, { amount: 50_000, currency: 'EUR' }, `${lastMonth}-10`);
    await settle();
  });

  test('as of 08:45 on their 1st: one email with last month’s spending, budget, goal and net worth change', async () => {
    const run = await runSummaries();
    expect(run.failed).toBe(0);
    await settle();

    const mails = await summaryMails(user);
    expect(mails).toHaveLength(1);
    const text = mails[0]?.text ?? '';

    // Independently: from the transactions, categories and accounts the API lists.
    const figures = await computedInsights(user, monthBefore, lastMonth, now.toISOString().slice(0, 10));
    const lastOnly = await computedInsights(user, lastMonth, lastMonth, now.toISOString().slice(0, 10));
    const byCategory = Object.entries(lastOnly.spending.category)
      .filter(([name]) => !name.includes(' / '))
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    const total = byCategory.reduce((sum, [, amount]) => sum + amount, 0);
    expect(total).toBe(123_544);
    const top = byCategory.slice(0, 5);
    const other = total - top.reduce((sum, [, amount]) => sum + amount, 0);
    const netWorthAt = (date: string) =>
      Object.values(figures.balances[date] ?? {}).reduce((sum, balance) => sum + balance, 0);
    const start = netWorthAt(lastDayOf(monthBefore));
    const end = netWorthAt(lastDayOf(lastMonth));

    expect(mails[0]?.subject).toBe(
      `Your ${monthName(lastMonth)} summary: ${euros(total)} spent, net worth −${euros(start - end)}`,
    );
    expect(text).toContain(`In ${monthName(lastMonth)} you spent ${euros(total)} in 7 transactions`);
    for (const [name, amount] of top) expect(text).toContain(`${name}: ${euros(amount)}`);
    expect(text).toContain(`Everything else: ${euros(other)}`);
    expect(text).toContain(
      `- Everything (${monthName(lastMonth)}): ${euros(total)} of ${euros(100_000)}, 123%, over the limit`,
    );
    expect(text).toContain(`- Holiday: ${euros(50_000)} of ${euros(200_000)} saved (25%)`);
    expect(text).toContain(`Net worth on `);
    expect(text).toContain(`: ${euros(start)}`);
    expect(text).toContain(`: ${euros(end)}`);
    expect(start).toBe(300_000);
    expect(end).toBe(300_000 - total);
  });

  test('running the same hour again sends nothing more', async () => {
    const again = await runSummaries();
    expect(again.written).toBe(0);
    await settle();

    expect(await summaryMails(user)).toHaveLength(1);
  });

  test('a user whose 1st has not come yet, and a user who opted out, get nothing', async () => {
    expect(await summaryMails(notYet)).toEqual([]);
    expect(await summaryMails(optedOut)).toEqual([]);

    // Los Angeles's 1st comes at 16:00 UTC (winter) or 15:00 UTC (summer): its run summarizes them then.
    const laFirst = [15, 16].map((hour) => `${thisMonth}-01T${String(hour).padStart(2, '0')}:00:00Z`);
    for (const at of laFirst) await runSchedule<RunOutcome>('monthly-summary', at);
    await settle();
    expect(await summaryMails(notYet)).toHaveLength(1);
    expect(await summaryMails(optedOut)).toEqual([]);
  });
});
