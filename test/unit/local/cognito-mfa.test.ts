/**
 * The local user pool's TOTP MFA, sign-in sessions and pending email changes, driven by the real
 * Cognito SDK client with real TOTP codes: the answers and errors Cognito gives.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  VerifySoftwareTokenCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Secret, TOTP } from 'otpauth';
import { startCognito } from '../../../lib/local/cognito';
import { MFA_SESSION_ATTEMPTS } from '../../../lib/local/cognito-mfa';
import type { Outbox, OutboxMail } from '../../../lib/local/contracts';
import { recordingInvoker } from './support-l1/recording-invoker';

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

const codeIn = (mail: OutboxMail | undefined) => mail?.text?.match(/\b(\d{6})\b/)?.[1];
const totpCode = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
/** A code that is not the current one nor one step either side of it. */
const wrongCode = (secret: string) => {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  const near = new Set([-1, 0, 1].map((step) => totp.generate({ timestamp: Date.now() + step * 30_000 })));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
};
const PASSWORD = 'Correct-Horse-42';

describe('local Cognito: MFA and attribute verification', () => {
  let dir: string;
  let cognito: Awaited<ReturnType<typeof startCognito>> | undefined;
  let outbox: ReturnType<typeof fakeOutbox>;
  let idp: CognitoIdentityProviderClient;
  let ClientId: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cognito-mfa-test-'));
    outbox = fakeOutbox();
    cognito = await startCognito({
      port: 0,
      dataDir: dir,
      invoker: recordingInvoker((_fn, event) => event),
      outbox,
      senderEmail: 'no-reply@moneta.local',
    });
    idp = new CognitoIdentityProviderClient({
      endpoint: cognito.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    ClientId = cognito.userPoolClientId;
  });
  afterEach(async () => {
    idp.destroy();
    await cognito?.stop();
    cognito = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  async function confirmedUser(email: string) {
    const { UserSub } = await idp.send(new SignUpCommand({ ClientId, Username: email, Password: PASSWORD }));
    const code = codeIn(outbox.mails.at(-1));
    await idp.send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: code }));
    return { sub: UserSub!, accessToken: await signIn(email) };
  }
  const initiate = (email: string, password = PASSWORD) =>
    idp.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );
  async function signIn(email: string) {
    const { AuthenticationResult } = await initiate(email);
    return AuthenticationResult!.AccessToken!;
  }
  async function enrol(accessToken: string) {
    const { SecretCode } = await idp.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
    await idp.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: totpCode(SecretCode!) }));
    await idp.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    return SecretCode!;
  }

  it('enrols a TOTP app: a wrong code fails to enable it, a right one verifies it, and sign-in is challenged', async () => {
    const { accessToken } = await confirmedUser('ada@example.com');
    const { SecretCode } = await idp.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
    expect(SecretCode).toMatch(/^[A-Z2-7]{32}$/);

    await expect(
      idp.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: wrongCode(SecretCode!) })),
    ).rejects.toMatchObject({ name: 'EnableSoftwareTokenMFAException' });
    // Verified but not yet enabled: sign-in is not challenged until SetUserMFAPreference.
    const verified = await idp.send(
      new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: totpCode(SecretCode!) }),
    );
    expect(verified.Status).toBe('SUCCESS');
    expect((await initiate('ada@example.com')).AuthenticationResult?.AccessToken).toBeDefined();

    await idp.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const challenge = await initiate('ada@example.com');
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(challenge.AuthenticationResult).toBeUndefined();
    expect(challenge.Session).toEqual(expect.any(String));

    const answered = await idp.send(
      new RespondToAuthChallengeCommand({
        ClientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: challenge.Session,
        ChallengeResponses: {
          USERNAME: challenge.ChallengeParameters!.USER_ID_FOR_SRP!,
          SOFTWARE_TOKEN_MFA_CODE: totpCode(SecretCode!),
        },
      }),
    );
    expect(answered.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect(answered.AuthenticationResult?.RefreshToken).toEqual(expect.any(String));

    // A session is single-use.
    await expect(
      idp.send(
        new RespondToAuthChallengeCommand({
          ClientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: challenge.Session,
          ChallengeResponses: {
            USERNAME: challenge.ChallengeParameters!.USER_ID_FOR_SRP!,
            SOFTWARE_TOKEN_MFA_CODE: totpCode(SecretCode!),
          },
        }),
      ),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });

    // Switching it off ends the challenge.
    await idp.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
      }),
    );
    expect((await initiate('ada@example.com')).AuthenticationResult?.AccessToken).toBeDefined();
  });

  it('refuses wrong codes with CodeMismatchException, then spends the session; an unknown session is expired', async () => {
    const { accessToken } = await confirmedUser('bo@example.com');
    const secret = await enrol(accessToken);
    const challenge = await initiate('bo@example.com');
    const respond = (code: string, session = challenge.Session) =>
      idp.send(
        new RespondToAuthChallengeCommand({
          ClientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: session,
          ChallengeResponses: {
            USERNAME: challenge.ChallengeParameters!.USER_ID_FOR_SRP!,
            SOFTWARE_TOKEN_MFA_CODE: code,
          },
        }),
      );
    for (let attempt = 1; attempt <= MFA_SESSION_ATTEMPTS; attempt++) {
      await expect(respond(wrongCode(secret))).rejects.toMatchObject({ name: 'CodeMismatchException' });
    }
    await expect(respond(totpCode(secret))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
    await expect(respond(totpCode(secret), 'made-up-session')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
    // A wrong password is still refused before any challenge.
    await expect(initiate('bo@example.com', 'Wrong-Horse-42')).rejects.toMatchObject({
      name: expect.stringMatching(/NotAuthorizedException|InvalidPasswordException/),
    });
  });

  it('keeps the old email as sign-in until the new one is verified, and refuses an address in use', async () => {
    const { accessToken } = await confirmedUser('old@example.com');
    await confirmedUser('taken@example.com');
    const mailsBefore = outbox.mails.length;

    await expect(
      idp.send(
        new UpdateUserAttributesCommand({
          AccessToken: accessToken,
          UserAttributes: [{ Name: 'email', Value: 'taken@example.com' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'AliasExistsException' });
    expect(outbox.mails).toHaveLength(mailsBefore);

    const updated = await idp.send(
      new UpdateUserAttributesCommand({
        AccessToken: accessToken,
        UserAttributes: [{ Name: 'email', Value: 'new@example.com' }],
      }),
    );
    expect(updated.CodeDeliveryDetailsList).toEqual([
      { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'new@example.com' },
    ]);
    const mail = outbox.mails.at(-1);
    expect(mail?.to).toEqual(['new@example.com']);
    // Pending: the old address still signs in and is still the attribute; the new one does not.
    expect((await initiate('old@example.com')).AuthenticationResult).toBeDefined();
    await expect(initiate('new@example.com')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    const pending = await idp.send(new GetUserCommand({ AccessToken: accessToken }));
    expect(pending.UserAttributes).toContainEqual({ Name: 'email', Value: 'old@example.com' });

    await expect(
      idp.send(new VerifyUserAttributeCommand({ AccessToken: accessToken, AttributeName: 'email', Code: '000000x' })),
    ).rejects.toMatchObject({ name: 'CodeMismatchException' });
    await idp.send(
      new VerifyUserAttributeCommand({ AccessToken: accessToken, AttributeName: 'email', Code: codeIn(mail) }),
    );
    const after = await idp.send(new GetUserCommand({ AccessToken: accessToken }));
    expect(after.UserAttributes).toContainEqual({ Name: 'email', Value: 'new@example.com' });
    expect((await initiate('new@example.com')).AuthenticationResult).toBeDefined();
    await expect(initiate('old@example.com')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});
