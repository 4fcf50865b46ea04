/**
 * The overdue sweep's hourly schedule (lib/catalog/overdue-sweep.ts): EventBridge Scheduler invokes
 * the function with the run's scheduled time in its input, so a retried run is the same run.
 *
 * Built in the invoices feature's nested stack, next to its function: the root stack stays for
 * what everything shares (test/infra/limits.test.ts), and nothing in the root points at it. The
 * events' dead-letter queue reaches it as a nested stack parameter.
 *
 * A run that still fails after Lambda's retries lands, with its input, in the events' dead-letter
 * queue, whose alarm is already paid for (no alarm metric of its own: docs/cost.md). Invoking the
 * function again with the message's `requestPayload` redoes that hour; invoices already reminded
 * are out of the index.
 */
import { type CfnResource, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { overdueSweep } from '../catalog/overdue-sweep';

export class OverdueSweepSchedule extends Construct {
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: { sweep: IFunction; deadLetterQueue: IQueue }) {
    super(scope, id);
    props.sweep.configureAsyncInvoke({
      retryAttempts: overdueSweep.retryAttempts,
      onFailure: new SqsDestination(props.deadLetterQueue),
    });
    // Its own role, so the acknowledgement below is about this schedule only.
    const role = new Role(this, 'ScheduleRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    });
    const target = props.sweep.node.defaultChild as CfnResource;
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(target).getLogicalId(target)}.Arn>:*]`,
      reason: "CDK's invoke grant names the function and its versions (`arn:*`); the schedule calls the function only.",
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: "Writes the reminder of each invoice gone overdue in its owner's zone",
      schedule: ScheduleExpression.expression(
        overdueSweep.schedule.expression,
        TimeZone.of(overdueSweep.schedule.timezone),
      ),
      target: new LambdaInvoke(props.sweep, {
        role,
        // Scheduler's own retries cover only the invocation (throttling); the run's are Lambda's, above.
        retryAttempts: overdueSweep.retryAttempts,
        deadLetterQueue: props.deadLetterQueue,
        input: ScheduleTargetInput.fromObject(overdueSweep.input),
      }),
    });
  }
}
