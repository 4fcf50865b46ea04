/**
 * Budget alerts as the user gets them: crossing 80 % of a monthly budget sends exactly one email,
 * within 2 s of the write that crossed it; crossing 100 % sends exactly one "exceeded" email; and
 * nothing more is sent that period — not for later spending, and not when spending falls back
 * below a threshold and crosses it again (an alert is a fact, never withdrawn nor repeated).
 */
import {
  alertMails,
  createBudget,
  derivedFacts,
  getBudget,
  kindOf,
  notificationLog,
  waitForAlertMails,
} from './support/alerts';
import { api } from './support/api-client';
import { expectStatus } from './support/expectations';
import {
  type AccountView,
  createAccount,
  createTransaction,
  type LedgerUser,
  ledgerUser,
  type TransactionView,
} from './support/ledger';
import { settle } from './support/settle';
import { closeTable } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(90_000);

afterAll(() => closeTable());

/** The bound on write-to-email latency: the alert reaches the outbox within 2 s of the write's response. */
const WRITE_TO_EMAIL_MS = 2_000;

function logMetric(metric: string, value: number, extra: Record<string, unknown> = {}) {
  process.stdout.write(`${JSON.stringify({ metric, value, ...extra })}\n`);
}

describeWithMailbox('budget threshold emails', () => {
  let user: LedgerUser;
  let account: AccountView;
  let budgetId: string;
  let first: TransactionView;

  const spend = (amount: number, categoryId = 'groceries') =>
    createTransaction(user, { accountId: account.id, money: { amount, currency: 'EUR' }, categoryId });

  beforeAll(async () => {
    user = await ledgerUser();
    account = await createAccount(user, { name: 'Everyday', currency: 'EUR' });
    // Default thresholds (80 and 100), monthly, from the first day of this month.
    budgetId = (
      await createBudget(user, {
        name: 'Groceries',
        limit: { amount: 10_000, currency: 'EUR' },
        categoryIds: ['groceries'],
      })
    ).id;
    // The budget's own event (its backfill) is done before anything is spent.
    await settle();
  });

  test('70 %: no email', async () => {
    first = await spend(7_000);
    await settle();
    expect(await alertMails(user.email)).toEqual([]);
    expect((await getBudget(user, budgetId)).current).toMatchObject({ spent: { amount: 7_000 }, percent: 70 });
  });

  test('crossing 80 %: exactly one threshold email, within 2 s of the response', async () => {
    await spend(1_500);
    const respondedAt = Date.now();
    const [mail] = await waitForAlertMails(user.email, (m) => kindOf(m) === 'budgetThreshold');
    const seenAfter = Date.now() - respondedAt;
    const writeToEmail = Date.parse(mail?.receivedAt ?? '') - respondedAt;
    logMetric('write_to_email_ms', writeToEmail, { seenAfterMs: seenAfter, kind: 'budgetThreshold' });
    expect(writeToEmail).toBeLessThanOrEqual(WRITE_TO_EMAIL_MS);
    expect(mail?.subject).toMatch(/^Budget "Groceries": 85% used for /);
    expect(mail?.text).toContain('has passed 80% of its limit');
    await settle();
    expect((await alertMails(user.email)).map(kindOf)).toEqual(['budgetThreshold']);
  });

  test('crossing 100 %: exactly one "exceeded" email', async () => {
    await spend(2_000);
    const respondedAt = Date.now();
    const [mail] = await waitForAlertMails(user.email, (m) => kindOf(m) === 'budgetExceeded');
    logMetric('write_to_email_ms', Date.parse(mail?.receivedAt ?? '') - respondedAt, { kind: 'budgetExceeded' });
    expect(Date.parse(mail?.receivedAt ?? '') - respondedAt).toBeLessThanOrEqual(WRITE_TO_EMAIL_MS);
    expect(mail?.subject).toMatch(/^Budget "Groceries" exceeded for /);
    expect(mail?.text).toContain('€105.00 of €100.00');
    await settle();
    expect((await alertMails(user.email)).map(kindOf).sort()).toEqual(['budgetExceeded', 'budgetThreshold']);
  });

  test('later spending, a fall back below both thresholds and crossing them again send nothing more', async () => {
    await spend(500); // 11,000: later spending in the same period
    await settle();
    // Below both (4,000 = 40 %), across 80 % again (9,000), across 100 % again (11,000), an edit
    // down (9,100) and up again (12,000).
    expectStatus(await api.delete(`/v1/transactions/${first.id}`, { token: user.token }), 204);
    await settle();
    expect((await getBudget(user, budgetId)).current.spent.amount).toBe(4_000);
    await spend(5_000);
    const last = await spend(2_000);
    const edit = (amount: number) =>
      api.patch(`/v1/transactions/${last.id}`, { money: { amount, currency: 'EUR' } }, { token: user.token });
    expectStatus(await edit(100), 200);
    expectStatus(await edit(3_000), 200);
    await settle();
    // Give a late duplicate every chance to show up before the final count.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await settle();
    const budget = await getBudget(user, budgetId);
    expect(budget.current.spent.amount).toBe(12_000);
    expect((await alertMails(user.email)).map(kindOf).sort()).toEqual(['budgetExceeded', 'budgetThreshold']);
    const period = budget.current.periodId;
    expect((await derivedFacts(user.userId)).alerts).toEqual([`${budgetId}#${period}#100`, `${budgetId}#${period}#80`]);
    const log = (await notificationLog(user)).filter((n) => n.kind.startsWith('budget'));
    expect(log.map((n) => [n.id, n.kind, n.status, n.attempts]).sort()).toEqual([
      [`${budgetId}:${period}:100`, 'budgetExceeded', 'sent', 1],
      [`${budgetId}:${period}:80`, 'budgetThreshold', 'sent', 1],
    ]);
  });
});

describeWithMailbox('one transaction past several thresholds', () => {
  test('sends one email per threshold it passes, each once', async () => {
    const user = await ledgerUser();
    const account = await createAccount(user, { name: 'Main', currency: 'EUR' });
    await createBudget(user, {
      name: 'Everything',
      limit: { amount: 20_000, currency: 'EUR' },
      thresholds: [50, 80, 100],
    });
    await settle();
    // Not covered: an income and a transfer count for no spending budget.
    const savings = await createAccount(user, { name: 'Savings', kind: 'savings', currency: 'EUR' });
    await createTransaction(user, {
      kind: 'income',
      accountId: account.id,
      money: { amount: 90_000, currency: 'EUR' },
    });
    expectStatus(
      await api.post(
        '/v1/transfers',
        { fromAccountId: account.id, toAccountId: savings.id, money: { amount: 50_000, currency: 'EUR' } },
        { token: user.token },
      ),
      201,
    );
    await settle();
    expect(await alertMails(user.email)).toEqual([]);
    await createTransaction(user, { accountId: account.id, money: { amount: 25_000, currency: 'EUR' } });
    await waitForAlertMails(user.email, () => true, 3);
    await settle();
    const mails = await alertMails(user.email);
    expect(mails.map(kindOf).sort()).toEqual(['budgetExceeded', 'budgetThreshold', 'budgetThreshold']);
    expect(mails.map((mail) => /has passed (\d+)%/.exec(mail.text ?? '')?.[1] ?? 'exceeded').sort()).toEqual([
      '50',
      '80',
      'exceeded',
    ]);
  });
});
