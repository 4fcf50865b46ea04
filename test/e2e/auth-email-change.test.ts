/**
 * Changing the email: re-authenticated, confirmed by a code sent to the new address. Until then the
 * old address signs in and gets the mail; afterwards the profile, the notifier and Cognito agree,
 * and only the new address signs in. An address someone else uses answers exactly like success.
 */
import { api } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import { codeIn, mailsTo, waitForMail } from './support/mailbox';
import { createConfirmedUser, newEmail } from './support/users';

jest.setTimeout(60_000);

const cognitoMails = async (address: string) => (await mailsTo(address)).filter((mail) => mail.via === 'cognito');

test('the new email needs the password, then the code; login then works with the new address only', async () => {
  const user = await createConfirmedUser({ name: 'Mover' });
  const token = user.tokens.accessToken;
  const newAddress = newEmail();
  const before = await api.get('/v1/me', { token });

  // Without the password, or with a wrong one: refused, nothing sent, nothing changed.
  expectProblem(await api.post('/v1/me/email', { email: newAddress }, { token }), 400, ['password']);
  const wrong = await api.post('/v1/me/email', { email: newAddress, password: `${user.password}x` }, { token });
  expectProblem(wrong, 403);
  expect(wrong.json.type).toBe('urn:moneta:problem:reauthentication-failed');
  expect(await cognitoMails(newAddress)).toEqual([]);
  // Still the current address: a 400 on the field.
  expectProblem(await api.post('/v1/me/email', { email: user.email, password: user.password }, { token }), 400, [
    'email',
  ]);

  const started = await api.post('/v1/me/email', { email: newAddress, password: user.password }, { token });
  expectStatus(started, 202);
  const code = codeIn(await waitForMail(newAddress, { via: 'cognito' }));

  // Pending: the old address still signs in and is still the profile's (the notifier's recipient).
  expectStatus(await api.post('/v1/auth/login', { email: user.email, password: user.password }), 200);
  expectProblem(await api.post('/v1/auth/login', { email: newAddress, password: user.password }), 401);
  const pending = await api.get('/v1/me', { token });
  expect(pending.json.email).toBe(user.email);
  expect(pending.headers.get('etag')).toBe(before.headers.get('etag'));

  expectProblem(
    await api.post('/v1/me/email/verify', { code: code === '000000' ? '111111' : '000000' }, { token }),
    400,
    ['code'],
  );
  const verified = await api.post('/v1/me/email/verify', { code }, { token });
  expectStatus(verified, 200);
  expect(verified.json).toMatchObject({ id: user.userId, email: newAddress, name: 'Mover' });
  expect(verified.headers.get('etag')).toEqual(expect.any(String));

  // Afterwards: the profile has it, and only the new address signs in.
  expect((await api.get('/v1/me', { token })).json.email).toBe(newAddress);
  const login = await api.post('/v1/auth/login', { email: newAddress, password: user.password });
  expectStatus(login, 200);
  expect((await api.get('/v1/me', { token: login.json.accessToken })).json.id).toBe(user.userId);
  expectProblem(await api.post('/v1/auth/login', { email: user.email, password: user.password }), 401);
});

test("an address another user has answers exactly like success, sends no code and changes no one's", async () => {
  const [owner, mover] = await Promise.all([createConfirmedUser(), createConfirmedUser()]);
  const ownerCodesBefore = (await cognitoMails(owner.email)).length;
  const moverToken = mover.tokens.accessToken;

  const taken = await api.post('/v1/me/email', { email: owner.email, password: mover.password }, { token: moverToken });
  const free = await api.post('/v1/me/email', { email: newEmail(), password: mover.password }, { token: moverToken });
  expectStatus(taken, 202);
  expectStatus(free, 202);
  expect(taken.json).toEqual(free.json);
  expect(taken.headers.get('content-type')).toBe(free.headers.get('content-type'));

  // The local pool mails a code before it answers, so none has come for the taken address.
  expect(await cognitoMails(owner.email)).toHaveLength(ownerCodesBefore);

  // Both keep their own address and sign-in.
  expect((await api.get('/v1/me', { token: owner.tokens.accessToken })).json.email).toBe(owner.email);
  expect((await api.get('/v1/me', { token: moverToken })).json.email).toBe(mover.email);
  const ownerLogin = await api.post('/v1/auth/login', { email: owner.email, password: owner.password });
  expectStatus(ownerLogin, 200);
  expect((await api.get('/v1/me', { token: ownerLogin.json.accessToken })).json.id).toBe(owner.userId);
});

test("one user's code cannot confirm another's change", async () => {
  const [a, b] = await Promise.all([createConfirmedUser(), createConfirmedUser()]);
  const newOfA = newEmail();
  expectStatus(
    await api.post('/v1/me/email', { email: newOfA, password: a.password }, { token: a.tokens.accessToken }),
    202,
  );
  const code = codeIn(await waitForMail(newOfA, { via: 'cognito' }));

  expectProblem(await api.post('/v1/me/email/verify', { code }, { token: b.tokens.accessToken }), 400, ['code']);
  expect((await api.get('/v1/me', { token: b.tokens.accessToken })).json.email).toBe(b.email);
  expect((await api.get('/v1/me', { token: a.tokens.accessToken })).json.email).toBe(a.email);
  expectProblem(await api.post('/v1/auth/login', { email: newOfA, password: b.password }), 401);
});
