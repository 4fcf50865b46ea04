/**
 * GET /v1/health as a monitor uses it: no token, the release and each dependency's state; when the
 * event bus stops answering, 503 naming it (no user data, no configuration), and 200 again once it
 * is back. Answers are reused for 5 seconds, so the switch is polled for, never timed.
 */
import { api } from './support/api-client';
import { eventually } from './support/poll';
import { setBusOutage } from './support/settle';
import { describeWithLocalControls } from './support/targets';

jest.setTimeout(120_000);

const release = (require('../../package.json') as { version: string }).version;

test('answers without a token: ok, the release, and each dependency', async () => {
  const answer = await api.get('/v1/health');
  expect(answer.status).toBe(200);
  expect(answer.json).toEqual({
    status: 'ok',
    release,
    checks: { table: 'ok', bus: 'ok' },
    checkedAt: expect.any(String),
  });
  expect(answer.headers.get('cache-control')).toBe('public, max-age=5');
});

// The outage switch is the local bus's.
describeWithLocalControls('when the bus fails', () => {
  afterAll(() => setBusOutage(false));

  test('503 naming the bus while it fails, 200 once it answers again', async () => {
    await setBusOutage(true);
    const down = await eventually(
      'health to see the bus down',
      async () => {
        const answer = await api.get('/v1/health');
        return answer.status === 503 ? answer : undefined;
      },
      { intervalMs: 1_000 },
    );
    expect(down.json).toMatchObject({ status: 'unavailable', release, checks: { table: 'ok', bus: 'unavailable' } });

    await setBusOutage(false);
    await eventually(
      'health to see the bus back',
      async () => ((await api.get('/v1/health')).status === 200 ? true : undefined),
      { intervalMs: 1_000 },
    );
  });
});
