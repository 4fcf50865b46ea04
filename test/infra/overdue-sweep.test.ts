/**
 * The overdue sweep's schedule: in the invoices feature's stack with its function (the root stack
 * gains nothing), hourly with the scheduled time in its input, failed runs dead-lettered with their
 * input into the events' dead-letter queue (alarmed already: no alarm of its own), and grants that
 * name only what the sweep and the schedule touch.
 */
import { Stack } from 'aws-cdk-lib';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { OVERDUE_SWEEP } from '../../lib/catalog/overdue-sweep';
import {
  actionsOf,
  functionLogicalId,
  inRoot,
  logicalId,
  resourcesOfType,
  roleLogicalId,
  type Synthesized,
  statementsOfRole,
  synthesize,
  templateOfFunction,
} from './support/synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

const sweepFunction = () => synth.stack.functions[OVERDUE_SWEEP];
const deadLetterArnInRoot = () => ({
  'Fn::GetAtt': [logicalId(synth.stack, synth.stack.events.deadLetterQueue.node.defaultChild as CfnQueue), 'Arn'],
});

describe('the overdue sweep', () => {
  it('is in the invoices stack with its schedule; the root gains nothing', () => {
    expect(Stack.of(sweepFunction()).node.id).toBe('InvoicesApi');
    expect(JSON.stringify(synth.template.toJSON().Resources)).not.toContain('OverdueSweep');
  });

  it('runs hourly with its scheduled time in the input, and dead-letters a run that keeps failing', () => {
    const template = templateOfFunction(synth, OVERDUE_SWEEP);
    const fn = functionLogicalId(synth.stack, OVERDUE_SWEEP);
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')).filter(
      (schedule) => JSON.stringify(schedule.Properties.Target.Arn) === JSON.stringify({ 'Fn::GetAtt': [fn, 'Arn'] }),
    );
    expect(schedules).toHaveLength(1);
    const properties = schedules[0]?.Properties;
    expect(properties).toMatchObject({
      ScheduleExpression: 'cron(0 * * * ? *)',
      ScheduleExpressionTimezone: 'UTC',
      Target: {
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
        RetryPolicy: { MaximumRetryAttempts: 2 },
      },
    });
    expect(inRoot(synth, sweepFunction(), properties.Target.DeadLetterConfig.Arn)).toEqual(deadLetterArnInRoot());

    const [invokeConfig] = Object.values(template.findResources('AWS::Lambda::EventInvokeConfig')).filter(
      (config) => config.Properties.FunctionName?.Ref === fn,
    );
    expect(invokeConfig?.Properties.MaximumRetryAttempts).toBe(2);
    expect(inRoot(synth, sweepFunction(), invokeConfig?.Properties.DestinationConfig.OnFailure.Destination)).toEqual(
      deadLetterArnInRoot(),
    );
  });

  it('grants the function the table and the dead-letter queue only, and the schedule only the invoke', () => {
    const template = templateOfFunction(synth, OVERDUE_SWEEP);
    const fn = functionLogicalId(synth.stack, OVERDUE_SWEEP);
    const own = actionsOf(statementsOfRole(template, roleLogicalId(synth.stack, OVERDUE_SWEEP)));
    expect(own.filter((action) => !/^(dynamodb|logs):/.test(action)).sort()).toEqual(
      ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'].sort(),
    );
    for (const prefix of ['ses:', 'events:', 's3:', 'secretsmanager:', 'cognito-idp:']) {
      expect(own.filter((action) => action.startsWith(prefix))).toEqual([]);
    }

    const [schedule] = Object.values(template.findResources('AWS::Scheduler::Schedule'));
    const scheduleRole = schedule?.Properties.Target.RoleArn['Fn::GetAtt'][0] as string;
    const statements = statementsOfRole(template, scheduleRole);
    expect(actionsOf(statements).sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
    const invoke = statements.find((statement) => actionsOf([statement]).includes('lambda:InvokeFunction'));
    expect(JSON.stringify(invoke?.Resource)).toContain(fn);
    expect(JSON.stringify(invoke?.Resource)).not.toContain('"*"');
    expect(template.findResources('AWS::IAM::Role')[scheduleRole]?.Properties.AssumeRolePolicyDocument).toMatchObject({
      Statement: [{ Principal: { Service: 'scheduler.amazonaws.com' } }],
    });
  });

  it('adds no alarm: every alarm is still in the root', () => {
    const alarms = resourcesOfType(synth.stacks, 'AWS::CloudWatch::Alarm');
    expect(alarms.every(({ stack }) => stack === synth.stack)).toBe(true);
    expect(JSON.stringify(alarms.map(({ resource }) => resource))).not.toContain(
      functionLogicalId(synth.stack, OVERDUE_SWEEP),
    );
  });
});
