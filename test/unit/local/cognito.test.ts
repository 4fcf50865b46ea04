/**
 * The local user pool driven by the real Cognito SDK client, with a fake function runtime and a
 * fake outbox: the sign-up journey a user goes through, and a restart that keeps the pool.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { startCognito } from '../../../lib/local/cognito';
import type { Outbox, OutboxMail } from '../../../lib/local/contracts';
import { handlerFailure, recordingInvoker } from './support-l1/recording-invoker';

function fakeOutbox(): Outbox & { mails: OutboxMail[] } {
  const mails: OutboxMail[] = [];
  return {
    mails,
    url: 'http://outbox.invalid',
    stop: async () => {},
    deliver: async (mail) => {
      const stored = { ...mail, id: `m-${mails.length + 1}`, receivedAt: new Date().toISOString() };
      mails.push(stored);
      return stored;
    },
  };
}

const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
const codeIn = (mail: OutboxMail | undefined) => mail?.text?.match(/\b(\d{6})\b/)?.[1];
const PASSWORD = 'Correct-Horse-42';

describe('local Cognito', () => {
  let dir: string;
  let cognito: Awaited<ReturnType<typeof startCognito>> | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cognito-test-'));
  });
  afterEach(async () => {
    await cognito?.stop();
    cognito = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const clientFor = (url: string) =>
    new CognitoIdentityProviderClient({
      endpoint: url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });

  it('signs a user up, mails the code, runs the post-confirmation trigger and issues verifiable tokens', async () => {
    const invoker = recordingInvoker((_fn, event) => event); // a Cognito trigger answers with its event
    const outbox = fakeOutbox();
    cognito = await startCognito({ port: 0, dataDir: dir, invoker, outbox, senderEmail: 'no-reply@moneta.local' });
    const idp = clientFor(cognito.url);
    const ClientId = cognito.userPoolClientId;

    const { UserSub, UserConfirmed } = await idp.send(
      new SignUpCommand({ ClientId, Username: 'ada@example.com', Password: PASSWORD }),
    );
    expect(UserConfirmed).toBe(false);

    expect(outbox.mails).toHaveLength(1);
    const [mail] = outbox.mails;
    expect(mail).toMatchObject({
      via: 'cognito',
      from: 'no-reply@moneta.local',
      to: ['ada@example.com'],
      subject: 'Your Moneta verification code',
    });
    const code = codeIn(mail);
    expect(code).toMatch(/^\d{6}$/);

    // A wrong code is refused and runs no trigger.
    await expect(
      idp.send(new ConfirmSignUpCommand({ ClientId, Username: 'ada@example.com', ConfirmationCode: '000000x' })),
    ).rejects.toMatchObject({ name: 'CodeMismatchException' });
    expect(invoker.calls).toHaveLength(0);

    await idp.send(new ConfirmSignUpCommand({ ClientId, Username: 'ada@example.com', ConfirmationCode: code }));
    expect(invoker.calls).toHaveLength(1);
    expect(invoker.calls[0]).toMatchObject({
      functionId: 'post-confirmation',
      event: {
        triggerSource: 'PostConfirmation_ConfirmSignUp',
        userPoolId: cognito.userPoolId,
        userName: UserSub,
        request: { userAttributes: { sub: UserSub, email: 'ada@example.com' } },
      },
    });

    const { AuthenticationResult } = await idp.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'ada@example.com', PASSWORD },
      }),
    );
    const access = decode(AuthenticationResult!.AccessToken!);
    expect(access).toMatchObject({
      iss: cognito.issuer,
      sub: UserSub,
      client_id: ClientId,
      scope: 'aws.cognito.signin.user.admin',
      token_use: 'access',
    });
    const id = decode(AuthenticationResult!.IdToken!);
    expect(id).toMatchObject({ aud: ClientId, token_use: 'id', email: 'ada@example.com' });
    expect(id.scope).toBeUndefined();

    // The issuer's JWKS serves the key the tokens are signed with.
    const header = JSON.parse(Buffer.from(AuthenticationResult!.AccessToken!.split('.')[0]!, 'base64url').toString());
    const jwks = (await (await fetch(cognito.jwksUri)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toContain(header.kid);
    expect(cognito.issuer).toBe(`${cognito.url}/${cognito.userPoolId}`);
  });

  it('re-sends a new code that confirms (ResendConfirmationCode, missing from cognito-local)', async () => {
    const outbox = fakeOutbox();
    const invoker = recordingInvoker((_fn, event) => event);
    cognito = await startCognito({ port: 0, dataDir: dir, invoker, outbox, senderEmail: 'no-reply@moneta.local' });
    const idp = clientFor(cognito.url);
    const ClientId = cognito.userPoolClientId;
    await idp.send(new SignUpCommand({ ClientId, Username: 'cy@example.com', Password: PASSWORD }));
    const resent = await idp.send(new ResendConfirmationCodeCommand({ ClientId, Username: 'cy@example.com' }));
    expect(resent.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', Destination: 'cy@example.com' });
    expect(outbox.mails).toHaveLength(2);
    expect(outbox.mails[1]).toMatchObject({ via: 'cognito', subject: 'Your Moneta verification code' });

    await idp.send(
      new ConfirmSignUpCommand({ ClientId, Username: 'cy@example.com', ConfirmationCode: codeIn(outbox.mails[1]) }),
    );
    expect(invoker.calls).toHaveLength(1);
    await expect(
      idp.send(new ResendConfirmationCodeCommand({ ClientId, Username: 'cy@example.com' })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(
      idp.send(new ResendConfirmationCodeCommand({ ClientId, Username: 'nobody@example.com' })),
    ).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  it('mails a password-reset code on ForgotPassword', async () => {
    const outbox = fakeOutbox();
    cognito = await startCognito({
      port: 0,
      dataDir: dir,
      invoker: recordingInvoker((_fn, event) => event),
      outbox,
      senderEmail: 'no-reply@moneta.local',
    });
    const idp = clientFor(cognito.url);
    const ClientId = cognito.userPoolClientId;
    await idp.send(new SignUpCommand({ ClientId, Username: 'bob@example.com', Password: PASSWORD }));
    await idp.send(
      new ConfirmSignUpCommand({ ClientId, Username: 'bob@example.com', ConfirmationCode: codeIn(outbox.mails[0]) }),
    );
    await idp.send(new ForgotPasswordCommand({ ClientId, Username: 'bob@example.com' }));

    const reset = outbox.mails.at(-1);
    expect(reset).toMatchObject({
      via: 'cognito',
      to: ['bob@example.com'],
      subject: 'Your Moneta password reset code',
    });
    expect(codeIn(reset)).toMatch(/^\d{6}$/);
  });

  it('passes a failing trigger to the Lambda error path without crashing the pool', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    const outbox = fakeOutbox();
    const invoker = recordingInvoker(() => {
      throw handlerFailure('post-confirmation', 'table unavailable');
    });
    cognito = await startCognito({ port: 0, dataDir: dir, invoker, outbox, senderEmail: 'no-reply@moneta.local' });
    const idp = clientFor(cognito.url);
    const ClientId = cognito.userPoolClientId;
    await idp.send(new SignUpCommand({ ClientId, Username: 'eve@example.com', Password: PASSWORD }));
    await idp.send(
      new ConfirmSignUpCommand({ ClientId, Username: 'eve@example.com', ConfirmationCode: codeIn(outbox.mails[0]) }),
    );
    expect(invoker.calls).toHaveLength(1);
    expect(error.mock.calls.flat().join(' ')).toContain('table unavailable');
    error.mockRestore();
    // As in Cognito, the user stays confirmed and can sign in.
    const { AuthenticationResult } = await idp.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'eve@example.com', PASSWORD },
      }),
    );
    expect(AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('keeps the same pool, client and users across a restart with the same data directory', async () => {
    const outbox = fakeOutbox();
    const invoker = recordingInvoker((_fn, event) => event);
    cognito = await startCognito({ port: 0, dataDir: dir, invoker, outbox, senderEmail: 'no-reply@moneta.local' });
    const { userPoolId, userPoolClientId } = cognito;
    let idp = clientFor(cognito.url);
    await idp.send(new SignUpCommand({ ClientId: userPoolClientId, Username: 'kim@example.com', Password: PASSWORD }));
    await idp.send(
      new ConfirmSignUpCommand({
        ClientId: userPoolClientId,
        Username: 'kim@example.com',
        ConfirmationCode: codeIn(outbox.mails[0]),
      }),
    );
    await cognito.stop();

    cognito = await startCognito({ port: 0, dataDir: dir, invoker, outbox, senderEmail: 'no-reply@moneta.local' });
    expect(cognito.userPoolId).toBe(userPoolId);
    expect(cognito.userPoolClientId).toBe(userPoolClientId);
    idp = clientFor(cognito.url);
    const { AuthenticationResult } = await idp.send(
      new InitiateAuthCommand({
        ClientId: userPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'kim@example.com', PASSWORD },
      }),
    );
    expect(AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('starts a fresh pool in memory (no data directory) and leaves nothing behind', async () => {
    const scratchDirs = async () => (await readdir(tmpdir())).filter((name) => name.startsWith('moneta-cognito-'));
    const before = await scratchDirs();
    cognito = await startCognito({
      port: 0,
      invoker: recordingInvoker(),
      outbox: fakeOutbox(),
      senderEmail: 'no-reply@moneta.local',
    });
    expect(cognito.userPoolId).toMatch(/^\S+_\S+$/);
    expect(cognito.userPoolClientId).toEqual(expect.any(String));
    const created = (await scratchDirs()).filter((name) => !before.includes(name));
    expect(created).toHaveLength(1);
    await cognito.stop();
    cognito = undefined;
    expect(await scratchDirs()).not.toContain(created[0]);
  });
});
