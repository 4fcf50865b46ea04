import type { CfnApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { CfnTopic } from 'aws-cdk-lib/aws-sns';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { CONSUMER_RETRIER } from '../../lib/catalog/consumer-retries';
import { cognitoTriggers, type FunctionId, functions } from '../../lib/catalog/functions';
import { MONTHLY_SUMMARY } from '../../lib/catalog/monthly-summary';
import { OVERDUE_SWEEP } from '../../lib/catalog/overdue-sweep';
import { RATES_FETCHER } from '../../lib/catalog/rates-feed';
import { routes } from '../../lib/catalog/routes';
import { rules } from '../../lib/catalog/rules';
import { type AlarmProperties, billedAlarmMetrics } from '../bench/cost-template';
import {
  functionLogicalId,
  inRoot,
  logicalId,
  resourcesOfType,
  type StackTemplate,
  type Synthesized,
  synthesize,
} from './support/synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

/**
 * An idle deployment may cost $1 a month (docs/cost.md); alarms are billed $0.10 per metric they
 * read, and the retrier's schedule takes the rest ($0.01).
 */
const MAX_BILLED_ALARM_METRICS = 9;

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
type AlarmResource = Omit<AlarmProperties, 'Metrics'> & {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: { Name: string; Value: unknown }[];
  Statistic?: string;
  Period?: number;
  Threshold?: number;
  ComparisonOperator?: string;
  AlarmActions?: unknown[];
  Metrics?: MetricQuery[];
};

const topicRef = () => ({ Ref: logicalId(synth.stack, synth.stack.observability.topic.node.defaultChild as CfnTopic) });
const everyAlarm = () =>
  resourcesOfType(synth.stacks, 'AWS::CloudWatch::Alarm').map(({ stack, resource }) => ({
    stack,
    properties: resource.Properties as AlarmResource,
  }));
/** Alarms of the root stack on one metric, by metric name and dimensions. */
const alarmsOn = (metricName: string, dimensions: { Name: string; Value: unknown }[]) =>
  everyAlarm().filter(
    ({ properties }) =>
      properties.MetricName === metricName && JSON.stringify(properties.Dimensions) === JSON.stringify(dimensions),
  );
const queueDimensions = (queueId: string) => [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }];
const queueId = (queue: { node: { defaultChild?: unknown } }) =>
  logicalId(synth.stack, queue.node.defaultChild as CfnQueue);
/** The resource an `{ "Fn::GetAtt": [resource, "Arn"] }` names. */
const resourceOfArn = (arn: unknown) => (arn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
const resourcesIn = (template: StackTemplate['template'], type: string) =>
  Object.values(template.findResources(type)) as { Properties: Record<string, unknown> }[];

/** Tells someone at the first dead letter, for as long as one waits. */
function expectDeadLettersAlarmed(queue: string) {
  const matching = alarmsOn('ApproximateNumberOfMessagesVisible', queueDimensions(queue));
  expect(matching).toHaveLength(1);
  expect(matching[0]?.properties).toMatchObject({
    Statistic: 'Maximum',
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    AlarmActions: [topicRef()],
  });
}

describe('alarms', () => {
  it(`read at most ${MAX_BILLED_ALARM_METRICS} billed metrics in all, so an idle deployment costs under $1 a month`, () => {
    const billed = everyAlarm().reduce((sum, { properties }) => sum + billedAlarmMetrics(properties).metrics, 0);
    expect(billed).toBeLessThanOrEqual(MAX_BILLED_ALARM_METRICS);
    expect(everyAlarm().some(({ properties }) => billedAlarmMetrics(properties).highResolution)).toBe(false);
  });

  it('all notify the alarm topic, from the root stack', () => {
    for (const { stack, properties } of everyAlarm()) {
      expect(stack).toBe(synth.stack);
      expect(properties.AlarmActions).toEqual([topicRef()]);
    }
  });

  it('tell someone when any API function fails: every route is on the one API whose 5xx answers are alarmed', () => {
    const apiId = logicalId(synth.stack, synth.stack.api.httpApi.node.defaultChild as CfnApi);
    const matching = alarmsOn('5xx', [{ Name: 'ApiId', Value: { Ref: apiId } }]);
    expect(matching).toHaveLength(1);
    expect(matching[0]?.properties).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
    const onApi = synth.stacks.flatMap(({ stack, template }) =>
      resourcesIn(template, 'AWS::ApiGatewayV2::Route').map((route) => inRoot(synth, stack, route.Properties.ApiId)),
    );
    expect(onApi).toHaveLength(routes.length);
    for (const api of onApi) expect(api).toEqual({ Ref: apiId });
    // And every API function serves a route: none is reachable another way (but the overdue sweep,
    // which its feature's schedule runs and dead-letters: test/infra/overdue-sweep.test.ts).
    const served = new Set(routes.map((route) => route.function));
    const otherwiseReached = new Set<string>([...rules.map((rule) => rule.target), OVERDUE_SWEEP]);
    for (const spec of functions.filter((candidate) => candidate.feature && !otherwiseReached.has(candidate.id)))
      expect(served).toContain(spec.id);
  });

  it.each(rules)("ends a failure of $target's events in alarmed queues, whichever way it fails", (rule) => {
    const consumer = synth.stack.functions[rule.target];
    const template = synth.templateOf(consumer);
    // A function error: after Lambda's retries the event is sent to the retry queue, alarmed as it arrives …
    const invokeConfig = resourcesIn(template, 'AWS::Lambda::EventInvokeConfig').find(
      (config) =>
        JSON.stringify(config.Properties.FunctionName) ===
        JSON.stringify({ Ref: functionLogicalId(synth.stack, rule.target) }),
    );
    const parkedIn = resourceOfArn(
      inRoot(
        synth,
        consumer,
        (invokeConfig!.Properties.DestinationConfig as { OnFailure: { Destination: unknown } }).OnFailure.Destination,
      ),
    );
    const parked = alarmsOn('NumberOfMessagesSent', queueDimensions(parkedIn));
    expect(parked).toHaveLength(1);
    expect(parked[0]?.properties).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 1 });
    // … and after the retrier's window it is dead-lettered, alarmed while it waits.
    const redrive = synth.template.toJSON().Resources[parkedIn].Properties.RedrivePolicy;
    expectDeadLettersAlarmed(resourceOfArn(redrive.deadLetterTargetArn));
    expect(resourceOfArn(redrive.deadLetterTargetArn)).toBe(queueId(synth.stack.consumerRetries.deadLetterQueue));
    // A delivery EventBridge gave up on goes to the rule target's dead-letter queue, alarmed too.
    const rule_ = resourcesIn(template, 'AWS::Events::Rule').find(
      (candidate) => candidate.Properties.Description === rule.description,
    );
    const [target] = rule_!.Properties.Targets as { DeadLetterConfig: { Arn: unknown } }[];
    expectDeadLettersAlarmed(resourceOfArn(inRoot(synth, consumer, target?.DeadLetterConfig.Arn)));
  });

  it('tell someone when the stream publisher fails a record for good or falls more than 5 minutes behind', () => {
    const [mapping] = resourcesIn(synth.template, 'AWS::Lambda::EventSourceMapping');
    expect(mapping).toBeDefined();
    const onFailure = (mapping!.Properties.DestinationConfig as { OnFailure: { Destination: unknown } }).OnFailure;
    expectDeadLettersAlarmed(resourceOfArn(onFailure.Destination));
    const publisher = [{ Name: 'FunctionName', Value: { Ref: functionLogicalId(synth.stack, 'stream-publisher') } }];
    const matching = alarmsOn('IteratorAge', publisher);
    expect(matching).toHaveLength(1);
    expect(matching[0]?.properties).toMatchObject({
      Statistic: 'Maximum',
      Threshold: 5 * 60 * 1000,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('alarm on every queue that holds a failure', () => {
    const queues = Object.keys(synth.template.findResources('AWS::SQS::Queue'));
    const alarmed = new Set(
      everyAlarm().flatMap(({ properties }) =>
        (properties.Dimensions ?? [])
          .filter((dimension) => dimension.Name === 'QueueName')
          .map((dimension) => resourceOfArn(dimension.Value)),
      ),
    );
    expect([...alarmed].sort()).toEqual([...queues].sort());
  });

  it('sum the errors of the functions no caller sees fail: the Cognito trigger and the scheduled functions', () => {
    const errorAlarms = everyAlarm().filter(({ properties }) =>
      (properties.Metrics ?? []).some((query) => query.MetricStat?.Metric.MetricName === 'Errors'),
    );
    expect(errorAlarms).toHaveLength(1);
    const queries = errorAlarms[0]!.properties.Metrics!;
    const summed = queries.filter((query) => query.MetricStat);
    for (const query of summed) {
      expect(query).toMatchObject({
        ReturnData: false,
        MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName: 'Errors' }, Period: 300, Stat: 'Sum' },
      });
    }
    // A function with no datapoint counts as none; one error of any is enough.
    const [expression] = queries.filter((query) => query.Expression !== undefined);
    expect(expression).toMatchObject({
      ReturnData: true,
      Expression: summed.map((query) => `FILL(${query.Id}, 0)`).join(' + '),
    });
    expect(errorAlarms[0]!.properties).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });

    const functionOf = (query: MetricQuery) => JSON.stringify(query.MetricStat?.Metric.Dimensions);
    const dimensionsOf = (id: FunctionId) =>
      JSON.stringify([{ Name: 'FunctionName', Value: { Ref: functionLogicalId(synth.stack, id) } }]);
    const invokedWithoutCaller: FunctionId[] = [cognitoTriggers.postConfirmation, CONSUMER_RETRIER, RATES_FETCHER];
    expect(summed.map(functionOf).sort()).toEqual(invokedWithoutCaller.map(dimensionsOf).sort());
    // Whatever a schedule or the user pool invokes is among them, or dead-letters its failed runs
    // into an alarmed queue (the monthly summary: the test below).
    const deadLettered = new Set([functionLogicalId(synth.stack, MONTHLY_SUMMARY)]);
    const withoutCaller = [
      ...resourcesIn(synth.template, 'AWS::Events::Rule')
        .filter((rule) => rule.Properties.ScheduleExpression)
        .flatMap((rule) => (rule.Properties.Targets as { Arn: unknown }[]).map((target) => target.Arn)),
      ...resourcesIn(synth.template, 'AWS::Scheduler::Schedule').map(
        (schedule) => (schedule.Properties.Target as { Arn: unknown }).Arn,
      ),
      ...resourcesIn(synth.template, 'AWS::Cognito::UserPool').flatMap((pool) =>
        Object.values(pool.Properties.LambdaConfig ?? {}),
      ),
    ];
    expect(withoutCaller.length).toBeGreaterThanOrEqual(invokedWithoutCaller.length);
    for (const arn of withoutCaller) {
      const fnId = resourceOfArn(arn);
      if (deadLettered.has(fnId)) continue;
      expect(summed.map(functionOf)).toContain(JSON.stringify([{ Name: 'FunctionName', Value: { Ref: fnId } }]));
    }
  });

  it('dead-letter a monthly summary run that keeps failing, with its input, into the alarmed events dead-letter queue', () => {
    const queue = logicalId(synth.stack, synth.stack.events.deadLetterQueue.node.defaultChild as CfnQueue);
    const fn = functionLogicalId(synth.stack, MONTHLY_SUMMARY);
    synth.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fn },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } },
    });
    const schedules = resourcesIn(synth.template, 'AWS::Scheduler::Schedule').filter(
      (schedule) => resourceOfArn((schedule.Properties.Target as { Arn: unknown }).Arn) === fn,
    );
    expect(schedules).toHaveLength(1);
    expect(schedules[0]?.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 * * * ? *)',
      ScheduleExpressionTimezone: 'UTC',
      Target: {
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queue, 'Arn'] } },
      },
    });
    const visible = alarmsOn('ApproximateNumberOfMessagesVisible', [
      { Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } },
    ]);
    expect(visible).toHaveLength(1);
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
        'FilesBucketName',
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
