/**
 * An SES outage delays alert emails but loses none, as on AWS: while the outbox refuses SendEmail
 * the notifier records the failure and throws; Lambda retries it twice and then parks the event in
 * the retry queue (its on-failure destination), from which the consumer retrier invokes it again
 * with backoff. Once SES is back the email goes out exactly once. The outage outlasts Lambda's own
 * retries, so the email arrives only through the retry queue (docs/local-cloud.md).
 */
import { alertMails, createBudget, kindOf, notificationLog, waitForAlertMails, waitUntil } from './support/alerts';
import { createAccount, createTransaction, ledgerUser } from './support/ledger';
import { setOutage, settle } from './support/settle';
import { closeTable } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(120_000);

afterAll(async () => {
  closeTable();
});

describeWithMailbox('an SES outage', () => {
  afterEach(async () => {
    // Never leave the outbox down for the files that run after this one.
    await setOutage(false);
  });

  test('delays the alert email, which then arrives exactly once', async () => {
    const user = await ledgerUser();
    const account = await createAccount(user, { name: 'Main', currency: 'EUR' });
    const budget = await createBudget(user, {
      name: 'Outage',
      limit: { amount: 1_000, currency: 'EUR' },
      thresholds: [80],
    });
    // The welcome mail and the budget's own events are done before the outage starts.
    await settle();

    await setOutage(true);
    await createTransaction(user, { accountId: account.id, money: { amount: 900, currency: 'EUR' } });
    const failed = await waitUntil(
      'a failed attempt in the notification log',
      async () => (await notificationLog(user)).find((n) => n.kind === 'budgetThreshold' && n.status === 'failed'),
      { timeoutMs: 15_000 },
    );
    expect(failed).toMatchObject({ id: expect.stringContaining(budget.id), sesMessageId: null });
    expect(failed.attempts).toBeGreaterThanOrEqual(1);
    // Past Lambda's own three attempts (the first and two retries): the retrier is invoking it now.
    const LAMBDA_ATTEMPTS = 3;
    await waitUntil(
      'an attempt made by the consumer retrier',
      async () =>
        (await notificationLog(user)).find((n) => n.kind === 'budgetThreshold' && n.attempts > LAMBDA_ATTEMPTS),
      { timeoutMs: 60_000 },
    );
    expect(await alertMails(user.email)).toEqual([]);

    const recovered = Date.now();
    await setOutage(false);
    const [mail] = await waitForAlertMails(user.email, (m) => kindOf(m) === 'budgetThreshold', 1, 60_000, 250);
    process.stdout.write(
      `${JSON.stringify({ metric: 'outage_recovery_to_email_ms', value: Date.parse(mail?.receivedAt ?? '') - recovered })}\n`,
    );
    await settle();
    expect((await alertMails(user.email)).map(kindOf)).toEqual(['budgetThreshold']);
    const [entry] = (await notificationLog(user)).filter((n) => n.kind === 'budgetThreshold');
    expect(entry).toMatchObject({ status: 'sent', sesMessageId: mail?.id, reason: null });
    expect(entry?.attempts).toBeGreaterThan(1);
  });
});
