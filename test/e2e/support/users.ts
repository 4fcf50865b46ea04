/**
 * Fresh users for every test: unique addresses, a password Cognito's default policy accepts, and
 * `createConfirmedUser()` that goes through sign-up, confirmation and login like a person would.
 */
import { randomBytes } from 'node:crypto';
import { AdminConfirmSignUpCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { type ApiResult, api, describeResult } from './api-client';
import { waitForCode } from './mailbox';
import { isLocalCloud, stackOutputs } from './outputs';

type Tokens = {
  accessToken: string;
  idToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
};

export type TestUser = { email: string; password: string; userId: string; tokens: Tokens };

/** A unique address on the reserved example.com domain, so nothing is ever really delivered. */
export function newEmail(): string {
  return `e2e-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}@example.com`;
}

/** Upper, lower, digit and symbol, 20+ characters: strong under any sane policy. */
export function newPassword(): string {
  return `Aa1!${randomBytes(12).toString('base64url')}`;
}

function expectStatus(result: ApiResult, status: number, what: string): void {
  if (result.status !== status) throw new Error(`${what}: expected HTTP ${status}, got ${describeResult(result)}`);
}

type SignUpInput = {
  email?: string;
  password?: string;
  name?: string;
  homeCurrency?: string;
  timezone?: string;
};

/** Signs up (201 expected) and returns the credentials and the new user's id. */
export async function signUp(input: SignUpInput = {}) {
  const email = input.email ?? newEmail();
  const password = input.password ?? newPassword();
  const result = await api.post('/v1/auth/signup', { ...input, email, password });
  expectStatus(result, 201, `sign-up of ${email}`);
  return { email, password, userId: result.json.userId as string };
}

/**
 * Confirms a sign-up: with the mailed code on the local cloud; on AWS (no outbox to read) with
 * AdminConfirmSignUp, which runs the same post-confirmation trigger.
 */
async function confirm(email: string): Promise<void> {
  if (isLocalCloud()) {
    const code = await waitForCode(email);
    expectStatus(await api.post('/v1/auth/confirm', { email, code }), 200, `confirmation of ${email}`);
    return;
  }
  const { Region, UserPoolId } = stackOutputs();
  const cognito = new CognitoIdentityProviderClient({ region: Region });
  try {
    await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId, Username: email }));
  } finally {
    cognito.destroy();
  }
}

export async function login(email: string, password: string): Promise<Tokens> {
  const result = await api.post('/v1/auth/login', { email, password });
  expectStatus(result, 200, `login of ${email}`);
  return result.json as Tokens;
}

export async function createConfirmedUser(input: SignUpInput = {}): Promise<TestUser> {
  const { email, password, userId } = await signUp(input);
  await confirm(email);
  return { email, password, userId, tokens: await login(email, password) };
}
