/**
 * `npm run demo` on the local cloud: a new address is signed up and confirmed through the outbox,
 * a shortened year is recorded through the public API, and afterwards every list has something, a
 * budget is over its threshold with the alert emailed, and the goal has reached milestones. A second
 * run adds nothing: the same counts in every list, and nothing created.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { runDemo } from '../../bin/demo';
import { api } from './support/api-client';
import { mailsTo } from './support/mailbox';
import { stackOutputs } from './support/outputs';
import { eventually } from './support/poll';
import { describeWithMailbox } from './support/targets';
import { login, newEmail, newPassword } from './support/users';

// A shortened year is still some 30 writes and their events: minutes on a busy machine.
jest.setTimeout(1_200_000);

const root = resolve(__dirname, '../..');
const MONTHS = 3;

async function counts(token: string) {
  const count = async (path: string) => {
    let total = 0;
    let cursor: string | undefined;
    do {
      const page = await api.get(
        `${path}${path.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        {
          token,
        },
      );
      total += page.json.items.length;
      cursor = page.json.nextCursor ?? undefined;
    } while (cursor);
    return total;
  };
  const goals = await api.get('/v1/goals', { token });
  return {
    accounts: await count('/v1/accounts'),
    transactions: await count('/v1/transactions'),
    budgets: await count('/v1/budgets'),
    goals: await count('/v1/goals'),
    contributions: await count(`/v1/goals/${goals.json.items[0]?.id}/contributions`),
    notifications: await count('/v1/notifications'),
  };
}

describeWithMailbox('npm run demo', () => {
  test('records a year that every list, budget, goal and the outbox show, and a re-run adds nothing', async () => {
    const email = newEmail();
    const password = newPassword();
    const { ApiUrl, OutboxUrl } = stackOutputs();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'bin/demo.ts',
        '--email',
        email,
        '--password',
        password,
        '--api',
        ApiUrl,
        '--outbox',
        String(OutboxUrl),
        '--months',
        String(MONTHS),
      ],
      { cwd: root },
    );
    expect(stdout).toMatch(/Signed up and confirmed/);
    expect(stdout).toMatch(/accounts: 3, transactions: \d+/);
    expect(stdout).toMatch(/budgets over a threshold this period: .*Food/);

    const token = (await login(email, password)).accessToken;
    const after = await counts(token);
    expect(after).toMatchObject({ accounts: 3, budgets: 3, goals: 1, contributions: MONTHS });
    // Ten or more entries a month, plus the transfers' two legs.
    expect(after.transactions).toBeGreaterThanOrEqual(10 * (MONTHS - 1));

    // Three currencies on the ledger.
    const ledger = await api.get('/v1/transactions?limit=200', { token });
    const currencies = new Set(ledger.json.items.map((t: { money: { currency: string } }) => t.money.currency));
    expect(currencies.size).toBe(3);
    expect(ledger.json.items.some((t: { kind: string }) => t.kind === 'transfer')).toBe(true);

    // The Food budget is past 100 % this period; the goal is at 80 % with its milestones reached.
    const budgets = await api.get('/v1/budgets', { token });
    const food = budgets.json.items.find((b: { name: string }) => b.name === 'Food');
    const foodNow = await api.get(`/v1/budgets/${food.id}`, { token });
    expect(foodNow.json.current.percent).toBeGreaterThanOrEqual(100);
    const goals = await api.get('/v1/goals', { token });
    expect(goals.json.items[0].percent).toBe(80);

    // The emails: welcome, the Food budget's thresholds, the goal's milestones.
    const subjects = await eventually('the alert and milestone mails in the outbox', async () => {
      const mails = await mailsTo(email);
      const kinds = await api.get('/v1/notifications?limit=100', { token });
      const sent = new Set(
        kinds.json.items.filter((n: { status: string }) => n.status === 'sent').map((n: { kind: string }) => n.kind),
      );
      return ['welcome', 'budgetThreshold', 'budgetExceeded', 'goalMilestone'].every((kind) => sent.has(kind))
        ? mails.map((mail) => mail.subject)
        : undefined;
    });
    expect(subjects.length).toBeGreaterThanOrEqual(4);
    // Under the notifier's hourly cap: nothing was suppressed.
    const log = await api.get('/v1/notifications?limit=100', { token });
    expect(log.json.items.filter((n: { reason?: string }) => n.reason === 'hourly-cap')).toEqual([]);
    expect(log.json.items.filter((n: { status: string }) => n.status === 'sent').length).toBeGreaterThanOrEqual(4);

    // The second run: everything is found, nothing is created, every list keeps its count.
    const lines: string[] = [];
    const again = await runDemo({
      api: ApiUrl,
      outbox: OutboxUrl,
      email,
      password,
      months: MONTHS,
      progress: false,
      log: (line) => lines.push(line),
    });
    expect(again.created).toEqual({
      accounts: 0,
      goals: 0,
      transactions: 0,
      transfers: 0,
      contributions: 0,
      budgets: 0,
    });
    expect(lines[0]).toBe(`Signed in as ${email}`);
    const { notifications: _before, ...listsBefore } = after;
    const { notifications: _after, ...listsAfter } = await counts(token);
    expect(listsAfter).toEqual(listsBefore);
  });
});
