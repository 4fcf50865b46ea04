import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnEventBus } from 'aws-cdk-lib/aws-events';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { eventPattern, rules, targetDelivery } from '../../lib/catalog/rules';
import { streamFilterPatterns, streamSourceSettings } from '../../lib/catalog/stream-filters';
import { functionLogicalId, inRoot, logicalId, resourcesOfType, type Synthesized, synthesize } from './support/synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

const queues = () => synth.template.findResources('AWS::SQS::Queue');
const eventsDlqId = () => logicalId(synth.stack, synth.stack.events.deadLetterQueue.node.defaultChild as CfnQueue);
const busId = () => logicalId(synth.stack, synth.stack.events.bus.node.defaultChild as CfnEventBus);

describe('event bus', () => {
  it('is named after the stack', () => {
    synth.template.hasResourceProperties('AWS::Events::EventBus', { Name: 'moneta-Moneta' });
    const renamed = synthesize({ stackName: 'MonetaStaging' });
    renamed.template.hasResourceProperties('AWS::Events::EventBus', { Name: 'moneta-MonetaStaging' });
  });

  it('archives every moneta event for 7 days (personal data outlives an erasure by that long)', () => {
    synth.template.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [busId(), 'Arn'] },
      EventPattern: { source: ['moneta'] },
      RetentionDays: 7,
    });
  });
});

describe('stream publisher mapping', () => {
  const mapping = () => {
    const mappings = Object.values(synth.template.findResources('AWS::Lambda::EventSourceMapping'));
    expect(mappings).toHaveLength(1);
    return mappings[0]!.Properties;
  };

  it('reads the table stream into the publisher', () => {
    const table = logicalId(synth.stack, synth.stack.data.table.node.defaultChild as CfnTable);
    expect(mapping()).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [table, 'StreamArn'] },
      FunctionName: { Ref: functionLogicalId(synth.stack, 'stream-publisher') },
      StartingPosition: streamSourceSettings.startingPosition,
      BatchSize: streamSourceSettings.batchSize,
    });
  });

  it('retries boundedly, splits failing batches and reports partial failures', () => {
    expect(mapping()).toMatchObject({
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: streamSourceSettings.retryAttempts,
      MaximumRecordAgeInSeconds: streamSourceSettings.maxRecordAgeSeconds,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('lets only domain items through, with the two catalog patterns', () => {
    const filters = mapping().FilterCriteria.Filters as { Pattern: string }[];
    expect(filters.map((filter) => JSON.parse(filter.Pattern))).toEqual(streamFilterPatterns);
  });

  it('sends records it gives up on to an encrypted SQS queue', () => {
    const destination = mapping().DestinationConfig.OnFailure.Destination as { 'Fn::GetAtt': [string, string] };
    const queue = queues()[destination['Fn::GetAtt'][0]];
    expect(queue?.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
  });
});

describe('rules', () => {
  // The rules on the Moneta bus, each in its consumer's feature stack; the retrier's schedule is a
  // rule too, but of the default bus.
  const busRules = () =>
    resourcesOfType(synth.stacks, 'AWS::Events::Rule')
      .map(({ stack, resource }) => ({ stack, properties: resource.Properties }))
      .filter((rule) => rule.properties.EventPattern);
  const rulesById = () => new Map(busRules().map((rule) => [rule.properties.Description as string, rule]));

  it('are exactly one per entry of the rule table, each in the stack of its consumer', () => {
    expect(busRules()).toHaveLength(rules.length);
    for (const rule of rules) {
      expect(rulesById().get(rule.description)?.stack).toBe(Stack.of(synth.stack.functions[rule.target]));
    }
    // The root keeps only the consumer retrier's schedule.
    synth.template.resourceCountIs('AWS::Events::Rule', 1);
  });

  it.each(rules)('$id matches the pattern the local bus evaluates, on the Moneta bus', (rule) => {
    const found = rulesById().get(rule.description);
    expect(inRoot(synth, found!.stack, found?.properties.EventBusName)).toEqual({ Ref: busId() });
    expect(found?.properties.EventPattern).toEqual(eventPattern(rule));
  });

  it.each(rules)("$id delivers to $target with retries, a max age and the events' dead-letter queue", (rule) => {
    const found = rulesById().get(rule.description)!;
    const targets = found.properties.Targets as ({ DeadLetterConfig: { Arn: unknown } } & Record<string, unknown>)[];
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({
      Arn: { 'Fn::GetAtt': [functionLogicalId(synth.stack, rule.target), 'Arn'] },
      RetryPolicy: {
        MaximumRetryAttempts: targetDelivery.retryAttempts,
        MaximumEventAgeInSeconds: targetDelivery.maxEventAgeSeconds,
      },
    });
    expect(inRoot(synth, found.stack, targets[0]!.DeadLetterConfig.Arn)).toEqual({
      'Fn::GetAtt': [eventsDlqId(), 'Arn'],
    });
    expect(queues()[eventsDlqId()]?.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
  });

  it('share that queue with the stream mapping, and EventBridge may write to it for each rule only', () => {
    const mapping = Object.values(synth.template.findResources('AWS::Lambda::EventSourceMapping'))[0]!;
    expect(mapping.Properties.DestinationConfig).toEqual({
      OnFailure: { Destination: { 'Fn::GetAtt': [eventsDlqId(), 'Arn'] } },
    });
    const policies = Object.values(synth.template.findResources('AWS::SQS::QueuePolicy')).filter((policy) =>
      JSON.stringify(policy.Properties.Queues).includes(eventsDlqId()),
    );
    const allowed = policies
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Record<string, unknown>[])
      .filter((statement) => JSON.stringify(statement.Principal).includes('events.amazonaws.com'));
    expect(allowed.map((statement) => statement.Condition)).toEqual(
      [...rulesById().keys()].map(() => ({ ArnEquals: { 'aws:SourceArn': expect.anything() } })),
    );
  });
});

describe('dead-letter queues', () => {
  it('refuse anything but TLS', () => {
    const ids = Object.keys(queues());
    // The events' (rule targets and stream mapping), and the consumers' retry and dead-letter queues.
    expect(ids).toHaveLength(3);
    for (const id of ids) {
      synth.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });
});
