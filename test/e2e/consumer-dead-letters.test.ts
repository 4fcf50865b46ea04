/**
 * A consumer that fails for longer than the retry window (over a day on AWS; about 47 s at the
 * e2e time scale) does not lose the event: it ends in the consumers' dead-letter queue, and
 * `npm run redrive` hands it back once the cause is fixed, applied exactly once.
 */
import { redrive } from '../../bin/redrive';
import { alertMails, createBudget, kindOf, notificationLog, waitForAlertMails, waitUntil } from './support/alerts';
import { deadLetterCount } from './support/dead-letters';
import { createAccount, createTransaction, ledgerUser } from './support/ledger';
import { OUTPUTS_FILE_VARIABLE } from './support/outputs';
import { sleep } from './support/poll';
import { setOutage, settle } from './support/settle';
import { closeTable } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(240_000);

afterAll(async () => {
  closeTable();
});

describeWithMailbox('a consumer failing for longer than the retry window', () => {
  afterEach(async () => {
    await setOutage(false);
  });

  test('ends in the dead-letter queue, and a redrive delivers its email exactly once', async () => {
    const user = await ledgerUser();
    const account = await createAccount(user, { name: 'Main', currency: 'EUR' });
    await createBudget(user, { name: 'Long outage', limit: { amount: 1_000, currency: 'EUR' }, thresholds: [80] });
    await settle();
    const before = await deadLetterCount();

    await setOutage(true);
    await createTransaction(user, { accountId: account.id, money: { amount: 900, currency: 'EUR' } });
    await waitUntil(
      'the alert event in the dead-letter queue',
      async () => (await deadLetterCount()) > before || undefined,
      {
        timeoutMs: 180_000,
        intervalMs: 1_000,
      },
    );
    const [entry] = (await notificationLog(user)).filter((n) => n.kind === 'budgetThreshold');
    expect(entry).toMatchObject({ status: 'failed', sesMessageId: null });

    // SES is back, but nothing retries a dead letter by itself: a few sweeps later, still no mail.
    await setOutage(false);
    await sleep(3_000);
    expect(await alertMails(user.email)).toEqual([]);

    const outputsFile = process.env[OUTPUTS_FILE_VARIABLE]!;
    const result = await redrive(outputsFile, 'notifier');
    expect(result.redriven).toBeGreaterThanOrEqual(1);
    expect(await deadLetterCount()).toBe(before);

    const [mail] = await waitForAlertMails(user.email, (m) => kindOf(m) === 'budgetThreshold', 1, 60_000, 250);
    // A second redrive finds nothing of the notifier's, and the email is not sent again.
    expect((await redrive(outputsFile, 'notifier')).redriven).toBe(0);
    await settle();
    expect((await alertMails(user.email)).map(kindOf)).toEqual(['budgetThreshold']);
    const [sent] = (await notificationLog(user)).filter((n) => n.kind === 'budgetThreshold');
    expect(sent).toMatchObject({ status: 'sent', sesMessageId: mail?.id });
  });
});
