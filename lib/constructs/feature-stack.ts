/**
 * One feature (lib/catalog/functions.ts `feature`) as a nested stack: its functions (each with its
 * own role, policy and log group), its routes on the root stack's HTTP API, and its consumers' rules
 * on the root stack's bus with their retries (Lambda's, then the shared retry queue). No alarms of
 * its own: the root stack's alarms on the API's 5xx answers and on the retry and dead-letter queues
 * cover every route and consumer. Nothing here is stateful, so a feature stack can be replaced at
 * will; the table, pool, bus, queues, API and alarm topic stay in the root stack
 * (docs/architecture.md).
 *
 * Root resources are referenced as tokens; CDK turns each into a parameter of the nested stack.
 */
import { NestedStack, type RemovalPolicy } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { FunctionSpec } from '../catalog/functions';
import type { RouteSpec } from '../catalog/routes';
import type { RuleSpec } from '../catalog/rules';
import type { Api } from './api';
import type { ConsumerRetries } from './consumer-retries';
import type { Events } from './events';
import { type FunctionBindings, MonetaFunction, pascal } from './moneta-function';

type FeatureStackProps = {
  feature: string;
  specs: readonly FunctionSpec[];
  routes: readonly RouteSpec<string>[];
  /** The rules whose target is one of this feature's consumers. */
  rules: readonly RuleSpec[];
  events: Events;
  consumerRetries: ConsumerRetries;
  bindings: FunctionBindings;
  removalPolicy: RemovalPolicy;
  api: Api;
};

export class FeatureStack extends NestedStack {
  readonly feature: string;
  readonly functions = new Map<string, MonetaFunction>();

  constructor(scope: Construct, id: string, props: FeatureStackProps) {
    super(scope, id, { description: `Moneta feature ${props.feature}: its functions, routes and rules` });
    this.feature = props.feature;

    for (const spec of props.specs) {
      const fn = new MonetaFunction(this, pascal(spec.id), {
        spec,
        bindings: props.bindings,
        removalPolicy: props.removalPolicy,
      });
      this.functions.set(spec.id, fn);
    }

    const own = (fnId: string): MonetaFunction => {
      const fn = this.functions.get(fnId);
      if (!fn) throw new Error(`${fnId} is not a function of feature ${props.feature}`);
      return fn;
    };
    props.api.addRoutes(this, props.routes, own);
    for (const rule of props.rules) {
      const consumer = own(rule.target);
      props.events.addRule(this, rule, consumer);
      props.consumerRetries.protect(consumer);
    }
  }
}
