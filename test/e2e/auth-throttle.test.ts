/**
 * The public auth routes are throttled by API Gateway itself (route settings, for all callers
 * together), and the local gateway answers exactly as it does: 429 `{"message":"Too Many Requests"}`
 * before any function runs. Raw fetch on purpose: the suite's client waits out this answer.
 */
import { routes } from '../../lib/catalog/routes';
import { stackOutputs } from './support/outputs';

const FORGOT = routes.find((route) => route.path === '/v1/auth/forgot-password')!;

test('a burst of password-reset requests past the route limit gets 429 Too Many Requests', async () => {
  const { burst } = FORGOT.throttle!;
  const attempts = burst + 7;
  const answers = await Promise.all(
    Array.from({ length: attempts }, (_, i) =>
      fetch(`${stackOutputs().ApiUrl}/v1/auth/forgot-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `nobody-${Date.now()}-${i}@example.com` }),
      }).then(async (response) => ({
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: await response.text(),
      })),
    ),
  );
  const refused = answers.filter((answer) => answer.status === 429);
  const accepted = answers.filter((answer) => answer.status === 202);
  expect(accepted.length).toBeGreaterThanOrEqual(1);
  expect(accepted.length).toBeLessThan(attempts);
  expect(refused.length + accepted.length).toBe(attempts);
  expect(refused[0]).toMatchObject({ contentType: expect.stringContaining('application/json') });
  expect(JSON.parse(refused[0]!.body)).toEqual({ message: 'Too Many Requests' });
});
