/**
 * TOTP MFA as a user meets it: enrol an authenticator app, sign in with a code it generates, be
 * refused a wrong one, and turn MFA off only with the password and a code. The codes are real
 * (otpauth, the same algorithm as any authenticator app).
 */
import { Secret, TOTP } from 'otpauth';
import { api } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import { createConfirmedUser, type TestUser } from './support/users';

jest.setTimeout(60_000);

const totp = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
const codeFor = (secret: string) => totp(secret).generate();
/** A code that is not valid now, nor one step before or after (the drift Cognito accepts). */
function wrongCodeFor(secret: string): string {
  const valid = new Set([-1, 0, 1].map((step) => totp(secret).generate({ timestamp: Date.now() + step * 30_000 })));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

async function enrol(user: TestUser): Promise<string> {
  const token = user.tokens.accessToken;
  const started = await api.post('/v1/me/mfa/totp', {}, { token });
  expectStatus(started, 201);
  const { secret, otpauthUri } = started.json as { secret: string; otpauthUri: string };
  expectStatus(await api.post('/v1/me/mfa/totp/verify', { code: codeFor(secret) }, { token }), 204);
  expect(otpauthUri).toContain(`secret=${secret}`);
  return secret;
}

test('enrolment: the secret and otpauth URI, a wrong code refused, a generated one turns MFA on', async () => {
  const user = await createConfirmedUser();
  const token = user.tokens.accessToken;
  const started = await api.post('/v1/me/mfa/totp', {}, { token });
  expectStatus(started, 201);
  const { secret, otpauthUri } = started.json as { secret: string; otpauthUri: string };
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const uri = new URL(otpauthUri);
  expect(uri.protocol).toBe('otpauth:');
  expect(uri.host).toBe('totp');
  expect(decodeURIComponent(uri.pathname)).toBe(`/Moneta:${user.email}`);
  expect(uri.searchParams.get('secret')).toBe(secret);
  expect(uri.searchParams.get('issuer')).toBe('Moneta');

  // Before the code is verified, sign-in is not challenged.
  expectStatus(await api.post('/v1/auth/login', { email: user.email, password: user.password }), 200);

  expectProblem(await api.post('/v1/me/mfa/totp/verify', { code: wrongCodeFor(secret) }, { token }), 400, ['code']);
  expectStatus(await api.post('/v1/auth/login', { email: user.email, password: user.password }), 200);

  expect((await api.get('/v1/me', { token })).json.mfa).toEqual({ totp: 'disabled' });
  expectStatus(await api.post('/v1/me/mfa/totp/verify', { code: codeFor(secret) }, { token }), 204);
  const login = await api.post('/v1/auth/login', { email: user.email, password: user.password });
  expectStatus(login, 202);
  expect(login.json).toEqual({ challenge: 'totp', session: expect.any(String) });
  // The profile says so, without the client asking Cognito.
  expect((await api.get('/v1/me', { token })).json.mfa).toEqual({ totp: 'enabled' });
});

test('verifying without starting an enrolment is a 409', async () => {
  const user = await createConfirmedUser();
  const result = await api.post('/v1/me/mfa/totp/verify', { code: '123456' }, { token: user.tokens.accessToken });
  expectProblem(result, 409);
});

test('sign-in with MFA: a wrong code is refused, a generated one gives working tokens', async () => {
  const user = await createConfirmedUser();
  const secret = await enrol(user);

  // A wrong password is still a 401, with no hint that MFA is on.
  expectProblem(await api.post('/v1/auth/login', { email: user.email, password: `${user.password}x` }), 401);

  const login = await api.post('/v1/auth/login', { email: user.email, password: user.password });
  expectStatus(login, 202);
  const { session } = login.json as { session: string };

  const wrong = await api.post('/v1/auth/login/mfa', { session, code: wrongCodeFor(secret) });
  expectProblem(wrong, 400, ['code']);
  expect(wrong.json.accessToken).toBeUndefined();

  const right = await api.post('/v1/auth/login/mfa', { session, code: codeFor(secret) });
  expectStatus(right, 200);
  expect(right.json).toMatchObject({
    accessToken: expect.any(String),
    idToken: expect.any(String),
    refreshToken: expect.any(String),
    tokenType: 'Bearer',
  });
  const me = await api.get('/v1/me', { token: right.json.accessToken });
  expectStatus(me, 200);
  expect(me.json.id).toBe(user.userId);
  // The refresh token of an MFA sign-in refreshes like any other.
  expectStatus(await api.post('/v1/auth/refresh', { refreshToken: right.json.refreshToken }), 200);

  // The session is spent: it cannot sign in twice.
  expectProblem(await api.post('/v1/auth/login/mfa', { session, code: codeFor(secret) }), 401);
  // A session that is not one is refused the same way.
  expectProblem(await api.post('/v1/auth/login/mfa', { session: 'bm90LWEtc2Vzc2lvbg', code: '123456' }), 401);
});

test('wrong codes at sign-in are throttled per user: 429 with Retry-After, even for a right code', async () => {
  const user = await createConfirmedUser();
  const secret = await enrol(user);
  const newSession = async () => {
    const login = await api.post('/v1/auth/login', { email: user.email, password: user.password });
    expectStatus(login, 202);
    return login.json.session as string;
  };
  // Each session takes three wrong codes (as Cognito's): five wrong codes need two sessions.
  let session = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt % 3 === 0) session = await newSession();
    expectProblem(await api.post('/v1/auth/login/mfa', { session, code: wrongCodeFor(secret) }), 400, ['code']);
  }
  const blocked = await api.post('/v1/auth/login/mfa', { session: await newSession(), code: codeFor(secret) });
  expectProblem(blocked, 429);
  expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);

  // Another user with MFA signs in as usual.
  const other = await createConfirmedUser();
  const otherSecret = await enrol(other);
  const otherLogin = await api.post('/v1/auth/login', { email: other.email, password: other.password });
  expectStatus(
    await api.post('/v1/auth/login/mfa', { session: otherLogin.json.session, code: codeFor(otherSecret) }),
    200,
  );
});

test('turning MFA off needs the password and a code; then sign-in is one step again', async () => {
  const user = await createConfirmedUser();
  const token = user.tokens.accessToken;
  const secret = await enrol(user);

  expectProblem(await api.delete('/v1/me/mfa', { token, body: {} }), 400, ['password']);
  for (const body of [
    { password: user.password }, // the code is missing
    { password: user.password, code: wrongCodeFor(secret) },
    { password: `${user.password}x`, code: codeFor(secret) },
  ]) {
    const refused = await api.delete('/v1/me/mfa', { token, body });
    expectProblem(refused, 403);
    expect(refused.json.type).toBe('urn:moneta:problem:reauthentication-failed');
  }
  // Still on.
  expectStatus(await api.post('/v1/auth/login', { email: user.email, password: user.password }), 202);

  expectStatus(
    await api.delete('/v1/me/mfa', { token, body: { password: user.password, code: codeFor(secret) } }),
    204,
  );
  const login = await api.post('/v1/auth/login', { email: user.email, password: user.password });
  expectStatus(login, 200);
  expect(login.json.accessToken).toEqual(expect.any(String));
  expect((await api.get('/v1/me', { token })).json.mfa).toEqual({ totp: 'disabled' });
});

test("one user's MFA is theirs alone: another's enrolment and session change nothing for them", async () => {
  const [a, b] = await Promise.all([createConfirmedUser(), createConfirmedUser()]);
  const secretOfA = await enrol(a);
  // B enrols too: A's secret still signs A in, B's does not.
  const secretOfB = await enrol(b);
  const loginA = await api.post('/v1/auth/login', { email: a.email, password: a.password });
  expectStatus(loginA, 202);
  expectProblem(await api.post('/v1/auth/login/mfa', { session: loginA.json.session, code: codeFor(secretOfB) }), 400, [
    'code',
  ]);
  const signedIn = await api.post('/v1/auth/login/mfa', { session: loginA.json.session, code: codeFor(secretOfA) });
  expectStatus(signedIn, 200);
  expect((await api.get('/v1/me', { token: signedIn.json.accessToken })).json.id).toBe(a.userId);

  // B cannot turn A's MFA off: the route acts on B's token, and B's password is no use for A.
  expectStatus(
    await api.delete('/v1/me/mfa', {
      token: b.tokens.accessToken,
      body: { password: b.password, code: codeFor(secretOfB) },
    }),
    204,
  );
  expectStatus(await api.post('/v1/auth/login', { email: a.email, password: a.password }), 202);
  expectStatus(await api.post('/v1/auth/login', { email: b.email, password: b.password }), 200);
});
