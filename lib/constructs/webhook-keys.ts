/**
 * The key ring that seals webhook signing secrets (shared/webhooks/secret-box.ts), held outside the
 * table so that a copy of the table (a backup, an export, a read grant) holds no usable secret.
 * One Systems Manager Parameter Store SecureString, standard tier, encrypted with the AWS-managed
 * key `alias/aws/ssm`: nothing is billed while it rests (no parameter fee, no key fee; a read is
 * free and its decryption a KMS request, once per cold start of a function that reads it).
 *
 * CloudFormation cannot create a SecureString, so a Lambda-backed custom resource does
 * (functions/ops/create-webhook-keys.ts): it generates the first key, `{"current":"k1","k1":"<64
 * random characters>"}`, so neither the template nor the stack ever holds it, and it never
 * overwrites a parameter that exists (an upgrade from the Secrets Manager key ring copies the old
 * value in first: docs/webhooks.md). Removing the stack keeps the parameter unless the deployment's
 * removal policy is DESTROY.
 *
 * Rotating the key (docs/webhooks.md): put a value with a new id and fresh material, named by
 * `current`, keeping the older ids so that what they sealed still opens. Only the functions that
 * seal or open a secret may read it (the `webhookKeys` grant), and only the custom resource's
 * function may create or delete it (`webhookKeysCreate`).
 */
import { CustomResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { webhookKeysParameterName } from '../catalog/environment';

/** The custom resource's type: the cost bench finds the stack's SecureStrings by it. */
export const SECURE_PARAMETER_RESOURCE_TYPE = 'Custom::MonetaSecureParameter';

export class WebhookKeys extends Construct {
  /** The parameter's name (WEBHOOK_KEYS_PARAMETER). */
  readonly parameterName: string;
  private readonly removalPolicy: RemovalPolicy;

  constructor(scope: Construct, id: string, props: { removalPolicy: RemovalPolicy }) {
    super(scope, id);
    this.parameterName = webhookKeysParameterName(Stack.of(this).stackName);
    this.removalPolicy = props.removalPolicy;
  }

  /** The parameter's ARN, spelled in the stack of `scope` (a function in a nested stack included). */
  parameterArn(scope: Construct): string {
    return parameterArn(scope, this.parameterName);
  }

  /** The custom resource that creates the parameter, run by `creator` (granted `webhookKeysCreate`). */
  createdBy(creator: IFunction): CustomResource {
    // Not `Ring`: that was the Secrets Manager secret's id, and CloudFormation cannot change the
    // type behind a logical id. The secret, retained, leaves the template instead (docs/webhooks.md).
    return new CustomResource(this, 'Parameter', {
      serviceToken: creator.functionArn,
      resourceType: SECURE_PARAMETER_RESOURCE_TYPE,
      // A put and an answer: a minute is plenty, rather than CloudFormation's hour when no answer comes.
      serviceTimeout: Duration.minutes(2),
      properties: {
        ParameterName: this.parameterName,
        Tier: 'Standard',
        RemovalPolicy: this.removalPolicy === RemovalPolicy.DESTROY ? 'destroy' : 'retain',
      },
    });
  }
}

/** `arn:…:ssm:<region>:<account>:parameter/moneta/…` in the stack of `scope`. */
export function parameterArn(scope: Construct, parameterName: string): string {
  return Stack.of(scope).formatArn({
    service: 'ssm',
    resource: 'parameter',
    resourceName: parameterName.replace(/^\//, ''),
  });
}

/** What the `webhookKeys` grant allows: reading (and so decrypting) the one parameter. */
export function grantWebhookKeysRead(grantee: IGrantable & Construct, parameterName: string): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['ssm:GetParameter'], resources: [parameterArn(grantee, parameterName)] }),
  );
}

/** What the `webhookKeysCreate` grant allows: creating and deleting the one parameter, not reading it. */
export function grantWebhookKeysCreate(grantee: IGrantable & Construct, parameterName: string): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['ssm:PutParameter', 'ssm:DeleteParameter'],
      resources: [parameterArn(grantee, parameterName)],
    }),
  );
}
