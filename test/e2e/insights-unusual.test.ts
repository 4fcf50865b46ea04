/**
 * Unusual spending, end to end: six months of steady groceries, then this month's groceries run far
 * above their usual level. One email says so, however much more is spent this month; a user who
 * switched the preference off gets none, and their notification log says why.
 */
import { api } from './support/api-client';
import { createAccount, createTransaction, expectOk, type LedgerUser, ledgerUser } from './support/ledger';
import { mailsTo } from './support/mailbox';
import { settle } from './support/settle';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(120_000);

const today = new Date().toISOString().slice(0, 10);
const thisMonth = today.slice(0, 7);
const monthsBack = (count: number) => {
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  const index = y * 12 + m - 1 - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

async function spendLikeUsual(user: LedgerUser): Promise<string> {
  const account = await createAccount(user, { name: 'Everyday', currency: 'EUR' });
  for (let i = 1; i <= 6; i++) {
    await createTransaction(user, {
      accountId: account.id,
      money: { amount: 19_500 + i * 100, currency: 'EUR' },
      date: `${monthsBack(i)}-12`,
      categoryId: 'groceries',
    });
  }
  await settle();
  return account.id;
}

const unusualMails = async (user: LedgerUser) =>
  (await mailsTo(user.email)).filter((mail) => mail.subject.startsWith('Unusual spending'));

describeWithMailbox('unusual spending', () => {
  test('groceries far above their usual level: one email, even as spending goes on', async () => {
    const user = await ledgerUser({ timezone: 'UTC' });
    const accountId = await spendLikeUsual(user);
    await createTransaction(user, {
      accountId,
      money: { amount: 60_000, currency: 'EUR' },
      date: today,
      categoryId: 'groceries',
    });
    await settle();
    await createTransaction(user, {
      accountId,
      money: { amount: 20_000, currency: 'EUR' },
      date: today,
      categoryId: 'groceries',
    });
    await settle();
    const mails = await unusualMails(user);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Unusual spending: Groceries at €600.00 this month');
    expect(mails[0]?.text).toContain('previous six months');
  });

  test('spending in line with the usual level, or a preference switched off, sends nothing', async () => {
    const calm = await ledgerUser({ timezone: 'UTC' });
    const calmAccount = await spendLikeUsual(calm);
    await createTransaction(calm, {
      accountId: calmAccount,
      money: { amount: 1_000, currency: 'EUR' },
      date: today,
      categoryId: 'groceries',
    });

    const quiet = await ledgerUser({ timezone: 'UTC' });
    const me = expectOk(await api.get('/v1/me', { token: quiet.token }), 200, 'me');
    expectOk(
      await api.patch(
        '/v1/me',
        { notifications: { unusualSpending: false } },
        { token: quiet.token, headers: { 'if-match': me.headers.get('etag') ?? '' } },
      ),
      200,
      'switch off',
    );
    const quietAccount = await spendLikeUsual(quiet);
    await createTransaction(quiet, {
      accountId: quietAccount,
      money: { amount: 90_000, currency: 'EUR' },
      date: today,
      categoryId: 'groceries',
    });
    await settle();

    expect(await unusualMails(calm)).toEqual([]);
    expect(await unusualMails(quiet)).toEqual([]);
    const log = expectOk(await api.get('/v1/notifications', { token: quiet.token }), 200, 'log').json.items;
    expect(log).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'unusualSpending', status: 'suppressed' })]),
    );
  });
});
