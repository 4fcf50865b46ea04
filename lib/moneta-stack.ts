/**
 * Moneta as one root stack and one nested stack per API feature, composed from constructs by
 * concern. Every function, route and rule comes from the catalogs in lib/catalog, which the local
 * cloud reads too: the stack adds no behaviour of its own, only the AWS wiring.
 *
 * The root stack holds everything stateful or shared (table, user pool, bus, queues, HTTP API,
 * stage, authorizer, alarm topic) and the functions wired to it (Cognito trigger, stream publisher,
 * retrier, schedules' targets, the custom resources' seed-rates and create-webhook-keys). Each feature's API functions, routes, consumers and
 * consumers' rules are a nested stack (lib/constructs/feature-stack.ts), which keeps every template
 * far below CloudFormation's 500-resource limit as routes and consumers are added
 * (docs/architecture.md, "Stack layout").
 */
import { App, CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { Construct } from 'constructs';
import { CONSUMER_RETRIER, retryPolicySeconds } from './catalog/consumer-retries';
import type { ResourceNames } from './catalog/environment';
import {
  API_AUTHORIZER,
  cognitoTriggers,
  type FunctionId,
  type FunctionSpec,
  functions,
  WEBHOOK_KEYS_CREATOR,
} from './catalog/functions';
import { MONTHLY_SUMMARY, monthlySummary } from './catalog/monthly-summary';
import { OVERDUE_SWEEP, overdueSweep } from './catalog/overdue-sweep';
import { ECB_RATES_URL, RATES_FETCHER, ratesFeedEnvironment } from './catalog/rates-feed';
import { type RouteSpec, routes } from './catalog/routes';
import { rules } from './catalog/rules';
import { Api } from './constructs/api';
import { Auth } from './constructs/auth';
import { ConsumerRetries } from './constructs/consumer-retries';
import { Data } from './constructs/data';
import { Events } from './constructs/events';
import { FeatureStack } from './constructs/feature-stack';
import { Files } from './constructs/files';
import { MonetaFunction, pascal } from './constructs/moneta-function';
import { Notifications } from './constructs/notifications';
import { Observability } from './constructs/observability';
import { ReferenceData } from './constructs/reference-data';
import { ScheduledRun } from './constructs/scheduled-run';
import { StripeSecret } from './constructs/stripe-secret';
import { WebhookKeys } from './constructs/webhook-keys';
import { type MonetaContext, readContext } from './context';

/**
 * API functions and routes beyond the catalog's, for tests only (the 200-route fixture in
 * test/infra/limits.test.ts): every spec needs a `feature`, and every route one of these functions.
 */
export type ExtraApi = { functions: readonly FunctionSpec[]; routes: readonly RouteSpec<string>[] };

type MonetaStackProps = StackProps & { config: MonetaContext; extraApi?: ExtraApi };

export class MonetaStack extends Stack {
  readonly data: Data;
  readonly auth: Auth;
  readonly api: Api;
  readonly events: Events;
  readonly notifications: Notifications;
  readonly observability: Observability;
  readonly consumerRetries: ConsumerRetries;
  /** The private files bucket (exports, statement imports, attachments). */
  readonly files: Files;
  /** Every function, of the root stack and of the feature stacks alike. */
  readonly functions: Record<FunctionId, MonetaFunction>;
  /** One nested stack per API feature, by feature name. */
  readonly features = new Map<string, FeatureStack>();
  /** The names every function's environment is computed from (lib/catalog/environment.ts). */
  readonly resourceNames: ResourceNames;

  constructor(scope: Construct, id: string, props: MonetaStackProps) {
    super(scope, id, { description: 'Moneta: serverless event-driven personal finance', ...props });
    const { config } = props;

    this.data = new Data(this, 'Data', { removalPolicy: config.removalPolicy });
    this.auth = new Auth(this, 'Auth', { removalPolicy: config.removalPolicy });
    this.events = new Events(this, 'Events', { busName: `moneta-${this.stackName}`, archive: config.eventArchive });
    this.notifications = new Notifications(this, 'Notifications', {
      senderEmail: config.senderEmail,
      senderEmailIsPlaceholder: config.senderEmailIsPlaceholder,
      senderIdentity: config.senderIdentity,
      configurationSet: config.sesConfigurationSet,
    });
    this.observability = new Observability(this, 'Observability', {
      alarmEmail: config.alarmEmail,
      alarmEmailMissing: config.alarmEmailMissing,
    });

    this.consumerRetries = new ConsumerRetries(this, 'ConsumerRetries');
    this.files = new Files(this, 'Files', { corsOrigins: config.corsOrigins, removalPolicy: config.removalPolicy });

    // Before the functions: emails link to the API, so senders get its URL (API_URL).
    this.api = new Api(this, 'Api', {
      userPool: this.auth.userPool,
      client: this.auth.client,
      corsOrigins: config.corsOrigins,
      removalPolicy: config.removalPolicy,
    });

    const webhookKeys = new WebhookKeys(this, 'WebhookKeys', { removalPolicy: config.removalPolicy });
    this.resourceNames = {
      tableName: this.data.table.tableName,
      eventBusName: this.events.bus.eventBusName,
      userPoolId: this.auth.userPool.userPoolId,
      userPoolClientId: this.auth.client.userPoolClientId,
      senderEmail: this.notifications.senderEmail,
      sesConfigurationSet: this.notifications.configurationSet?.configurationSetName,
      appName: config.appName,
      consumerRetries: {
        retryQueueUrl: this.consumerRetries.retryQueue.queueUrl,
        deadLetterQueueUrl: this.consumerRetries.deadLetterQueue.queueUrl,
        policy: retryPolicySeconds(),
      },
      ratesFeed: ratesFeedEnvironment(ECB_RATES_URL),
      filesBucketName: this.files.bucket.bucketName,
      apiUrl: this.api.url,
      webhookKeysParameter: webhookKeys.parameterName,
      jwtIssuer: config.jwtIssuer ?? this.api.issuer,
    };
    // Only a deployment that enables Stripe has its secret; the payment functions then read it.
    const stripeSecret = config.stripe
      ? new StripeSecret(this, 'Stripe', { removalPolicy: config.removalPolicy }).secret
      : undefined;
    if (stripeSecret) this.resourceNames.stripe = { secretId: stripeSecret.secretArn };
    const bindings = {
      names: this.resourceNames,
      table: this.data.table,
      bus: this.events.bus,
      userPoolArn: this.auth.userPool.userPoolArn,
      filesBucket: this.files.bucket,
      stripeSecret,
      webhookKeysParameter: webhookKeys.parameterName,
      emailSending: () => this.notifications.sendingStatement(),
      observability: config.observability,
      architecture: config.architecture,
    };

    const allFunctions: readonly FunctionSpec[] = [...functions, ...(props.extraApi?.functions ?? [])];
    const allRoutes: readonly RouteSpec<string>[] = [...routes, ...(props.extraApi?.routes ?? [])];

    // The root stack's own functions: those the root's resources point at (the pool's trigger, the
    // stream mapping, the schedules, the custom resource), which would make a cycle in a nested stack.
    const built: Partial<Record<string, MonetaFunction>> = {};
    for (const spec of allFunctions.filter((candidate) => candidate.feature === undefined)) {
      built[spec.id] = new MonetaFunction(this, pascal(spec.id), {
        spec,
        bindings,
        removalPolicy: config.removalPolicy,
      });
    }

    // Before the feature stacks: their routes refer to the authorizer by id.
    const authorizerFn = built[API_AUTHORIZER];
    if (!authorizerFn) throw new Error(`No ${API_AUTHORIZER} function in lib/catalog/functions.ts`);
    this.api.attachAuthorizer(authorizerFn);

    for (const [feature, specs] of groupByFeature(allFunctions)) {
      const ids = new Set(specs.map((spec) => spec.id));
      const stack = new FeatureStack(this, `${pascal(feature)}Api`, {
        feature,
        specs,
        routes: config.apiRoutes ? allRoutes.filter((route) => ids.has(route.function)) : [],
        rules: rules.filter((rule) => ids.has(rule.target)),
        events: this.events,
        consumerRetries: this.consumerRetries,
        bindings,
        removalPolicy: config.removalPolicy,
        api: this.api,
      });
      this.features.set(feature, stack);
      for (const [id, fn] of stack.functions) built[id] = fn;
    }
    const unserved = allRoutes.filter((route) => !built[route.function]);
    if (unserved.length > 0) {
      throw new Error(`Routes to unknown functions: ${unserved.map((route) => route.function).join(', ')}`);
    }

    this.functions = built as Record<FunctionId, MonetaFunction>;
    // FunctionId is `string` wide (catalog entries are built by helpers), so a typo is caught here.
    const functionFor = (id: FunctionId): MonetaFunction => {
      const fn = this.functions[id];
      if (!fn) throw new Error(`No function ${id} in lib/catalog/functions.ts`);
      return fn;
    };

    this.auth.addTriggers({ postConfirmation: functionFor(cognitoTriggers.postConfirmation) });

    new ReferenceData(this, 'ReferenceData', {
      seedRates: functionFor('seed-rates'),
      fetchRates: functionFor(RATES_FETCHER),
      alarmAction: this.observability.action,
    });

    webhookKeys.createdBy(functionFor(WEBHOOK_KEYS_CREATOR));

    new ScheduledRun(this, 'MonthlySummarySchedule', {
      run: functionFor(MONTHLY_SUMMARY),
      spec: monthlySummary,
      description: 'Writes the monthly summaries of the users whose zone is at 08:00 of a 1st',
      deadLetterQueue: this.events.deadLetterQueue,
    });
    // In the invoices stack, with its function: the root stack keeps only what everything shares,
    // and the events' dead-letter queue reaches the nested stack as a parameter.
    const invoices = this.features.get('invoices');
    if (!invoices) throw new Error('No invoices feature stack for the overdue sweep');
    new ScheduledRun(invoices, 'OverdueSweepSchedule', {
      run: functionFor(OVERDUE_SWEEP),
      spec: overdueSweep,
      description: "Writes the reminder of each invoice gone overdue in its owner's zone",
      deadLetterQueue: this.events.deadLetterQueue,
    });

    const publisher = functionFor('stream-publisher');
    this.consumerRetries.retryQueue.grantSendMessages(publisher);
    this.events.connectStream(this.data.table, publisher);
    const retrier = functionFor(CONSUMER_RETRIER);
    this.consumerRetries.attachRetrier(
      retrier,
      rules.map((rule) => functionFor(rule.target)),
    );

    // Alarmed where failures end up (lib/constructs/observability.ts): the API's 5xx answers cover
    // every route's function; a consumer's failed event is parked in the retry queue, and after
    // the retrier's 26 hours dead-lettered; what EventBridge or the stream mapping could not
    // deliver is in the events' dead-letter queue; a publisher that falls behind shows its age.
    this.observability.alarmOnServerErrors('ApiServerErrors', this.api.httpApi);
    this.observability.alarmOnParkedEvents('ParkedEvents', this.consumerRetries.retryQueue);
    this.observability.alarmOnDeadLetters('ConsumerDeadLetters', this.consumerRetries.deadLetterQueue);
    this.observability.alarmOnDeadLetters('UndeliveredEvents', this.events.deadLetterQueue);
    this.observability.alarmOnIteratorAge('StreamPublisherIteratorAge', publisher);
    // Errors, then, only of the root functions whose failure none of those reports: the Cognito
    // trigger (a sign-up confirmed outside the API), the retrier and the rates fetcher (scheduled:
    // no caller sees them fail). The publisher parks or dead-letters what it fails on, and a
    // failing seed fails the deployment that runs it, in front of whoever deploys. A monthly summary
    // run that keeps failing is dead-lettered with its input (lib/constructs/monthly-summary.ts).
    // The API's authorizer failing makes the gateway answer 500: the API's 5xx alarm sees it.
    const reportedElsewhere = new Set<string>([
      ...rules.map((rule) => rule.target),
      API_AUTHORIZER,
      'stream-publisher',
      'seed-rates',
      WEBHOOK_KEYS_CREATOR,
      MONTHLY_SUMMARY,
    ]);
    this.observability.alarmOnErrors(
      'FunctionErrors',
      functions
        .filter((spec) => spec.feature === undefined && !reportedElsewhere.has(spec.id))
        .map((spec) => ({ id: spec.id, fn: functionFor(spec.id) })),
    );

    // The e2e suite and the local cloud read these exact keys (lib/local/outputs.ts).
    const outputs: Record<string, string> = {
      ApiUrl: this.api.url,
      UserPoolId: this.auth.userPool.userPoolId,
      UserPoolClientId: this.auth.client.userPoolClientId,
      TableName: this.data.table.tableName,
      EventBusName: this.events.bus.eventBusName,
      Region: this.region,
      // `npm run redrive` invokes it to hand dead-lettered events back to their consumers.
      ConsumerRetrierFunctionName: retrier.functionName,
      ConsumerDeadLetterQueueUrl: this.consumerRetries.deadLetterQueue.queueUrl,
      FilesBucketName: this.files.bucket.bucketName,
    };
    for (const [key, value] of Object.entries(outputs)) new CfnOutput(this, key, { value });
  }
}

/** Feature specs (API functions and consumers) by feature, in catalog order. */
function groupByFeature(specs: readonly FunctionSpec[]): Map<string, FunctionSpec[]> {
  const byFeature = new Map<string, FunctionSpec[]>();
  for (const spec of specs) {
    if (spec.feature === undefined) continue;
    const group = byFeature.get(spec.feature) ?? [];
    group.push(spec);
    byFeature.set(spec.feature, group);
  }
  return byFeature;
}

/** Adds the Moneta stack to an app, configured from the app's context. */
export function createStack(app: App, extraApi?: ExtraApi): MonetaStack {
  const config = readContext(app.node);
  return new MonetaStack(app, config.stackName, { config, extraApi });
}

/**
 * cdk-nag's AWS Solutions and Serverless packs on the whole app. cdk-nag 3 is a policy-validation plugin (not an
 * aspect): an unacknowledged error fails the synth. Acknowledgements (`Validations.acknowledge`)
 * sit next to the resource they excuse and are also written to the template metadata for audit.
 */
export function applyNagChecks(app: App): void {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
    new ServerlessChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
  );
}

/**
 * The app as `cdk synth` builds it (bin/moneta.ts), for tests that run without the CLI.
 * Pass `{ 'aws:cdk:bundling-stacks': [] }` to skip esbuild bundling.
 */
export function buildApp(context: Record<string, unknown> = {}, extraApi?: ExtraApi): { app: App; stack: MonetaStack } {
  const app = new App({ context });
  applyNagChecks(app);
  return { app, stack: createStack(app, extraApi) };
}
