/**
 * The change feed's consumer and store against a DynamoDB Local table, started once per test file:
 * events go in as EventBridge delivers them (`deliver`), the feed comes back the way
 * GET /v1/changes reads it (`feed`).
 */
import type { Context, EventBridgeEvent } from 'aws-lambda';
import type { ChangeStore } from '../../../../shared/changes/store';
import { type LocalTable, startLocalTable, TABLE } from '../../notifications/support/local-table';
import { lambdaContext } from '../../support/eventbridge-event';

type Writer = {
  handler: (event: EventBridgeEvent<string, unknown>, context: Context) => Promise<void>;
  acceptedDetailTypes: readonly string[];
};

/** Registers the file's beforeAll/afterAll; each user it signs up is `<userPrefix>-<n>`. */
export function localFeed(userPrefix: string) {
  let table: LocalTable | undefined;
  let store: ChangeStore | undefined;
  let writer: Writer | undefined;
  let users = 0;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The local table is not started yet (use it inside a test)');
    return value;
  };

  beforeAll(async () => {
    table = await startLocalTable();
    // After the endpoint is set: the handler's client is built from the environment when it loads.
    writer = await import('../../../../functions/events/change-feed-writer');
    const { createChangeStore } = await import('../../../../shared/changes/store');
    store = createChangeStore({ db: table.db, tableName: TABLE });
    // DynamoDB Local (a JVM) takes minutes to start on a loaded machine.
  }, 300_000);
  afterAll(() => table?.stop());

  return {
    get table() {
      return started(table);
    },
    get store() {
      return started(store);
    },
    get writer() {
      return started(writer);
    },
    deliver: (event: EventBridgeEvent<string, unknown>) =>
      started(writer).handler(event, lambdaContext('change-feed-writer')),
    feed: async (userId: string) => (await started(store).list(userId, 0, 500)).entries,
    async signedUpUser(): Promise<string> {
      users += 1;
      const userId = `${userPrefix}-${users}`;
      await started(table).seedProfile({ userId });
      return userId;
    },
  };
}
