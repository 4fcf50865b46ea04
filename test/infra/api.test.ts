import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnUserPool, CfnUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { UserPool } from 'aws-cdk-lib/aws-cognito';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { REQUIRED_SCOPE, type RouteSpec, routes } from '../../lib/catalog/routes';
import { Api } from '../../lib/constructs/api';
import { functionLogicalId, logicalId, type Synthesized, synthesize } from './support/synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

type Route = { Properties: Record<string, unknown> & { RouteKey: string; Target: unknown } };
const routesByKey = () => {
  const found = synth.template.findResources('AWS::ApiGatewayV2::Route') as Record<string, Route>;
  return new Map(Object.values(found).map((route) => [route.Properties.RouteKey, route.Properties]));
};
/** The API's only authorizer (the JWT authorizer test asserts there is exactly one). */
const authorizerId = () => {
  const ids = Object.keys(synth.template.findResources('AWS::ApiGatewayV2::Authorizer'));
  expect(ids).toHaveLength(1);
  return ids[0];
};

describe('HTTP API routes', () => {
  it('has exactly one route per entry of the route table', () => {
    const keys = [...routesByKey().keys()].sort();
    expect(keys).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
  });

  it.each(routes.filter((route) => route.auth === 'jwt'))('$method $path requires a Cognito access token', (route) => {
    const found = routesByKey().get(`${route.method} ${route.path}`);
    expect(found).toMatchObject({
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: authorizerId() },
      AuthorizationScopes: [REQUIRED_SCOPE],
    });
  });

  it.each(routes.filter((route) => route.auth === 'none'))('$method $path is public', (route) => {
    const found = routesByKey().get(`${route.method} ${route.path}`);
    expect(found?.AuthorizationType ?? 'NONE').toBe('NONE');
    expect(found?.AuthorizerId).toBeUndefined();
    expect(found?.AuthorizationScopes).toBeUndefined();
  });

  it.each(routes)('$method $path invokes its own function, with payload format 2.0', (route) => {
    const found = routesByKey().get(`${route.method} ${route.path}`);
    if (!found) throw new Error(`No route ${route.method} ${route.path}`);
    // Target is `integrations/<IntegrationId>`, as a join.
    const integrationId = (found.Target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1][1] as { Ref: string };
    const integration = synth.template.findResources('AWS::ApiGatewayV2::Integration')[integrationId.Ref];
    expect(integration?.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [functionLogicalId(synth.stack, route.function), 'Arn'] },
    });
  });
});

describe('JWT authorizer', () => {
  it('trusts only this user pool as issuer and this app client as audience', () => {
    const pool = logicalId(synth.stack, synth.stack.auth.userPool.node.defaultChild as CfnUserPool);
    const client = logicalId(synth.stack, synth.stack.auth.client.node.defaultChild as CfnUserPoolClient);
    synth.template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: client }],
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: pool }]],
        },
      },
    });
  });
});

describe('default stage', () => {
  it('is throttled (rate 50, burst 100) and auto-deployed', () => {
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });

  it('writes one JSON access-log line per request, without any header', () => {
    const [stage] = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Stage'));
    const settings = stage?.Properties.AccessLogSettings as { DestinationArn: unknown; Format: string };
    expect(settings.DestinationArn).toEqual({
      'Fn::GetAtt': [logicalId(synth.stack, synth.stack.api.accessLogs.node.defaultChild as never), 'Arn'],
    });
    const format = JSON.parse(settings.Format) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      routeKey: '$context.routeKey',
      status: '$context.status',
      latency: '$context.responseLatency',
      integrationError: '$context.integrationErrorMessage',
    });
    expect(settings.Format).not.toMatch(/header|authorization/i);
  });

  it('keeps access logs for a month', () => {
    const id = logicalId(synth.stack, synth.stack.api.accessLogs.node.defaultChild as never);
    expect(synth.template.findResources('AWS::Logs::LogGroup')[id]?.Properties).toMatchObject({ RetentionInDays: 30 });
  });
});

describe('CORS', () => {
  it('allows the API methods and headers from any origin by default and exposes ETag, Location and Idempotent-Replayed', () => {
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['*'],
        AllowMethods: Match.arrayWith(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS']),
        AllowHeaders: Match.arrayWith(['authorization', 'content-type', 'idempotency-key', 'if-match']),
        ExposeHeaders: ['etag', 'location', 'idempotent-replayed'],
      },
    });
  });

  it('takes the allowed origins from context', () => {
    const custom = synthesize({ corsOrigins: 'https://app.example.com, https://admin.example.com' });
    custom.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://app.example.com', 'https://admin.example.com'] }),
    });
  });
});

describe('one function, one route', () => {
  it('no two routes share a function', () => {
    const uris = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Integration')).map((integration) =>
      JSON.stringify(integration.Properties.IntegrationUri),
    );
    expect(uris).toHaveLength(routes.length);
    expect(new Set(uris).size).toBe(routes.length);
  });

  it('refuses a route table that gives one function two routes', () => {
    const stack = new Stack();
    const userPool = new UserPool(stack, 'Pool');
    const fn = new LambdaFunction(stack, 'Fn', {
      runtime: Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: Code.fromInline('export const handler = async () => ({});'),
    });
    const twice: RouteSpec[] = [
      { method: 'GET', path: '/v1/me', function: 'me-get', auth: 'jwt' },
      { method: 'GET', path: '/v1/me/again', function: 'me-get', auth: 'jwt' },
    ];
    expect(
      () =>
        new Api(stack, 'Api', {
          routes: twice,
          functionFor: () => fn,
          userPool,
          client: userPool.addClient('Client'),
          corsOrigins: ['*'],
          removalPolicy: RemovalPolicy.DESTROY,
        }),
    ).toThrow(/me-get serves both GET \/v1\/me and GET \/v1\/me\/again/);
  });
});
