import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { RATES_SNAPSHOT } from '../../lib/constructs/reference-data';
import { functionLogicalId, type Synthesized, synthesize } from './support/synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

describe('reference rates', () => {
  it('are seeded at deploy by the seed-rates function, re-seeded when the bundled snapshot changes', () => {
    const sha = createHash('sha256').update(readFileSync(RATES_SNAPSHOT)).digest('hex');
    synth.template.hasResourceProperties('Custom::MonetaReferenceRates', {
      ServiceToken: { 'Fn::GetAtt': [functionLogicalId(synth.stack, 'seed-rates'), 'Arn'] },
      snapshotSha256: sha,
    });
  });

  it('gives the seeder time to write 7,000 days', () => {
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Loads the bundled ECB reference-rate snapshot into the table (deploy-time custom resource)',
      Timeout: 300,
    });
  });
});

describe('the daily rates feed', () => {
  it("runs the fetcher hourly from 16:15 to 20:15 Frankfurt time on weekdays, after the ECB's publication", () => {
    synth.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(15 16-20 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [functionLogicalId(synth.stack, 'rates-fetcher'), 'Arn'] },
        // The breaker counts failed runs; Scheduler repeating one would only hammer a failing ECB.
        RetryPolicy: { MaximumRetryAttempts: 0 },
      },
    });
  });

  it("downloads from the ECB's own address, with the breaker's policy in its environment", () => {
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          ECB_RATES_URL: 'https://www.ecb.europa.eu/stats/eurofxref/',
          FEED_FAILURES_TO_OPEN: '3',
          FEED_COOLDOWN_SECONDS: String(6 * 3600),
        }),
      },
      Timeout: 60,
    });
  });

  it('alarms when the newest rate is more than 4 business days old, or when the feed stops reporting', () => {
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'NewestRateAgeBusinessDays',
      Namespace: 'Moneta',
      Dimensions: [{ Name: 'service', Value: 'moneta-rates-fetcher' }],
      Statistic: 'Maximum',
      Period: 86_400,
      Threshold: 4,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 4,
      DatapointsToAlarm: 4,
      TreatMissingData: 'breaching',
      AlarmActions: Match.anyValue(),
    });
  });
});
