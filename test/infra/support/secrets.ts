/**
 * Checks shared by the infra tests of Moneta's secrets (the Stripe keys, a Secrets Manager secret:
 * lib/constructs/generated-secret.ts; the webhook key ring, a Parameter Store SecureString): which
 * functions declare one, and, for a Secrets Manager secret as
 * synthesized, that its value is generated rather than in the template and that exactly those
 * functions may read it and are told its id.
 */
import { type FunctionSpec, functions } from '../../../lib/catalog/functions';
import { lambdaResource, resourcesOfType, roleLogicalId, type Synthesized } from './synth';

/** The ids of the functions whose catalog entry sets `grant` (a secret's grant), sorted. */
export const functionsGranted = (grant: 'stripe' | 'webhookKeys' | 'webhookKeysCreate') =>
  functions
    .filter((spec: FunctionSpec) => spec[grant])
    .map((spec) => spec.id)
    .sort();

/** The properties of every Secrets Manager secret of the synthesized app. */
export const secretsOf = (synth: Synthesized) =>
  resourcesOfType(synth.stacks, 'AWS::SecretsManager::Secret').map(
    ({ resource }) => resource.Properties as Parameters<typeof expectSecretReadOnlyBy>[1],
  );

/**
 * One secret as synthesized: no value in the template, created with `fields` (the generated one
 * added by CloudFormation), read by the roles of `readers` alone (`rolesReading`: the roles allowed
 * to read this secret), and named in the environment of those functions only, as `variable`.
 */
export function expectSecretReadOnlyBy(
  synth: Synthesized,
  secret: { SecretString?: unknown; GenerateSecretString: { SecretStringTemplate: string } },
  expected: { fields: Record<string, string>; readers: string[]; rolesReading: string[]; variable: string },
) {
  expect(secret.SecretString).toBeUndefined();
  expect(JSON.parse(secret.GenerateSecretString.SecretStringTemplate)).toEqual(expected.fields);
  expect([...expected.rolesReading].sort()).toEqual(
    expected.readers.map((id) => roleLogicalId(synth.stack, id as never)).sort(),
  );
  for (const spec of functions) {
    const env = lambdaResource(synth, spec.id as never).Properties.Environment.Variables;
    if (expected.readers.includes(spec.id)) expect(env[expected.variable]).toBeDefined();
    else expect(env[expected.variable]).toBeUndefined();
  }
}
