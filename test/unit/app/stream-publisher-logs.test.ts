import '../support/info-logs';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../functions/events/stream-publisher';
import { lambdaContext } from '../support/eventbridge-event';
import { logLines } from '../support/log-output';
import { insertOf, profileItem, streamEvent } from '../support/stream-records';

const eventBridge = mockClient(EventBridgeClient);

beforeEach(() => eventBridge.reset());

test('failed records are logged by stream record id and detail type, never with their content', async () => {
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure' }] });
  const refused = insertOf(profileItem({ email: 'refused@example.com', name: 'Refused Person' }), { eventID: 'ev-1' });
  const invalid = insertOf(profileItem({ userId: 'u-2', email: 'invalid@example', name: 'Invalid Person' }), {
    eventID: 'ev-2',
  });

  const lines = await logLines(() => handler(streamEvent([refused, invalid]), lambdaContext()).catch(() => undefined));
  const output = JSON.stringify(lines);

  expect(lines).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ sourceEventId: 'ev-1', detailType: 'UserSignedUp', errorCode: 'InternalFailure' }),
      expect.objectContaining({ sourceEventId: 'ev-2', detailType: 'UserSignedUp' }),
    ]),
  );
  for (const secret of ['refused@example.com', 'Refused Person', 'invalid@example', 'Invalid Person']) {
    expect(output).not.toContain(secret);
  }
});
