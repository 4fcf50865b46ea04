/**
 * AWS's public on-demand prices for eu-west-1 (Ireland), in USD, as the cost benchmark applies
 * them. Each names the page it comes from and the day it was read; free tiers are left out (the
 * benchmark prices usage beyond them). docs/cost.md explains each item.
 */
export const PRICE_REGION = 'eu-west-1';

export const prices = {
  lambda: {
    // https://aws.amazon.com/lambda/pricing/ (Europe (Ireland)), read 2026-12-06.
    requestPerMillion: 0.2,
    // Same page: duration per GB-second, first 6 billion GB-s a month; Arm is 20 % cheaper.
    gbSecond: { arm64: 0.0000133334, x86_64: 0.0000166667 },
    // Same page: since 1 Aug 2025 the init phase of on-demand functions is billed as duration too.
  },
  httpApi: {
    // https://aws.amazon.com/api-gateway/pricing/ (HTTP APIs, Europe (Ireland)), first 300 million
    // a month, each request metered in 512 KB increments; read 2026-12-06.
    requestPerMillion: 1.11,
  },
  eventBridge: {
    // https://aws.amazon.com/eventbridge/pricing/ (custom events, each 64 KB chunk of a PutEvents
    // entry is one event); deliveries to Lambda targets and scheduled rules cost nothing; read 2026-12-06.
    customEventPerMillion: 1.0,
    // Same page, "Archive and replay": events processed into an archive, and its storage.
    archivePerGbProcessed: 0.1,
    archiveStorageGbMonth: 0.023,
  },
  scheduler: {
    // https://aws.amazon.com/eventbridge/pricing/ (EventBridge Scheduler, after 14 million free); read 2026-12-06.
    invocationPerMillion: 1.0,
  },
  dynamodb: {
    // https://aws.amazon.com/dynamodb/pricing/on-demand/ (Europe (Ireland)), read 2026-12-06: half
    // the pre-November-2024 $1.4135 and $0.283 after that month's 50 % cut of on-demand throughput.
    writeRequestUnitPerMillion: 0.7068,
    readRequestUnitPerMillion: 0.1415,
    // Same page: standard table class storage (first 25 GB free) and continuous backups (PITR).
    storageGbMonth: 0.283,
    pitrGbMonth: 0.22,
    // Streams read by a Lambda event source mapping are free (same page, "DynamoDB Streams").
  },
  cloudWatch: {
    // https://aws.amazon.com/cloudwatch/pricing/ (Europe (Ireland)), read 2026-12-06: Logs
    // standard ingestion per GB, storage per GB-month (compressed).
    logsIngestionPerGb: 0.57,
    logsStorageGbMonth: 0.03,
    // Same page, alarms: per alarm metric per month at standard resolution (a metric-math alarm
    // is billed per metric in its expression), high resolution $0.30.
    alarmMetricMonth: 0.1,
    alarmMetricMonthHighResolution: 0.3,
    // Same page: custom metrics (the functions' embedded metric format), first 10,000 metrics,
    // prorated by the hour in which a metric is emitted.
    customMetricMonth: 0.3,
  },
  xray: {
    // https://aws.amazon.com/xray/pricing/, traces recorded beyond 100,000 a month; read 2026-12-06.
    traceRecordedPerMillion: 5.0,
  },
  ses: {
    // https://aws.amazon.com/ses/pricing/, outbound email sent from Lambda; read 2026-12-06.
    emailPerThousand: 0.1,
  },
  sqs: {
    // https://aws.amazon.com/sqs/pricing/ (standard queues, each 64 KB chunk a request, after
    // 1 million free); read 2026-12-06.
    requestPerMillion: 0.4,
  },
  secretsManager: {
    // https://aws.amazon.com/secrets-manager/pricing/ (per secret per month); read 2026-12-07.
    secretMonth: 0.4,
  },
  ssm: {
    // https://aws.amazon.com/systems-manager/pricing/ (Parameter Store): standard parameters, no
    // additional charge; standard-throughput API interactions free; advanced parameters $0.05 per
    // parameter per month. A SecureString on the AWS-managed key `alias/aws/ssm` adds no key fee,
    // only a KMS request per decryption ($0.03 per 10,000), once per cold start; read 2026-12-07.
    standardParameterMonth: 0,
    advancedParameterMonth: 0.05,
  },
  dataTransfer: {
    // https://aws.amazon.com/ec2/pricing/on-demand/ ("Data Transfer OUT From Amazon EC2 To Internet",
    // Europe (Ireland), first 10 TB a month after 100 GB free), the rate Lambda's pricing page
    // applies to what a function sends out: a webhook's POST; read 2026-12-07.
    outToInternetPerGb: 0.09,
  },
  cognito: {
    // https://aws.amazon.com/cognito/pricing/ (Essentials, beyond 10,000 monthly active users); read 2026-12-06.
    essentialsMauMonth: 0.015,
  },
} as const;

/** A 30-day month, as rate schedules are counted here: rate(5 minutes) = 8,640 runs. */
export const SECONDS_PER_MONTH = 30 * 24 * 60 * 60;
export const GB = 1024 ** 3;
