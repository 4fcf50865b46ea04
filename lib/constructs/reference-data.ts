/**
 * Reference data the product needs before anyone signs in: the ECB rates snapshot, loaded into the
 * table at deploy by the `seed-rates` function through a CloudFormation custom resource (the
 * snapshot's hash is a property, so shipping a newer snapshot re-seeds on the next deploy), and
 * the daily feed that keeps the rates current after it: a Scheduler schedule for the fetcher and
 * an alarm when the newest rate falls behind.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CfnResource, CustomResource, Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IAlarmAction, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { SEED_TIMEOUT_SECONDS } from '../catalog/functions';
import { RATES_FETCHER, ratesFeed } from '../catalog/rates-feed';
import { repoRoot } from './moneta-function';

export const RATES_SNAPSHOT = resolve(repoRoot, 'shared/rates/data/eurofxref-hist.csv');

export class ReferenceData extends Construct {
  readonly rates: CustomResource;

  readonly feedSchedule: Schedule;
  readonly staleRatesAlarm: Alarm;

  constructor(
    scope: Construct,
    id: string,
    props: { seedRates: IFunction; fetchRates: IFunction; alarmAction: IAlarmAction },
  ) {
    super(scope, id);
    // Lambda-backed: CloudFormation invokes the function, which answers on the presigned URL itself
    // (shared/kit/aws/cloudformation-response.ts), so no Provider framework function or role is needed.
    this.rates = new CustomResource(this, 'EcbRates', {
      serviceToken: props.seedRates.functionArn,
      resourceType: 'Custom::MonetaReferenceRates',
      // CloudFormation otherwise waits an hour for a response that a crashed seed never sends; the
      // function's own timeout (300 s) plus a minute for the response to arrive.
      serviceTimeout: Duration.seconds(SEED_TIMEOUT_SECONDS + 60),
      properties: { snapshotSha256: createHash('sha256').update(readFileSync(RATES_SNAPSHOT)).digest('hex') },
    });

    // Its own role, so the acknowledgement below is about this schedule only.
    const scheduleRole = new Role(this, 'EcbFeedScheduleRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    });
    const fetcher = props.fetchRates.node.defaultChild as CfnResource;
    Validations.of(scheduleRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(fetcher).getLogicalId(fetcher)}.Arn>:*]`,
      reason: "CDK's invoke grant names the fetcher and its versions (`arn:*`); the schedule calls the function only.",
    });
    this.feedSchedule = new Schedule(this, 'EcbFeedSchedule', {
      description: "Fetches the ECB's reference rates after each business day's publication",
      schedule: ScheduleExpression.expression(ratesFeed.schedule.expression, TimeZone.of(ratesFeed.schedule.timezone)),
      // A failed run is the breaker's to count, not Scheduler's to repeat: the next run comes within the hour.
      target: new LambdaInvoke(props.fetchRates, { retryAttempts: 0, role: scheduleRole }),
    });

    // One datapoint per run (business days only). Four days in a row without a fresh-enough one,
    // missing days included, alarm: a feed that stopped running is as stale as one that fails.
    // Weekends are at most two of the four, so they alone never alarm.
    this.staleRatesAlarm = new Alarm(this, 'StaleRates', {
      metric: new Metric({
        namespace: 'Moneta',
        metricName: 'NewestRateAgeBusinessDays',
        dimensionsMap: { service: `moneta-${RATES_FETCHER}` },
        statistic: 'Maximum',
        period: Duration.days(1),
      }),
      threshold: ratesFeed.staleAfterBusinessDays,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 4,
      datapointsToAlarm: 4,
      treatMissingData: TreatMissingData.BREACHING,
      alarmDescription: `The newest ECB reference rate is more than ${ratesFeed.staleAfterBusinessDays} business days old: conversions use stale rates. See the rates-fetcher logs.`,
    });
    this.staleRatesAlarm.addAlarmAction(props.alarmAction);
  }
}
