/**
 * Fifty transactions written at once against one budget: the period's spent is exact (every one
 * counted once, none lost to a race between the evaluator's applies), and each threshold the
 * burst crosses sends exactly one email.
 */
import { alertMails, createBudget, derivedFacts, getBudget, kindOf, waitForAlertMails } from './support/alerts';
import { api } from './support/api-client';
import { balanceCheck, createAccount, expectOk, inPool, ledgerUser } from './support/ledger';
import { settle } from './support/settle';
import { closeTable } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(90_000);

afterAll(() => closeTable());

const CONCURRENT = 50;

describeWithMailbox('50 concurrent transactions against one budget', () => {
  test('exact spent, one alert and one email per threshold', async () => {
    const user = await ledgerUser();
    const account = await createAccount(user, { name: 'Main', currency: 'EUR' });
    const budget = await createBudget(user, {
      name: 'Burst',
      limit: { amount: 10_000, currency: 'EUR' },
      categoryIds: ['food'],
      thresholds: [50, 80, 100],
    });
    await settle();
    // 50 × 2.50 (groceries and restaurants, both under food) = 125.00: past 50, 80 and 100 %.
    const results = await inPool(
      CONCURRENT,
      Array.from(
        { length: CONCURRENT },
        (_, i) => async () =>
          expectOk(
            await api.post(
              '/v1/transactions',
              {
                kind: 'expense',
                accountId: account.id,
                money: { amount: 250, currency: 'EUR' },
                categoryId: i % 2 === 0 ? 'groceries' : 'restaurants',
              },
              { token: user.token },
            ),
            201,
            `transaction ${i}`,
          ),
      ),
    );
    expect(results).toHaveLength(CONCURRENT);
    await waitForAlertMails(user.email, () => true, 3);
    await settle();
    const current = (await getBudget(user, budget.id)).current;
    expect(current.spent.amount).toBe(CONCURRENT * 250);
    expect(await balanceCheck(user, account.id)).toEqual({
      balance: -CONCURRENT * 250,
      count: CONCURRENT,
      sum: -CONCURRENT * 250,
      listed: CONCURRENT,
    });
    expect((await derivedFacts(user.userId)).alerts).toEqual(
      [100, 50, 80].map((t) => `${budget.id}#${current.periodId}#${t}`),
    );
    const mails = await alertMails(user.email);
    expect(mails.map(kindOf).sort()).toEqual(['budgetExceeded', 'budgetThreshold', 'budgetThreshold']);
  });
});
