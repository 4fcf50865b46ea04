/**
 * The Stripe secret as synthesized: absent unless the deployment enables Stripe (`stripe=on`);
 * with it, readable by the payment functions alone, holding no key in the template, and named
 * in their environment.
 */
import { functions } from '../../lib/catalog/functions';
import { expectSecretReadOnlyBy, functionsGranted, secretsOf } from './support/secrets';
import { lambdaResource, roleLogicalId, rolesAllowed, type Synthesized, synthesize } from './support/synth';

const STRIPE_FUNCTIONS = [
  'invoice-payments-create',
  'payee-payment-methods-create',
  'payee-payment-methods-delete',
  'payment-refunds-create',
  'payments-cancel',
  'payments-webhook',
];

/** The secrets synthesized other than the webhook key ring (test/infra/webhook-keys.test.ts). */
const stripeSecrets = (synth: Synthesized) =>
  secretsOf(synth).filter((secret) => !('current' in JSON.parse(secret.GenerateSecretString.SecretStringTemplate)));
const stripeReaders = (synth: Synthesized) =>
  rolesAllowed(synth.stacks, 'secretsmanager:GetSecretValue').filter(
    (role) =>
      !functions.some(
        (spec) => spec.webhookKeys && !spec.stripe && roleLogicalId(synth.stack, spec.id as never) === role,
      ),
  );

describe('the Stripe secret', () => {
  let off: Synthesized;
  let on: Synthesized;
  beforeAll(() => {
    off = synthesize();
    on = synthesize({ stripe: 'on' });
  });

  it('is declared by the payment functions that call Stripe, and only by them', () => {
    expect(functionsGranted('stripe')).toEqual(STRIPE_FUNCTIONS);
  });

  it('does not exist, and no function may read a secret, without stripe=on', () => {
    expect(stripeSecrets(off)).toHaveLength(0);
    expect(stripeReaders(off)).toEqual([]);
    for (const id of STRIPE_FUNCTIONS) {
      expect(lambdaResource(off, id as never).Properties.Environment.Variables.STRIPE_SECRET_ID).toBeUndefined();
    }
  });

  it('with stripe=on: one secret with no key in the template, readable by the payment functions alone', () => {
    const secrets = stripeSecrets(on);
    expect(secrets).toHaveLength(1);
    expectSecretReadOnlyBy(on, secrets[0]!, {
      fields: { secretKey: '', webhookSecret: '' },
      readers: STRIPE_FUNCTIONS,
      rolesReading: stripeReaders(on),
      variable: 'STRIPE_SECRET_ID',
    });
    for (const id of STRIPE_FUNCTIONS) {
      expect(lambdaResource(on, id as never).Properties.Environment.Variables.STRIPE_API_URL).toBeUndefined();
    }
    const outputs = on.template.toJSON().Outputs as Record<string, unknown>;
    expect(outputs.StripeSecretArn).toBeDefined();
  });
});
