/** The whole sign-up → login → refresh → logout → reset → change-password life of a user. */
import { api } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import { codeIn, seenMailIds, waitForCode, waitForMail } from './support/mailbox';
import { describeWithMailbox } from './support/targets';
import { createConfirmedUser, login, newEmail, newPassword, signUp } from './support/users';

jest.setTimeout(60_000);

/** A well-formed code that is certainly not `code`. */
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describeWithMailbox('sign-up and confirmation (needs the mailbox)', () => {
  test('a new user signs up, cannot log in before confirming, confirms with the mailed code and logs in', async () => {
    const email = newEmail();
    const password = newPassword();
    const signup = await api.post('/v1/auth/signup', { email, password, name: 'Ada' });
    expectStatus(signup, 201);
    expect(signup.json).toEqual({
      userId: expect.any(String),
      confirmed: false,
      codeDelivery: { medium: expect.any(String), destination: expect.any(String) },
    });

    expectProblem(await api.post('/v1/auth/login', { email, password }), 403);

    const code = codeIn(await waitForMail(email, { via: 'cognito' }));
    expectProblem(await api.post('/v1/auth/confirm', { email, code: otherCode(code) }), 400, ['code']);

    const confirmed = await api.post('/v1/auth/confirm', { email, code });
    expectStatus(confirmed, 200);
    expect(confirmed.json).toEqual({ confirmed: true });

    const loggedIn = await api.post('/v1/auth/login', { email, password });
    expectStatus(loggedIn, 200);
    expect(loggedIn.json).toEqual({
      accessToken: expect.any(String),
      idToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: expect.any(Number),
      tokenType: 'Bearer',
    });
    const me = await api.get('/v1/me', { token: loggedIn.json.accessToken });
    expectStatus(me, 200);
    expect(me.json).toMatchObject({ id: signup.json.userId, email, name: 'Ada' });
  });

  test('resend-code mails a fresh code that confirms the account', async () => {
    const { email, password } = await signUp();
    await waitForMail(email, { via: 'cognito' });
    const before = await seenMailIds(email);

    expectStatus(await api.post('/v1/auth/resend-code', { email }), 202);
    const code = await waitForCode(email, before);

    expectStatus(await api.post('/v1/auth/confirm', { email, code }), 200);
    expectStatus(await api.post('/v1/auth/login', { email, password }), 200);
  });

  test('a forgotten password is reset with the mailed code; only the new password works afterwards', async () => {
    const user = await createConfirmedUser();
    const before = await seenMailIds(user.email);

    expectStatus(await api.post('/v1/auth/forgot-password', { email: user.email }), 202);
    const code = await waitForCode(user.email, before);
    const newPasswordValue = newPassword();
    expectStatus(
      await api.post('/v1/auth/reset-password', { email: user.email, code, newPassword: newPasswordValue }),
      204,
    );

    expectProblem(await api.post('/v1/auth/login', { email: user.email, password: user.password }), 401);
    expectStatus(await api.post('/v1/auth/login', { email: user.email, password: newPasswordValue }), 200);
  });
});

describe('sign-up refusals', () => {
  test('a second sign-up with the same email is a 409 conflict', async () => {
    const { email } = await signUp();
    expectProblem(await api.post('/v1/auth/signup', { email, password: newPassword() }), 409);
  });

  test('a weak password is refused with 400 naming "password", and creates no user', async () => {
    const email = newEmail();
    expectProblem(await api.post('/v1/auth/signup', { email, password: 'password' }), 400, ['password']);
    // Had the refused sign-up created the user, this one would be a 409.
    expectStatus(await api.post('/v1/auth/signup', { email, password: newPassword() }), 201);
  });

  test('an unknown field is refused with 400 naming it', async () => {
    const result = await api.post('/v1/auth/signup', { email: newEmail(), password: newPassword(), isAdmin: true });
    expectProblem(result, 400, ['isAdmin']);
  });
});

describe('login, refresh and logout', () => {
  test('a wrong password is a 401 problem', async () => {
    const user = await createConfirmedUser();
    expectProblem(await api.post('/v1/auth/login', { email: user.email, password: `${user.password}x` }), 401);
  });

  test('an unknown email is the same 401 as a wrong password', async () => {
    expectProblem(await api.post('/v1/auth/login', { email: newEmail(), password: newPassword() }), 401);
  });

  test('a refresh token buys a new working access token until logout revokes it', async () => {
    const user = await createConfirmedUser();

    const refreshed = await api.post('/v1/auth/refresh', { refreshToken: user.tokens.refreshToken });
    expectStatus(refreshed, 200);
    expect(refreshed.json).toMatchObject({
      accessToken: expect.any(String),
      idToken: expect.any(String),
      expiresIn: expect.any(Number),
      tokenType: 'Bearer',
    });
    const me = await api.get('/v1/me', { token: refreshed.json.accessToken });
    expectStatus(me, 200);
    expect(me.json.id).toBe(user.userId);

    const logout = await api.post(
      '/v1/auth/logout',
      { refreshToken: user.tokens.refreshToken },
      { token: user.tokens.accessToken },
    );
    expectStatus(logout, 204);
    expect(logout.text).toBe('');

    expectProblem(await api.post('/v1/auth/refresh', { refreshToken: user.tokens.refreshToken }), 401);
  });
});

describe('forgot password', () => {
  test('answers 202 with the same body for a known and an unknown email, so accounts cannot be probed', async () => {
    const user = await createConfirmedUser();
    const known = await api.post('/v1/auth/forgot-password', { email: user.email });
    const unknown = await api.post('/v1/auth/forgot-password', { email: newEmail() });
    expectStatus(known, 202);
    expectStatus(unknown, 202);
    expect(unknown.text).toBe(known.text);
  });
});

describe('change password', () => {
  test('a wrong current password is 400 naming "currentPassword" and changes nothing', async () => {
    const user = await createConfirmedUser();
    const result = await api.post(
      '/v1/auth/change-password',
      { currentPassword: `${user.password}x`, newPassword: newPassword() },
      { token: user.tokens.accessToken },
    );
    expectProblem(result, 400, ['currentPassword']);
    await login(user.email, user.password);
  });

  test('the signed-in user changes the password; only the new one works afterwards', async () => {
    const user = await createConfirmedUser();
    const replacement = newPassword();
    expectStatus(
      await api.post(
        '/v1/auth/change-password',
        { currentPassword: user.password, newPassword: replacement },
        { token: user.tokens.accessToken },
      ),
      204,
    );
    expectProblem(await api.post('/v1/auth/login', { email: user.email, password: user.password }), 401);
    expectStatus(await api.post('/v1/auth/login', { email: user.email, password: replacement }), 200);
  });
});
