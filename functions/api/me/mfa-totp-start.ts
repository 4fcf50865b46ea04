/**
 * POST /v1/me/mfa/totp: starts enrolling an authenticator app. Cognito makes the secret
 * (AssociateSoftwareToken); the otpauth URI is that secret in the form authenticator apps scan.
 * Nothing changes at sign-in until POST /v1/me/mfa/totp/verify.
 */
import { AssociateSoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { Secret, TOTP } from 'otpauth';
import { cognitoErrors, handleCognitoError } from '../../../shared/identity/cognito-errors';
import { meMfaTotpStart } from '../../../shared/identity/operations';
import { userRoute } from '../../../shared/identity/public';
import { cognitoClient } from '../../../shared/kit/aws/clients';

const cognito = cognitoClient();

export const handler = userRoute(meMfaTotpStart, async ({ accessToken, profile }) => {
  let secret: string | undefined;
  try {
    ({ SecretCode: secret } = await cognito.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken })));
  } catch (error) {
    handleCognitoError(error, cognitoErrors.mfaSetup);
  }
  if (!secret) throw new Error('Cognito returned no secret');
  // Cognito's TOTP parameters: SHA-1, six digits, 30 seconds (the URI's defaults, written out).
  const otpauthUri = new TOTP({
    issuer: 'Moneta',
    label: profile.email,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }).toString();
  return { status: 201, body: { secret, otpauthUri } };
});
