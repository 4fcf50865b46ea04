import {
  backoffMs,
  decide,
  functionNameOf,
  type InvocationRecord,
  parseInvocationRecord,
  RETRY_MARKER,
  type RetryPolicy,
  redrivePayload,
} from '../../../../shared/kit/events/retries';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const policy: RetryPolicy = { windowMs: 26 * HOUR, firstDelayMs: 5 * MINUTE, maxDelayMs: HOUR };
const ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:Moneta-NotifierA1B2:$LATEST';
const T0 = Date.parse('2026-12-06T10:00:00.000Z');

const event = { version: '0', id: 'e-1', 'detail-type': 'BudgetThresholdCrossed', source: 'moneta', detail: { a: 1 } };
const record = (failedAt: number, payload: Record<string, unknown> = event): InvocationRecord => ({
  version: '1.0',
  timestamp: new Date(failedAt).toISOString(),
  requestContext: { requestId: 'r-1', functionArn: ARN, condition: 'RetriesExhausted', approximateInvokeCount: 3 },
  requestPayload: payload,
  responsePayload: { errorType: 'Error', errorMessage: 'SES is down' },
});

describe('what the retrier does with an event Lambda gave up on', () => {
  it('waits the first delay after the failure, then invokes the same consumer with the event and a marker', () => {
    expect(decide(record(T0), T0 + MINUTE, policy)).toEqual({ action: 'wait', delayMs: 4 * MINUTE });
    const due = decide(record(T0), T0 + 5 * MINUTE, policy);
    expect(due).toEqual({
      action: 'invoke',
      functionArn: ARN,
      payload: { ...event, [RETRY_MARKER]: { firstFailedAt: new Date(T0).toISOString(), retries: 1 } },
    });
  });

  it('backs off by doubling from the last failure, up to the maximum delay', () => {
    expect([0, 1, 2, 3, 4, 10].map((retries) => backoffMs(retries, policy) / MINUTE)).toEqual([5, 10, 20, 40, 60, 60]);
    // The third retry failed at T0 + 2 h: the fourth waits 40 minutes from then.
    const marked = { ...event, [RETRY_MARKER]: { firstFailedAt: new Date(T0).toISOString(), retries: 3 } };
    expect(decide(record(T0 + 2 * HOUR, marked), T0 + 2 * HOUR + 39 * MINUTE, policy).action).toBe('wait');
    const due = decide(record(T0 + 2 * HOUR, marked), T0 + 2 * HOUR + 40 * MINUTE, policy);
    expect(due.action === 'invoke' && due.payload[RETRY_MARKER]).toEqual({
      firstFailedAt: new Date(T0).toISOString(),
      retries: 4,
    });
  });

  it('keeps retrying for more than a day, counted from the first failure, then dead-letters', () => {
    const marked = { ...event, [RETRY_MARKER]: { firstFailedAt: new Date(T0).toISOString(), retries: 20 } };
    expect(decide(record(T0 + 24 * HOUR, marked), T0 + 25 * HOUR, policy).action).toBe('invoke');
    expect(decide(record(T0 + 25 * HOUR, marked), T0 + 26 * HOUR, policy)).toEqual({
      action: 'dead-letter',
      reason: 'failing for longer than the retry window after 20 retries',
    });
  });

  it('starts a redriven event over: a fresh window and no retries yet', () => {
    const old = { ...event, [RETRY_MARKER]: { firstFailedAt: new Date(T0).toISOString(), retries: 31 } };
    const later = T0 + 3 * 24 * HOUR;
    expect(redrivePayload(record(T0, old), later)).toEqual({
      ...event,
      [RETRY_MARKER]: { firstFailedAt: new Date(later).toISOString(), retries: 0 },
    });
  });

  it('reads only invocation records, and names the function of an ARN', () => {
    expect(parseInvocationRecord(JSON.stringify(record(T0)))).toMatchObject({ requestPayload: event });
    expect(parseInvocationRecord('not json')).toBeUndefined();
    expect(parseInvocationRecord(JSON.stringify({ timestamp: 'x', requestContext: {} }))).toBeUndefined();
    expect(functionNameOf(ARN)).toBe('Moneta-NotifierA1B2');
    expect(functionNameOf('arn:aws:lambda:eu-west-1:000000000000:function:notifier')).toBe('notifier');
    expect(functionNameOf('notifier')).toBe('notifier');
  });
});
