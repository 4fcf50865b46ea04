/**
 * Sign in, record an expense in another currency, read a budget (the client's README example).
 *
 *   MONETA_API=http://127.0.0.1:4010 MONETA_EMAIL=ada@example.com MONETA_PASSWORD='…' \
 *     npx tsx clients/typescript/examples/quick-start.ts
 *
 * The user must be confirmed (sign up and confirm first: see the repository's README). Safe to
 * re-run: the writes carry Idempotency-Keys, and the account and budget are found by name.
 */
import { createMonetaClient, idempotencyKey, unwrap } from '../src/index';

const { MONETA_API = 'http://127.0.0.1:4010', MONETA_EMAIL, MONETA_PASSWORD } = process.env;
if (!MONETA_EMAIL || !MONETA_PASSWORD) throw new Error('Set MONETA_EMAIL and MONETA_PASSWORD (a confirmed user)');

const moneta = createMonetaClient({ baseUrl: MONETA_API });
await moneta.signIn(MONETA_EMAIL, MONETA_PASSWORD);

// An everyday account in the home currency, found by name or created once.
const me = unwrap(await moneta.GET('/v1/me'));
const accounts = unwrap(await moneta.GET('/v1/accounts'));
const account =
  accounts.items.find((candidate) => candidate.name === 'Everyday') ??
  unwrap(
    await moneta.POST('/v1/accounts', {
      params: { header: idempotencyKey('quick-start-account') },
      body: { name: 'Everyday', kind: 'checking', currency: me.homeCurrency },
    }),
  );

// A coffee paid in another currency: converted at the ECB rate of its date, exactly.
const foreign = me.homeCurrency === 'USD' ? 'GBP' : 'USD';
const today = new Date().toISOString().slice(0, 10);
const coffee = unwrap(
  await moneta.POST('/v1/transactions', {
    params: { header: idempotencyKey(`quick-start-coffee-${today}`) },
    body: {
      kind: 'expense',
      accountId: account.id,
      money: { amount: 450, currency: foreign }, // 4.50: amounts are integer minor units
      categoryId: 'restaurants',
      payee: 'Blue Bottle',
      date: today,
    },
  }),
);
console.log(
  `Coffee: ${coffee.money.amount} ${coffee.money.currency} = ${coffee.homeAmount.amount} ${coffee.homeAmount.currency}`,
);

// A monthly food budget (Food covers Groceries and Restaurants), and what is spent of it.
const budgets = unwrap(await moneta.GET('/v1/budgets'));
const food =
  budgets.items.find((candidate) => candidate.name === 'Food') ??
  unwrap(
    await moneta.POST('/v1/budgets', {
      params: { header: idempotencyKey('quick-start-food-budget') },
      body: { name: 'Food', categoryIds: ['food'], limit: { amount: 40_000, currency: me.homeCurrency } },
    }),
  );
const { current } = unwrap(await moneta.GET('/v1/budgets/{id}', { params: { path: { id: food.id } } }));
console.log(
  `Food budget ${current.periodId}: ${current.spent.amount} of ${current.effectiveLimit.amount} spent (${current.percent} %)`,
);
console.log(JSON.stringify({ accountId: account.id, transactionId: coffee.id, budgetId: food.id }));
