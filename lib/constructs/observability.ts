/**
 * Alarms that mean "a person should look", each on where failures end up rather than one per
 * function: the HTTP API answering 5xx (any API function failing), an event parked in the retry
 * queue (a consumer that failed past Lambda's retries, or an event the bus refused), a message in
 * a dead-letter queue, the stream publisher falling behind, and the errors of the few functions no
 * queue or API metric watches. They all notify one SNS topic, in the root stack. An idle
 * deployment pays $0.10 a month per alarm metric (docs/cost.md), so the set stays this small.
 */
import { Annotations, ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, type IMetric, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
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
const MAX_METRICS_PER_ALARM = 10;

/** Failures are counted over 5 minutes; one is enough to tell someone. */
const FAILURES_PERIOD = Duration.minutes(5);

type AlarmOptions = { threshold: number; comparisonOperator: ComparisonOperator; description: string };

/** At least one in the period. */
const ANY = { threshold: 1, comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD };

export class Observability extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  /** Notifies the topic: the rates feed's staleness alarm uses it too. */
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
  /**
   * Any 5xx answer of the HTTP API within 5 minutes. Every route is a Lambda behind this one API,
   * so one metric covers every API function: one that throws, times out or is throttled makes the
   * gateway answer 5xx, and one that catches an unexpected error answers 500 itself (which the
   * function's own Errors metric never counts).
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html
   */
  alarmOnServerErrors(id: string, api: IHttpApi): Alarm {
    return this.alarm(id, api.metricServerError({ period: FAILURES_PERIOD, statistic: 'Sum' }), {
      ...ANY,
      description: 'The HTTP API answered 5xx in the last 5 minutes: an API function failed. See the access log.',
    });
  }

  /**
   * Any message sent to the retry queue within 5 minutes: a consumer failed an event past Lambda's
   * retries (its on-failure destination), or the publisher parked an event the bus refused. Counted
   * as sent, not as visible: the retrier hides a parked message between its retries, so the queue
   * shows nothing visible most of the time even while a consumer keeps failing.
   */
  alarmOnParkedEvents(id: string, retryQueue: IQueue): Alarm {
    return this.alarm(id, retryQueue.metricNumberOfMessagesSent({ period: FAILURES_PERIOD, statistic: 'Sum' }), {
      ...ANY,
      description:
        "An event was parked for retry: a consumer failed it after Lambda's retries, or the bus refused it. The retrier tries again for 26 hours; see the consumer's logs.",
    });
  }

  /** Any message in a dead-letter queue is an event or record that was not handled. */
  alarmOnDeadLetters(id: string, queue: IQueue): Alarm {
    return this.alarm(
      id,
      queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      { ...ANY, description: 'Messages are waiting in a dead-letter queue' },
    );
  }

  /**
   * Any error of any of `functions` within 5 minutes: one metric-math alarm on the sum of their
   * Errors (a function with no datapoint counts as 0). Each function is a billed metric, so only
   * functions whose failure no queue or API metric reports belong here.
   */
  alarmOnErrors(id: string, functions: readonly { id: string; fn: IFunction }[]): Alarm {
    if (functions.length === 0 || functions.length > MAX_METRICS_PER_ALARM) {
      throw new Error(`An error alarm sums 1 to ${MAX_METRICS_PER_ALARM} functions, not ${functions.length}`);
    }
    const usingMetrics = Object.fromEntries(
      functions.map(({ fn }, index) => [`e${index}`, fn.metricErrors({ period: FAILURES_PERIOD, statistic: 'Sum' })]),
    );
    const expression = new MathExpression({
      expression: Object.keys(usingMetrics)
        .map((key) => `FILL(${key}, 0)`)
        .join(' + '),
      usingMetrics,
      period: FAILURES_PERIOD,
      label: 'Errors',
    });
    return this.alarm(id, expression, {
      ...ANY,
      description: `One of these functions failed at least once in 5 minutes: ${functions.map((entry) => entry.id).join(', ')}`,
    });
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
    const alarm = new Alarm(this, id, {
      metric,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
      threshold: options.threshold,
      comparisonOperator: options.comparisonOperator,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }
}
