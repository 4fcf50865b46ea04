/**
 * A real DynamoDB Local (in memory, on a free port) with the Moneta table, and the write-route
 * handlers loaded against it through the standard AWS_ENDPOINT_URL_DYNAMODB variable — exactly how
 * the local cloud runs them. Used where mocks would prove nothing: conditions, cancellation
 * reasons, TransactWriteItems atomicity and contention are DynamoDB's behaviour, not ours.
 */

import { AccountEntity } from '../../../../shared/accounts/items';
import { CategoryEntity } from '../../../../shared/categories/items';
import { ProfileEntity } from '../../../../shared/identity/profile';
import type { HttpApiEvent, HttpApiResult } from '../../../../shared/kit/http/api-handler';
import { createRateStore } from '../../../../shared/rates/store';
import { type HttpEventInput, httpEvent, lambdaContext, parseResponse } from '../../support/http-event';
import { startLocalDynamoDb, TABLE } from '../../support/local-dynamodb';
import { accountFixture, categoryFixture, snapshotDays } from './ledger-fixtures';

type Handler = (event: HttpApiEvent, context: ReturnType<typeof lambdaContext>) => Promise<HttpApiResult>;

export async function startLocalLedger() {
  // Started before any handler module is loaded: their clients are built at init from the environment.
  const table = await startLocalDynamoDb();
  const { db, put } = table;
  const routes = {
    create: (await import('../../../../functions/api/transactions/create')).handler as Handler,
    update: (await import('../../../../functions/api/transactions/update')).handler as Handler,
    remove: (await import('../../../../functions/api/transactions/delete')).handler as Handler,
    transfer: (await import('../../../../functions/api/transfers/create')).handler as Handler,
  };
  // The week the tests date their transactions in (2026-01-02 … 2026-01-09), as the seeder writes it.
  await createRateStore({ db, tableName: TABLE }).writeDays(snapshotDays('2026-01-01', '2026-01-09'));

  const send = async (route: keyof typeof routes, sub: string, input: HttpEventInput) =>
    parseResponse(await routes[route](httpEvent({ ...input, claims: { sub } }), lambdaContext()));

  return {
    db,
    stop: table.stop,
    /** POST /v1/transactions */
    create: (sub: string, body: unknown, headers: Record<string, string> = {}) =>
      send('create', sub, { method: 'POST', path: '/v1/transactions', body, headers }),
    /** PATCH /v1/transactions/{id} */
    update: (sub: string, id: string, body: unknown, headers: Record<string, string> = {}) =>
      send('update', sub, { method: 'PATCH', path: `/v1/transactions/${id}`, pathParameters: { id }, body, headers }),
    /** DELETE /v1/transactions/{id} */
    remove: (sub: string, id: string, headers: Record<string, string> = {}) =>
      send('remove', sub, { method: 'DELETE', path: `/v1/transactions/${id}`, pathParameters: { id }, headers }),
    /** POST /v1/transfers */
    transfer: (sub: string, body: unknown, headers: Record<string, string> = {}) =>
      send('transfer', sub, { method: 'POST', path: '/v1/transfers', body, headers }),

    /** A signed-up user: profile, the given accounts, and expense/income categories. */
    async seedUser(
      userId: string,
      options: { homeCurrency?: string; accounts?: { accountId: string; currency: string; archived?: boolean }[] } = {},
    ) {
      await put({
        ...ProfileEntity.key(userId),
        type: 'PROFILE',
        userId,
        email: 'someone@example.com',
        name: 'Someone',
        homeCurrency: options.homeCurrency ?? 'EUR',
        timezone: 'Europe/Berlin',
        notifications: {
          budgetThreshold: true,
          budgetExceeded: true,
          goalMilestone: true,
          goalAchieved: true,
          largeTransaction: false,
          unusualSpending: true,
          largeTransactionAmount: 100_000,
        },
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        version: 1,
      });
      const accounts = options.accounts ?? [{ accountId: 'acc-eur', currency: 'EUR' }];
      for (const account of accounts) {
        await put({ ...AccountEntity.key(userId, account.accountId), ...accountFixture(account) });
      }
      for (const category of [
        categoryFixture({ categoryId: 'groceries', kind: 'expense' }),
        categoryFixture({ categoryId: 'dining', name: 'Dining', kind: 'expense' }),
        categoryFixture({ categoryId: 'salary', name: 'Salary', kind: 'income' }),
      ]) {
        await put({ ...CategoryEntity.key(userId, category.categoryId), ...category });
      }
    },

    /** Every item of the user's partition, strongly consistent (Query on the partition; never Scan). */
    items: (userId: string) => table.partition(userId),
  };
}

export type LocalLedger = Awaited<ReturnType<typeof startLocalLedger>>;

/** The items of one kind, by the prefix of their sort key. */
export function ofKind(items: Record<string, unknown>[], prefix: string) {
  return items.filter((item) => String(item.sk).startsWith(prefix));
}
