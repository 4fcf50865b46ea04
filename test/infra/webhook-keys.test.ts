/**
 * The webhook key ring as synthesized: one secret whose key CloudFormation generates (never in the
 * template), readable by exactly the functions that seal or open a webhook signing secret, and
 * named in their environment only.
 */
import { expectSecretReadOnlyBy, functionsGranted, secretsOf } from './support/secrets';
import { rolesAllowed, type Synthesized, synthesize } from './support/synth';

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
    expect(functionsGranted('webhookKeys')).toEqual(WEBHOOK_KEY_FUNCTIONS);
  });

  it('is one secret with a generated key that is not in the template, read by those functions alone', () => {
    const secrets = secretsOf(synth);
    expect(secrets).toHaveLength(1);
    expect(secrets[0]!.GenerateSecretString).toMatchObject({ GenerateStringKey: 'k1', PasswordLength: 64 });
    expectSecretReadOnlyBy(synth, secrets[0]!, {
      fields: { current: 'k1' },
      readers: WEBHOOK_KEY_FUNCTIONS,
      rolesReading: rolesAllowed(synth.stacks, 'secretsmanager:GetSecretValue'),
      variable: 'WEBHOOK_KEYS_SECRET_ID',
    });
  });
});
