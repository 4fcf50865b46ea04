/**
 * The HTTP API, built from lib/catalog/routes.ts: one route, one Lambda. Authenticated routes sit
 * behind a Lambda authorizer that trusts only the configured issuer and this app client, requires
 * the scope only access tokens carry (an ID token is refused), refuses ended sessions, and accepts
 * personal API tokens (shared/sessions/authorize.ts).
 *
 * The API, its stage and its authorizer live in the root stack; the routes (with their integration
 * and invoke permission) are added by each feature's nested stack with `addRoutes`, against the
 * API and authorizer ids the nested stack receives as parameters.
 */
import { Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  AuthorizerPayloadVersion,
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpAuthorizer,
  HttpAuthorizerType,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  type IHttpApi,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct, type IConstruct } from 'constructs';
import type { RouteThrottle } from '../../shared/kit/http/operation';
import { AUTHORIZER_CACHE_TTL_SECONDS } from '../catalog/functions';
import { corsSettings, type RouteSpec, stageThrottle } from '../catalog/routes';

type ApiProps = {
  userPool: UserPool;
  client: UserPoolClient;
  corsOrigins: string[];
  removalPolicy: RemovalPolicy;
};

/** One JSON line per request. No headers at all: the Authorization header is a bearer token. */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: AccessLogField.contextRequestId(),
    requestTime: AccessLogField.contextRequestTime(),
    ip: AccessLogField.contextIdentitySourceIp(),
    routeKey: AccessLogField.contextRouteKey(),
    status: AccessLogField.contextStatus(),
    latency: AccessLogField.contextResponseLatency(),
    integrationError: AccessLogField.contextIntegrationErrorMessage(),
    authorizerError: AccessLogField.contextAuthorizerError(),
  }),
);

export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  private apiAuthorizer?: HttpAuthorizer;
  /** The issuer of the stack's own pool's tokens. */
  readonly issuer: string;
  readonly accessLogs: LogGroup;
  /** `METHOD /path` → route, for tests and for anyone wiring more onto a route. */
  readonly routes = new Map<string, HttpRoute>();
  /** Which route each function serves, across every stack that added routes. */
  private readonly served = new Map<string, string>();

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `moneta-${Stack.of(this).stackName}`,
      description: 'Moneta personal-finance API',
      // The stage is created below, with throttling and access logs the default stage cannot take.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.corsOrigins,
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PATCH,
          CorsHttpMethod.PUT,
          CorsHttpMethod.DELETE,
          CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: [...corsSettings.allowHeaders],
        exposeHeaders: [...corsSettings.exposeHeaders],
      },
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: stageThrottle.ratePerSecond, burstLimit: stageThrottle.burst },
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: accessLogFormat },
    });

    this.issuer = `https://cognito-idp.${props.userPool.stack.region}.amazonaws.com/${props.userPool.userPoolId}`;
  }

  /** The Lambda authorizer in front of every authenticated route (attachAuthorizer). */
  get authorizer(): HttpAuthorizer {
    if (!this.apiAuthorizer) throw new Error('The API has no authorizer yet: call attachAuthorizer first');
    return this.apiAuthorizer;
  }

  /**
   * The API's Lambda authorizer (payload 2.0, simple responses): `fn` verifies the access token or
   * finds the API token and refuses ended sessions (shared/sessions/authorize.ts). API Gateway
   * caches its answer per Authorization header for AUTHORIZER_CACHE_TTL_SECONDS: the revocation
   * window (docs/security.md). A request without the header is a 401 without invoking it.
   */
  attachAuthorizer(fn: IFunction): HttpAuthorizer {
    const stack = Stack.of(this);
    this.apiAuthorizer = new HttpAuthorizer(this.httpApi, 'ApiAuthorizer', {
      httpApi: this.httpApi,
      type: HttpAuthorizerType.LAMBDA,
      authorizerName: 'moneta-sessions',
      identitySource: ['$request.header.Authorization'],
      authorizerUri: `arn:${stack.partition}:apigateway:${stack.region}:lambda:path/2015-03-31/functions/${fn.functionArn}/invocations`,
      enableSimpleResponses: true,
      payloadFormatVersion: AuthorizerPayloadVersion.VERSION_2_0,
      resultsCacheTtl: Duration.seconds(AUTHORIZER_CACHE_TTL_SECONDS),
    });
    fn.addPermission('ApiGatewayInvokesAuthorizer', {
      principal: new ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: stack.formatArn({
        service: 'execute-api',
        resource: this.httpApi.apiId,
        resourceName: `authorizers/${this.apiAuthorizer.authorizerId}`,
      }),
    });
    return this.apiAuthorizer;
  }

  /**
   * Adds `routes` to the API, each with its integration and invoke permission, as resources of
   * `scope`'s stack: a feature's nested stack refers to the root API and authorizer by id only.
   */
  addRoutes(
    scope: Construct,
    routes: readonly RouteSpec<string>[],
    functionFor: (id: string) => IFunction,
  ): HttpRoute[] {
    const local = Stack.of(scope) === Stack.of(this);
    const httpApi: IHttpApi = local
      ? this.httpApi
      : HttpApi.fromHttpApiAttributes(scope, 'HttpApi', { httpApiId: this.httpApi.apiId });
    const authorizerId = this.authorizer.authorizerId;
    const lambdaAuthorizer: IHttpRouteAuthorizer = {
      bind: () => ({ authorizationType: 'CUSTOM', authorizerId }),
    };
    const routeScope = local ? this.httpApi : scope;

    const created: HttpRoute[] = [];
    for (const route of routes) {
      const routeKey = `${route.method} ${route.path}`;
      // One function, one route: a function's IAM grants and alarms then describe exactly one operation.
      const already = this.served.get(route.function);
      if (already) throw new Error(`Function ${route.function} serves both ${already} and ${routeKey}`);
      this.served.set(route.function, routeKey);

      // The construct id HttpApi.addRoutes uses.
      const httpRoute = new HttpRoute(routeScope, `${route.method}${route.path}`, {
        httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`${route.function}-integration`, functionFor(route.function)),
        ...(route.auth === 'jwt' ? { authorizer: lambdaAuthorizer } : {}),
      });
      this.routes.set(routeKey, httpRoute);
      created.push(httpRoute);
      if (route.throttle) this.throttleRoute(routeKey, route.throttle, local ? httpRoute : Stack.of(scope));

      if (route.auth === 'none') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey} is a public Cognito client operation (sign-up, login, code and password flows): callers have no token yet.`,
        });
      }
    }
    return created;
  }

  /**
   * A route's own limit, in the stage's route settings. CloudFormation refuses route settings for a
   * route key that does not exist yet, so the stage waits for the route (or its nested stack).
   */
  private throttleRoute(routeKey: string, throttle: RouteThrottle, route: IConstruct): void {
    const stage = this.stage.node.defaultChild as CfnStage;
    // RouteSettings is a JSON map in CloudFormation's schema: CDK writes its keys as given.
    const settings = (stage.routeSettings ?? {}) as Record<string, unknown>;
    stage.routeSettings = {
      ...settings,
      [routeKey]: { ThrottlingRateLimit: throttle.ratePerSecond, ThrottlingBurstLimit: throttle.burst },
    };
    this.stage.node.addDependency(route);
  }

  /**
   * The invoke URL of the `$default` stage without a trailing slash (CDK's `stage.url` ends with
   * `/`), so a client's `${url}/v1/accounts` has one slash, as on the local cloud.
   */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }
}
