/**
 * The webhook key ring as synthesized: one secret whose key CloudFormation generates (never in the
 * template), readable by exactly the functions that seal or open a webhook signing secret, and
 * named in their environment only.
 */
import { functions } from '../../lib/catalog/functions';
import {
  lambdaResource,
  resourcesOfType,
  roleLogicalId,
  rolesAllowed,
  type Synthesized,
  synthesize,
} from './support/synth';

const WEBHOOK_KEY_FUNCTIONS = [
  'webhook-deliveries-redeliver',
  'webhook-dispatcher',
  'webhooks-create',
  'webhooks-ping',
  'webhooks-rotate-secret',
];

describe('the webhook key ring', () => {
  let synth: Synthesized;
  beforeAll(() => {
    synth = synthesize();
  });

  it('is declared by the functions that seal or open a signing secret, and only by them', () => {
    expect(
      functions
        .filter((spec) => spec.webhookKeys)
        .map((spec) => spec.id)
        .sort(),
    ).toEqual(WEBHOOK_KEY_FUNCTIONS);
  });

  it('is one secret with a generated key that is not in the template, read by those functions alone', () => {
    const secrets = resourcesOfType(synth.stacks, 'AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(1);
    const props = secrets[0]!.resource.Properties;
    expect(props.SecretString).toBeUndefined();
    expect(JSON.parse(props.GenerateSecretString.SecretStringTemplate)).toEqual({ current: 'k1' });
    expect(props.GenerateSecretString).toMatchObject({ GenerateStringKey: 'k1', PasswordLength: 64 });

    const readers = rolesAllowed(synth.stacks, 'secretsmanager:GetSecretValue').sort();
    expect(readers).toEqual(WEBHOOK_KEY_FUNCTIONS.map((id) => roleLogicalId(synth.stack, id as never)).sort());
    for (const spec of functions) {
      const env = lambdaResource(synth, spec.id as never).Properties.Environment.Variables;
      if (spec.webhookKeys) expect(env.WEBHOOK_KEYS_SECRET_ID).toBeDefined();
      else expect(env.WEBHOOK_KEYS_SECRET_ID).toBeUndefined();
    }
  });
});
