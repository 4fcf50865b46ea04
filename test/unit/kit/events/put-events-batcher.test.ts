import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { MAX_BYTES_PER_CALL, PutEventsBatcher } from '../../../../shared/kit/events/put-events-batcher';

const eventBridge = mockClient(EventBridgeClient);

beforeEach(() => {
  eventBridge.reset();
  eventBridge.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => ({
    FailedEntryCount: 0,
    Entries: input.Entries.map(() => ({ EventId: 'ok' })),
  }));
});

const entry = (detailBytes: number): PutEventsRequestEntry => ({
  Source: 'moneta',
  DetailType: 'UserUpdated',
  Detail: JSON.stringify({ pad: 'x'.repeat(detailBytes) }),
});

test('entries that would exceed the request size limit go out in separate calls', async () => {
  const batcher = new PutEventsBatcher(new EventBridgeClient({}));
  const big = Math.floor(MAX_BYTES_PER_CALL / 3);

  await Promise.all([1, 2, 3, 4].map(() => batcher.publish(entry(big))));

  const sizes = eventBridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries?.length);
  expect(sizes).toEqual([2, 2]);
});

test('a response with fewer results than entries fails the entries it does not confirm', async () => {
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'ok' }] });
  const batcher = new PutEventsBatcher(new EventBridgeClient({}));

  const outcomes = await Promise.allSettled([batcher.publish(entry(1)), batcher.publish(entry(1))]);

  expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
});

test('entries published in separate bursts are sent in separate calls', async () => {
  const batcher = new PutEventsBatcher(new EventBridgeClient({}));

  await batcher.publish(entry(1));
  await batcher.publish(entry(1));

  expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
});
