import type { Stack as CdkStack } from 'aws-cdk-lib';
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnApi, CfnAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import type { CfnUserPool, CfnUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { UserPool } from 'aws-cdk-lib/aws-cognito';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { API_AUTHORIZER, AUTHORIZER_CACHE_TTL_SECONDS } from '../../lib/catalog/functions';
import { type RouteSpec, routes } from '../../lib/catalog/routes';
import { Api } from '../../lib/constructs/api';
import { functionLogicalId, inRoot, logicalId, resourcesOfType, type Synthesized, synthesize } from './support/synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

type RouteProperties = Record<string, unknown> & { RouteKey: string; Target: unknown; ApiId: unknown };
/** Every route of every stack (routes live in the feature stacks), with the stack it is in. */
const routesByKey = () =>
  new Map(
    resourcesOfType(synth.stacks, 'AWS::ApiGatewayV2::Route').map(({ stack, resource }) => {
      const properties = resource.Properties as RouteProperties;
      const entry: RouteProperties & { stack: CdkStack } = { ...properties, stack };
      return [properties.RouteKey, entry];
    }),
  );
const routeOf = (key: string) => {
  const found = routesByKey().get(key);
  if (!found) throw new Error(`No route ${key}`);
  return found;
};
/** `{ Ref }` in a nested template, as the root stack's value. */
const rooted = (stack: CdkStack, value: unknown) => inRoot(synth, stack, value);
const apiRef = () => ({ Ref: logicalId(synth.stack, synth.stack.api.httpApi.node.defaultChild as CfnApi) });
/** The API's only authorizer, in the root stack (the JWT authorizer test asserts there is exactly one). */
const authorizerId = () => {
  expect(resourcesOfType(synth.stacks, 'AWS::ApiGatewayV2::Authorizer')).toHaveLength(1);
  return logicalId(synth.stack, synth.stack.api.authorizer.node.defaultChild as CfnAuthorizer);
};

describe('HTTP API routes', () => {
  it('has exactly one route per entry of the route table', () => {
    const keys = [...routesByKey().keys()].sort();
    expect(keys).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
  });

  it.each(routes)('$method $path is on the one HTTP API of the root stack, in the stack of its function', (route) => {
    const found = routeOf(`${route.method} ${route.path}`);
    expect(found.stack).toBe(Stack.of(synth.stack.functions[route.function]!));
    expect(rooted(found.stack, found.ApiId)).toEqual(apiRef());
  });

  it.each(routes.filter((route) => route.auth === 'jwt'))(
    '$method $path sits behind the Lambda authorizer',
    (route) => {
      const found = routeOf(`${route.method} ${route.path}`);
      expect(found).toMatchObject({ AuthorizationType: 'CUSTOM' });
      expect(found.AuthorizationScopes).toBeUndefined();
      expect(rooted(found.stack, found.AuthorizerId)).toEqual({ Ref: authorizerId() });
    },
  );

  it.each(routes.filter((route) => route.auth === 'none'))('$method $path is public', (route) => {
    const found = routeOf(`${route.method} ${route.path}`);
    expect(found.AuthorizationType ?? 'NONE').toBe('NONE');
    expect(found.AuthorizerId).toBeUndefined();
    expect(found.AuthorizationScopes).toBeUndefined();
  });

  it.each(routes)('$method $path invokes its own function, with payload format 2.0', (route) => {
    const found = routeOf(`${route.method} ${route.path}`);
    // Target is `integrations/<IntegrationId>`, as a join.
    const integrationId = (found.Target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1][1] as { Ref: string };
    const template = synth.templateOf(found.stack);
    const integration = template.findResources('AWS::ApiGatewayV2::Integration')[integrationId.Ref];
    expect(integration?.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [functionLogicalId(synth.stack, route.function), 'Arn'] },
    });
    expect(rooted(found.stack, integration?.Properties.ApiId)).toEqual(apiRef());
  });

  it.each(routes)('$method $path may invoke its function only from this API and this path', (route) => {
    const found = routeOf(`${route.method} ${route.path}`);
    const permissions = Object.values(synth.templateOf(found.stack).findResources('AWS::Lambda::Permission')).filter(
      (permission) =>
        JSON.stringify(permission.Properties.FunctionName) ===
        JSON.stringify({ 'Fn::GetAtt': [functionLogicalId(synth.stack, route.function), 'Arn'] }),
    );
    expect(permissions).toHaveLength(1);
    const sourceArn = permissions[0]?.Properties.SourceArn as { 'Fn::Join': [string, unknown[]] };
    const parts = sourceArn['Fn::Join'][1];
    expect(parts).toContain(':execute-api:');
    expect(parts.map((part) => rooted(found.stack, part))).toContainEqual(apiRef());
    expect(parts.at(-1)).toBe(`/*/*${route.path}`);
  });
});

describe('Lambda authorizer', () => {
  it('invokes the authorizer function with payload 2.0, simple responses and a 5-second cache per Authorization header', () => {
    expect(resourcesOfType(synth.stacks, 'AWS::ApiGatewayV2::Authorizer')).toHaveLength(1);
    const fn = functionLogicalId(synth.stack, API_AUTHORIZER);
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      IdentitySource: ['$request.header.Authorization'],
      AuthorizerPayloadFormatVersion: '2.0',
      EnableSimpleResponses: true,
      AuthorizerResultTtlInSeconds: AUTHORIZER_CACHE_TTL_SECONDS,
    });
    expect(JSON.stringify(synth.template.findResources('AWS::ApiGatewayV2::Authorizer'))).toContain(fn);
    expect(AUTHORIZER_CACHE_TTL_SECONDS).toBeLessThanOrEqual(5);
  });

  it("trusts the stack's own pool as issuer, and this app client", () => {
    const pool = logicalId(synth.stack, synth.stack.auth.userPool.node.defaultChild as CfnUserPool);
    const client = logicalId(synth.stack, synth.stack.auth.client.node.defaultChild as CfnUserPoolClient);
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          JWT_ISSUER: {
            'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: pool }]],
          },
          USER_POOL_CLIENT_ID: { Ref: client },
        }),
      },
    });
  });

  it('may be invoked by API Gateway for this API only', () => {
    const fn = functionLogicalId(synth.stack, API_AUTHORIZER);
    const permissions = Object.values(synth.template.findResources('AWS::Lambda::Permission')).filter(
      (permission) =>
        JSON.stringify(permission.Properties.FunctionName) === JSON.stringify({ 'Fn::GetAtt': [fn, 'Arn'] }),
    );
    expect(permissions).toHaveLength(1);
    expect(permissions[0]?.Properties.Principal).toBe('apigateway.amazonaws.com');
    expect(JSON.stringify(permissions[0]?.Properties.SourceArn)).toContain('/authorizers/');
  });
});

describe('default stage', () => {
  it('is throttled (rate 200, burst 400: a cost ceiling, ten callers at full speed) and auto-deployed', () => {
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
    });
  });

  it('throttles the public auth routes, the health check, the reference page, the capture route and the Stripe webhook below the stage', () => {
    const throttled = routes.filter((route) => route.throttle);
    expect(throttled.map((route) => route.path).sort()).toEqual(
      [
        '/v1/auth/confirm',
        '/v1/auth/forgot-password',
        '/v1/auth/login',
        '/v1/auth/login/mfa',
        '/v1/auth/refresh',
        '/v1/auth/resend-code',
        '/v1/auth/reset-password',
        '/v1/auth/signup',
        '/v1/captures',
        '/v1/docs',
        '/v1/docs/{asset}',
        '/v1/health',
        '/v1/webhooks/stripe',
      ].sort(),
    );
    const stages = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Stage')) as {
      Properties: { RouteSettings: Record<string, unknown> };
      DependsOn?: string[];
    }[];
    expect(stages).toHaveLength(1);
    const stage = stages[0]!;
    expect(stage.Properties.RouteSettings).toEqual(
      Object.fromEntries(
        throttled.map((route) => [
          `${route.method} ${route.path}`,
          { ThrottlingRateLimit: route.throttle!.ratePerSecond, ThrottlingBurstLimit: route.throttle!.burst },
        ]),
      ),
    );
    for (const route of throttled) expect(route.throttle!.ratePerSecond).toBeLessThan(50);
    // CloudFormation refuses route settings for a route key that does not exist yet.
    const identity = synth.stack.features.get('identity')!;
    expect(stage.DependsOn).toContain(logicalId(synth.stack, identity.nestedStackResource as never));
    const captures = synth.stack.features.get('captures')!;
    expect(stage.DependsOn).toContain(logicalId(synth.stack, captures.nestedStackResource as never));
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
  it('allows the API methods and headers from any origin by default and exposes ETag, Location, Idempotent-Replayed and the request budget', () => {
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['*'],
        AllowMethods: Match.arrayWith(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS']),
        AllowHeaders: Match.arrayWith(['authorization', 'content-type', 'idempotency-key', 'if-match']),
        ExposeHeaders: [
          'etag',
          'location',
          'idempotent-replayed',
          'ratelimit-limit',
          'ratelimit-remaining',
          'ratelimit-reset',
          'retry-after',
        ],
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
    const uris = resourcesOfType(synth.stacks, 'AWS::ApiGatewayV2::Integration').map(
      ({ stack, resource }) => `${stack.node.path} ${JSON.stringify(resource.Properties.IntegrationUri)}`,
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
    const api = new Api(stack, 'Api', {
      userPool,
      client: userPool.addClient('Client'),
      corsOrigins: ['*'],
      removalPolicy: RemovalPolicy.DESTROY,
    });
    api.attachAuthorizer(fn);
    expect(() => api.addRoutes(stack, twice, () => fn)).toThrow(
      /me-get serves both GET \/v1\/me and GET \/v1\/me\/again/,
    );
  });
});

describe('migration deploy (-c apiRoutes=off)', () => {
  it('keeps every function and the API but puts no route, integration or permission on it', () => {
    const migration = synthesize({ apiRoutes: 'off' });
    expect(resourcesOfType(migration.stacks, 'AWS::ApiGatewayV2::Route')).toEqual([]);
    expect(resourcesOfType(migration.stacks, 'AWS::ApiGatewayV2::Integration')).toEqual([]);
    expect(resourcesOfType(migration.stacks, 'AWS::Lambda::Function').length).toBe(
      resourcesOfType(synth.stacks, 'AWS::Lambda::Function').length,
    );
    expect(resourcesOfType(migration.stacks, 'AWS::ApiGatewayV2::Api')).toHaveLength(1);
  });
});
