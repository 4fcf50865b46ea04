/**
 * The secret that holds the deployment's Stripe keys, created only when Stripe is enabled
 * (`-c stripe=on`). The stack never knows the keys: it creates the secret with empty values and
 * the deployer puts them (docs/payments.md):
 *
 *   aws secretsmanager put-secret-value --secret-id <StripeSecretArn output> \
 *     --secret-string '{"secretKey":"sk_test_…","webhookSecret":"whsec_…"}'
 *
 * The payment functions read it at cold start; nothing else may (lib/constructs/moneta-function.ts).
 */
import { CfnOutput, type RemovalPolicy } from 'aws-cdk-lib';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { generatedSecret } from './generated-secret';

export class StripeSecret extends Construct {
  readonly secret: ISecret;

  constructor(scope: Construct, id: string, props: { removalPolicy: RemovalPolicy }) {
    super(scope, id);
    this.secret = generatedSecret(this, 'Keys', {
      description: "Moneta's Stripe secret key and webhook signing secret (put by the deployer)",
      // Empty keys until the deployer puts the real ones; the generated field is only filler that
      // Secrets Manager needs to create a secret without a value in the template.
      fields: { secretKey: '', webhookSecret: '' },
      generatedField: 'filler',
      removalPolicy: props.removalPolicy,
      whyNotRotated:
        "Stripe's keys are rolled in Stripe's dashboard (which issues the new key), then put here; Secrets Manager cannot rotate them itself.",
    });
    new CfnOutput(scope, 'StripeSecretArn', {
      value: this.secret.secretArn,
      description: 'Put the Stripe keys here (docs/payments.md)',
    });
  }
}
