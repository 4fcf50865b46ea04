/**
 * Cognito as the token service: a user pool people sign up to with their email, and one public app
 * client the API's /v1/auth routes (and any SPA) use. Its post-confirmation trigger writes the
 * profile item whose stream record becomes `UserSignedUp`.
 */
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { passwordPolicy } from '../../shared/identity/password-policy';
import type { cognitoTriggers } from '../catalog/functions';

type AuthProps = { removalPolicy: RemovalPolicy };

/** Which Cognito operation each trigger of the catalog is; a new trigger there fails typecheck here. */
const triggerOperations: Record<keyof typeof cognitoTriggers, UserPoolOperation> = {
  postConfirmation: UserPoolOperation.POST_CONFIRMATION,
};

export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      signInCaseSensitive: false,
      selfSignUpEnabled: true,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      passwordPolicy: { ...passwordPolicy },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      // No length constraints: Cognito can never change a custom attribute's definition, and the API
      // validates both values (ISO 4217, IANA zone) before they reach Cognito.
      customAttributes: {
        homeCurrency: new StringAttribute({ mutable: true }),
        timezone: new StringAttribute({ mutable: true }),
      },
      featurePlan: FeaturePlan.ESSENTIALS,
      removalPolicy: props.removalPolicy,
    });

    this.client = this.userPool.addClient('AppClient', {
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      // No hosted UI: tokens come from InitiateAuth only, so no OAuth flows or callback URLs to leave open.
      disableOAuth: true,
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional by design: users may enrol a TOTP app; requiring it would block the curl sign-up flow of the API.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus feature plan (threat protection) is billed per monthly active user; Essentials is the default, Plus a per-deployer choice.',
      },
    );
  }

  /**
   * Installs the catalog's triggers. Called after the functions exist because API functions need
   * the pool and client ids; the trigger functions must not (that would be a dependency cycle).
   */
  addTriggers(functionsByTrigger: Record<keyof typeof cognitoTriggers, IFunction>): void {
    for (const [trigger, operation] of Object.entries(triggerOperations)) {
      this.userPool.addTrigger(operation, functionsByTrigger[trigger as keyof typeof cognitoTriggers]);
    }
  }
}
