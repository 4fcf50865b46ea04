/**
 * Alarms that mean "a person should look": a message in any dead-letter queue, any function error,
 * and a stream publisher falling behind. They all notify one SNS topic, in the root stack; the
 * feature stacks alarm on their own functions' errors with `errorAlarms` and the same topic.
 */
import { Annotations, ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IAlarmAction,
  type IMetric,
  MathExpression,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

type ObservabilityProps = {
  /** Who is emailed the alarms. */
  alarmEmail?: string;
  /** True when the deployment said nothing about alarm email (not even `none`). */
  alarmEmailMissing?: boolean;
};

/** The publisher's oldest unprocessed record may be this old before someone is told. */
const MAX_ITERATOR_AGE = Duration.minutes(5);

/** CloudWatch accepts at most 10 metrics in one metric-math expression (one alarm). */
export const MAX_METRICS_PER_ALARM = 10;

const ERRORS_PERIOD = Duration.minutes(5);

type AlarmOptions = { threshold: number; comparisonOperator: ComparisonOperator; description: string };

function createAlarm(
  scope: Construct,
  id: string,
  metric: IMetric,
  options: AlarmOptions,
  action: IAlarmAction,
): Alarm {
  const alarm = new Alarm(scope, id, {
    metric,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: options.description,
    threshold: options.threshold,
    comparisonOperator: options.comparisonOperator,
  });
  alarm.addAlarmAction(action);
  return alarm;
}

/**
 * Any error of any of `functions` within 5 minutes, as few alarms as metric math allows: one alarm
 * per 10 functions (`<id>1`, `<id>2` …), each summing its functions' Errors (a function with no
 * datapoint counts as 0). One alarm per function cost a resource per route; this costs one per ten.
 */
export function errorAlarms(
  scope: Construct,
  id: string,
  functions: readonly { id: string; fn: IFunction }[],
  action: IAlarmAction,
): Alarm[] {
  const alarms: Alarm[] = [];
  for (let start = 0; start < functions.length; start += MAX_METRICS_PER_ALARM) {
    const chunk = functions.slice(start, start + MAX_METRICS_PER_ALARM);
    const usingMetrics = Object.fromEntries(
      chunk.map(({ fn }, index) => [`e${index}`, fn.metricErrors({ period: ERRORS_PERIOD, statistic: 'Sum' })]),
    );
    const expression = new MathExpression({
      expression: Object.keys(usingMetrics)
        .map((key) => `FILL(${key}, 0)`)
        .join(' + '),
      usingMetrics,
      period: ERRORS_PERIOD,
      label: 'Errors',
    });
    const names = chunk.map((entry) => entry.id).join(', ');
    alarms.push(
      createAlarm(
        scope,
        `${id}${alarms.length + 1}`,
        expression,
        {
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          description: `One of these functions failed at least once in 5 minutes: ${names}`,
        },
        action,
      ),
    );
  }
  return alarms;
}

export class Observability extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  /** Notifies the topic: the feature stacks' alarms use it too. */
  readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.topic = new Topic(this, 'AlarmTopic', { displayName: 'Moneta alarms', enforceSSL: true });
    this.action = new SnsAction(this.topic);
    // `enforceSSL` makes CDK write the topic's policy with only its Deny statement, which replaces
    // SNS's default policy: nothing would allow CloudWatch to publish, and alarms would go nowhere.
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisAccount',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    Validations.of(this.topic).acknowledge({
      id: 'Serverless-SNSRedrivePolicy',
      reason:
        'The one subscription is an email to a person: a mail SNS cannot deliver has nowhere better to go, and the alarm itself stays visible in CloudWatch.',
    });
    if (props.alarmEmailMissing) {
      Annotations.of(this).addError(
        `No alarmEmail: alarms would reach no one. Name who is told when events dead-letter or functions fail (set alarmEmail in moneta.settings.json, see moneta.settings.example.json, or pass -c alarmEmail=you@example.com; "none" deploys without a subscriber on purpose).`,
      );
    }
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry only alarm names and states, no personal data; CloudWatch cannot publish to a topic under the AWS-managed SNS key.',
    });
  }

  /** Any message in a dead-letter queue is an event or record that was not handled. */
  alarmOnDeadLetters(id: string, queue: IQueue): Alarm {
    return this.alarm(
      id,
      queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      {
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        description: 'Messages are waiting in a dead-letter queue',
      },
    );
  }

  /** Errors of the root stack's functions (see `errorAlarms`). */
  alarmOnErrors(id: string, functions: readonly { id: string; fn: IFunction }[]): Alarm[] {
    const alarms = errorAlarms(this, id, functions, this.action);
    this.alarms.push(...alarms);
    return alarms;
  }

  /** A stream consumer that falls behind delays every event; records expire after their max age. */
  alarmOnIteratorAge(id: string, fn: IFunction): Alarm {
    return this.alarm(id, fn.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum' }), {
      threshold: MAX_ITERATOR_AGE.toMilliseconds(),
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      description: 'The stream publisher is more than 5 minutes behind the table',
    });
  }

  private alarm(id: string, metric: IMetric, options: AlarmOptions): Alarm {
    const alarm = createAlarm(this, id, metric, options, this.action);
    this.alarms.push(alarm);
    return alarm;
  }
}
