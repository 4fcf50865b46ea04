/** GET and PATCH /v1/me as the profile's owner sees them: defaults, ETags, strict allow-list. */
import { defaultNotificationPreferences } from '../../shared/identity/profile';
import { api } from './support/api-client';
import { expectProblem, expectStatus } from './support/expectations';
import { createConfirmedUser } from './support/users';

jest.setTimeout(60_000);

const iso = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);

describe('GET /v1/me', () => {
  test('a new profile has the documented defaults and an ETag', async () => {
    const user = await createConfirmedUser();
    const me = await api.get('/v1/me', { token: user.tokens.accessToken });
    expectStatus(me, 200);
    expect(me.json).toEqual({
      id: user.userId,
      email: user.email,
      name: expect.any(String),
      homeCurrency: 'EUR',
      timezone: 'UTC',
      mfa: { totp: 'disabled' },
      notifications: defaultNotificationPreferences,
      createdAt: iso,
      updatedAt: iso,
      version: expect.any(Number),
    });
    expect(me.headers.get('etag')).toBeTruthy();
  });

  test('name, home currency and time zone given at sign-up are kept', async () => {
    const user = await createConfirmedUser({ name: 'Kenji', homeCurrency: 'JPY', timezone: 'Asia/Tokyo' });
    const me = await api.get('/v1/me', { token: user.tokens.accessToken });
    expectStatus(me, 200);
    expect(me.json).toMatchObject({ name: 'Kenji', homeCurrency: 'JPY', timezone: 'Asia/Tokyo' });
  });
});

describe('PATCH /v1/me', () => {
  test('updates allowed fields, keeps the rest, and returns the new profile with a new ETag', async () => {
    const user = await createConfirmedUser();
    const token = user.tokens.accessToken;
    const before = await api.get('/v1/me', { token });

    const patched = await api.patch(
      '/v1/me',
      { name: 'Grace', homeCurrency: 'BHD', timezone: 'Europe/Berlin', notifications: { largeTransaction: true } },
      { token },
    );
    expectStatus(patched, 200);
    expect(patched.json).toMatchObject({
      id: user.userId,
      email: user.email,
      name: 'Grace',
      homeCurrency: 'BHD',
      timezone: 'Europe/Berlin',
      notifications: { ...defaultNotificationPreferences, largeTransaction: true },
      version: before.json.version + 1,
      createdAt: before.json.createdAt,
    });
    expect(patched.headers.get('etag')).toBeTruthy();
    expect(patched.headers.get('etag')).not.toBe(before.headers.get('etag'));

    const after = await api.get('/v1/me', { token });
    expect(after.json).toEqual(patched.json);
    expect(after.headers.get('etag')).toBe(patched.headers.get('etag'));
  });

  test('If-Match with a stale ETag is 412 and changes nothing; with the current ETag it succeeds', async () => {
    const user = await createConfirmedUser();
    const token = user.tokens.accessToken;
    const first = await api.get('/v1/me', { token });
    const staleEtag = first.headers.get('etag')!;
    const second = await api.patch('/v1/me', { name: 'Second' }, { token, headers: { 'if-match': staleEtag } });
    expectStatus(second, 200);

    expectProblem(
      await api.patch('/v1/me', { name: 'Lost update' }, { token, headers: { 'if-match': staleEtag } }),
      412,
    );
    expect((await api.get('/v1/me', { token })).json.name).toBe('Second');

    const current = second.headers.get('etag')!;
    const third = await api.patch('/v1/me', { name: 'Third' }, { token, headers: { 'if-match': current } });
    expectStatus(third, 200);
    expect(third.json.name).toBe('Third');
  });

  test.each([
    ['email', { email: 'someone-else@example.com' }],
    ['userId', { userId: 'someone-else' }],
    ['id', { id: 'someone-else' }],
    ['version', { version: 99 }],
  ])('refuses the field %s with 400 naming it', async (field, body) => {
    const user = await createConfirmedUser();
    const token = user.tokens.accessToken;
    const before = await api.get('/v1/me', { token });
    expectProblem(await api.patch('/v1/me', body, { token }), 400, [field]);
    const after = await api.get('/v1/me', { token });
    expect(after.json).toEqual(before.json);
    expect(after.json).toMatchObject({ id: user.userId, email: user.email });
  });

  test.each([
    ['homeCurrency', { homeCurrency: 'XYZ' }],
    ['homeCurrency', { homeCurrency: 'eur' }],
    ['timezone', { timezone: 'Mars/Olympus_Mons' }],
    ['notifications.largeTransactionAmount', { notifications: { largeTransactionAmount: 10.5 } }],
    ['notifications.sms', { notifications: { sms: true } }],
  ])('refuses an invalid %s with 400 naming it', async (field, body) => {
    const user = await createConfirmedUser();
    expectProblem(await api.patch('/v1/me', body, { token: user.tokens.accessToken }), 400, [field]);
  });
});
