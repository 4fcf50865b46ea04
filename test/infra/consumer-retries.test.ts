/**
 * On AWS a consumer that throws is retried by Lambda twice and then, without an on-failure
 * destination, the event is dropped. Every consumer here parks it in the retry queue instead, and
 * the retrier invokes it again for over a day before dead-lettering it (lib/catalog/consumer-retries.ts).
 */
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { CONSUMER_RETRIER, consumerRetry } from '../../lib/catalog/consumer-retries';
import { rules } from '../../lib/catalog/rules';
import {
  actionsOf,
  functionArnInRoot,
  functionLogicalId,
  inRoot,
  logicalId,
  roleLogicalId,
  type Synthesized,
  statementsOfRole,
  synthesize,
} from './support/synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

const queueId = (queue: 'retryQueue' | 'deadLetterQueue') =>
  logicalId(synth.stack, synth.stack.consumerRetries[queue].node.defaultChild as CfnQueue);
const consumers = [...new Set(rules.map((rule) => rule.target))];

describe('consumers that cannot lose an event', () => {
  it.each(consumers)('%s: Lambda retries twice within 6 hours, then parks the event in the retry queue', (id) => {
    const fn = synth.stack.functions[id].node.defaultChild as CfnFunction;
    const configs = Object.values(synth.templateOf(fn).findResources('AWS::Lambda::EventInvokeConfig')).filter(
      (config) => config.Properties.FunctionName.Ref === functionLogicalId(synth.stack, id),
    );
    expect(configs).toHaveLength(1);
    const properties = configs[0]!.Properties;
    expect(properties).toMatchObject({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 6 * 60 * 60 });
    expect(inRoot(synth, fn, properties.DestinationConfig.OnFailure.Destination)).toEqual({
      'Fn::GetAtt': [queueId('retryQueue'), 'Arn'],
    });
  });

  it('keeps a parked event longer than the retry window, and lets SQS dead-letter a record received too often', () => {
    const retry = synth.template.toJSON().Resources[queueId('retryQueue')].Properties;
    expect(retry.MessageRetentionPeriod).toBeGreaterThan(consumerRetry.windowSeconds);
    expect(retry.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [queueId('deadLetterQueue'), 'Arn'] },
      maxReceiveCount: 100,
    });
    expect(consumerRetry.windowSeconds).toBeGreaterThan(24 * 60 * 60);
  });

  it('sweeps the retry queue every 5 minutes', () => {
    synth.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [functionLogicalId(synth.stack, CONSUMER_RETRIER), 'Arn'] },
          Id: 'Target0',
          RetryPolicy: { MaximumRetryAttempts: 0 },
        },
      ],
    });
  });

  it('lets the retrier invoke the consumers and nothing else, and work both queues', () => {
    const statements = statementsOfRole(synth.template, roleLogicalId(synth.stack, CONSUMER_RETRIER));
    const invoke = statements.filter((statement) => actionsOf([statement]).includes('lambda:InvokeFunction'));
    const invocable = JSON.stringify(invoke.map((statement) => statement.Resource));
    for (const id of consumers) expect(invocable).toContain(JSON.stringify(functionArnInRoot(synth, id)));
    expect(invocable).not.toContain('"*"');
    // Each consumer by name and as `…:$LATEST`, and no other function.
    expect(invoke.flatMap((statement) => [statement.Resource].flat())).toHaveLength(consumers.length * 2);
    const actions = actionsOf(statements);
    expect(actions).toEqual(
      expect.arrayContaining([
        'sqs:ReceiveMessage',
        'sqs:DeleteMessage',
        'sqs:ChangeMessageVisibility',
        'sqs:SendMessage',
      ]),
    );
    expect(actions).not.toContain('dynamodb:PutItem');
  });

  it('alarms when an event reaches the dead-letter queue, and names the retrier for npm run redrive', () => {
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId('deadLetterQueue'), 'QueueName'] } }],
      Threshold: 1,
    });
    const outputs = synth.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.ConsumerRetrierFunctionName?.Value).toEqual({
      Ref: functionLogicalId(synth.stack, CONSUMER_RETRIER),
    });
  });
});
