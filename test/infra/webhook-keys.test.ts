/**
 * The webhook key ring as synthesized: one Parameter Store SecureString created by a custom
 * resource whose function generates the key (no value in the template), readable by exactly the
 * functions that seal or open a webhook signing secret, created and deleted by that function alone,
 * and named in the environment of those functions only.
 */
import { functions } from '../../lib/catalog/functions';
import { SECURE_PARAMETER_RESOURCE_TYPE } from '../../lib/constructs/webhook-keys';
import { functionsGranted, secretsOf } from './support/secrets';
import {
  functionLogicalId,
  lambdaResource,
  resourcesOfType,
  roleLogicalId,
  rolesAllowed,
  type Statement,
  type Synthesized,
  statementsOfRole,
  synthesize,
} from './support/synth';

const WEBHOOK_KEY_FUNCTIONS = [
  'webhook-deliveries-redeliver',
  'webhook-dispatcher',
  'webhooks-create',
  'webhooks-ping',
  'webhooks-rotate-secret',
];
const CREATOR = 'create-webhook-keys';
const PARAMETER = '/moneta/Moneta/webhook-keys';

const roleIds = (synth: Synthesized, ids: string[]) => ids.map((id) => roleLogicalId(synth.stack, id as never)).sort();

/** The statements, in every stack, that allow `action`. */
const statementsAllowing = (synth: Synthesized, action: string): Statement[] =>
  synth.stacks.flatMap(({ template }) =>
    Object.keys(template.findResources('AWS::IAM::Role')).flatMap((roleId) =>
      statementsOfRole(template, roleId).filter((statement) => [statement.Action].flat().includes(action)),
    ),
  );

/** A statement's resources as text: a `Fn::Join` joined, its pseudo parameters as `<AWS::Region>`. */
const resourcesOf = (statement: Statement) =>
  [statement.Resource].flat().map((resource) => {
    const join = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
    if (!join) return JSON.stringify(resource);
    return join[1]
      .map((part) => (typeof part === 'string' ? part : `<${(part as { Ref?: string }).Ref ?? JSON.stringify(part)}>`))
      .join(join[0]);
  });

const PARAMETER_ARN = 'arn:<AWS::Partition>:ssm:<AWS::Region>:<AWS::AccountId>:parameter/moneta/Moneta/webhook-keys';

describe('the webhook key ring', () => {
  let synth: Synthesized;
  let destroying: Synthesized;
  beforeAll(() => {
    synth = synthesize();
    destroying = synthesize({ removalPolicy: 'destroy' });
  });

  it('is declared by the functions that seal or open a signing secret, and only by them', () => {
    expect(functionsGranted('webhookKeys')).toEqual(WEBHOOK_KEY_FUNCTIONS);
    expect(functionsGranted('webhookKeysCreate')).toEqual([CREATOR]);
  });

  it('is one SecureString created by the custom resource, with no value in the template, kept by default', () => {
    expect(secretsOf(synth)).toEqual([]);
    expect(resourcesOfType(synth.stacks, 'AWS::SSM::Parameter')).toEqual([]);
    const created = resourcesOfType(synth.stacks, SECURE_PARAMETER_RESOURCE_TYPE);
    expect(created).toHaveLength(1);
    expect(created[0]!.resource.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [functionLogicalId(synth.stack, CREATOR), 'Arn'] },
      ServiceTimeout: '120',
      ParameterName: PARAMETER,
      Tier: 'Standard',
      RemovalPolicy: 'retain',
    });
    // Not the logical id of the Secrets Manager secret it replaces: CloudFormation cannot change a
    // resource's type in place, so an upgrade would fail.
    expect(created[0]!.id).not.toMatch(/^WebhookKeysRing/);
    const [destroyed] = resourcesOfType(destroying.stacks, SECURE_PARAMETER_RESOURCE_TYPE);
    expect(destroyed!.resource.Properties.RemovalPolicy).toBe('destroy');
  });

  it('is read (ssm:GetParameter on that one parameter) by those functions alone, and named in their environment', () => {
    expect(rolesAllowed(synth.stacks, 'ssm:GetParameter').sort()).toEqual(roleIds(synth, WEBHOOK_KEY_FUNCTIONS));
    const reads = statementsAllowing(synth, 'ssm:GetParameter');
    expect(reads).toHaveLength(WEBHOOK_KEY_FUNCTIONS.length);
    for (const statement of reads) {
      expect([statement.Action].flat()).toEqual(['ssm:GetParameter']);
      expect(resourcesOf(statement)).toEqual([PARAMETER_ARN]);
    }
    // Nothing else reads a secret: the key ring is in no Secrets Manager secret any more.
    expect(rolesAllowed(synth.stacks, 'secretsmanager:GetSecretValue')).toEqual([]);
    for (const spec of functions) {
      const env = lambdaResource(synth, spec.id as never).Properties.Environment.Variables;
      const named = WEBHOOK_KEY_FUNCTIONS.includes(spec.id) || spec.id === CREATOR;
      expect(env.WEBHOOK_KEYS_PARAMETER).toBe(named ? PARAMETER : undefined);
      expect(env.WEBHOOK_KEYS_SECRET_ID).toBeUndefined();
    }
  });

  it('is created and deleted by the custom resource function alone, which may not read it', () => {
    for (const action of ['ssm:PutParameter', 'ssm:DeleteParameter']) {
      expect(rolesAllowed(synth.stacks, action)).toEqual(roleIds(synth, [CREATOR]));
      for (const statement of statementsAllowing(synth, action)) {
        expect(resourcesOf(statement)).toEqual([PARAMETER_ARN]);
      }
    }
    expect(rolesAllowed(synth.stacks, 'ssm:GetParameter')).not.toContain(roleLogicalId(synth.stack, CREATOR as never));
  });
});
