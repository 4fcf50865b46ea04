/**
 * The Stripe secret as synthesized: absent unless the deployment enables Stripe (`stripe=on`);
 * with it, readable by the payment functions alone, holding no key in the template, and named
 * in their environment.
 */
import { expectSecretReadOnlyBy, functionsGranted, secretsOf } from './support/secrets';
import { lambdaResource, rolesAllowed, type Synthesized, synthesize } from './support/synth';

const STRIPE_FUNCTIONS = [
  'invoice-payments-create',
  'payee-payment-methods-create',
  'payee-payment-methods-delete',
  'payment-refunds-create',
  'payments-cancel',
  'payments-webhook',
];

/** The Secrets Manager secrets synthesized: the Stripe secret is the only one (the webhook key ring is in Parameter Store). */
const stripeSecrets = (synth: Synthesized) => secretsOf(synth);
const stripeReaders = (synth: Synthesized) => rolesAllowed(synth.stacks, 'secretsmanager:GetSecretValue');

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
