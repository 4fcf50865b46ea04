/**
 * Request budgets (docs/security.md, "Request limits"): a user past theirs gets 429 `rate-limited`
 * with Retry-After and RateLimit fields while another user's calls all succeed; the public auth
 * routes are limited per client address and per target email, and the answer is the same for an
 * email with an account and one without. Raw requests on purpose: the suite's client waits out a
 * 429 as a well-behaved client does, and these tests look at the 429 itself. No timing is asserted:
 * the noisy caller fires in waves until it is refused (a server that admitted every wave would be
 * handling fewer requests per second than the budget refills, which no wave can then exceed).
 */
import { request } from 'node:http';
import { requestBudgets } from '../../shared/kit/http/request-limits';
import { stackOutputs } from './support/outputs';
import { testWithOwnAddress } from './support/targets';
import { createConfirmedUser, newEmail, newPassword } from './support/users';

jest.setTimeout(180_000);

type Answer = { status: number; headers: Record<string, string>; body: string };

const asAnswer = async (response: Response): Promise<Answer> => ({
  status: response.status,
  headers: Object.fromEntries(response.headers.entries()),
  body: await response.text(),
});

const get = (path: string, token: string) =>
  fetch(`${stackOutputs().ApiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } }).then(asAnswer);

/** A POST sent from `localAddress` (one of 127.0.0.0/8 on the local cloud), read whole. */
function postFrom(localAddress: string | undefined, path: string, body: unknown): Promise<Answer> {
  const url = new URL(`${stackOutputs().ApiUrl}${path}`);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        ...(localAddress ? { localAddress } : {}),
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)])),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A loopback address no other test sends from. */
const ownAddress = () =>
  `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

const isRateLimited = (answer: Answer) =>
  answer.status === 429 && answer.headers['content-type']?.includes('application/problem+json') === true;

/** Fires `wave()` (a batch sent at once) until one of its answers is rate-limited; every answer. */
async function untilLimited(wave: () => Promise<Answer>[], waves = 6): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let n = 0; n < waves && !answers.some(isRateLimited); n++) answers.push(...(await Promise.all(wave())));
  return answers;
}

function expectRateLimitedProblem(answer: Answer | undefined, limit: number) {
  expect(answer).toBeDefined();
  const problem = JSON.parse(answer!.body);
  expect(problem).toMatchObject({ type: expect.stringMatching(/rate-limited$/), status: 429 });
  expect(Number(answer!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(answer!.headers['ratelimit-limit']).toBe(String(limit));
  expect(answer!.headers['ratelimit-remaining']).toBe('0');
  expect(Number(answer!.headers['ratelimit-reset'])).toBeGreaterThanOrEqual(1);
}

describe('per user', () => {
  const { burst } = requestBudgets.standard;

  test('a user past their budget gets 429 with Retry-After while another user is served in full', async () => {
    const [noisy, quiet] = await Promise.all([createConfirmedUser(), createConfirmedUser()]);

    // The quiet user's own burst, alone first: every call answered, with its RateLimit fields.
    const alone = await Promise.all(Array.from({ length: 10 }, () => get('/v1/accounts', quiet.tokens.accessToken)));
    expect(alone.map((a) => a.status)).toEqual(alone.map(() => 200));
    expect(alone.every((a) => a.headers['ratelimit-limit'] === String(burst))).toBe(true);

    // The noisy user fires in waves until refused; each wave carries the quiet user's calls too.
    const quietAnswers: Answer[] = [];
    const noisyAnswers = await untilLimited(() => {
      // At most 10 + 6 × 5 calls in all: within the quiet user's own burst, however fast they go.
      const quietWave = Array.from({ length: 5 }, () =>
        get('/v1/accounts', quiet.tokens.accessToken).then((a) => {
          quietAnswers.push(a);
          return a;
        }),
      );
      return [...Array.from({ length: burst + 40 }, () => get('/v1/accounts', noisy.tokens.accessToken)), ...quietWave];
    });
    const refused = noisyAnswers.filter(isRateLimited);
    expect(refused.length).toBeGreaterThan(0);
    expectRateLimitedProblem(refused[0], burst);
    // Whatever the noisy user was not refused, they were served.
    expect(noisyAnswers.filter((a) => !isRateLimited(a)).every((a) => a.status === 200)).toBe(true);
    // The quiet user never was: 200 for every call made while the noisy one was over budget.
    expect(quietAnswers.length).toBeGreaterThan(0);
    expect(quietAnswers.map((a) => a.status)).toEqual(quietAnswers.map(() => 200));
  });

  test('successful answers carry the RateLimit fields, and CORS exposes them', async () => {
    const user = await createConfirmedUser();
    const answer = await fetch(`${stackOutputs().ApiUrl}/v1/me`, {
      headers: { authorization: `Bearer ${user.tokens.accessToken}`, origin: 'https://app.example.com' },
    }).then(asAnswer);
    expect(answer.status).toBe(200);
    expect(answer.headers['ratelimit-limit']).toBe(String(burst));
    expect(Number(answer.headers['ratelimit-remaining'])).toBeLessThan(burst);
    expect(Number(answer.headers['ratelimit-reset'])).toBeGreaterThanOrEqual(0);
    const exposed = (answer.headers['access-control-expose-headers'] ?? '').toLowerCase();
    for (const name of ['retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']) {
      expect(exposed).toContain(name);
    }
  });
});

describe('public auth routes', () => {
  testWithOwnAddress('one address past its budget gets 429; another address is still answered', async () => {
    const { burst } = requestBudgets['auth-address'];
    const address = ownAddress();
    // Refreshing names no account, so only the address's budget applies (an unknown token is a 4xx).
    const refresh = (from: string) => postFrom(from, '/v1/auth/refresh', { refreshToken: `not-a-token-${from}` });
    const answers = await untilLimited(() => Array.from({ length: burst + 20 }, () => refresh(address)));
    const refused = answers.filter(isRateLimited);
    expect(refused.length).toBeGreaterThan(0);
    expectRateLimitedProblem(refused[0], burst);
    const elsewhere = await refresh(ownAddress());
    expect(elsewhere.status).not.toBe(429);
  });

  test('an email past its budget gets 429, the same for an existing account and an unknown one', async () => {
    const { burst } = requestBudgets['auth-email'];
    const existing = await createConfirmedUser();
    const unknown = newEmail();
    const address = stackOutputs().OutboxUrl ? ownAddress() : undefined;
    const login = (email: string, password: string) => postFrom(address, '/v1/auth/login', { email, password });

    // Wrong passwords until refused (the existing account's sign-up, confirmation and first login
    // spent part of its email's budget already): refused as wrong passwords alike, then limited.
    const untilRefused = async (email: string) => {
      const answers: Answer[] = [];
      for (let n = 0; n <= burst && !answers.some(isRateLimited); n++) answers.push(await login(email, newPassword()));
      return answers;
    };
    const [onExisting, onUnknown] = [await untilRefused(existing.email), await untilRefused(unknown)];
    for (const answers of [onExisting, onUnknown]) {
      expect(answers.slice(0, -1).map((a) => a.status)).toEqual(answers.slice(0, -1).map(() => 401));
      expectRateLimitedProblem(answers.at(-1), burst);
    }
    expect(onUnknown).toHaveLength(burst + 1);

    // Past it: the same problem for both, even with the right password.
    const [pastExisting, pastUnknown] = [
      await login(existing.email, existing.password),
      await login(unknown, newPassword()),
    ];
    expectRateLimitedProblem(pastExisting, burst);
    expectRateLimitedProblem(pastUnknown, burst);
    const strip = (answer: Answer) => {
      const { correlationId: _c, instance: _i, detail: _d, ...rest } = JSON.parse(answer.body);
      return rest;
    };
    expect(strip(pastExisting)).toEqual(strip(pastUnknown));

    // Another email from the same address is not limited by them.
    const other = await createConfirmedUser();
    expect((await login(other.email, other.password)).status).toBe(200);
  });
});
