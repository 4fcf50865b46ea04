/** EventBridge events as a rule target receives them, built from details that match the catalog. */
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { EVENT_SOURCE, type EventDetail, type EventName } from '../../../shared/app/events';
import { profileItem } from './stream-records';

let counter = 0;

export function eventBridgeEvent<N extends EventName>(
  detailType: N | string,
  detail: EventDetail<N> | Record<string, unknown>,
  overrides: Partial<EventBridgeEvent<string, unknown>> = {},
): EventBridgeEvent<string, unknown> {
  counter += 1;
  return {
    version: '0',
    id: `envelope-${counter}`,
    'detail-type': detailType,
    source: EVENT_SOURCE,
    account: '123456789012',
    time: '2025-03-01T09:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail,
    ...overrides,
  };
}

/** The profile as published in User* events: the stored item without its key attributes. */
function publishedProfile(overrides: Parameters<typeof profileItem>[0] = {}) {
  const { pk: _pk, sk: _sk, ...profile } = profileItem(overrides);
  return profile;
}

export function userSignedUp(
  profile: Parameters<typeof profileItem>[0] = {},
  sourceEventId = 'stream-event-1',
): EventDetail<'UserSignedUp'> {
  const data = publishedProfile(profile);
  return {
    sourceEventId,
    userId: data.userId,
    id: data.userId,
    version: data.version,
    occurredAt: data.updatedAt,
    data,
  };
}

export function userDeleted(
  profile: Parameters<typeof profileItem>[0] = {},
  sourceEventId = 'stream-event-9',
): EventDetail<'UserDeleted'> {
  const previous = publishedProfile(profile);
  return {
    sourceEventId,
    userId: previous.userId,
    id: previous.userId,
    version: previous.version,
    occurredAt: '2025-03-02T10:00:00.000Z',
    previous,
  };
}

/** A Lambda context good enough for Powertools' injectLambdaContext. */
export function lambdaContext(functionName = 'moneta-test'): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: `request-${counter}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
