/**
 * A real DynamoDB Local (in memory, free port) with the Moneta table, the goal route handlers and
 * the goal tracker loaded against it through AWS_ENDPOINT_URL_DYNAMODB — as the local cloud runs
 * them. Conditions, cancellations and ADD inside TransactWriteItems are DynamoDB's behaviour: the
 * exactly-once claims are only worth something when checked against it.
 */
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEvent } from 'aws-lambda';
import { AccountEntity, type AccountItem } from '../../../../shared/accounts/items';
import type { GoalItem } from '../../../../shared/goals/items';
import { GoalEntity } from '../../../../shared/goals/items';
import { ProfileEntity } from '../../../../shared/identity/profile';
import type { HttpApiEvent, HttpApiResult } from '../../../../shared/kit/http/api-handler';
import { createRateStore } from '../../../../shared/rates/store';
import { lambdaContext as eventContext } from '../../support/eventbridge-event';
import { type HttpEventInput, httpEvent, lambdaContext, parseResponse } from '../../support/http-event';
import { startLocalDynamoDb, TABLE } from '../../support/local-dynamodb';
import { accountFixture, snapshotDays } from '../../transactions/support/ledger-fixtures';

type Handler = (event: HttpApiEvent, context: ReturnType<typeof lambdaContext>) => Promise<HttpApiResult>;
type Consumer = (event: EventBridgeEvent<string, unknown>, context: ReturnType<typeof eventContext>) => Promise<void>;

export async function startLocalGoals() {
  // Started before any handler module is loaded: their clients are built at init from the environment.
  const table = await startLocalDynamoDb();
  const { db, put } = table;
  const routes = {
    create: (await import('../../../../functions/api/goals/create')).handler as Handler,
    list: (await import('../../../../functions/api/goals/list')).handler as Handler,
    get: (await import('../../../../functions/api/goals/get')).handler as Handler,
    update: (await import('../../../../functions/api/goals/update')).handler as Handler,
    remove: (await import('../../../../functions/api/goals/delete')).handler as Handler,
    contribute: (await import('../../../../functions/api/goals/contributions/create')).handler as Handler,
    contributions: (await import('../../../../functions/api/goals/contributions/list')).handler as Handler,
  };
  const tracker = (await import('../../../../functions/events/goal-tracker')).handler as Consumer;
  // The snapshot's last weeks: contribution dates and "today's" conversions fall back into them.
  await createRateStore({ db, tableName: TABLE }).writeDays(snapshotDays('2025-12-15', '2026-12-31'));

  const call = async (route: keyof typeof routes, sub: string, input: HttpEventInput) =>
    parseResponse(await routes[route](httpEvent({ ...input, claims: { sub } }), lambdaContext()));

  return {
    db,
    call,
    /** Delivers one EventBridge event to the goal tracker, as the bus would. */
    track: (event: EventBridgeEvent<string, unknown>) => tracker(event, eventContext('goal-tracker')),
    stop: table.stop,

    /** A signed-up user's profile and the given accounts. */
    async seedUser(
      userId: string,
      options: { homeCurrency?: string; timezone?: string; accounts?: Partial<AccountItem>[] } = {},
    ) {
      await put({
        ...ProfileEntity.key(userId),
        type: 'PROFILE',
        userId,
        email: 'someone@example.com',
        name: 'Someone',
        homeCurrency: options.homeCurrency ?? 'EUR',
        timezone: options.timezone ?? 'Europe/Berlin',
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
      for (const account of options.accounts ?? []) await this.putAccount(userId, account);
    },

    async putAccount(userId: string, overrides: Partial<AccountItem>) {
      const account = accountFixture(overrides);
      await put({ ...AccountEntity.key(userId, account.accountId), ...account });
      return account;
    },

    async putGoal(userId: string, goal: GoalItem) {
      await put({ ...GoalEntity.key(userId, goal.goalId), ...goal });
    },

    async deleteProfile(userId: string) {
      await db.send(new DeleteCommand({ TableName: TABLE, Key: ProfileEntity.key(userId) }));
    },

    async goal(userId: string, goalId: string): Promise<GoalItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: TABLE, Key: GoalEntity.key(userId, goalId), ConsistentRead: true }),
      );
      return Item as GoalItem | undefined;
    },

    /** Every item of the user's partition, strongly consistent (a Query on the partition; never Scan). */
    items: (userId: string) => table.partition(userId),
  };
}

export type LocalGoals = Awaited<ReturnType<typeof startLocalGoals>>;

export function ofKind(items: Record<string, unknown>[], prefix: string) {
  return items.filter((item) => String(item.sk).startsWith(prefix));
}
