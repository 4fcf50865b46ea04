import { Stack } from 'aws-cdk-lib';
import type { CfnTopic } from 'aws-cdk-lib/aws-sns';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { functions } from '../../lib/catalog/functions';
import { MAX_METRICS_PER_ALARM } from '../../lib/constructs/observability';
import { functionLogicalId, inRoot, logicalId, resourcesOfType, type Synthesized, synthesize } from './support/synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

type Alarm = { Properties: Record<string, unknown> & { Dimensions?: { Name: string; Value: unknown }[] } };
const alarms = () => Object.values(synth.template.findResources('AWS::CloudWatch::Alarm')) as Alarm[];
const topicRef = () => ({ Ref: logicalId(synth.stack, synth.stack.observability.topic.node.defaultChild as CfnTopic) });

describe('alarms', () => {
  type MetricQuery = {
    Id: string;
    Expression?: string;
    ReturnData?: boolean;
    MetricStat?: {
      Metric: { MetricName: string; Namespace: string; Dimensions: unknown[] };
      Period: number;
      Stat: string;
    };
  };
  /** The metric-math error alarms of every stack (one per 10 functions of a feature or of the root). */
  const errorAlarms = () =>
    resourcesOfType(synth.stacks, 'AWS::CloudWatch::Alarm')
      .map(({ stack, resource }) => ({ stack, properties: resource.Properties as Alarm['Properties'] }))
      .filter(({ properties }) =>
        ((properties.Metrics ?? []) as MetricQuery[]).some((query) => query.MetricStat?.Metric.MetricName === 'Errors'),
      );

  it.each(functions)('$id raises an alarm on any error within 5 minutes, in its own stack', (spec) => {
    const fn = synth.stack.functions[spec.id]!;
    const dimensions = JSON.stringify([
      { Name: 'FunctionName', Value: { Ref: functionLogicalId(synth.stack, spec.id) } },
    ]);
    const matching = errorAlarms().filter(
      ({ stack, properties }) =>
        stack === Stack.of(fn) &&
        (properties.Metrics as MetricQuery[]).some(
          (query) => JSON.stringify(query.MetricStat?.Metric.Dimensions) === dimensions,
        ),
    );
    expect(matching).toHaveLength(1);
    const { stack, properties } = matching[0]!;
    expect(properties).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
    expect((properties.AlarmActions as unknown[]).map((action) => inRoot(synth, stack, action))).toEqual([topicRef()]);
    const queries = properties.Metrics as MetricQuery[];
    const metric = queries.find((query) => JSON.stringify(query.MetricStat?.Metric.Dimensions) === dimensions);
    expect(metric).toMatchObject({
      ReturnData: false,
      MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName: 'Errors' }, Period: 300, Stat: 'Sum' },
    });
    // The alarm fires on the sum of its functions' errors, a missing datapoint counting as none.
    const [expression] = queries.filter((query) => query.Expression !== undefined);
    expect(expression?.ReturnData).toBe(true);
    expect(expression?.Expression).toContain(`FILL(${metric?.Id}, 0)`);
  });

  it('sums at most 10 functions per alarm (the metric-math limit), each metric exactly once', () => {
    for (const { properties } of errorAlarms()) {
      const queries = properties.Metrics as MetricQuery[];
      const metrics = queries.filter((query) => query.MetricStat);
      expect(metrics.length).toBeGreaterThan(0);
      expect(metrics.length).toBeLessThanOrEqual(MAX_METRICS_PER_ALARM);
      const [expression] = queries.filter((query) => query.Expression !== undefined);
      expect(expression?.Expression).toBe(metrics.map((query) => `FILL(${query.Id}, 0)`).join(' + '));
    }
  });

  it('raises an alarm when any dead-letter queue holds a message', () => {
    const deadLetterQueues = [...synth.stack.events.deadLetterQueues, synth.stack.consumerRetries.deadLetterQueue];
    const retryQueue = logicalId(synth.stack, synth.stack.consumerRetries.retryQueue.node.defaultChild as CfnQueue);
    // Every queue but the retry queue (worked by the retrier, not by a human) is a dead-letter queue.
    const queueIds = Object.keys(synth.template.findResources('AWS::SQS::Queue')).filter((id) => id !== retryQueue);
    expect(queueIds.length).toBe(deadLetterQueues.length);
    for (const queueId of queueIds) {
      const matching = alarms().filter(
        (alarm) =>
          alarm.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
          JSON.stringify(alarm.Properties.Dimensions) ===
            JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }]),
      );
      expect(matching).toHaveLength(1);
      expect(matching[0]?.Properties).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [topicRef()],
      });
    }
    // Every tracked queue is a real queue of the template.
    for (const queue of deadLetterQueues) {
      expect(queueIds).toContain(logicalId(synth.stack, queue.node.defaultChild as CfnQueue));
    }
  });

  it('raises an alarm when the stream publisher falls more than 5 minutes behind', () => {
    const matching = alarms().filter((alarm) => alarm.Properties.MetricName === 'IteratorAge');
    expect(matching).toHaveLength(1);
    expect(matching[0]?.Properties).toMatchObject({
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionLogicalId(synth.stack, 'stream-publisher') } }],
      Statistic: 'Maximum',
      Threshold: 5 * 60 * 1000,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [topicRef()],
    });
  });

  it('emails the alarm topic only when alarmEmail is given', () => {
    synth.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@moneta.example',
    });
    synthesize({ alarmEmail: 'none' }).template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('refuses an alarmEmail that is not an address, naming the key', () => {
    expect(() => synthesize({ alarmEmail: 'ops' })).toThrow(/alarmEmail/);
  });
});

describe('outputs', () => {
  it('has exactly the keys the e2e suite and the local cloud read', () => {
    const outputs = synth.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs).sort()).toEqual(
      [
        'ApiUrl',
        'ConsumerDeadLetterQueueUrl',
        'ConsumerRetrierFunctionName',
        'EventBusName',
        'Region',
        'TableName',
        'UserPoolClientId',
        'UserPoolId',
      ].sort(),
    );
    expect(outputs.Region?.Value).toEqual({ Ref: 'AWS::Region' });
  });

  it('names the stack Moneta unless context says otherwise', () => {
    expect(synth.stack.stackName).toBe('Moneta');
    expect(synthesize({ stackName: 'MonetaDev' }).stack.stackName).toBe('MonetaDev');
  });
});
