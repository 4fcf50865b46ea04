/**
 * A Secrets Manager secret created with a JSON value that CloudFormation generates: the template
 * names the fields and which one gets random characters, so neither the template nor the stack ever
 * holds what the secret comes to contain. Moneta's secrets are not rotated by Secrets Manager (a
 * rotation Lambda would cost idle and could not do what their rotation needs); each says why, and
 * that reason is acknowledged to cdk-nag (AwsSolutions-SMG4) here, next to the secret.
 *
 * Used by the Stripe secret (./stripe-secret.ts); the webhook key ring is a Parameter Store
 * SecureString (./webhook-keys.ts). The secret is the child `id` of `scope`, so its logical id is
 * what it was when each made its own.
 */
import { type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

export function generatedSecret(
  scope: Construct,
  id: string,
  props: {
    description: string;
    /** The value's fields as created (the generated one is added to them). */
    fields: Record<string, string>;
    /** The field CloudFormation fills with random letters and digits. */
    generatedField: string;
    /** Its length; Secrets Manager's default (32) when absent. */
    length?: number;
    removalPolicy: RemovalPolicy;
    /** Why Secrets Manager does not rotate it (how it is rotated instead). */
    whyNotRotated: string;
  },
): ISecret {
  const secret = new Secret(scope, id, {
    description: props.description,
    generateSecretString: {
      secretStringTemplate: JSON.stringify(props.fields),
      generateStringKey: props.generatedField,
      ...(props.length === undefined ? {} : { passwordLength: props.length }),
      excludePunctuation: true,
    },
    removalPolicy: props.removalPolicy,
  });
  Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: props.whyNotRotated });
  return secret;
}
