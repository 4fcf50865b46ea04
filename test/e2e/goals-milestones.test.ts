/**
 * Goal milestones as the user gets them: one email at 25, 50 and 75 % and one "achieved" email at
 * 100 %, each exactly once — with every event delivered three times, out of order (the bus's chaos
 * mode), and when saving falls back below a level and reaches it again.
 */
import {
  alertMails,
  contribute,
  createGoal,
  derivedFacts,
  getGoal,
  kindOf,
  mailFact,
  notificationLog,
  waitForAlertMails,
} from './support/alerts';
import { api } from './support/api-client';
import { expectStatus } from './support/expectations';
import { createAccount, createTransaction, ledgerUser } from './support/ledger';
import { CHAOS_OFF, setChaos, settle } from './support/settle';
import { closeTable } from './support/table';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(120_000);

afterAll(() => closeTable());

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describeWithMailbox('goal milestones under redelivery', () => {
  afterEach(async () => {
    await setChaos(CHAOS_OFF);
  });

  test('one email per milestone and one "achieved" email, whatever the duplicates', async () => {
    const user = await ledgerUser();
    const account = await createAccount(user, { name: 'Main', currency: 'EUR' });
    const goal = await createGoal(user, { name: 'Trip', target: eur(10_000), funding: { kind: 'contributions' } });
    await settle();
    // Every event from here on is delivered three times, up to a second apart.
    await setChaos({ enabled: true, duplicates: 2, maxDelayMs: 1_000 });

    await contribute(user, goal.id, eur(3_000)); // 30 %: 25
    await waitForAlertMails(user.email, () => true, 1);
    // A tagged income counts too: 55 %: 50.
    await createTransaction(user, {
      kind: 'income',
      accountId: account.id,
      money: eur(2_500),
      tags: [`goal:${goal.id.toLowerCase()}`],
    });
    await waitForAlertMails(user.email, () => true, 2);
    await contribute(user, goal.id, eur(2_000)); // 75 %: 75
    await waitForAlertMails(user.email, () => true, 3);
    const started = Date.now();
    await contribute(user, goal.id, eur(3_000)); // 105 %: achieved
    const [achieved] = await waitForAlertMails(user.email, (mail) => kindOf(mail) === 'goalAchieved');
    process.stdout.write(
      `${JSON.stringify({ metric: 'write_to_email_ms', value: Date.parse(achieved?.receivedAt ?? '') - started, kind: 'goalAchieved', chaos: true })}\n`,
    );
    expect(achieved?.subject).toBe('Goal "Trip" achieved');

    // A withdrawal back under 75 % and a contribution over 100 % again: nothing new to say.
    await contribute(user, goal.id, eur(-4_000));
    await contribute(user, goal.id, eur(5_000));
    await settle();
    await setChaos(CHAOS_OFF);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await settle();

    expect((await getGoal(user, goal.id)).saved).toEqual(eur(3_000 + 2_500 + 2_000 + 3_000 - 4_000 + 5_000));
    const mails = await alertMails(user.email);
    expect(mails.map(mailFact).sort()).toEqual([
      'goalAchieved "Trip"',
      'goalMilestone "Trip" 25',
      'goalMilestone "Trip" 50',
      'goalMilestone "Trip" 75',
    ]);
    expect((await derivedFacts(user.userId)).milestones).toEqual([100, 25, 50, 75].map((p) => `${goal.id}#${p}`));
    const log = (await notificationLog(user)).filter((n) => n.kind.startsWith('goal'));
    expect(log).toHaveLength(4);
    for (const entry of log) expect(entry).toMatchObject({ status: 'sent', attempts: 1 });
  });

  test('an account-funded goal follows the balance, once per level', async () => {
    const user = await ledgerUser();
    const [main, savings] = await Promise.all([
      createAccount(user, { name: 'Main', currency: 'EUR' }),
      createAccount(user, { name: 'Savings', kind: 'savings', currency: 'EUR' }),
    ]);
    const goal = await createGoal(user, {
      name: 'Rainy day',
      target: eur(20_000),
      funding: { kind: 'account', accountId: savings.id },
    });
    await settle();
    await setChaos({ enabled: true, duplicates: 1, maxDelayMs: 1_000 });
    const transfer = (amount: number) =>
      api.post(
        '/v1/transfers',
        { fromAccountId: main.id, toAccountId: savings.id, money: eur(amount) },
        { token: user.token },
      );
    expectStatus(await transfer(6_000), 201); // 30 %
    expectStatus(await transfer(6_000), 201); // 60 %
    await settle();
    await setChaos(CHAOS_OFF);
    await settle();
    expect((await getGoal(user, goal.id)).saved).toEqual(eur(12_000));
    expect((await alertMails(user.email)).map(mailFact).sort()).toEqual([
      'goalMilestone "Rainy day" 25',
      'goalMilestone "Rainy day" 50',
    ]);
  });
});
