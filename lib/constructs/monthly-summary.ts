/**
 * The monthly summary's hourly schedule (lib/catalog/monthly-summary.ts): EventBridge Scheduler
 * invokes the function with the run's scheduled time in its input, so a retried run is the same run.
 *
 * A run that still fails after Lambda's retries lands, with its input, in the events' dead-letter
 * queue, whose alarm is already paid for: an Errors alarm of its own would be a tenth billed
 * metric and take an idle deployment over $1 a month (docs/cost.md). Invoking the function again
 * with the message's `requestPayload` redoes that hour; the users already summarized are skipped.
 */
import { type CfnResource, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { monthlySummary } from '../catalog/monthly-summary';

export class MonthlySummarySchedule extends Construct {
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: { summarize: IFunction; deadLetterQueue: IQueue }) {
    super(scope, id);
    props.summarize.configureAsyncInvoke({
      retryAttempts: monthlySummary.retryAttempts,
      onFailure: new SqsDestination(props.deadLetterQueue),
    });
    // Its own role, so the acknowledgement below is about this schedule only.
    const role = new Role(this, 'ScheduleRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    });
    const target = props.summarize.node.defaultChild as CfnResource;
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(target).getLogicalId(target)}.Arn>:*]`,
      reason: "CDK's invoke grant names the function and its versions (`arn:*`); the schedule calls the function only.",
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: 'Writes the monthly summaries of the users whose zone is at 08:00 of a 1st',
      schedule: ScheduleExpression.expression(
        monthlySummary.schedule.expression,
        TimeZone.of(monthlySummary.schedule.timezone),
      ),
      target: new LambdaInvoke(props.summarize, {
        role,
        // Scheduler's own retries cover only the invocation (throttling); the run's are Lambda's, above.
        retryAttempts: monthlySummary.retryAttempts,
        deadLetterQueue: props.deadLetterQueue,
        input: ScheduleTargetInput.fromObject(monthlySummary.input),
      }),
    });
  }
}
