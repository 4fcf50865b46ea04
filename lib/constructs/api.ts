/**
 * The HTTP API, built from lib/catalog/routes.ts: one route, one Lambda. Authenticated routes sit
 * behind a JWT authorizer that trusts only this pool's issuer and this app client's audience, and
 * requires the scope only access tokens carry, so an ID token is refused at the gateway.
 */
import { type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  type HttpRoute,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionId } from '../catalog/functions';
import { corsSettings, REQUIRED_SCOPE, type RouteSpec } from '../catalog/routes';

type ApiProps = {
  routes: readonly RouteSpec[];
  functionFor: (id: FunctionId) => IFunction;
  userPool: UserPool;
  client: UserPoolClient;
  corsOrigins: string[];
  removalPolicy: RemovalPolicy;
};

/** Steady-state and burst limits of the default stage: a ceiling on what one runaway client costs. */
const STAGE_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

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
  readonly authorizer: HttpJwtAuthorizer;
  readonly accessLogs: LogGroup;
  /** `METHOD /path` → route, for tests and for anyone wiring more onto a route. */
  readonly routes = new Map<string, HttpRoute>();

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
      throttle: STAGE_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: accessLogFormat },
    });

    const issuer = `https://cognito-idp.${props.userPool.stack.region}.amazonaws.com/${props.userPool.userPoolId}`;
    this.authorizer = new HttpJwtAuthorizer('CognitoJwt', issuer, {
      authorizerName: 'cognito-access-token',
      jwtAudience: [props.client.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });

    const served = new Map<FunctionId, string>();
    for (const route of props.routes) {
      const routeKey = `${route.method} ${route.path}`;
      // One function, one route: a function's IAM grants and alarms then describe exactly one operation.
      const already = served.get(route.function);
      if (already) throw new Error(`Function ${route.function} serves both ${already} and ${routeKey}`);
      served.set(route.function, routeKey);

      const [created] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${route.function}-integration`, props.functionFor(route.function)),
        ...(route.auth === 'jwt' ? { authorizer: this.authorizer, authorizationScopes: [REQUIRED_SCOPE] } : {}),
      });
      if (!created) throw new Error(`No route was created for ${routeKey}`);
      this.routes.set(routeKey, created);

      if (route.auth === 'none') {
        Validations.of(created).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey} is a public Cognito client operation (sign-up, login, code and password flows): callers have no token yet.`,
        });
      }
    }
  }

  /** The invoke URL of the default stage (with a trailing slash, as CDK prints it). */
  get url(): string {
    return this.stage.url;
  }
}
