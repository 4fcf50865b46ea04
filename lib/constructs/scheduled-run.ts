/**
 * An hourly (or any cron) run of one function by EventBridge Scheduler, from its catalog entry
 * (lib/catalog/monthly-summary.ts, lib/catalog/overdue-sweep.ts): Scheduler invokes the function
 * with the run's scheduled time in its input, so a retried run is the same run.
 *
 * A run that still fails after Lambda's retries lands, with its input, in the events' dead-letter
 * queue, whose alarm is already paid for: an Errors alarm of its own would be another billed metric
 * and take an idle deployment over $1 a month (docs/cost.md). Invoking the function again with the
 * message's `requestPayload` redoes that run; what the run already did is skipped (each run is
 * idempotent in its scheduled time).
 */
import { type CfnResource, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** A scheduled run as the catalog declares it. */
export type ScheduledRunSpec = {
  schedule: { expression: string; timezone: string };
  input: Readonly<Record<string, unknown>>;
  retryAttempts: number;
};

export class ScheduledRun extends Construct {
  readonly schedule: Schedule;

  constructor(
    scope: Construct,
    id: string,
    props: { run: IFunction; spec: ScheduledRunSpec; description: string; deadLetterQueue: IQueue },
  ) {
    super(scope, id);
    const { run, spec, deadLetterQueue } = props;
    run.configureAsyncInvoke({ retryAttempts: spec.retryAttempts, onFailure: new SqsDestination(deadLetterQueue) });
    // Its own role, so the acknowledgement below is about this schedule only.
    const role = new Role(this, 'ScheduleRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    });
    const target = run.node.defaultChild as CfnResource;
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(target).getLogicalId(target)}.Arn>:*]`,
      reason: "CDK's invoke grant names the function and its versions (`arn:*`); the schedule calls the function only.",
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: props.description,
      schedule: ScheduleExpression.expression(spec.schedule.expression, TimeZone.of(spec.schedule.timezone)),
      target: new LambdaInvoke(run, {
        role,
        // Scheduler's own retries cover only the invocation (throttling); the run's are Lambda's, above.
        retryAttempts: spec.retryAttempts,
        deadLetterQueue,
        input: ScheduleTargetInput.fromObject(spec.input),
      }),
    });
  }
}
