/** UserSignedUp → exactly one welcome mail, after confirmation (not at sign-up). */
import { api } from './support/api-client';
import { expectStatus } from './support/expectations';
import { codeIn, mailsTo, waitForMail } from './support/mailbox';
import { sleep } from './support/poll';
import { describeWithMailbox } from './support/targets';
import { signUp } from './support/users';

jest.setTimeout(60_000);

describeWithMailbox('welcome email (needs the mailbox)', () => {
  test('arrives once per user, after the confirmation', async () => {
    const { email, password } = await signUp({ name: 'Ada' });
    const code = codeIn(await waitForMail(email, { via: 'cognito' }));
    expect((await mailsTo(email)).filter((mail) => mail.via === 'ses')).toEqual([]);

    expectStatus(await api.post('/v1/auth/confirm', { email, code }), 200);
    const confirmedAt = Date.now();
    const welcome = await waitForMail(email, { via: 'ses' }, 25);
    console.log(JSON.stringify({ metric: 'confirm_to_welcome_ms', value: Date.now() - confirmedAt }));
    expect(welcome.to).toEqual([email]);

    // Logging in and updating the profile are no second sign-up.
    const login = await api.post('/v1/auth/login', { email, password });
    expectStatus(login, 200);
    expectStatus(await api.patch('/v1/me', { name: 'Ada L.' }, { token: login.json.accessToken }), 200);

    // Late duplicates (a redelivered event, a retried consumer) would show up by now.
    await sleep(1_500);
    const welcomes = (await mailsTo(email)).filter((mail) => mail.via === 'ses');
    expect(welcomes.map((mail) => mail.id)).toEqual([welcome.id]);
  });

  test('each of two users gets their own single welcome mail', async () => {
    const users = await Promise.all([signUp(), signUp()]);
    for (const { email } of users) {
      const code = codeIn(await waitForMail(email, { via: 'cognito' }));
      expectStatus(await api.post('/v1/auth/confirm', { email, code }), 200);
    }
    for (const { email } of users) await waitForMail(email, { via: 'ses' });
    await sleep(1_500);
    for (const { email } of users) {
      const welcomes = (await mailsTo(email)).filter((mail) => mail.via === 'ses');
      expect(welcomes).toHaveLength(1);
      expect(welcomes[0]!.to).toEqual([email]);
    }
  });
});
