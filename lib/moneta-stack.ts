/**
 * Moneta in one stack, composed from constructs by concern. Every function, route and rule comes
 * from the catalogs in lib/catalog, which the local cloud reads too: the stack adds no behaviour
 * of its own, only the AWS wiring.
 */
import { App, CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Construct } from 'constructs';
import type { ResourceNames } from './catalog/environment';
import { cognitoTriggers, type FunctionId, functions } from './catalog/functions';
import { routes } from './catalog/routes';
import { rules } from './catalog/rules';
import { Api } from './constructs/api';
import { Auth } from './constructs/auth';
import { Data } from './constructs/data';
import { Events } from './constructs/events';
import { MonetaFunction } from './constructs/moneta-function';
import { Notifications } from './constructs/notifications';
import { Observability } from './constructs/observability';
import { ReferenceData } from './constructs/reference-data';
import { type MonetaContext, readContext } from './context';

type MonetaStackProps = StackProps & { config: MonetaContext };

/** `me-get` → `MeGet`: readable construct ids and logical ids. */
const pascal = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_, __, char: string) => char.toUpperCase());

export class MonetaStack extends Stack {
  readonly data: Data;
  readonly auth: Auth;
  readonly api: Api;
  readonly events: Events;
  readonly notifications: Notifications;
  readonly observability: Observability;
  readonly functions: Record<FunctionId, MonetaFunction>;
  /** The names every function's environment is computed from (lib/catalog/environment.ts). */
  readonly resourceNames: ResourceNames;

  constructor(scope: Construct, id: string, props: MonetaStackProps) {
    super(scope, id, { description: 'Moneta: serverless event-driven personal finance', ...props });
    const { config } = props;

    this.data = new Data(this, 'Data', { removalPolicy: config.removalPolicy });
    this.auth = new Auth(this, 'Auth', { removalPolicy: config.removalPolicy });
    this.events = new Events(this, 'Events', { busName: `moneta-${this.stackName}` });
    this.notifications = new Notifications(this, 'Notifications', {
      senderEmail: config.senderEmail,
      senderEmailIsPlaceholder: config.senderEmailIsPlaceholder,
    });
    this.observability = new Observability(this, 'Observability', { alarmEmail: config.alarmEmail });

    this.resourceNames = {
      tableName: this.data.table.tableName,
      eventBusName: this.events.bus.eventBusName,
      userPoolId: this.auth.userPool.userPoolId,
      userPoolClientId: this.auth.client.userPoolClientId,
      senderEmail: this.notifications.senderEmail,
      sesConfigurationSet: this.notifications.configurationSet.configurationSetName,
      appName: config.appName,
    };
    const bindings = {
      names: this.resourceNames,
      table: this.data.table,
      bus: this.events.bus,
      userPoolArn: this.auth.userPool.userPoolArn,
      emailSendingArns: this.notifications.sendingArns,
    };

    const built: Partial<Record<FunctionId, MonetaFunction>> = {};
    for (const spec of functions) {
      const fn = new MonetaFunction(this, pascal(spec.id), { spec, bindings, removalPolicy: config.removalPolicy });
      built[spec.id] = fn;
      this.observability.alarmOnErrors(`${pascal(spec.id)}Errors`, fn);
    }
    this.functions = built as Record<FunctionId, MonetaFunction>;
    // FunctionId is `string` wide (catalog entries are built by helpers), so a typo is caught here.
    const functionFor = (id: FunctionId): MonetaFunction => {
      const fn = this.functions[id];
      if (!fn) throw new Error(`No function ${id} in lib/catalog/functions.ts`);
      return fn;
    };

    this.auth.addTriggers({ postConfirmation: functionFor(cognitoTriggers.postConfirmation) });

    this.api = new Api(this, 'Api', {
      routes,
      functionFor,
      userPool: this.auth.userPool,
      client: this.auth.client,
      corsOrigins: config.corsOrigins,
      removalPolicy: config.removalPolicy,
    });

    new ReferenceData(this, 'ReferenceData', { seedRates: functionFor('seed-rates') });

    const publisher = functionFor('stream-publisher');
    this.events.connectStream(this.data.table, publisher);
    this.observability.alarmOnIteratorAge('StreamPublisherIteratorAge', publisher);
    for (const rule of rules) this.events.addRule(rule, functionFor(rule.target));
    for (const queue of this.events.deadLetterQueues) {
      this.observability.alarmOnDeadLetters(`${queue.node.id}Messages`, queue);
    }

    // The e2e suite and the local cloud read these exact keys (lib/local/outputs.ts).
    const outputs: Record<string, string> = {
      ApiUrl: this.api.url,
      UserPoolId: this.auth.userPool.userPoolId,
      UserPoolClientId: this.auth.client.userPoolClientId,
      TableName: this.data.table.tableName,
      EventBusName: this.events.bus.eventBusName,
      Region: this.region,
    };
    for (const [key, value] of Object.entries(outputs)) new CfnOutput(this, key, { value });
  }
}

/** Adds the Moneta stack to an app, configured from the app's context. */
export function createStack(app: App): MonetaStack {
  const config = readContext(app.node);
  return new MonetaStack(app, config.stackName, { config });
}

/**
 * cdk-nag's AWS Solutions pack on the whole app. cdk-nag 3 is a policy-validation plugin (not an
 * aspect): an unacknowledged error fails the synth. Acknowledgements (`Validations.acknowledge`)
 * sit next to the resource they excuse and are also written to the template metadata for audit.
 */
export function applyNagChecks(app: App): void {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
  );
}

/**
 * The app as `cdk synth` builds it (bin/moneta.ts), for tests that run without the CLI.
 * Pass `{ 'aws:cdk:bundling-stacks': [] }` to skip esbuild bundling.
 */
export function buildApp(context: Record<string, unknown> = {}): { app: App; stack: MonetaStack } {
  const app = new App({ context });
  applyNagChecks(app);
  return { app, stack: createStack(app) };
}
