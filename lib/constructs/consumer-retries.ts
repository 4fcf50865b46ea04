/**
 * Consumers that cannot lose an event on AWS (lib/catalog/consumer-retries.ts): each consumer's
 * asynchronous invocations have Lambda's two retries and then the shared retry queue as their
 * on-failure destination; the consumer retrier sweeps that queue on a schedule and invokes the
 * consumer again with backoff for over a day, then moves the record to the dead-letter queue,
 * which is alarmed and can be redriven.
 *
 * Why not an SQS queue per consumer with an event source mapping: each mapping polls all the time
 * (about $0.25 a month per queue, idle); this design costs a schedule of one short invocation
 * every 5 minutes and no poller (docs/architecture.md).
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { consumerRetry } from '../catalog/consumer-retries';
import { deadLetterQueue } from './dead-letter-queue';

/**
 * SQS moves a record to the dead-letter queue itself after this many receives: a safety net should
 * the retrier misbehave (it receives a record about 30 times in the whole retry window).
 */
const MAX_RECEIVES = 100;

export class ConsumerRetries extends Construct {
  readonly retryQueue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue');
    this.retryQueue = new Queue(this, 'RetryQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Longer than the retry window, so no record expires while it is still being retried.
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVES },
    });
  }

  /** Gives a consumer Lambda's retries and the retry queue as its on-failure destination. */
  protect(consumer: IFunction): void {
    consumer.configureAsyncInvoke({
      retryAttempts: consumerRetry.lambdaRetryAttempts,
      maxEventAge: Duration.seconds(consumerRetry.maxEventAgeSeconds),
      onFailure: new SqsDestination(this.retryQueue),
    });
  }

  /** The retrier: works both queues, invokes the consumers, and runs on a schedule. */
  attachRetrier(retrier: IFunction, consumers: readonly IFunction[]): Rule {
    this.retryQueue.grantConsumeMessages(retrier);
    this.deadLetterQueue.grantConsumeMessages(retrier);
    this.deadLetterQueue.grantSendMessages(retrier);
    // The consumers by name and as Lambda's invocation records name them (`…:$LATEST`): no wildcard.
    retrier.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: consumers.flatMap((consumer) => [consumer.functionArn, `${consumer.functionArn}:$LATEST`]),
      }),
    );
    const schedule = new Rule(this, 'Sweep', {
      description: 'Runs the consumer retrier: events consumers failed on are invoked again',
      schedule: Schedule.rate(Duration.seconds(consumerRetry.sweepEverySeconds)),
    });
    // A missed sweep is made up by the next one, 5 minutes later: no retries or DLQ of its own.
    schedule.addTarget(new LambdaFunction(retrier, { retryAttempts: 0 }));
    Validations.of(schedule).acknowledge({
      id: 'Serverless-EventBusDLQ',
      reason:
        'The target is a 5-minute sweep: a missed run is made up by the next one, so a dead letter would say nothing.',
    });
    return schedule;
  }
}
