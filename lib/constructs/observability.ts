/**
 * Alarms that mean "a person should look": a message in any dead-letter queue, any function error,
 * and a stream publisher falling behind. They all notify one SNS topic.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

type ObservabilityProps = { alarmEmail?: string };

/** The publisher's oldest unprocessed record may be this old before someone is told. */
const MAX_ITERATOR_AGE = Duration.minutes(5);

export class Observability extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.topic = new Topic(this, 'AlarmTopic', { displayName: 'Moneta alarms', enforceSSL: true });
    this.action = new SnsAction(this.topic);
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
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

  alarmOnErrors(id: string, fn: IFunction): Alarm {
    return this.alarm(id, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), {
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      description: 'The function failed at least once in 5 minutes',
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

  private alarm(
    id: string,
    metric: IMetric,
    options: { threshold: number; comparisonOperator: ComparisonOperator; description: string },
  ): Alarm {
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
