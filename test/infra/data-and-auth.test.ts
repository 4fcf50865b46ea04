import { Match } from 'aws-cdk-lib/assertions';
import { passwordPolicy } from '../../shared/identity/password-policy';
import { tableDefinition } from '../../shared/kit/dynamodb/table-definition';
import { resourcesOfType, type Synthesized, synthesize } from './support/synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

describe('table', () => {
  it('is the single table of the data model, on demand, with PITR, a full stream and TTL', () => {
    synth.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('has every GSI of the table definition', () => {
    const [table] = Object.values(synth.template.findResources('AWS::DynamoDB::Table'));
    const indexes = table?.Properties.GlobalSecondaryIndexes as Record<string, unknown>[];
    expect(indexes).toEqual(
      tableDefinition.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });
});

describe('removal policy', () => {
  const stateful = ['AWS::DynamoDB::Table', 'AWS::Cognito::UserPool', 'AWS::Logs::LogGroup'];

  it.each(stateful)('retains %s by default, in every stack', (type) => {
    const found = resourcesOfType(synth.stacks, type).map(({ resource }) => resource);
    expect(found.length).toBeGreaterThan(0);
    for (const resource of found)
      expect(resource).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  let destroy: Synthesized | undefined;
  it.each(stateful)('deletes %s with -c removalPolicy=destroy', (type) => {
    destroy ??= synthesize({ removalPolicy: 'destroy' });
    const found = resourcesOfType(destroy.stacks, type).map(({ resource }) => resource);
    expect(found.length).toBeGreaterThan(0);
    for (const resource of found) expect(resource).toMatchObject({ DeletionPolicy: 'Delete' });
  });

  it('refuses an unknown removal policy, naming the key', () => {
    expect(() => synthesize({ removalPolicy: 'keep' })).toThrow(/removalPolicy/);
  });
});

describe('user pool', () => {
  it('signs people in by email, case-insensitively, with self sign-up and email verification', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AutoVerifiedAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
  });

  it('enforces the shared password policy', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: passwordPolicy.minLength,
          RequireLowercase: passwordPolicy.requireLowercase,
          RequireUppercase: passwordPolicy.requireUppercase,
          RequireNumbers: passwordPolicy.requireDigits,
          RequireSymbols: passwordPolicy.requireSymbols,
        }),
      },
    });
  });

  it('offers optional TOTP MFA and never SMS', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
    const [pool] = Object.values(synth.template.findResources('AWS::Cognito::UserPool'));
    expect(pool?.Properties.SmsConfiguration).toBeUndefined();
  });

  it('requires email, keeps name optional, and has mutable homeCurrency and timezone', () => {
    const [pool] = Object.values(synth.template.findResources('AWS::Cognito::UserPool'));
    const schema = pool?.Properties.Schema as { Name: string; Required?: boolean; Mutable?: boolean }[];
    const byName = new Map(schema.map((attribute) => [attribute.Name, attribute]));
    expect(byName.get('email')).toMatchObject({ Required: true, Mutable: true });
    expect(byName.get('name')).toMatchObject({ Required: false, Mutable: true });
    expect(byName.get('homeCurrency')).toMatchObject({ AttributeDataType: 'String', Mutable: true });
    expect(byName.get('timezone')).toMatchObject({ AttributeDataType: 'String', Mutable: true });
  });
});

describe('app client', () => {
  it('is public, password/SRP/refresh only, revocable, and hides whether a user exists', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayEquals([
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ]),
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
      AllowedOAuthFlowsUserPoolClient: false,
    });
  });

  it('issues 1-hour access and ID tokens and 30-day refresh tokens', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30 * 24 * 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
    });
  });
});
