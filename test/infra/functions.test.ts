import type { CfnUserPool, CfnUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnEventBus } from 'aws-cdk-lib/aws-events';
import type { CfnConfigurationSet } from 'aws-cdk-lib/aws-ses';
import { environmentFor } from '../../lib/catalog/environment';
import { type FunctionId, functions } from '../../lib/catalog/functions';
import {
  functionLogicalId,
  inRoot,
  lambdaResource,
  logicalId,
  resourcesOfType,
  type Synthesized,
  synthesize,
  templateOfFunction,
} from './support/synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

const lambdaOf = (id: FunctionId) =>
  lambdaResource(synth, id).Properties as Record<string, unknown> & {
    Environment: { Variables: Record<string, unknown> };
  };

/** A function's environment as the root stack sees it: nested stack parameters replaced by their values. */
const rootEnvironmentOf = (id: FunctionId) =>
  Object.fromEntries(
    Object.entries(lambdaOf(id).Environment.Variables).map(([key, value]) => [
      key,
      inRoot(synth, synth.stack.functions[id]!, value),
    ]),
  );

describe('functions', () => {
  it('are exactly the catalog: no helper or custom-resource Lambda sneaks in', () => {
    expect(resourcesOfType(synth.stacks, 'AWS::Lambda::Function')).toHaveLength(functions.length);
  });

  it.each(functions)('$id runs Node 22 on arm64, untraced by default, with its spec limits', (spec) => {
    expect(lambdaOf(spec.id).TracingConfig).toBeUndefined();
    expect(lambdaOf(spec.id)).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: 'timeoutSeconds' in spec ? spec.timeoutSeconds : 10,
      MemorySize: 'memoryMb' in spec ? spec.memoryMb : 512,
      Description: spec.description,
    });
  });

  it.each(functions)('$id logs JSON at INFO by default, without Lambda START/REPORT records', (spec) => {
    expect(lambdaOf(spec.id).LoggingConfig).toMatchObject({
      LogFormat: 'JSON',
      ApplicationLogLevel: 'INFO',
      SystemLogLevel: 'WARN',
    });
    // Lambda's level is the only one: Powertools follows AWS_LAMBDA_LOG_LEVEL, and never logs events.
    expect(Object.keys(lambdaOf(spec.id).Environment.Variables)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(POWERTOOLS_LOG_LEVEL|LOG_LEVEL|POWERTOOLS_LOGGER_LOG_EVENT)$/)]),
    );
  });

  it('with `tracing: on` every function is traced; `logLevel: DEBUG` brings back Lambda START/REPORT records', () => {
    const traced = synthesize({ tracing: 'on', logLevel: 'DEBUG' });
    for (const spec of functions) {
      expect(lambdaResource(traced, spec.id).Properties).toMatchObject({
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'DEBUG', SystemLogLevel: 'DEBUG' },
      });
    }
  });

  it('`logLevel: WARN` is every function application log level', () => {
    const quiet = synthesize({ logLevel: 'WARN' });
    for (const spec of functions) {
      expect(lambdaResource(quiet, spec.id).Properties).toMatchObject({
        LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'WARN', SystemLogLevel: 'WARN' },
      });
    }
  });

  it('refuses a tracing or log level setting it does not know, naming it', () => {
    expect(() => synthesize({ tracing: 'sometimes' })).toThrow(/tracing/);
    expect(() => synthesize({ logLevel: 'VERBOSE' })).toThrow(/logLevel/);
  });

  it.each(functions)('$id has exactly the environment environmentFor gives it', (spec) => {
    const expected = synth.stack.resolve(environmentFor(spec, synth.stack.resourceNames));
    expect(rootEnvironmentOf(spec.id)).toEqual(expected);
  });

  it.each(functions)('$id logs to its own log group, kept for a month', (spec) => {
    const logging = lambdaOf(spec.id).LoggingConfig as { LogGroup: { Ref: string } };
    const group = templateOfFunction(synth, spec.id).findResources('AWS::Logs::LogGroup')[logging.LogGroup.Ref];
    expect(group?.Properties).toMatchObject({ RetentionInDays: 30 });
  });

  it('binds environment names to the real resources, not to look-alikes', () => {
    const ref = (resource: unknown) => ({ Ref: logicalId(synth.stack, resource as never) });
    const { stack } = synth;
    const env = rootEnvironmentOf;
    expect(env('me-get').TABLE_NAME).toEqual(ref(stack.data.table.node.defaultChild as CfnTable));
    expect(env('stream-publisher').EVENT_BUS_NAME).toEqual(ref(stack.events.bus.node.defaultChild as CfnEventBus));
    expect(env('auth-login')).toMatchObject({
      USER_POOL_ID: ref(stack.auth.userPool.node.defaultChild as CfnUserPool),
      USER_POOL_CLIENT_ID: ref(stack.auth.client.node.defaultChild as CfnUserPoolClient),
    });
    expect(env('notifier')).toMatchObject({
      SENDER_EMAIL: 'alerts@moneta.example',
      SES_CONFIGURATION_SET: ref(stack.notifications.configurationSet!.node.defaultChild as CfnConfigurationSet),
    });
    // The trigger must not know the pool it serves: that would be a circular dependency.
    expect(env('post-confirmation').USER_POOL_ID).toBeUndefined();
  });

  it('is the pool post-confirmation trigger that writes the profile', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PostConfirmation: { 'Fn::GetAtt': [functionLogicalId(synth.stack, 'post-confirmation'), 'Arn'] },
      },
    });
  });

  it('sends from the sender given in the settings', () => {
    const custom = synthesize({ senderEmail: 'money@moneta.example' });
    expect(lambdaResource(custom, 'notifier').Properties.Environment.Variables.SENDER_EMAIL).toBe(
      'money@moneta.example',
    );
    custom.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'money@moneta.example' });
  });

  it('answers Cognito within its 5 s: the post-confirmation trigger times out first', () => {
    expect(lambdaResource(synth, 'post-confirmation').Properties.Timeout).toBeLessThanOrEqual(5);
  });
});
