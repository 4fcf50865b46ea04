/**
 * The TypeScript client's README example (clients/typescript/examples/quick-start.ts), run as a user
 * runs it — `tsx` with the API's address and a confirmed user's credentials — against the target: it
 * signs in, records an expense in another currency and reads the Food budget, which counts it.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { api } from './support/api-client';
import { expectStatus } from './support/expectations';
import { stackOutputs } from './support/outputs';
import { eventually } from './support/poll';
import { createConfirmedUser } from './support/users';

jest.setTimeout(120_000);

const root = resolve(__dirname, '../..');

async function runQuickStart(email: string, password: string) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'clients/typescript/examples/quick-start.ts'],
    {
      cwd: root,
      env: { ...process.env, MONETA_API: stackOutputs().ApiUrl, MONETA_EMAIL: email, MONETA_PASSWORD: password },
    },
  );
  const lines = stdout.trim().split('\n');
  return { lines, ids: JSON.parse(lines.at(-1) ?? '{}') as Record<string, string> };
}

test('the quick start signs in, records a dollar expense in euros and reads the budget that counts it', async () => {
  const user = await createConfirmedUser({ homeCurrency: 'EUR', timezone: 'UTC' });
  const { lines, ids } = await runQuickStart(user.email, user.password);
  expect(lines[0]).toMatch(/^Coffee: 450 USD = -?\d+ EUR$/);
  expect(lines[1]).toMatch(/^Food budget \d{4}-\d{2}: /);

  const token = user.tokens.accessToken;
  const coffee = await api.get(`/v1/transactions/${ids.transactionId}`, { token });
  expectStatus(coffee, 200);
  expect(coffee.json).toMatchObject({ money: { amount: 450, currency: 'USD' }, accountId: ids.accountId });
  expect(coffee.json.homeAmount.currency).toBe('EUR');
  // The budget counts the expense once the evaluator has applied it: −homeAmount.
  const spent = -coffee.json.homeAmount.amount;
  await eventually('the Food budget to count the coffee', async () => {
    const budget = await api.get(`/v1/budgets/${ids.budgetId}`, { token });
    return budget.json?.current?.spent?.amount === spent ? budget : undefined;
  });

  // Run again: the same account, expense and budget — nothing recorded twice.
  const again = await runQuickStart(user.email, user.password);
  expect(again.ids).toEqual(ids);
  const ledger = await api.get('/v1/transactions', { token });
  expect(ledger.json.items).toHaveLength(1);
});
