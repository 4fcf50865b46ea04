/**
 * The whole local cloud, wired: the emulated services started in dependency order, the function
 * runtime with the environment the stack would give, and an outputs file in the shape of
 * `cdk deploy --outputs-file`. A failure half-way stops whatever already runs (Java included).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseEcbCsv } from '../../shared/rates/ecb-csv';
import { CONSUMER_RETRIER, consumerRetry, retryPolicySeconds } from '../catalog/consumer-retries';
import { type ResourceNames, webhookKeysParameterName } from '../catalog/environment';
import { filesBucket, LOCAL_FILES_BUCKET } from '../catalog/files';
import {
  API_AUTHORIZER,
  AUTHORIZER_CACHE_TTL_SECONDS,
  DEFAULT_STACK_NAME,
  type FunctionId,
  functions,
  WEBHOOK_KEYS_CREATOR,
} from '../catalog/functions';
import { MONTHLY_SUMMARY, monthlySummary } from '../catalog/monthly-summary';
import { OVERDUE_SWEEP, overdueSweep } from '../catalog/overdue-sweep';
import { RATES_FETCHER, ratesFeed, ratesFeedEnvironment } from '../catalog/rates-feed';
import { corsSettings, routes, stageThrottle } from '../catalog/routes';
import { eventPattern, rules, targetDelivery } from '../catalog/rules';
import { streamFilterPatterns, streamSourceSettings } from '../catalog/stream-filters';
import { startCognito } from './cognito';
import type { Invoker, UsageMeter } from './contracts';
import { ensureTable, startDynamoDbLocal } from './dynamodb-local';
import { startLocalEcb } from './ecb';
import { DEFAULT_CHAOS, startEventBus } from './event-bus';
import { createFunctionRuntime, REPO_ROOT } from './function-runtime';
import { startGateway } from './gateway';
import { startLambdaService } from './lambda-service';
import { type StackOutputs, writeOutputsFile } from './outputs';
import { assertPortsFree, LOCAL_ACCOUNT_ID, LOCAL_REGION, localUrl, portsFrom } from './ports';
import { startLocalS3 } from './s3';
import { startScheduler } from './scheduler';
import { startSecretsManager } from './secrets-manager';
import { startSesOutbox } from './ses-outbox';
import { startSqs } from './sqs';
import { startSsm } from './ssm';
import { startStreamPoller } from './stream-poller';
import { startLocalStripe } from './stripe';

/** Resource names locally; on AWS the stack generates them. */
const localNames = {
  tableName: 'moneta',
  eventBusName: 'moneta',
  senderEmail: 'no-reply@moneta.local',
  sesConfigurationSet: 'moneta',
  appName: 'Moneta',
  filesBucketName: LOCAL_FILES_BUCKET,
} as const satisfies Omit<
  ResourceNames,
  'userPoolId' | 'userPoolClientId' | 'consumerRetries' | 'ratesFeed' | 'apiUrl' | 'webhookKeysParameter' | 'jwtIssuer'
>;

/** The credentials every local function signs with; the local S3 accepts exactly these. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The consumers' queues (lib/constructs/consumer-retries.ts). */
const RETRY_QUEUE = 'moneta-consumer-retries';
const DEAD_LETTER_QUEUE = 'moneta-consumer-dead-letters';
/** A scheduled rule's invocation, as EventBridge sends it to the retrier. */
const scheduledEvent = () => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: LOCAL_ACCOUNT_ID,
  time: `${new Date().toISOString().slice(0, 19)}Z`,
  region: LOCAL_REGION,
  resources: [`arn:aws:events:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:rule/consumer-retrier-sweep`],
  detail: {},
});
/** However fast the time scale, the retrier runs at most once a second: it is a real invocation. */
const MIN_SWEEP_INTERVAL_MS = 1_000;

/** Locally failed deliveries are retried quickly: a developer should not wait minutes. */
const BUS_RETRY_BASE_DELAY_MS = 200;

type LocalCloudOptions = {
  basePort: number;
  stateDir: string;
  inMemory: boolean;
  chaos?: boolean;
  /** Platform delays × this (1: as on AWS); see docs/local-cloud.md. */
  timeScale?: number;
  verbose?: boolean;
  outputsFile: string;
  /** Progress lines during start-up. */
  log?: (line: string) => void;
  /** What AWS would bill, observed (the cost benchmark, test/bench/cost.ts); none: nothing is. */
  meter?: UsageMeter;
  /**
   * A Stripe test-mode account's keys: the payment functions then talk to Stripe itself. None:
   * the fake Stripe (./stripe.ts) runs and its keys are the secret's.
   */
  stripeKeys?: { secretKey: string; webhookSecret: string };
};

/** The Stripe secret's name locally (the stack's is generated). */
const STRIPE_SECRET_NAME = 'moneta/stripe';
/**
 * The webhook key ring's Parameter Store name (lib/constructs/webhook-keys.ts), created at each
 * start by the function that creates it at deploy.
 */
const WEBHOOK_KEYS_PARAMETER = webhookKeysParameterName(DEFAULT_STACK_NAME);
/** Locally a refused webhook is retried soon; Stripe waits up to hours between attempts. */
const STRIPE_RETRY_BASE_DELAY_MS = 250;

export type LocalCloud = {
  apiUrl: string;
  outboxUrl: string;
  outputsFile: string;
  outputs: StackOutputs;
  /** Where the functions' logs and the gateway's access log are written. */
  logDir: string;
  /** Resolves when the stream and the bus have nothing left in flight (tests, benchmarks). */
  whenIdle(): Promise<void>;
  stop(): Promise<void>;
};

/** An Invoker that Cognito can hold before the function runtime exists (it needs Cognito's ids). */
function deferredInvoker(): Invoker & { resolve(invoker: Invoker): void; reject(error: Error): void } {
  let resolveInvoker!: (invoker: Invoker) => void;
  let rejectInvoker!: (error: Error) => void;
  const ready = new Promise<Invoker>((res, rej) => {
    resolveInvoker = res;
    rejectInvoker = rej;
  });
  ready.catch(() => {}); // Only a caller that actually invokes should see the failure.
  return {
    invoke: async (functionId: FunctionId, event: unknown) => (await ready).invoke(functionId, event),
    resolve: resolveInvoker,
    reject: rejectInvoker,
  };
}

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const log = opts.log ?? (() => {});
  const stateDir = resolve(opts.stateDir);
  const ports = portsFrom(opts.basePort);
  const dataDir = (name: string) => (opts.inMemory ? undefined : join(stateDir, name));
  // In memory, only the bundles and logs touch the disk, in a throw-away directory.
  const scratchDir = opts.inMemory ? await mkdtemp(join(tmpdir(), 'moneta-local-')) : stateDir;
  const buildDir = join(scratchDir, 'build');
  const logDir = join(scratchDir, 'logs');

  const stoppers: { name: string; stop(): Promise<void> }[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      for (const service of stoppers.reverse()) {
        try {
          await service.stop();
        } catch (error) {
          console.error(`Stopping ${service.name} failed: ${(error as Error).message}`);
        }
      }
      if (opts.inMemory) await rm(buildDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  const triggers = deferredInvoker();
  const timeScale = opts.timeScale ?? 1;
  try {
    await assertPortsFree(ports);

    const outbox = await startSesOutbox({
      port: ports.outbox,
      dataDir: dataDir('outbox'),
      onSent: opts.meter?.emailSent,
    });
    stoppers.push({ name: 'SES outbox', stop: () => outbox.stop() });
    log(`SES outbox        ${outbox.url}`);

    const dynamodb = await startDynamoDbLocal({ port: ports.dynamodb, dataDir: dataDir('dynamodb') });
    stoppers.push({ name: 'DynamoDB Local', stop: () => dynamodb.stop() });
    await ensureTable(dynamodb.url, localNames.tableName);
    log(`DynamoDB Local    ${dynamodb.url} (table ${localNames.tableName})`);

    // SQS visibility is not time-scaled: the retrier's waits come from its retry policy, which
    // the time scale already shortens (its environment), and scaling them again would only make
    // it receive a record early and hide it again.
    const sqs = await startSqs({
      port: ports.sqs,
      queues: [RETRY_QUEUE, DEAD_LETTER_QUEUE],
      dataDir: dataDir('sqs'),
      onRequest: opts.meter?.sqsRequest,
    });
    stoppers.push({ name: 'SQS', stop: () => sqs.stop() });
    log(`SQS               ${sqs.url} (${RETRY_QUEUE}, ${DEAD_LETTER_QUEUE})`);

    // Lambda's asynchronous invocations, as EventBridge makes them: two retries, then the consumer's
    // on-failure destination (the retry queue), on the time scale (lib/catalog/consumer-retries.ts).
    const consumerIds = new Set<string>(rules.map((rule) => rule.target));
    const lambda = await startLambdaService({
      port: ports.lambda,
      invoker: triggers,
      functions: functions.map((fn) => fn.id),
      timeScale,
      asyncConfig: (functionId) =>
        consumerIds.has(functionId)
          ? {
              retryAttempts: consumerRetry.lambdaRetryAttempts,
              maxEventAgeSeconds: consumerRetry.maxEventAgeSeconds,
              onFailure: (record) => sqs.send(RETRY_QUEUE, JSON.stringify(record)),
            }
          : undefined,
    });
    stoppers.push({ name: 'Lambda', stop: () => lambda.stop() });
    log(`Lambda            ${lambda.url}${timeScale === 1 ? '' : ` (platform delays ×${timeScale})`}`);

    // Until the stream poller runs, "idle" is the bus's and Lambda's own; then the stream's too.
    // An event parked in the retry queue is at rest: it is not "in flight" until the retrier takes it.
    let settled: (() => Promise<void>) | undefined;
    const untilIdle = async () => {
      if (settled) await settled();
      else {
        await bus.whenIdle();
        await lambda.whenIdle();
      }
    };
    const bus = await startEventBus({
      port: ports.eventBridge,
      busName: localNames.eventBusName,
      rules: rules.map((rule) => ({ id: rule.id, pattern: eventPattern(rule), target: rule.target })),
      // EventBridge's delivery to a Lambda target ends when Lambda accepts the asynchronous invoke.
      invoker: { invoke: async (functionId, event) => lambda.invokeAsync(functionId, event) },
      chaos: opts.chaos ? { ...DEFAULT_CHAOS } : undefined,
      untilIdle: () => untilIdle(),
      retry: { attempts: targetDelivery.retryAttempts, baseDelayMs: BUS_RETRY_BASE_DELAY_MS },
      dataDir: dataDir('bus'),
      onPublished: opts.meter?.eventPublished,
    });
    stoppers.push({ name: 'event bus', stop: () => bus.stop() });
    log(`EventBridge bus   ${bus.url}${opts.chaos ? ' (chaos: duplicates and reordering)' : ''}`);

    const cognito = await startCognito({
      port: ports.cognito,
      dataDir: dataDir('cognito'),
      invoker: triggers,
      outbox,
      senderEmail: localNames.senderEmail,
    });
    stoppers.push({ name: 'Cognito', stop: () => cognito.stop() });
    log(`Cognito           ${cognito.url} (pool ${cognito.userPoolId}, client ${cognito.userPoolClientId})`);

    // The ECB's files, starting from the bundled snapshot: the feed finds nothing new until a day is published.
    const ecb = await startLocalEcb({
      port: ports.ecb,
      days: parseEcbCsv(readFileSync(join(REPO_ROOT, 'shared/rates/data/eurofxref-hist.csv'), 'utf8')),
    });
    stoppers.push({ name: 'ECB', stop: () => ecb.stop() });
    log(`ECB rates         ${ecb.filesUrl}`);

    // The files bucket, with the stack's CORS rule; origins as the local gateway allows them.
    const s3 = await startLocalS3({
      port: ports.s3,
      buckets: [localNames.filesBucketName],
      credentials: [LOCAL_CREDENTIALS],
      cors: { ...filesBucket.cors, allowedOrigins: corsSettings.allowOrigins },
      dataDir: dataDir('s3'),
    });
    stoppers.push({ name: 'S3', stop: () => s3.stop() });
    log(`S3                ${s3.url} (bucket ${localNames.filesBucketName})`);

    // Stripe: the fake, sending its signed webhooks to the local API, unless real keys were given.
    const stripe = opts.stripeKeys
      ? undefined
      : await startLocalStripe({
          port: ports.stripe,
          webhookUrl: `${localUrl(ports.api)}/v1/webhooks/stripe`,
          retryBaseDelayMs: STRIPE_RETRY_BASE_DELAY_MS * timeScale,
        });
    if (stripe) {
      stoppers.push({ name: 'Stripe', stop: () => stripe.stop() });
      log(`Stripe (fake)     ${stripe.url} (webhooks to /v1/webhooks/stripe)`);
    }
    const stripeKeys = opts.stripeKeys ?? { secretKey: stripe!.secretKey, webhookSecret: stripe!.webhookSecret };
    const secrets = await startSecretsManager({
      port: ports.secretsManager,
      secrets: {
        [STRIPE_SECRET_NAME]: JSON.stringify(stripeKeys),
      },
    });
    stoppers.push({ name: 'Secrets Manager', stop: () => secrets.stop() });
    log(`Secrets Manager   ${secrets.url} (${STRIPE_SECRET_NAME})`);
    const ssm = await startSsm({ port: ports.ssm });
    stoppers.push({ name: 'Parameter Store', stop: () => ssm.stop() });
    log(`Parameter Store   ${ssm.url} (${WEBHOOK_KEYS_PARAMETER})`);

    const names: ResourceNames = {
      ...localNames,
      userPoolId: cognito.userPoolId,
      userPoolClientId: cognito.userPoolClientId,
      // The authorizer trusts the local pool's tokens, fetched from its http JWKS.
      jwtIssuer: cognito.issuer,
      consumerRetries: {
        retryQueueUrl: sqs.queueUrl(RETRY_QUEUE),
        deadLetterQueueUrl: sqs.queueUrl(DEAD_LETTER_QUEUE),
        policy: retryPolicySeconds(timeScale),
      },
      ratesFeed: ratesFeedEnvironment(ecb.filesUrl, timeScale),
      // The gateway starts last, on this port (it is checked free up front).
      apiUrl: localUrl(ports.api),
      stripe: { secretId: secrets.arnOf(STRIPE_SECRET_NAME), ...(stripe && { apiUrl: stripe.url }) },
      // Webhook receivers on this machine (a developer's, a test's) are plain http on loopback.
      webhooks: { allowLocalHttp: true },
      webhookKeysParameter: WEBHOOK_KEYS_PARAMETER,
    };
    // The standard variables only: handlers never know they run locally.
    const awsEnv = {
      AWS_REGION: LOCAL_REGION,
      AWS_DEFAULT_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.url,
      AWS_ENDPOINT_URL_EVENTBRIDGE: bus.url,
      AWS_ENDPOINT_URL_SESV2: outbox.url,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.url,
      AWS_ENDPOINT_URL_SQS: sqs.url,
      AWS_ENDPOINT_URL_LAMBDA: lambda.url,
      AWS_ENDPOINT_URL_S3: s3.url,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.url,
      AWS_ENDPOINT_URL_SSM: ssm.url,
    };
    const runtime = await createFunctionRuntime({
      names,
      awsEnv,
      buildDir,
      logDir,
      verbose: opts.verbose,
      log,
      meter: opts.meter,
    });
    stoppers.push({ name: 'function runtime', stop: () => runtime.stop() });
    triggers.resolve(runtime);

    // What the stack's custom resources do at deploy: create the webhook key ring (kept when it
    // exists, which a fresh Parameter Store never has), then load the ECB snapshot (a no-op when the
    // same snapshot is already there, so a second start costs one read).
    await runtime.invoke(WEBHOOK_KEYS_CREATOR, {});
    const seedStarted = Date.now();
    const seeded = (await runtime.invoke('seed-rates', {})) as { Data?: { days: number; lastDate: string } };
    log(
      `Reference rates   ${seeded.Data?.days ?? '?'} ECB days to ${seeded.Data?.lastDate ?? '?'} (${Date.now() - seedStarted} ms)`,
    );

    const poller = await startStreamPoller({
      dynamodbEndpoint: dynamodb.url,
      tableName: localNames.tableName,
      invoker: runtime,
      functionId: 'stream-publisher',
      filters: streamFilterPatterns,
      settings: streamSourceSettings,
      checkpointFile: opts.inMemory ? undefined : join(stateDir, 'stream', 'checkpoints.json'),
    });
    stoppers.push({ name: 'stream poller', stop: () => poller.stop() });
    // Catch up with what is already in the stream (the rate snapshot just seeded, or a previous
    // run's backlog) before saying ready, so the first request's events are not queued behind it.
    const catchUpStarted = Date.now();
    await poller.whenIdle();
    log(`Stream caught up  ${Date.now() - catchUpStarted} ms`);
    settled = async () => {
      // The stream feeds the bus, and a consumer's write feeds the stream again: settle both twice.
      for (let round = 0; round < 2; round++) {
        await poller.whenIdle();
        await bus.whenIdle();
        await lambda.whenIdle();
      }
    };

    // The retrier's schedule (a rate rule on AWS), on the time scale.
    const sweepEveryMs = Math.max(MIN_SWEEP_INTERVAL_MS, consumerRetry.sweepEverySeconds * 1000 * timeScale);
    const sweeps = setInterval(() => lambda.invokeAsync(CONSUMER_RETRIER, scheduledEvent()), sweepEveryMs);
    stoppers.push({ name: 'retrier schedule', stop: async () => clearInterval(sweeps) });

    const scheduler = await startScheduler({
      port: ports.scheduler,
      schedules: [
        { ...ratesFeed.schedule, target: RATES_FETCHER },
        { ...monthlySummary.schedule, target: MONTHLY_SUMMARY, input: monthlySummary.input },
        { ...overdueSweep.schedule, target: OVERDUE_SWEEP, input: overdueSweep.input },
      ],
      invoker: runtime,
    });
    stoppers.push({ name: 'Scheduler', stop: () => scheduler.stop() });
    log(`Scheduler         ${scheduler.url}/schedules (run on demand)`);

    const gateway = await startGateway({
      port: ports.api,
      routes,
      stageThrottle,
      invoker: runtime,
      authorizer: { functionId: API_AUTHORIZER, cacheTtlSeconds: AUTHORIZER_CACHE_TTL_SECONDS },
      logDir,
      onRequest: opts.meter?.apiRequest,
    });
    stoppers.push({ name: 'API gateway', stop: () => gateway.stop() });
    log(`HTTP API          ${gateway.url}`);

    const outputs: StackOutputs = {
      ApiUrl: gateway.url,
      UserPoolId: cognito.userPoolId,
      UserPoolClientId: cognito.userPoolClientId,
      TableName: localNames.tableName,
      EventBusName: localNames.eventBusName,
      Region: LOCAL_REGION,
      OutboxUrl: outbox.url,
      CognitoEndpoint: cognito.url,
      DynamoDbEndpoint: dynamodb.url,
      EventBridgeEndpoint: bus.url,
      SqsEndpoint: sqs.url,
      LambdaEndpoint: lambda.url,
      ConsumerRetrierFunctionName: CONSUMER_RETRIER,
      ConsumerDeadLetterQueueUrl: sqs.queueUrl(DEAD_LETTER_QUEUE),
      EcbEndpoint: ecb.url,
      SchedulerEndpoint: scheduler.url,
      FilesBucketName: localNames.filesBucketName,
      S3Endpoint: s3.url,
      ...(stripe && { StripeEndpoint: stripe.url }),
      SecretsManagerEndpoint: secrets.url,
      SsmEndpoint: ssm.url,
    };
    const outputsFile = resolve(opts.outputsFile);
    await writeOutputsFile(outputsFile, outputs);

    return {
      apiUrl: gateway.url,
      outboxUrl: outbox.url,
      outputsFile,
      outputs,
      logDir,
      whenIdle: untilIdle,
      stop,
    };
  } catch (error) {
    triggers.reject(error as Error);
    await stop();
    throw error;
  }
}
