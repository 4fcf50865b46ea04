/**
 * One API feature (lib/catalog/functions.ts `feature`) as a nested stack: its functions (each with
 * its own role, policy and log group) and its routes on the root stack's HTTP API. No alarms: the
 * root stack's alarm on the API's 5xx answers covers every route. Nothing here is stateful, so a
 * feature stack can be replaced at will; the table, pool, bus, queues, API and alarm topic stay in
 * the root stack (docs/architecture.md).
 *
 * Root resources are referenced as tokens; CDK turns each into a parameter of the nested stack.
 */
import { NestedStack, type RemovalPolicy } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { FunctionSpec } from '../catalog/functions';
import type { RouteSpec } from '../catalog/routes';
import type { Api } from './api';
import { type FunctionBindings, MonetaFunction, pascal } from './moneta-function';

type FeatureStackProps = {
  feature: string;
  specs: readonly FunctionSpec[];
  routes: readonly RouteSpec<string>[];
  bindings: FunctionBindings;
  removalPolicy: RemovalPolicy;
  api: Api;
};

export class FeatureStack extends NestedStack {
  readonly feature: string;
  readonly functions = new Map<string, MonetaFunction>();

  constructor(scope: Construct, id: string, props: FeatureStackProps) {
    super(scope, id, { description: `Moneta API feature ${props.feature}: its functions and routes` });
    this.feature = props.feature;

    for (const spec of props.specs) {
      const fn = new MonetaFunction(this, pascal(spec.id), {
        spec,
        bindings: props.bindings,
        removalPolicy: props.removalPolicy,
      });
      this.functions.set(spec.id, fn);
    }

    props.api.addRoutes(this, props.routes, (fnId) => {
      const fn = this.functions.get(fnId);
      if (!fn) throw new Error(`Route to ${fnId}, which is not a function of feature ${props.feature}`);
      return fn;
    });
  }
}
