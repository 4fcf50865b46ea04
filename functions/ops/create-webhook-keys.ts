/**
 * Creates the webhook key ring (shared/webhooks/secret-box.ts): a Parameter Store SecureString
 * (WEBHOOK_KEYS_PARAMETER, standard tier, encrypted with the AWS-managed key `alias/aws/ssm`) whose
 * first key is 48 random bytes generated here, so the value is in no template and no stack output.
 * Called by CloudFormation as a Lambda-backed custom resource (lib/constructs/webhook-keys.ts; it
 * answers CloudFormation itself), and with `{}` by the local cloud at start.
 *
 * Create never overwrites: a parameter that already exists is kept as it is (`ParameterAlreadyExists`
 * is success). That is what keeps a redeploy, the local cloud's every start and an upgrade from the
 * Secrets Manager key ring (docs/webhooks.md: the deployer copies the old value in first) from
 * replacing keys that still open stored secrets. Update changes nothing. Delete removes the
 * parameter only when the custom resource says `RemovalPolicy: destroy`; the default keeps it, as
 * the deployment's other data is kept.
 */
import { randomBytes } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import {
  DeleteParameterCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
  PutParameterCommand,
} from '@aws-sdk/client-ssm';
import middy from '@middy/core';
import { ssmClient } from '../../shared/kit/aws/clients';
import { isCustomResourceEvent, respond } from '../../shared/kit/aws/cloudformation-response';
import { requireEnv } from '../../shared/kit/config';
import { logger } from '../../shared/kit/observability';

const parameterName = requireEnv('WEBHOOK_KEYS_PARAMETER');

/** The id of the ring's first key. */
const FIRST_KEY_ID = 'k1';
/** 48 random bytes: 64 base64url characters of key material (the ring wants 32 or more). */
const MATERIAL_BYTES = 48;

/** The fields of a CloudFormation custom-resource event this function reads; `{}` otherwise. */
type CreateKeysEvent = {
  RequestType?: 'Create' | 'Update' | 'Delete' | string;
  PhysicalResourceId?: string;
  ResourceProperties?: { RemovalPolicy?: string };
};
type CreateKeysResult = { PhysicalResourceId: string; outcome: 'created' | 'kept' | 'deleted' | 'retained' };

export const handler = middy<CreateKeysEvent, CreateKeysResult>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .handler(async (event) => {
    if (!isCustomResourceEvent(event)) return apply(event ?? {});
    try {
      const result = await apply(event);
      await respond(event, { status: 'SUCCESS', physicalResourceId: result.PhysicalResourceId });
      return result;
    } catch (error) {
      logger.error('The webhook key ring custom resource failed', error as Error);
      await respond(event, {
        status: 'FAILED',
        // Not the parameter's name: the rollback's Delete then knows that nothing was created.
        physicalResourceId: event.PhysicalResourceId ?? 'webhook-keys-not-created',
        reason: 'Creating the webhook key ring failed; see the create-webhook-keys function logs.',
      });
      throw error;
    }
  });

async function apply(event: CreateKeysEvent): Promise<CreateKeysResult> {
  const requestType = event.RequestType ?? 'Create';
  if (requestType === 'Delete') return remove(event);
  // An update (a new removal policy, a redeploy) never touches the keys.
  if (requestType === 'Update') return { PhysicalResourceId: parameterName, outcome: 'kept' };
  const outcome = await create();
  logger.info('Webhook key ring', { outcome, requestType });
  return { PhysicalResourceId: parameterName, outcome };
}

async function create(): Promise<'created' | 'kept'> {
  const ring = { current: FIRST_KEY_ID, [FIRST_KEY_ID]: randomBytes(MATERIAL_BYTES).toString('base64url') };
  try {
    await ssmClient().send(
      new PutParameterCommand({
        Name: parameterName,
        Description: "Moneta's key ring that encrypts webhook signing secrets",
        Value: JSON.stringify(ring),
        Type: 'SecureString',
        Tier: 'Standard',
        // Never replaces a ring that exists: its keys open what was sealed under them.
        Overwrite: false,
      }),
    );
    return 'created';
  } catch (error) {
    if (error instanceof ParameterAlreadyExists) return 'kept';
    throw error;
  }
}

async function remove(event: CreateKeysEvent): Promise<CreateKeysResult> {
  const physicalResourceId = event.PhysicalResourceId ?? parameterName;
  // Retained unless the deployment asked otherwise, and never a parameter this resource did not
  // stand for (the rollback of a failed create).
  if (event.ResourceProperties?.RemovalPolicy !== 'destroy' || physicalResourceId !== parameterName) {
    logger.info('Webhook key ring retained');
    return { PhysicalResourceId: physicalResourceId, outcome: 'retained' };
  }
  try {
    await ssmClient().send(new DeleteParameterCommand({ Name: parameterName }));
  } catch (error) {
    if (!(error instanceof ParameterNotFound)) throw error;
  }
  logger.info('Webhook key ring deleted');
  return { PhysicalResourceId: physicalResourceId, outcome: 'deleted' };
}
