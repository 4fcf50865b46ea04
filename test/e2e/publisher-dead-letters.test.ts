/**
 * An EventBridge outage longer than the retry window loses no event, as on AWS: the stream
 * publisher parks each event it cannot put on the bus (the stream itself keeps records for 24 hours
 * only), the retrier keeps trying for the window (about 47 s at the e2e time scale, over a day on
 * AWS), then dead-letters it; `npm run redrive -- stream-publisher` publishes it once the bus is
 * back, and the budget counts the expense exactly once.
 */
import { redrive } from '../../bin/redrive';
import { createBudget, getBudget, waitUntil } from './support/alerts';
import { deadLetterCount } from './support/dead-letters';
import { createAccount, createTransaction, ledgerUser } from './support/ledger';
import { OUTPUTS_FILE_VARIABLE } from './support/outputs';
import { sleep } from './support/poll';
import { setBusOutage, settle } from './support/settle';
import { closeTable } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(240_000);

afterAll(async () => {
  closeTable();
});

describeWithMailbox('an EventBridge outage longer than the retry window', () => {
  afterEach(async () => {
    await setBusOutage(false);
  });

  test('dead-letters the unpublished event, and a redrive publishes it exactly once', async () => {
    const user = await ledgerUser();
    const account = await createAccount(user, { name: 'Main', currency: 'EUR' });
    const budget = await createBudget(user, { name: 'Groceries', limit: { amount: 50_000, currency: 'EUR' } });
    await settle();

    const before = await deadLetterCount();
    await setBusOutage(true);
    await createTransaction(user, { accountId: account.id, money: { amount: 1_234, currency: 'EUR' } });
    await waitUntil(
      'the unpublished event in the dead-letter queue',
      async () => (await deadLetterCount()) > before || undefined,
      {
        timeoutMs: 180_000,
        intervalMs: 1_000,
      },
    );
    expect((await getBudget(user, budget.id)).current.spent.amount).toBe(0);

    // The bus is back, but nothing publishes a dead letter by itself.
    await setBusOutage(false);
    await sleep(3_000);
    expect((await getBudget(user, budget.id)).current.spent.amount).toBe(0);

    const outputsFile = process.env[OUTPUTS_FILE_VARIABLE]!;
    expect((await redrive(outputsFile, 'stream-publisher')).redriven).toBeGreaterThanOrEqual(1);
    expect(await deadLetterCount()).toBe(before);
    await waitUntil(
      'the expense in the budget',
      async () => ((await getBudget(user, budget.id)).current.spent.amount === 1_234 ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    // A second redrive has nothing left; the expense stays counted once.
    expect((await redrive(outputsFile, 'stream-publisher')).redriven).toBe(0);
    await settle();
    expect((await getBudget(user, budget.id)).current.spent.amount).toBe(1_234);
  });
});
