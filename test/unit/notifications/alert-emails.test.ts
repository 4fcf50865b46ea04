/**
 * What a user reads in each alert email: the right numbers, formatted for the currency, the period
 * in words, user values escaped in HTML and kept as typed in plain text.
 */

import { budgetAlertEmail } from '../../../shared/notifications/templates/budget-alert';
import {
  formatDay,
  formatMoney,
  formatPeriod,
  minorUnitsToDecimal,
  oneLine,
} from '../../../shared/notifications/templates/format';
import { goalAchievedEmail, goalMilestoneEmail } from '../../../shared/notifications/templates/goal-milestone';
import {
  type LargeTransactionInput,
  largeTransactionEmail,
} from '../../../shared/notifications/templates/large-transaction';
import { budgetAlert, goalMilestone } from './support/fact-events';
import { readBodies as bodies } from './support/visible-text';

const NBSP = '\u00a0';

describe('money, dates and periods', () => {
  test('money keeps every digit and the currency exponent (never through a float)', () => {
    expect(minorUnitsToDecimal(123_456, 'EUR')).toBe('1234.56');
    expect(minorUnitsToDecimal(-5, 'BHD')).toBe('-0.005');
    expect(minorUnitsToDecimal(1235, 'JPY')).toBe('1235');
    expect(formatMoney({ amount: 123_456, currency: 'EUR' })).toBe('€1,234.56');
    expect(formatMoney({ amount: 1235, currency: 'JPY' })).toBe('¥1,235');
    expect(formatMoney({ amount: 1234, currency: 'BHD' })).toBe(`BHD${NBSP}1.234`);
    expect(formatMoney({ amount: -1230, currency: 'USD' })).toBe('-$12.30');
    // 2^53 − 1 minor units: a float division would print …740.99 or round the cents away.
    expect(formatMoney({ amount: Number.MAX_SAFE_INTEGER, currency: 'EUR' })).toBe('€90,071,992,547,409.91');
    expect(() => formatMoney({ amount: 12.5, currency: 'EUR' })).toThrow(RangeError);
  });

  test('days are calendar days, whatever the machine time zone', () => {
    expect(formatDay('2026-04-06')).toBe('6 April 2026');
    expect(formatDay('2026-01-01')).toBe('1 January 2026');
  });

  test('periods read as people say them', () => {
    expect(formatPeriod('2026-04', '2026-04-01')).toBe('April 2026');
    expect(formatPeriod('2026-W15', '2026-04-06')).toBe('week of 6 April 2026');
    expect(formatPeriod('2026', '2026-01-01')).toBe('2026');
  });

  test('subject values lose control characters and length', () => {
    expect(oneLine('Food\r\nBcc: x@example.com')).toBe('Food Bcc: x@example.com');
    expect(oneLine('x'.repeat(100))).toHaveLength(60);
  });
});

describe('budget threshold crossed', () => {
  const email = budgetAlertEmail(budgetAlert().data, 'Moneta');

  test('says which budget, which period, spent, limit, percent and what is left', () => {
    expect(email.subject).toBe('Budget "Groceries": 82% used for April 2026');
    for (const body of bodies(email)) {
      expect(body).toContain('Your budget "Groceries" has passed 80% of its limit for April 2026');
      expect(body).toContain('you have spent €412.50 of €500.00 (82%), €87.50 left.');
    }
    expect(email.text).toContain('Spent: €412.50\nLimit: €500.00\nUsed: 82%\nLeft: €87.50');
    expect(email.text).toContain('notifications.budgetThreshold');
  });

  test('a weekly budget in yen names the week by its Monday', () => {
    const weekly = budgetAlertEmail(
      budgetAlert({
        periodId: '2026-W15',
        periodStart: '2026-04-06',
        periodEnd: '2026-04-12',
        currency: 'JPY',
        spent: 9000,
        limit: 10_000,
        threshold: 90,
        percent: 90,
      }).data,
      'Moneta',
    );
    expect(weekly.subject).toBe('Budget "Groceries": 90% used for week of 6 April 2026');
    expect(weekly.text).toContain('you have spent ¥9,000 of ¥10,000 (90%), ¥1,000 left.');
  });
});

describe('budget alerts at the edges', () => {
  test('a threshold alert whose spending jumped past the limit says how far over, not a negative "left"', () => {
    const email = budgetAlertEmail(budgetAlert({ threshold: 80, spent: 60_000, percent: 120 }).data, 'Moneta');
    expect(email.text).toContain('you have spent €600.00 of €500.00 (120%), €100.00 over.');
    expect(email.text).toContain('Over by: €100.00');
    expect(email.text).not.toContain('-€');
  });

  test('spending exactly at the limit has used the budget up', () => {
    const email = budgetAlertEmail(
      budgetAlert({ threshold: 100, spent: 50_000, percent: 100, exceeded: true }).data,
      'Moneta',
    );
    expect(email.subject).toBe('Budget "Groceries" used up for April 2026');
    expect(email.text).toContain('Your budget "Groceries" has reached its limit for April 2026');
    expect(email.text).toContain('(100%), €0.00 left.');
  });

  test('the percentage is rounded down from the snapshot: 99.96 % is not yet 100 %', () => {
    const email = budgetAlertEmail(budgetAlert({ threshold: 90, spent: 49_980, percent: 100 }).data, 'Moneta');
    expect(email.subject).toBe('Budget "Groceries": 99% used for April 2026');
  });
});

describe('budget exceeded', () => {
  const email = budgetAlertEmail(
    budgetAlert({
      threshold: 100,
      spent: 53_010,
      percent: 106.02,
      exceeded: true,
      periodId: '2026',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    }).data,
    'Moneta',
  );

  test('says the budget is over, by how much, for the year', () => {
    expect(email.subject).toBe('Budget "Groceries" exceeded for 2026');
    for (const body of bodies(email)) {
      expect(body).toContain(
        'Your budget "Groceries" is over its limit for 2026: you have spent €530.10 of €500.00 (106%), €30.10 over.',
      );
    }
    expect(email.text).toContain('Over by: €30.10');
    expect(email.text).toContain('notifications.budgetExceeded');
  });
});

describe('goal milestone and goal achieved', () => {
  test('a milestone shows saved, target and progress', () => {
    const email = goalMilestoneEmail(goalMilestone({ saved: 151_234 }).data, 'Moneta');
    expect(email.subject).toBe('Goal "Trip to Japan": 50% reached');
    for (const body of bodies(email)) {
      expect(body).toContain('you have saved €1,512.34 of €3,000.00 (50%).');
    }
    expect(email.text).toContain('Saved: €1,512.34\nTarget: €3,000.00\nProgress: 50%\nStill to save: €1,487.66');
    expect(email.text).toContain('notifications.goalMilestone');
  });

  test('an achieved goal congratulates with the final numbers', () => {
    const email = goalAchievedEmail(goalMilestone({ percent: 100, saved: 301_000 }).data, 'Moneta');
    expect(email.subject).toBe('Goal "Trip to Japan" achieved');
    expect(email.text).toContain(
      'you reached your savings goal "Trip to Japan". You have saved €3,010.00 of €3,000.00.',
    );
    expect(email.text).toContain('Progress: 100%');
    expect(email.text).toContain('notifications.goalAchieved');
  });
});

describe('large transaction', () => {
  const input: LargeTransactionInput = {
    kind: 'expense',
    amount: { amount: 165_000, currency: 'USD' },
    homeAmount: { amount: 152_345, currency: 'EUR' },
    accountName: 'Visa card',
    payee: 'Bike Shop',
    date: '2026-04-06',
    threshold: { amount: 100_000, currency: 'EUR' },
  };

  test('shows the money as entered and in the home currency, the account, payee and day', () => {
    const email = largeTransactionEmail(input, 'Moneta');
    expect(email.subject).toBe('Large expense: $1,650.00 to Bike Shop');
    expect(email.text).toContain(
      'An expense of $1,650.00 (€1,523.45) was recorded on 6 April 2026 in "Visa card", to Bike Shop.',
    );
    expect(email.text).toContain(
      'Amount: $1,650.00\nIn EUR: €1,523.45\nType: Expense\nAccount: Visa card\nPayee: Bike Shop\nDate: 6 April 2026',
    );
    expect(email.text).toContain('transactions of €1,000.00 or more');
    expect(email.text).toContain('notifications.largeTransaction');
  });

  test('an income in the home currency without payee, in an account deleted since', () => {
    const email = largeTransactionEmail(
      {
        ...input,
        kind: 'income',
        amount: { amount: 500_000, currency: 'EUR' },
        homeAmount: { amount: 500_000, currency: 'EUR' },
        payee: null,
        accountName: undefined,
      },
      'Moneta',
    );
    expect(email.subject).toBe('Large income: €5,000.00');
    expect(email.text).toContain(
      'An income of €5,000.00 was recorded on 6 April 2026 in an account that has since been deleted.',
    );
    expect(email.text).not.toContain('In EUR');
    expect(email.text).not.toContain('Payee:');
  });
});

describe('user values cannot inject markup', () => {
  const evil = '<img src=x onerror="alert(1)">';
  const emails = {
    budget: budgetAlertEmail(budgetAlert({ budgetName: evil }).data, 'Moneta'),
    goal: goalMilestoneEmail(goalMilestone({ goalName: evil }).data, 'Moneta'),
    achieved: goalAchievedEmail(goalMilestone({ goalName: evil, percent: 100 }).data, 'Moneta'),
    large: largeTransactionEmail(
      {
        kind: 'expense',
        amount: { amount: 200_000, currency: 'EUR' },
        homeAmount: { amount: 200_000, currency: 'EUR' },
        accountName: evil,
        payee: evil,
        date: '2026-04-06',
        threshold: { amount: 100_000, currency: 'EUR' },
      },
      'Moneta',
    ),
  };

  test.each(Object.entries(emails))('%s: escaped in HTML, as typed in text, no markup in text', (_, email) => {
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(email.text).toContain(evil);
    expect(email.text.replaceAll(evil, '')).not.toMatch(/<\/?[a-z][^>]*>/i);
  });
});
